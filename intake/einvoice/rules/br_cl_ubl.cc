// The UBL binding of the code-list rules (CEN artefacts 1.3.15,
// EN16931-UBL-codes.sch), in the order of its pattern, plus BR-CL-08, which
// the UBL binding places in its model pattern: a note subject code written
// as "#CODE#" in a document-level cbc:Note.
#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_cl_checks.h"

namespace docintake::einvoice::internal {
namespace {

bool IsUblAmount(absl::string_view local) {
  static constexpr absl::string_view kAmounts[] = {"Amount",
                                                   "BaseAmount",
                                                   "PriceAmount",
                                                   "TaxAmount",
                                                   "TaxableAmount",
                                                   "LineExtensionAmount",
                                                   "TaxExclusiveAmount",
                                                   "TaxInclusiveAmount",
                                                   "AllowanceTotalAmount",
                                                   "ChargeTotalAmount",
                                                   "PrepaidAmount",
                                                   "PayableRoundingAmount",
                                                   "PayableAmount"};
  for (absl::string_view a : kAmounts) {
    if (local == a) return true;
  }
  return false;
}

std::string Attr(const XmlElement& e, absl::string_view name) {
  return e.Attribute(name).value_or("");
}

bool HasAttr(const XmlElement& e, absl::string_view name) {
  return e.Attribute(name).has_value();
}

// cac:AllowanceCharge[cbc:ChargeIndicator = <want>] for the parent.
bool ParentIndicatorIs(const CodeListNode& node, bool want) {
  const XmlElement* parent = node.Parent();
  if (parent == nullptr || !parent->Is(kCacNs, "AllowanceCharge")) {
    return false;
  }
  for (const XmlElement& i : parent->Children(kCbcNs, "ChargeIndicator")) {
    if (XsBoolean(i.Text()) == want) return true;
  }
  return false;
}

// cac:AdditionalDocumentReference[cbc:DocumentTypeCode = '130'] or the same
// for cac:DocumentReference.
bool ParentIsObjectReference(const CodeListNode& node) {
  const XmlElement* parent = node.Parent();
  if (parent == nullptr ||
      !(parent->Is(kCacNs, "AdditionalDocumentReference") ||
        parent->Is(kCacNs, "DocumentReference"))) {
    return false;
  }
  for (const XmlElement& t : parent->Children(kCbcNs, "DocumentTypeCode")) {
    if (t.Text() == "130") return true;
  }
  return false;
}

// BR-CL-08: contains(.,'#') and the text between the first two '#' has three
// characters that occur in the list string (a substring test on
// ' AAA AAB ... ZZZ ', as the rule writes it).
void CheckNoteSubject(const CodeListNode& node, FindingSink& sink) {
  const std::string text = node.element.Text();
  const size_t first = text.find('#');
  if (first == std::string::npos) return;
  const std::string after = text.substr(first + 1);
  const size_t second = after.find('#');
  // substring-before returns '' when there is no second '#'.
  const std::string code =
      second == std::string::npos ? std::string() : after.substr(0, second);
  int chars = 0;
  for (char c : code) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  }
  if (chars != 3) return;
  static const std::string* const kListString = [] {
    auto* s = new std::string(" ");
    for (absl::string_view c : Untdid4451Ubl().codes) {
      s->append(c.data(), c.size());
      s->push_back(' ');
    }
    return s;
  }();
  ReportUnless(kListString->find(code) != std::string::npos, 8, node, sink);
}

}  // namespace

