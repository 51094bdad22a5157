// XRechnung BR-DE rules for UBL Invoice and CreditNote, following the
// contexts and tests of XRechnung-UBL-validation.sch (Schematron 2.5.0).
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/check_digits.h"
#include "intake/einvoice/rules/internal/xrechnung_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(XRechnungRule(id), where);
}

bool InList(const std::string& code,
            std::initializer_list<absl::string_view> list) {
  for (absl::string_view c : list) {
    if (code == c) return true;
  }
  return false;
}

bool AnyInList(const std::vector<XmlElement>& elements,
               std::initializer_list<absl::string_view> list) {
  for (const XmlElement& e : elements) {
    if (InList(e.Text(), list)) return true;
  }
  return false;
}

constexpr std::initializer_list<absl::string_view> kVatCodes = {
    "S", "Z", "E", "AE", "K", "G", "L", "M"};

// BR-DE-16: the VAT category codes of document allowances (BT-95), charges
// (BT-102) and lines (BT-151), compared as the Schematron does.
bool UsesListedVatCode(const XmlElement& root) {
  for (const XmlElement& ac : root.Children(kCacNs, "AllowanceCharge")) {
    const std::vector<XmlElement> indicators =
        ac.Children(kCbcNs, "ChargeIndicator");
    const bool allowance = XrAnyTextEquals(indicators, "false");
    const bool charge = XrAnyTextEquals(indicators, "true");
    if (!allowance && !charge) continue;
    if (AnyInList(ac.FindAll("cac:TaxCategory/cbc:ID"), kVatCodes)) {
      return true;
    }
  }
  for (absl::string_view line_name : {"InvoiceLine", "CreditNoteLine"}) {
    for (const XmlElement& line : root.Children(kCacNs, line_name)) {
      if (AnyInList(line.FindAll("cac:Item/cac:ClassifiedTaxCategory/cbc:ID"),
                    kVatCodes)) {
        return true;
      }
    }
  }
  return false;
}

void CheckPaymentTermsSkonto(const XmlElement& root, FindingSink& s) {
  for (const XmlElement& terms : root.Children(kCacNs, "PaymentTerms")) {
    const XmlElement note = terms.Child(kCbcNs, "Note");
    if (note.valid() && !SkontoTextValid(note.Text())) {
      Fire(s, "BR-DE-18", root.path());
      return;
    }
  }
}

bool DuplicateFileNames(const XmlElement& root) {
  std::vector<std::string> seen;
  for (const XmlElement& ref :
       root.Children(kCacNs, "AdditionalDocumentReference")) {
    bool duplicate = false;
    std::vector<std::string> names;
    for (const XmlElement& obj :
         ref.FindAll("cac:Attachment/cbc:EmbeddedDocumentBinaryObject")) {
      std::optional<std::string> name = obj.Attribute("filename");
      if (!name) continue;
      for (const std::string& n : seen) duplicate |= n == *name;
      names.push_back(*name);
    }
    if (duplicate) return true;
    seen.insert(seen.end(), names.begin(), names.end());
  }
  return false;
}

void CheckDocument(const RuleContext& c, const XmlElement& root,
                   FindingSink& s) {
  const std::string& where = root.path();
  if (!root.Child(kCacNs, "PaymentMeans").valid()) Fire(s, "BR-DE-1", where);
  if (!XrAnyNonBlank(root.Children(kCbcNs, "BuyerReference"))) {
    Fire(s, "BR-DE-15", where);
  }
  if (UsesListedVatCode(root) &&
      !root.Child(kCacNs, "TaxRepresentativeParty").valid() &&
      !XrAnyNonBlank(root.FindAll("cac:AccountingSupplierParty/cac:Party/"
                                  "cac:PartyTaxScheme/cbc:CompanyID"))) {
    Fire(s, "BR-DE-16", where);
  }
  const std::initializer_list<absl::string_view> kTypes = {
      "326", "380", "384", "389", "381", "875", "876", "877"};
  const std::string type = XrNormalizeSpace(
      root.Child(kCbcNs, c.invoice.syntax == Syntax::kUblCreditNote
                             ? "CreditNoteTypeCode"
                             : "InvoiceTypeCode")
          .Text());
  if (!InList(type, kTypes)) Fire(s, "BR-DE-17", where);
  CheckPaymentTermsSkonto(root, s);
  bool xr_id = false;
  for (const XmlElement& id : root.Children(kCbcNs, "CustomizationID")) {
    xr_id |= IsXRechnungId(id.Text());
  }
  if (!xr_id) Fire(s, "BR-DE-21", where);
  if (DuplicateFileNames(root)) Fire(s, "BR-DE-22", where);
  if (type == "384" &&
      !root.Find("cac:BillingReference/cac:InvoiceDocumentReference").valid()) {
    Fire(s, "BR-DE-26", where);
  }
  if (root.Find("cac:PaymentMeans/cac:PaymentMandate").valid()) {
    bool sepa = false;
    for (absl::string_view party :
         {"cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/"
          "cbc:ID",
          "cac:PayeeParty/cac:PartyIdentification/cbc:ID"}) {
      for (const XmlElement& id : root.FindAll(party)) {
        sepa |= id.Attribute("schemeID") == std::optional<std::string>("SEPA");
      }
    }
    if (!sepa) Fire(s, "BR-DE-30", where);
    if (!root.Find("cac:PaymentMeans/cac:PaymentMandate/"
                   "cac:PayerFinancialAccount/cbc:ID")
             .valid()) {
      Fire(s, "BR-DE-31", where);
    }
  }
  bool delivery_date =
      root.Find("cac:Delivery/cbc:ActualDeliveryDate").valid() ||
      root.Child(kCacNs, "InvoicePeriod").valid();
  if (!delivery_date) {
    delivery_date = true;
    for (absl::string_view line_name : {"InvoiceLine", "CreditNoteLine"}) {
      for (const XmlElement& line : root.Children(kCacNs, line_name)) {
        delivery_date &= line.Child(kCacNs, "InvoicePeriod").valid();
      }
    }
  }
  if (!delivery_date) Fire(s, "BR-DE-TMP-32", where);
}

