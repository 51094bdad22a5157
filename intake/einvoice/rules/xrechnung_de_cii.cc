// XRechnung BR-DE rules for CII, following the contexts and tests of
// XRechnung-CII-validation.sch (Schematron 2.5.0). Numeric comparisons of
// codes (ram:TypeCode = (30, 58)) compare numbers, as XPath does with
// untyped values.
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/check_digits.h"
#include "intake/einvoice/rules/internal/xrechnung_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(XRechnungRule(id), where);
}

// The element's text as a number (XPath cast of an untyped value).
std::optional<double> Number(const XmlElement& e) {
  double d = 0;
  if (!e.valid() || !absl::SimpleAtod(XrNormalizeSpace(e.Text()), &d)) {
    return std::nullopt;
  }
  return d;
}

bool NumberIn(const XmlElement& e, std::initializer_list<double> values) {
  const std::optional<double> n = Number(e);
  if (!n) return false;
  for (double v : values) {
    if (*n == v) return true;
  }
  return false;
}

bool AnyInList(const std::vector<XmlElement>& elements,
               std::initializer_list<absl::string_view> list) {
  for (const XmlElement& e : elements) {
    for (absl::string_view c : list) {
      if (e.Text() == c) return true;
    }
  }
  return false;
}

constexpr std::initializer_list<absl::string_view> kVatCodes = {
    "S", "Z", "E", "AE", "K", "G", "L", "M"};

struct Parts {
  XmlElement root, transaction, agreement, delivery, settlement;
};

void CheckDirectDebit(const Parts& p, FindingSink& s) {
  const bool bt89 =
      p.settlement
          .Find("ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID")
          .valid();
  const bool bt90 = p.settlement.Child(kRamNs, "CreditorReferenceID").valid();
  const bool bt91 = p.settlement
                        .Find(
                            "ram:SpecifiedTradeSettlementPaymentMeans/"
                            "ram:PayerPartyDebtorFinancialAccount/ram:IBANID")
                        .valid();
  if (!bt89 && !bt90 && !bt91) return;
  const std::string& where = p.root.path();
  if (!((bt89 || bt91) && bt90)) Fire(s, "BR-DE-30", where);
  if (!((bt89 || bt90) && bt91)) Fire(s, "BR-DE-31", where);
}

bool UsesListedVatCode(const Parts& p) {
  const std::vector<XmlElement> line_tax = p.transaction.FindAll(
      "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/"
      "ram:ApplicableTradeTax");
  std::vector<XmlElement> type_codes, category_codes;
  for (const XmlElement& t : line_tax) {
    for (const XmlElement& e : t.Children(kRamNs, "TypeCode")) {
      type_codes.push_back(e);
    }
    for (const XmlElement& e : t.Children(kRamNs, "CategoryCode")) {
      category_codes.push_back(e);
    }
  }
  if (XrAnyTextEquals(type_codes, "VAT") &&
      AnyInList(category_codes, kVatCodes)) {
    return true;
  }
  const std::vector<XmlElement> header_tax = p.settlement.FindAll(
      "ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax");
  std::vector<XmlElement> header_codes;
  for (const XmlElement& t : header_tax) {
    for (const XmlElement& e : t.Children(kRamNs, "CategoryCode")) {
      header_codes.push_back(e);
    }
  }
  return XrAnyTextEquals(header_tax, "VAT") &&
         AnyInList(header_codes, kVatCodes);
}

bool HasSellerTaxId(const Parts& p) {
  for (const XmlElement& id : p.agreement.FindAll(
           "ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID")) {
    const std::optional<std::string> scheme = id.Attribute("schemeID");
    if (scheme && (*scheme == "VA" || *scheme == "VAT" || *scheme == "FC") &&
        XrNonBlank(id)) {
      return true;
    }
  }
  return p.agreement.Child(kRamNs, "SellerTaxRepresentativeTradeParty").valid();
}

// BR-DE-22 over every ram:AdditionalReferencedDocument in the document,
// comparing file names with preceding siblings only.
bool DuplicateFileNames(const XmlElement& e) {
  std::vector<std::string> seen;
  for (const XmlElement& child : e.Children()) {
    if (child.Is(kRamNs, "AdditionalReferencedDocument")) {
      bool duplicate = false;
      std::vector<std::string> names;
      for (const XmlElement& obj :
           child.Children(kRamNs, "AttachmentBinaryObject")) {
        std::optional<std::string> name = obj.Attribute("filename");
        if (!name) continue;
        for (const std::string& n : seen) duplicate |= n == *name;
        names.push_back(*name);
      }
      if (duplicate) return true;
      seen.insert(seen.end(), names.begin(), names.end());
    }
    if (child.HasChildElements() && DuplicateFileNames(child)) return true;
  }
  return false;
}