void CheckUblCodeLists(const CodeListNode& node, FindingSink& sink) {
  const XmlElement& e = node.element;
  if (e.namespace_uri() != kCbcNs) return;
  const absl::string_view local = e.local_name();

  // Model pattern: /ubl:Invoice/cbc:Note | /cn:CreditNote/cbc:Note.
  if (local == "Note" && node.ancestors.size() == 1 &&
      (node.ancestors[0].Is(kUblInvoiceNs, "Invoice") ||
       node.ancestors[0].Is(kUblCreditNoteNs, "CreditNote"))) {
    CheckNoteSubject(node, sink);
  }

  // Code-list pattern, first matching context only.
  if (local == "InvoiceTypeCode") {
    return ReportUnless(IsListedCode(Untdid1001InvoiceUbl(), e.Text()), 1, node,
                        sink);
  }
  if (local == "CreditNoteTypeCode") {
    return ReportUnless(IsListedCode(Untdid1001CreditNoteUbl(), e.Text()), 1,
                        node, sink);
  }
  if (IsUblAmount(local)) {
    return ReportUnless(
        IsListedCode(Iso4217Currencies(), Attr(e, "currencyID")), 3, node,
        sink);
  }
  if (local == "DocumentCurrencyCode") {
    return ReportUnless(IsListedCode(Iso4217Currencies(), e.Text()), 4, node,
                        sink);
  }
  if (local == "TaxCurrencyCode") {
    return ReportUnless(IsListedCode(Iso4217Currencies(), e.Text()), 5, node,
                        sink);
  }
  if (local == "DescriptionCode" && node.ParentIs(kCacNs, "InvoicePeriod")) {
    return ReportUnless(IsListedCode(Untdid2005TaxPointDate(), e.Text()), 6,
                        node, sink);
  }
  const bool has_scheme = HasAttr(e, "schemeID");
  const std::string scheme = Attr(e, "schemeID");
  if (local == "ID" && has_scheme && ParentIsObjectReference(node)) {
    return ReportUnless(IsListedCode(Untdid1153(), scheme), 7, node, sink);
  }
  if (local == "ID" && has_scheme &&
      node.ParentIs(kCacNs, "PartyIdentification")) {
    const bool sepa = NormalizeSpace(scheme) == "SEPA" &&
                      (node.HasAncestor(kCacNs, "AccountingSupplierParty") ||
                       node.HasAncestor(kCacNs, "PayeeParty"));
    return ReportUnless(IsListedIcdCode(scheme) || sepa, 10, node, sink);
  }
  if (local == "CompanyID" && has_scheme &&
      node.ParentIs(kCacNs, "PartyLegalEntity")) {
    return ReportUnless(IsListedIcdCode(scheme), 11, node, sink);
  }
  if (local == "ItemClassificationCode" && HasAttr(e, "listID") &&
      node.ParentIs(kCacNs, "CommodityClassification")) {
    return ReportUnless(IsListedCode(Untdid7143(), Attr(e, "listID")), 13, node,
                        sink);
  }
  if (local == "IdentificationCode" && node.ParentIs(kCacNs, "Country")) {
    return ReportUnless(IsListedCode(Iso3166CountriesUbl(), e.Text()), 14, node,
                        sink);
  }
  if (local == "IdentificationCode" && node.ParentIs(kCacNs, "OriginCountry")) {
    return ReportUnless(IsListedCode(Iso3166CountriesUbl(), e.Text()), 15, node,
                        sink);
  }
  if (local == "PaymentMeansCode" && node.ParentIs(kCacNs, "PaymentMeans")) {
    return ReportUnless(IsListedCode(Untdid4461(), e.Text()), 16, node, sink);
  }
  if (local == "ID" && node.ParentIs(kCacNs, "TaxCategory")) {
    return ReportUnless(IsListedCode(Untdid5305(), e.Text()), 17, node, sink);
  }
  if (local == "ID" && node.ParentIs(kCacNs, "ClassifiedTaxCategory")) {
    return ReportUnless(IsListedCode(Untdid5305(), e.Text()), 18, node, sink);
  }
  if (local == "AllowanceChargeReasonCode" && ParentIndicatorIs(node, false)) {
    return ReportUnless(IsListedCode(Untdid5189(), e.Text()), 19, node, sink);
  }
  if (local == "AllowanceChargeReasonCode" && ParentIndicatorIs(node, true)) {
    return ReportUnless(IsListedCode(Untdid7161(), e.Text()), 20, node, sink);
  }
  if (local == "ID" && has_scheme &&
      node.ParentIs(kCacNs, "StandardItemIdentification")) {
    return ReportUnless(IsListedIcdCode(scheme), 21, node, sink);
  }
  if (local == "TaxExemptionReasonCode") {
    // normalize-space(upper-case(.)); a blank inside fails either way.
    std::string upper = NormalizeSpace(e.Text());
    for (char& ch : upper) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return ReportUnless(IsListedCode(CefVatex(), upper), 22, node, sink);
  }
  if ((local == "InvoicedQuantity" || local == "BaseQuantity" ||
       local == "CreditedQuantity") &&
      HasAttr(e, "unitCode")) {
    return ReportUnless(IsListedCode(UneceRec20Rec21(), Attr(e, "unitCode")),
                        23, node, sink);
  }
  if (local == "EmbeddedDocumentBinaryObject" && HasAttr(e, "mimeCode")) {
    // Compared as written, without normalize-space.
    return ReportUnless(AttachmentMimeCodes().Contains(Attr(e, "mimeCode")), 24,
                        node, sink);
  }
  if (local == "EndpointID" && has_scheme) {
    return ReportUnless(IsListedCode(CefEas(), scheme), 25, node, sink);
  }
  if (local == "ID" && has_scheme &&
      node.ParentIs(kCacNs, "DeliveryLocation")) {
    return ReportUnless(IsListedIcdCode(scheme), 26, node, sink);
  }
}

}  // namespace docintake::einvoice::internal
