// BR core, document level: BR-01 ... BR-20 and the party rules BR-52, 53,
// 55-57, 62, 63 (contexts and tests as in the CEN artefacts 1.3.15).
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_core_checks.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

std::vector<std::string> Texts(const std::vector<XmlElement>& elements) {
  std::vector<std::string> out;
  for (const XmlElement& e : elements) out.push_back(e.Text());
  return out;
}

// XPath general comparison `a = b` on two string sequences.
bool AnyEqual(const std::vector<std::string>& a,
              const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      if (x == y) return true;
    }
  }
  return false;
}

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(BrCoreRule(id), where);
}

bool IsCiiFormat102(const DateValue& d) {
  return d.present && d.format() != nullptr && *d.format() == "102" &&
         absl::string_view(d.path).find("udt:DateTimeString[") !=
             absl::string_view::npos;
}

void CheckHeader(const Invoice& inv, FindingSink& s) {
  const std::string& root = inv.root_path;
  if (!NonEmpty(inv.specification_identifier)) Fire(s, "BR-01", root);
  if (!NonEmpty(inv.number)) Fire(s, "BR-02", root);
  const bool has_date = IsUbl(inv) ? NonEmpty(inv.issue_date)
                                   : IsCiiFormat102(inv.issue_date) &&
                                         !inv.issue_date.text.empty();
  if (!has_date) Fire(s, "BR-03", root);
  if (!NonEmpty(inv.type_code)) Fire(s, "BR-04", root);
  if (!NonEmpty(inv.currency)) Fire(s, "BR-05", root);
  if (!NonEmpty(inv.seller.name)) Fire(s, "BR-06", root);
  if (!NonEmpty(inv.buyer.name)) Fire(s, "BR-07", root);
  if (!inv.seller.address.present) Fire(s, "BR-08", root);
  if (!inv.buyer.address.present) Fire(s, "BR-10", root);
  if (IsUbl(inv)) {
    if (inv.seller.address.present &&
        !NonEmpty(inv.seller.address.country_code)) {
      Fire(s, "BR-09", inv.seller.address.path);
    }
    if (inv.buyer.address.present &&
        !NonEmpty(inv.buyer.address.country_code)) {
      Fire(s, "BR-11", inv.buyer.address.path);
    }
  } else {
    if (!NonEmpty(inv.seller.address.country_code)) Fire(s, "BR-09", root);
    if (!NonEmpty(inv.buyer.address.country_code)) Fire(s, "BR-11", root);
  }
  if (inv.lines.empty()) Fire(s, "BR-16", root);
  const DocumentTotals& t = inv.totals;
  if (t.present) {
    if (!t.line_net_total.present) Fire(s, "BR-12", t.path);
    if (!t.total_without_vat.present) Fire(s, "BR-13", t.path);
    if (!t.total_with_vat.present) Fire(s, "BR-14", t.path);
    if (!t.amount_due.present) Fire(s, "BR-15", t.path);
  }
}

void CheckPayee(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  if (!inv.payee.present) return;
  const XmlElement root = c.document.Root();
  if (IsUbl(inv)) {
    const XmlElement payee = root.Child(kCacNs, "PayeeParty");
    const XmlElement seller =
        root.Find("cac:AccountingSupplierParty/cac:Party");
    const std::vector<std::string> names =
        Texts(payee.FindAll("cac:PartyName/cbc:Name"));
    const bool ok =
        !names.empty() &&
        !AnyEqual(names, Texts(seller.FindAll("cac:PartyName/cbc:Name"))) &&
        !AnyEqual(Texts(payee.FindAll("cac:PartyIdentification/cbc:ID")),
                  Texts(seller.FindAll("cac:PartyIdentification/cbc:ID"))) &&
        !AnyEqual(
            Texts(payee.FindAll("cac:PartyLegalEntity/cbc:RegistrationName")),
            Texts(seller.FindAll("cac:PartyLegalEntity/cbc:RegistrationName")));
    if (!ok) Fire(s, "BR-17", payee.path());
  } else if (!inv.payee.name.present) {
    // The CII binding compares with ../ram:SellerTradeParty, which is not a
    // sibling of the payee; only the name's presence is tested.
    Fire(s, "BR-17", inv.payee.path);
  }
}

