// Decimal: an exact decimal number for invoice amounts, quantities, prices
// and percentages — value = mantissa × 10^-exponent with a signed 128-bit
// mantissa (38 significant digits). No binary floating point is involved
// anywhere. A parsed value remembers how many fraction digits were written
// (BR-DEC rules count them lexically: "314.860" has three). Arithmetic that
// would overflow returns an error instead of wrapping. Immutable value type;
// thread-compatible.
#ifndef DOCINTAKE_INTAKE_EINVOICE_DECIMAL_H_
#define DOCINTAKE_INTAKE_EINVOICE_DECIMAL_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::einvoice {

// How a value exactly halfway between two results is rounded.
enum class RoundingMode {
  // XPath fn:round (what the EN 16931 Schematron uses): halves go towards
  // +infinity, so 2.5 -> 3 and -2.5 -> -2.
  kHalfTowardsPositiveInfinity,
  // Commercial rounding: 2.5 -> 3, -2.5 -> -3.
  kHalfAwayFromZero,
  // Banker's rounding (XPath fn:round-half-to-even): 2.5 -> 2, 3.5 -> 4.
  kHalfEven,
};

class Decimal {
 public:
  // Largest exponent (fraction digits) a value may carry.
  static constexpr int kMaxExponent = 60;

  // Zero, written "0".
  Decimal() = default;

  // Parses the lexical form of xs:decimal: optional leading/trailing XML
  // whitespace, optional sign, digits, optional "." and fraction digits (at
  // least one digit in all; "5." and ".5" are accepted as in xs:decimal).
  // INVALID_ARGUMENT for anything else (exponents, "1,5", "NaN", "");
  // OUT_OF_RANGE when the significant digits do not fit.
  static absl::StatusOr<Decimal> Parse(absl::string_view text);

  // The integer `value`, scale 0.
  static Decimal FromInt(int64_t value);

  // mantissa × 10^-exponent; INVALID_ARGUMENT unless 0 <= exponent <=
  // kMaxExponent.
  static absl::StatusOr<Decimal> FromParts(__int128 mantissa, int exponent);

  // Exact arithmetic; OUT_OF_RANGE on overflow. The exponent of the result is
  // max(a, b) for Add/Subtract and a + b for Multiply (trailing zeros are
  // dropped first if that is needed to fit).
  absl::StatusOr<Decimal> Add(const Decimal& other) const;
  absl::StatusOr<Decimal> Subtract(const Decimal& other) const;
  absl::StatusOr<Decimal> Multiply(const Decimal& other) const;
  // this / divisor rounded to `decimals` fraction digits with `mode`.
  // INVALID_ARGUMENT for a zero divisor or decimals outside
  // [0, kMaxExponent]; OUT_OF_RANGE on overflow.
  absl::StatusOr<Decimal> Divide(const Decimal& divisor, int decimals,
                                 RoundingMode mode) const;

  // Rounded to `decimals` fraction digits (result exponent = decimals, or
  // less if the value already had fewer). Round(2, kHalfTowardsPositive
  // Infinity) is the Schematron's `round(x * 100) div 100`. OUT_OF_RANGE only
  // for absurd inputs; INVALID_ARGUMENT for decimals < 0.
  absl::StatusOr<Decimal> Round(int decimals, RoundingMode mode) const;

  Decimal Negated() const;
  Decimal Abs() const;
  int Sign() const;  // -1, 0 or 1
  bool IsZero() const { return mantissa_ == 0; }

  // Three-way numeric comparison (1.0 == 1.00); exact, never overflows.
  int Compare(const Decimal& other) const;

  // Fraction digits as written in the parsed text ("336.90" -> 2,
  // "5." -> 0); for computed values, the exponent of the representation.
  int scale() const { return written_scale_; }
  // The representation: value = mantissa() × 10^-exponent().
  __int128 mantissa() const { return mantissa_; }
  int exponent() const { return exponent_; }

  // Plain notation with exponent() fraction digits, e.g. "-336.90".
  std::string ToString() const;
  // Canonical form without trailing fraction zeros or point: "336.9", "0"
  // (the form the corpus manifests use).
  std::string ToCanonicalString() const;

  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.Compare(b) == 0;
  }
  friend bool operator!=(const Decimal& a, const Decimal& b) {
    return a.Compare(b) != 0;
  }
  friend bool operator<(const Decimal& a, const Decimal& b) {
    return a.Compare(b) < 0;
  }
  friend bool operator<=(const Decimal& a, const Decimal& b) {
    return a.Compare(b) <= 0;
  }
  friend bool operator>(const Decimal& a, const Decimal& b) {
    return a.Compare(b) > 0;
  }
  friend bool operator>=(const Decimal& a, const Decimal& b) {
    return a.Compare(b) >= 0;
  }

 private:
  Decimal(__int128 mantissa, int exponent, int written_scale)
      : mantissa_(mantissa),
        exponent_(exponent),
        written_scale_(written_scale) {}

  __int128 mantissa_ = 0;
  int exponent_ = 0;
  int written_scale_ = 0;
};

// Prints ToString() (for logs and test failure messages).
std::ostream& operator<<(std::ostream& os, const Decimal& d);

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_DECIMAL_H_