void CheckDocument(const Parts& p, FindingSink& s) {
  const std::string& where = p.root.path();
  CheckDirectDebit(p, s);
  if (!p.settlement.Child(kRamNs, "SpecifiedTradeSettlementPaymentMeans")
           .valid()) {
    Fire(s, "BR-DE-1", where);
  }
  if (!XrAnyNonBlank(p.agreement.Children(kRamNs, "BuyerReference"))) {
    Fire(s, "BR-DE-15", where);
  }
  if (UsesListedVatCode(p) && !HasSellerTaxId(p)) Fire(s, "BR-DE-16", where);
  const std::vector<XmlElement> types =
      p.root.FindAll("rsm:ExchangedDocument/ram:TypeCode");
  if (!AnyInList(types,
                 {"326", "380", "384", "389", "381", "875", "876", "877"})) {
    Fire(s, "BR-DE-17", where);
  }
  for (const XmlElement& terms :
       p.settlement.Children(kRamNs, "SpecifiedTradePaymentTerms")) {
    const XmlElement text = terms.Child(kRamNs, "Description");
    if (text.valid() && !SkontoTextValid(text.Text())) {
      Fire(s, "BR-DE-18", where);
      break;
    }
  }
  if (DuplicateFileNames(p.root)) Fire(s, "BR-DE-22", where);
  bool corrected = false;
  for (const XmlElement& t : types) corrected |= NumberIn(t, {384});
  if (corrected &&
      !p.settlement.Child(kRamNs, "InvoiceReferencedDocument").valid()) {
    Fire(s, "BR-DE-26", where);
  }
  for (const XmlElement& context :
       p.root.Children(kRsmNs, "ExchangedDocumentContext")) {
    bool xr_id = false;
    for (const XmlElement& id : context.FindAll(
             "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")) {
      xr_id |= IsXRechnungId(id.Text());
    }
    if (!xr_id) Fire(s, "BR-DE-21", context.path());
  }
}

void CheckAddress(const XmlElement& addr, absl::string_view city_rule,
                  absl::string_view post_rule, FindingSink& s) {
  if (!XrAnyNonBlank(addr.Children(kRamNs, "CityName"))) {
    Fire(s, city_rule, addr.path());
  }
  if (!XrAnyNonBlank(addr.Children(kRamNs, "PostcodeCode"))) {
    Fire(s, post_rule, addr.path());
  }
}

void CheckParties(const Parts& p, FindingSink& s) {
  for (const XmlElement& seller :
       p.agreement.Children(kRamNs, "SellerTradeParty")) {
    if (!seller.Child(kRamNs, "DefinedTradeContact").valid()) {
      Fire(s, "BR-DE-2", seller.path());
    }
    for (const XmlElement& addr :
         seller.Children(kRamNs, "PostalTradeAddress")) {
      CheckAddress(addr, "BR-DE-3", "BR-DE-4", s);
    }
    for (const XmlElement& contact :
         seller.Children(kRamNs, "DefinedTradeContact")) {
      if (!XrAnyNonBlank(contact.Children(kRamNs, "PersonName")) &&
          !XrAnyNonBlank(contact.Children(kRamNs, "DepartmentName"))) {
        Fire(s, "BR-DE-5", contact.path());
      }
      const std::vector<XmlElement> phones = contact.FindAll(
          "ram:TelephoneUniversalCommunication/ram:CompleteNumber");
      const std::vector<XmlElement> mails =
          contact.FindAll("ram:EmailURIUniversalCommunication/ram:URIID");
      if (!XrAnyNonBlank(phones)) Fire(s, "BR-DE-6", contact.path());
      if (!XrAnyNonBlank(mails)) Fire(s, "BR-DE-7", contact.path());
      if (!TelephoneValid(phones.empty() ? "" : phones[0].Text())) {
        Fire(s, "BR-DE-27", contact.path());
      }
      if (!EmailValid(mails.empty() ? "" : mails[0].Text())) {
        Fire(s, "BR-DE-28", contact.path());
      }
    }
  }
  for (const XmlElement& addr :
       p.agreement.FindAll("ram:BuyerTradeParty/ram:PostalTradeAddress")) {
    CheckAddress(addr, "BR-DE-8", "BR-DE-9", s);
  }
  for (const XmlElement& addr :
       p.delivery.FindAll("ram:ShipToTradeParty/ram:PostalTradeAddress")) {
    CheckAddress(addr, "BR-DE-10", "BR-DE-11", s);
  }
}