void CheckTaxRepresentative(const RuleContext& c, FindingSink& s) {
  const Party& rep = c.invoice.tax_representative;
  if (!rep.present) return;
  if (IsUbl(c.invoice)) {
    if (!NonEmpty(rep.name)) Fire(s, "BR-18", rep.path);
    if (!rep.address.present) Fire(s, "BR-19", rep.path);
    bool has_vat = false;
    const XmlElement party =
        c.document.Root().Child(kCacNs, "TaxRepresentativeParty");
    for (const XmlElement& scheme : party.Children(kCacNs, "PartyTaxScheme")) {
      if (scheme.Find("cac:TaxScheme/cbc:ID").Text() == "VAT" &&
          scheme.Child(kCbcNs, "CompanyID")) {
        has_vat = true;
      }
    }
    if (!has_vat) Fire(s, "BR-56", rep.path);
    if (rep.address.present && !NonEmpty(rep.address.country_code)) {
      Fire(s, "BR-20", rep.address.path);
    }
  } else {
    if (!rep.name.present) Fire(s, "BR-18", rep.path);
    if (!rep.address.present) Fire(s, "BR-19", rep.path);
    if (!rep.address.country_code.present) Fire(s, "BR-20", rep.path);
    if (!NonEmpty(rep.vat_identifier)) Fire(s, "BR-56", rep.path);
  }
}

// UBL: the EndpointID needs a schemeID. CII: a URIUniversalCommunication
// needs a URIID with a non-empty schemeID.
void CheckElectronicAddress(const RuleContext& c, const Party& party,
                            absl::string_view party_element,
                            absl::string_view id, FindingSink& s) {
  const Invoice& inv = c.invoice;
  if (IsUbl(inv)) {
    const Value& address = party.electronic_address;
    if (address.present && address.Attribute("schemeID") == nullptr) {
      Fire(s, id, address.path);
    }
    return;
  }
  const XmlElement agreement = c.document.Root().Find(
      "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement");
  const XmlElement party_element_node = agreement.Find(party_element);
  if (!party_element_node.Find("ram:URIUniversalCommunication")) return;
  for (const XmlElement& uri :
       party_element_node.FindAll("ram:URIUniversalCommunication/ram:URIID")) {
    const std::optional<std::string> scheme = uri.Attribute("schemeID");
    if (scheme && !scheme->empty()) return;
  }
  Fire(s, id, inv.root_path);
}

void CheckReferences(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  const XmlElement root = c.document.Root();
  for (const SupportingDocument& d : inv.supporting_documents) {
    if (!NonEmpty(d.reference)) Fire(s, "BR-52", d.path);
  }
  if (IsUbl(inv)) {
    for (const XmlElement& ref : root.Children(kCacNs, "BillingReference")) {
      if (!ref.Find("cac:InvoiceDocumentReference/cbc:ID")) {
        Fire(s, "BR-55", ref.path());
      }
    }
    for (const XmlElement& a :
         root.FindAll("cac:Delivery/cac:DeliveryLocation/cac:Address")) {
      if (!a.Find("cac:Country/cbc:IdentificationCode")) {
        Fire(s, "BR-57", a.path());
      }
    }
  } else {
    for (const PrecedingInvoice& p : inv.preceding_invoices) {
      if (!NonEmpty(p.number)) Fire(s, "BR-55", p.path);
    }
    if (inv.deliver_to.address.present &&
        !NonEmpty(inv.deliver_to.address.country_code)) {
      Fire(s, "BR-57", ParentPath(inv.deliver_to.path));
    }
  }
}

void CheckVatCurrency(const Invoice& inv, FindingSink& s) {
  const Value& bt6 = inv.vat_currency;
  if (!bt6.present) return;
  bool found = false;
  for (const DecimalValue& v : inv.totals.all_vat_totals) {
    const std::string* currency = v.currency_id();
    if (currency != nullptr && *currency == bt6.text) found = true;
  }
  if (IsUbl(inv)) {
    if (!found) Fire(s, "BR-53", inv.root_path);
  } else if (inv.totals.present &&
             (!found ||
              (inv.currency.present && bt6.text == inv.currency.text))) {
    Fire(s, "BR-53", inv.totals.path);
  }
}

}  // namespace

void CheckBrCoreDocument(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  CheckHeader(inv, s);
  CheckPayee(c, s);
  CheckTaxRepresentative(c, s);
  CheckElectronicAddress(c, inv.seller, "ram:SellerTradeParty", "BR-62", s);
  CheckElectronicAddress(c, inv.buyer, "ram:BuyerTradeParty", "BR-63", s);
  CheckReferences(c, s);
  CheckVatCurrency(inv, s);
}

}  // namespace docintake::einvoice::internal
