#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {

int LexicalDecimals(absl::string_view text) {
  const size_t dot = text.find('.');
  if (dot == absl::string_view::npos) return 0;
  return CharacterCount(text.substr(dot + 1));
}

int CharacterCount(absl::string_view text) {
  int count = 0;
  for (char c : text) {
    // Count every byte that does not continue a UTF-8 sequence.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string ParentPath(absl::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == absl::string_view::npos || slash == 0) return std::string(path);
  return std::string(path.substr(0, slash));
}

std::optional<Decimal> Plus(const Decimal& a, const Decimal& b) {
  absl::StatusOr<Decimal> r = a.Add(b);
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::optional<Decimal> Minus(const Decimal& a, const Decimal& b) {
  absl::StatusOr<Decimal> r = a.Subtract(b);
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::optional<Decimal> Times(const Decimal& a, const Decimal& b) {
  absl::StatusOr<Decimal> r = a.Multiply(b);
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::optional<Decimal> RoundCents(const Decimal& x) {
  absl::StatusOr<Decimal> r =
      x.Round(2, RoundingMode::kHalfTowardsPositiveInfinity);
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::optional<Decimal> RoundInteger(const Decimal& x) {
  absl::StatusOr<Decimal> r =
      x.Round(0, RoundingMode::kHalfTowardsPositiveInfinity);
  if (!r.ok()) return std::nullopt;
  return *r;
}

bool IsNegative(const DecimalValue& v) {
  return v.number.has_value() && v.number->Sign() < 0;
}

bool IsPositive(const DecimalValue& v) {
  return v.number.has_value() && v.number->Sign() > 0;
}

bool IsUbl(const Invoice& invoice) {
  return invoice.syntax == Syntax::kUblInvoice ||
         invoice.syntax == Syntax::kUblCreditNote;
}

}  // namespace docintake::einvoice::internal
