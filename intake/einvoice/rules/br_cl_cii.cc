// The CII binding of the code-list rules (CEN artefacts 1.3.15,
// EN16931-CII-codes.sch), in the order of its pattern. Note the order
// matters: a ram:ID with a schemeID is taken by BR-CL-11 before the
// ram:OriginTradeCountry/ram:ID context of BR-CL-15 is tried.
#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_cl_checks.h"

namespace docintake::einvoice::internal {
namespace {

std::string Attr(const XmlElement& e, absl::string_view name) {
  return e.Attribute(name).value_or("");
}

bool HasAttr(const XmlElement& e, absl::string_view name) {
  return e.Attribute(name).has_value();
}

// ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator =
// <want>] for the parent.
bool ParentIndicatorIs(const CodeListNode& node, bool want) {
  const XmlElement* parent = node.Parent();
  if (parent == nullptr ||
      !parent->Is(kRamNs, "SpecifiedTradeAllowanceCharge")) {
    return false;
  }
  for (const XmlElement& ci : parent->Children(kRamNs, "ChargeIndicator")) {
    for (const XmlElement& i : ci.Children(kUdtNs, "Indicator")) {
      if (XsBoolean(i.Text()) == want) return true;
    }
  }
  return false;
}

}  // namespace

void CheckCiiCodeLists(const CodeListNode& node, FindingSink& sink) {
  const XmlElement& e = node.element;
  if (e.namespace_uri() != kRamNs) return;
  const absl::string_view local = e.local_name();
  const bool has_scheme = HasAttr(e, "schemeID");
  const std::string scheme = Attr(e, "schemeID");

  if (local == "TypeCode" && node.ParentIs(kRsmNs, "ExchangedDocument")) {
    return ReportUnless(IsListedCode(Untdid1001Cii(), e.Text()), 1, node, sink);
  }
  if (local == "TaxTotalAmount" && HasAttr(e, "currencyID")) {
    return ReportUnless(
        IsListedCode(Iso4217Currencies(), Attr(e, "currencyID")), 3, node,
        sink);
  }
  if (local == "InvoiceCurrencyCode") {
    return ReportUnless(IsListedCode(Iso4217Currencies(), e.Text()), 4, node,
                        sink);
  }
  if (local == "TaxCurrencyCode") {
    return ReportUnless(IsListedCode(Iso4217Currencies(), e.Text()), 5, node,
                        sink);
  }
  if (local == "DueDateTypeCode") {
    return ReportUnless(IsListedCode(Untdid2475DueDateType(), e.Text()), 6,
                        node, sink);
  }
  if (local == "ReferenceTypeCode") {
    return ReportUnless(IsListedCode(Untdid1153(), e.Text()), 7, node, sink);
  }
  if (local == "SubjectCode") {
    return ReportUnless(IsListedCode(Untdid4451Cii(), e.Text()), 8, node, sink);
  }
  if (local == "GlobalID" && has_scheme &&
      !node.HasAncestor(kRamNs, "SpecifiedTradeProduct") &&
      !node.HasAncestor(kRamNs, "ShipToTradeParty")) {
    return ReportUnless(IsListedIcdCode(scheme), 10, node, sink);
  }
  if (local == "ID" && has_scheme &&
      !node.HasAncestor(kRamNs, "SpecifiedTaxRegistration")) {
    return ReportUnless(IsListedIcdCode(scheme), 11, node, sink);
  }
  if (local == "ClassCode" && HasAttr(e, "listID")) {
    return ReportUnless(IsListedCode(Untdid7143(), Attr(e, "listID")), 13, node,
                        sink);
  }
  if (local == "CountryID") {
    return ReportUnless(IsListedCode(Iso3166CountriesCii(), e.Text()), 14, node,
                        sink);
  }
  if (local == "ID" && node.ParentIs(kRamNs, "OriginTradeCountry")) {
    return ReportUnless(IsListedCode(Iso3166CountriesCii(), e.Text()), 15, node,
                        sink);
  }
  if (local == "TypeCode" &&
      node.ParentIs(kRamNs, "SpecifiedTradeSettlementPaymentMeans")) {
    return ReportUnless(IsListedCode(Untdid4461(), e.Text()), 16, node, sink);
  }
  if (local == "CategoryCode" && node.ParentIs(kRamNs, "CategoryTradeTax")) {
    return ReportUnless(IsListedCode(Untdid5305(), e.Text()), 17, node, sink);
  }
  if (local == "CategoryCode" && node.ParentIs(kRamNs, "ApplicableTradeTax")) {
    return ReportUnless(IsListedCode(Untdid5305(), e.Text()), 18, node, sink);
  }
  if (local == "ReasonCode" && ParentIndicatorIs(node, false)) {
    return ReportUnless(IsListedCode(Untdid5189(), e.Text()), 19, node, sink);
  }
  if (local == "ReasonCode" && ParentIndicatorIs(node, true)) {
    return ReportUnless(IsListedCode(Untdid7161(), e.Text()), 20, node, sink);
  }
  if (local == "GlobalID" && has_scheme &&
      node.ParentIs(kRamNs, "SpecifiedTradeProduct")) {
    return ReportUnless(IsListedIcdCode(scheme), 21, node, sink);
  }
  if (local == "ExemptionReasonCode") {
    std::string upper = NormalizeSpace(e.Text());
    for (char& ch : upper) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return ReportUnless(IsListedCode(CefVatex(), upper), 22, node, sink);
  }
  if ((local == "BasisQuantity" || local == "BilledQuantity") &&
      HasAttr(e, "unitCode")) {
    return ReportUnless(IsListedCode(UneceRec20Rec21(), Attr(e, "unitCode")),
                        23, node, sink);
  }
  if (local == "AttachmentBinaryObject" && HasAttr(e, "mimeCode")) {
    return ReportUnless(AttachmentMimeCodes().Contains(Attr(e, "mimeCode")), 24,
                        node, sink);
  }
  if (local == "URIID" && has_scheme &&
      node.ParentIs(kRamNs, "URIUniversalCommunication")) {
    return ReportUnless(IsListedCode(CefEas(), scheme), 25, node, sink);
  }
  if (local == "GlobalID" && has_scheme &&
      node.ParentIs(kRamNs, "ShipToTradeParty")) {
    const XmlElement* grandparent = node.Grandparent();
    if (grandparent != nullptr &&
        grandparent->Is(kRamNs, "ApplicableHeaderTradeDelivery")) {
      return ReportUnless(IsListedIcdCode(scheme), 26, node, sink);
    }
  }
}

}  // namespace docintake::einvoice::internal