void CheckPaymentMeans(const Parts& p, FindingSink& s) {
  const bool bt89 =
      p.settlement
          .Find("ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID")
          .valid();
  const bool bt90 = p.settlement.Child(kRamNs, "CreditorReferenceID").valid();
  for (const XmlElement& pm :
       p.settlement.Children(kRamNs, "SpecifiedTradeSettlementPaymentMeans")) {
    const XmlElement code = pm.Child(kRamNs, "TypeCode");
    const bool transfer =
        pm.Child(kRamNs, "PayeePartyCreditorFinancialAccount").valid();
    const bool card =
        pm.Child(kRamNs, "ApplicableTradeSettlementFinancialCard").valid();
    const bool debit =
        bt89 || bt90 ||
        pm.Find("ram:PayerPartyDebtorFinancialAccount/ram:IBANID").valid();
    if (NumberIn(code, {30, 58})) {
      if (code.Text() == "58" &&
          !XRechnungIbanValid(XrNormalizeSpace(
              pm.Find("ram:PayeePartyCreditorFinancialAccount/ram:IBANID")
                  .Text()))) {
        Fire(s, "BR-DE-19", pm.path());
      }
      if (!transfer) Fire(s, "BR-DE-23-a", pm.path());
      if (card || debit) Fire(s, "BR-DE-23-b", pm.path());
    } else if (NumberIn(code, {48, 54, 55})) {
      if (!card) Fire(s, "BR-DE-24-a", pm.path());
      if (transfer || debit) Fire(s, "BR-DE-24-b", pm.path());
    } else if (NumberIn(code, {59})) {
      if (code.Text() == "59" &&
          !XRechnungIbanValid(XrNormalizeSpace(
              pm.Find("ram:PayerPartyDebtorFinancialAccount/ram:IBANID")
                  .Text()))) {
        Fire(s, "BR-DE-20", pm.path());
      }
      if (!debit) Fire(s, "BR-DE-25-a", pm.path());
      if (transfer || card ||
          pm.Child(kRamNs, "PayeeSpecifiedCreditorFinancialInstitution")
              .valid()) {
        Fire(s, "BR-DE-25-b", pm.path());
      }
    }
  }
}

void CheckVatAndPeriods(const Parts& p, FindingSink& s) {
  for (const XmlElement& tax :
       p.settlement.Children(kRamNs, "ApplicableTradeTax")) {
    if (!XrAnyNonBlank(tax.Children(kRamNs, "RateApplicablePercent"))) {
      Fire(s, "BR-DE-14", tax.path());
    }
  }
  bool delivery_date =
      p.delivery
          .Find(
              "ram:ActualDeliverySupplyChainEvent/"
              "ram:OccurrenceDateTime")
          .valid() ||
      p.settlement.Child(kRamNs, "BillingSpecifiedPeriod").valid();
  if (!delivery_date) {
    delivery_date = true;
    for (const XmlElement& line :
         p.transaction.Children(kRamNs, "IncludedSupplyChainTradeLineItem")) {
      delivery_date &=
          line.Find(
                  "ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod")
              .valid();
    }
  }
  if (!delivery_date) Fire(s, "BR-DE-TMP-32", p.root.path());
}

}  // namespace

void CheckXRechnungCii(const RuleContext& context, FindingSink& sink) {
  Parts p;
  p.root = context.document.Root();
  p.transaction = p.root.Child(kRsmNs, "SupplyChainTradeTransaction");
  p.agreement = p.transaction.Child(kRamNs, "ApplicableHeaderTradeAgreement");
  p.delivery = p.transaction.Child(kRamNs, "ApplicableHeaderTradeDelivery");
  p.settlement = p.transaction.Child(kRamNs, "ApplicableHeaderTradeSettlement");
  CheckDocument(p, sink);
  CheckParties(p, sink);
  CheckPaymentMeans(p, sink);
  CheckVatAndPeriods(p, sink);
}

}  // namespace docintake::einvoice::internal