void CheckParties(const XmlElement& root, FindingSink& s) {
  for (const XmlElement& supplier :
       root.Children(kCacNs, "AccountingSupplierParty")) {
    if (!supplier.Find("cac:Party/cac:Contact").valid()) {
      Fire(s, "BR-DE-2", supplier.path());
    }
    for (const XmlElement& addr :
         supplier.FindAll("cac:Party/cac:PostalAddress")) {
      if (!XrAnyNonBlank(addr.Children(kCbcNs, "CityName"))) {
        Fire(s, "BR-DE-3", addr.path());
      }
      if (!XrAnyNonBlank(addr.Children(kCbcNs, "PostalZone"))) {
        Fire(s, "BR-DE-4", addr.path());
      }
    }
    for (const XmlElement& contact :
         supplier.FindAll("cac:Party/cac:Contact")) {
      const std::vector<XmlElement> phones =
          contact.Children(kCbcNs, "Telephone");
      const std::vector<XmlElement> mails =
          contact.Children(kCbcNs, "ElectronicMail");
      if (!XrAnyNonBlank(contact.Children(kCbcNs, "Name"))) {
        Fire(s, "BR-DE-5", contact.path());
      }
      if (!XrAnyNonBlank(phones)) Fire(s, "BR-DE-6", contact.path());
      if (!XrAnyNonBlank(mails)) Fire(s, "BR-DE-7", contact.path());
      const std::string phone = phones.empty() ? "" : phones[0].Text();
      const std::string mail = mails.empty() ? "" : mails[0].Text();
      if (!TelephoneValid(phone)) Fire(s, "BR-DE-27", contact.path());
      if (!EmailValid(mail)) Fire(s, "BR-DE-28", contact.path());
    }
  }
  for (const XmlElement& addr : root.FindAll(
           "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress")) {
    if (!XrAnyNonBlank(addr.Children(kCbcNs, "CityName"))) {
      Fire(s, "BR-DE-8", addr.path());
    }
    if (!XrAnyNonBlank(addr.Children(kCbcNs, "PostalZone"))) {
      Fire(s, "BR-DE-9", addr.path());
    }
  }
  for (const XmlElement& addr :
       root.FindAll("cac:Delivery/cac:DeliveryLocation/cac:Address")) {
    if (!XrAnyNonBlank(addr.Children(kCbcNs, "CityName"))) {
      Fire(s, "BR-DE-10", addr.path());
    }
    if (!XrAnyNonBlank(addr.Children(kCbcNs, "PostalZone"))) {
      Fire(s, "BR-DE-11", addr.path());
    }
  }
}

void CheckPaymentMeans(const XmlElement& root, FindingSink& s) {
  for (const XmlElement& pm : root.Children(kCacNs, "PaymentMeans")) {
    const std::string code =
        XrNormalizeSpace(pm.Child(kCbcNs, "PaymentMeansCode").Text());
    const bool transfer = pm.Child(kCacNs, "PayeeFinancialAccount").valid();
    const bool card = pm.Child(kCacNs, "CardAccount").valid();
    const bool mandate = pm.Child(kCacNs, "PaymentMandate").valid();
    if (code == "30" || code == "58") {
      if (code == "58" &&
          !XRechnungIbanValid(XrNormalizeSpace(
              pm.Find("cac:PayeeFinancialAccount/cbc:ID").Text()))) {
        Fire(s, "BR-DE-19", pm.path());
      }
      if (!transfer) Fire(s, "BR-DE-23-a", pm.path());
      if (card || mandate) Fire(s, "BR-DE-23-b", pm.path());
    } else if (code == "48" || code == "54" || code == "55") {
      if (!card) Fire(s, "BR-DE-24-a", pm.path());
      if (transfer || mandate) Fire(s, "BR-DE-24-b", pm.path());
    } else if (code == "59") {
      if (!XRechnungIbanValid(XrNormalizeSpace(
              pm.Find("cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID")
                  .Text()))) {
        Fire(s, "BR-DE-20", pm.path());
      }
      if (!mandate) Fire(s, "BR-DE-25-a", pm.path());
      if (transfer || card) Fire(s, "BR-DE-25-b", pm.path());
    }
  }
}

void CheckAttachmentsAndVat(const XmlElement& root, FindingSink& s) {
  for (const XmlElement& ext :
       root.FindAll("cac:AdditionalDocumentReference/cac:Attachment/"
                    "cac:ExternalReference")) {
    if (!UrlValid(ext.Child(kCbcNs, "URI").Text())) {
      Fire(s, "BR-TMP-2", ext.path());
    }
  }
  for (const XmlElement& sub : root.FindAll("cac:TaxTotal/cac:TaxSubtotal")) {
    if (!XrAnyNonBlank(sub.FindAll("cac:TaxCategory/cbc:Percent"))) {
      Fire(s, "BR-DE-14", sub.path());
    }
  }
}

}  // namespace

void CheckXRechnungUbl(const RuleContext& context, FindingSink& sink) {
  const XmlElement root = context.document.Root();
  CheckDocument(context, root, sink);
  CheckAttachmentsAndVat(root, sink);
  CheckParties(root, sink);
  CheckPaymentMeans(root, sink);
}

}  // namespace docintake::einvoice::internal
