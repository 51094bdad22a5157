// The VAT category rule family (vat_categories.cc) split by syntax: the
// category table shared by both bindings, the rule lookup, small XPath
// helpers over XmlElement (normalize-space, xs:decimal and xs:boolean casts,
// a document walk) and the two checks (vat_categories_ubl.cc,
// vat_categories_cii.cc). Internal; pure functions, thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_VAT_CATEGORIES_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_VAT_CATEGORIES_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/decimal.h"
#include "intake/einvoice/rules/rule.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// How the rules of a category treat the VAT rate and the tax amount.
enum class VatKind {
  kStandard,    // S: rate > 0, tax = taxable x rate (tolerance 1)
  kZero,        // Z, E, AE, K, G: rate 0, tax 0, exact taxable amount
  kIgic,        // L (Canary Islands), BR-AF
  kIpsi,        // M (Ceuta and Melilla), BR-AG
  kOutOfScope,  // O: no rate, exclusive of all other categories
};

struct VatCategory {
  const char* code;    // BT-118 code: "S", "Z", "E", "AE", "K", "G", "O", ...
  const char* prefix;  // rule id prefix: "BR-S", "BR-IC", "BR-AF", ...
  VatKind kind;
};

// The nine categories in rule order (S, Z, E, AE, K, G, O, L, M).
extern const VatCategory kVatCategories[9];

// The definition of a rule of the family ("BR-S-08"); the first rule for an
// unknown id.
const RuleDefinition& VatRule(absl::string_view id);

// Reports rule number `n` of `category` ("BR-S" + 8 -> "BR-S-08") at `where`.
void FireVat(FindingSink& sink, const VatCategory& category, int n,
             const std::string& where);

// XPath normalize-space: XML whitespace collapsed and trimmed.
std::string VatNormalizeSpace(absl::string_view text);
// Trimmed text of a (possibly null) element; "" for a null element.
std::string NormalizedText(const XmlElement& e);
// xs:decimal(e): nullopt for a null element or text that is no decimal.
std::optional<Decimal> DecimalOf(const XmlElement& e);
// xs:boolean cast of the element text ("true"/"1", "false"/"0", trimmed).
std::optional<bool> BooleanOf(const XmlElement& e);
// |a - b| < 1 (the "x - 1 < y and x + 1 > y" tolerance of the rules).
bool WithinOne(const Decimal& a, const Decimal& b);
// round(abs(taxable) x rate / 100, 2) with halves rounded up, or nullopt.
std::optional<Decimal> ExpectedTax(const Decimal& taxable, const Decimal& rate);

// Calls `visit` for `root` and every element below it in document order.
void WalkElements(const XmlElement& root,
                  const std::function<void(const XmlElement&)>& visit);

void CheckVatCategoriesUbl(const RuleContext& context, FindingSink& sink);
void CheckVatCategoriesCii(const RuleContext& context, FindingSink& sink);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_VAT_CATEGORIES_H_
