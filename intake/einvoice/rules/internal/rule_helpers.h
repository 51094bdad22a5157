// Small helpers shared by the rule families: the XPath notions the official
// Schematron uses (a value "!= ''", lexical decimal places, round(x*100) div
// 100 with halves towards +infinity) expressed over model values and exact
// Decimals. Internal; pure functions, thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_RULE_HELPERS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_RULE_HELPERS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/decimal.h"
#include "intake/einvoice/invoice_model.h"

namespace docintake::einvoice::internal {

// XPath `x != ''` for a single element: present with a non-empty string
// value (whitespace counts as content).
inline bool NonEmpty(const Value& v) { return v.present && !v.text.empty(); }

// XPath string-length(substring-after(x, '.')): characters after the first
// '.', 0 if there is none.
int LexicalDecimals(absl::string_view text);

// Number of Unicode characters (XPath string-length) of UTF-8 text.
int CharacterCount(absl::string_view text);

// The path without its last step ("/a[1]/b[1]" -> "/a[1]").
std::string ParentPath(absl::string_view path);

// Exact arithmetic; nullopt on overflow.
std::optional<Decimal> Plus(const Decimal& a, const Decimal& b);
std::optional<Decimal> Minus(const Decimal& a, const Decimal& b);
std::optional<Decimal> Times(const Decimal& a, const Decimal& b);
// round(x * 100) div 100 with XPath fn:round (halves towards +infinity).
std::optional<Decimal> RoundCents(const Decimal& x);
// XPath fn:round(x) to an integer.
std::optional<Decimal> RoundInteger(const Decimal& x);

// True if the value's number is present and satisfies the comparison with 0
// (XPath general comparison: false for an absent or non-numeric value).
bool IsNegative(const DecimalValue& v);
bool IsPositive(const DecimalValue& v);

// The trimmed text equals `code` (XPath normalize-space(x) = 'code' for codes
// without inner spaces).
inline bool CodeIs(const Value& v, absl::string_view code) {
  return v.present && v.Collapsed() == code;
}

bool IsUbl(const Invoice& invoice);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_RULE_HELPERS_H_
