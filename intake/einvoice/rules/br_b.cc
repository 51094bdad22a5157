// Rule family "BR-B": the split-payment rules BR-B-01 and BR-B-02 (CEN
// artefacts 1.3.15), evaluated as the official bindings write them on the
// document element:
// - UBL BR-B-01: some cac:TaxCategory/cbc:ID or cac:ClassifiedTaxCategory/
//   cbc:ID is 'B' and some cbc:IdentificationCode anywhere is not 'IT'.
// - UBL BR-B-02: 'B' in the breakdown, a document-level allowance/charge or
//   a line, and 'S' in a document-level allowance/charge or a line (the
//   binding's breakdown test, cac:TaxSubtotal/cbc:ID, never matches).
// - CII BR-B-01 / 02: some ram:CategoryCode is 'B' and some ram:CountryID is
//   not 'IT' / some ram:CategoryCode is 'S'.
// Values are compared as written (XPath general comparison, no trimming).
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/families.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;

constexpr RuleDefinition kRules[] = {
    {"BR-B-01", kF,
     "An invoice with the VAT category 'Split payment' (B) must be a domestic "
     "Italian invoice.",
     "Eine Rechnung mit der Umsatzsteuerkategorie „Split payment“ (B) muss "
     "eine inländische italienische Rechnung sein."},
    {"BR-B-02", kF,
     "An invoice with the VAT category 'Split payment' (B) must not also use "
     "the category 'Standard rated' (S).",
     "Eine Rechnung mit der Umsatzsteuerkategorie „Split payment“ (B) darf "
     "nicht zugleich die Kategorie „Standard rated“ (S) verwenden."},
};

// Collects the text of every element with this name in document order.
void CollectAll(const XmlElement& e, absl::string_view ns,
                absl::string_view local, std::vector<std::string>& out) {
  if (e.Is(ns, local)) out.push_back(e.Text());
  for (const XmlElement& child : e.Children()) {
    CollectAll(child, ns, local, out);
  }
}

bool AnyEquals(const std::vector<std::string>& values, absl::string_view v) {
  for (const std::string& s : values) {
    if (s == v) return true;
  }
  return false;
}

bool AnyDiffers(const std::vector<std::string>& values, absl::string_view v) {
  for (const std::string& s : values) {
    if (s != v) return true;
  }
  return false;
}

// Text of every cbc:ID below `parent_local` elements (cac) anywhere.
void CollectCategoryIds(const XmlElement& e, absl::string_view parent_local,
                        std::vector<std::string>& out) {
  if (e.Is(kCacNs, parent_local)) {
    for (const XmlElement& id : e.Children(kCbcNs, "ID")) {
      out.push_back(id.Text());
    }
  }
  for (const XmlElement& child : e.Children()) {
    CollectCategoryIds(child, parent_local, out);
  }
}

void CheckUbl(const XmlElement& root, FindingSink& sink) {
  std::vector<std::string> tax_category, classified, countries;
  CollectCategoryIds(root, "TaxCategory", tax_category);
  CollectCategoryIds(root, "ClassifiedTaxCategory", classified);
  CollectAll(root, kCbcNs, "IdentificationCode", countries);
  const bool any_b = AnyEquals(tax_category, "B") || AnyEquals(classified, "B");
  if (any_b && AnyDiffers(countries, "IT")) {
    sink.Report(kRules[0], root.path());
  }
  // Document-level paths of BR-B-02.
  std::vector<std::string> breakdown, document_ac;
  for (const XmlElement& total : root.Children(kCacNs, "TaxTotal")) {
    for (const XmlElement& sub : total.Children(kCacNs, "TaxSubtotal")) {
      for (const XmlElement& id : sub.FindAll("cac:TaxCategory/cbc:ID")) {
        breakdown.push_back(id.Text());
      }
    }
  }
  for (const XmlElement& ac : root.Children(kCacNs, "AllowanceCharge")) {
    for (const XmlElement& id : ac.FindAll("cac:TaxCategory/cbc:ID")) {
      document_ac.push_back(id.Text());
    }
  }
  const bool b2 = AnyEquals(breakdown, "B") || AnyEquals(document_ac, "B") ||
                  AnyEquals(classified, "B");
  const bool s2 = AnyEquals(document_ac, "S") || AnyEquals(classified, "S");
  if (b2 && s2) sink.Report(kRules[1], root.path());
}

void CheckCii(const XmlElement& root, FindingSink& sink) {
  std::vector<std::string> categories, countries;
  CollectAll(root, kRamNs, "CategoryCode", categories);
  CollectAll(root, kRamNs, "CountryID", countries);
  if (!AnyEquals(categories, "B")) return;
  if (AnyDiffers(countries, "IT")) sink.Report(kRules[0], root.path());
  if (AnyEquals(categories, "S")) sink.Report(kRules[1], root.path());
}

void CheckBrB(const RuleContext& c, FindingSink& sink) {
  const XmlElement root = c.document.Root();
  if (root.Is(kUblInvoiceNs, "Invoice") ||
      root.Is(kUblCreditNoteNs, "CreditNote")) {
    CheckUbl(root, sink);
  } else if (root.Is(kRsmNs, "CrossIndustryInvoice")) {
    CheckCii(root, sink);
  }
}

}  // namespace

const RuleFamily& BrBFamily() {
  static const RuleFamily family{"BR-B", RuleSet::kEn16931, kRules, &CheckBrB};
  return family;
}

}  // namespace docintake::einvoice::internal
