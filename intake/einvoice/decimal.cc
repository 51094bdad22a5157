#include "intake/einvoice/decimal.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace docintake::einvoice {
namespace {

constexpr int kMaxDigits = 38;

// 10^n for 0 <= n <= 38.
__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

const __int128 kMaxMantissa = Pow10(kMaxDigits) - 1;

bool InRange(__int128 m) { return m <= kMaxMantissa && m >= -kMaxMantissa; }

// m × 10^n if it stays within 38 digits.
bool ScaleUp(__int128 m, int n, __int128* out) {
  if (n < 0) return false;
  if (m == 0) {
    *out = 0;
    return true;
  }
  if (n > kMaxDigits) return false;
  __int128 r;
  if (__builtin_mul_overflow(m, Pow10(n), &r) || !InRange(r)) return false;
  *out = r;
  return true;
}

// Drops trailing zeros of the fraction: the same value with the smallest
// exponent.
void Normalize(__int128* m, int* e) {
  while (*e > 0 && *m % 10 == 0) {
    *m /= 10;
    --*e;
  }
}

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

__int128 Abs128(__int128 v) { return v < 0 ? -v : v; }

// Rounds the quotient n / d (d > 0) to an integer with `mode`.
__int128 RoundQuotient(__int128 n, __int128 d, RoundingMode mode) {
  const __int128 q = n / d;  // truncated towards zero
  const __int128 r = Abs128(n % d);
  if (r == 0) return q;
  const int sign = n < 0 ? -1 : 1;
  const __int128 rest = d - r;
  if (r < rest) return q;
  if (r > rest) return q + sign;
  switch (mode) {
    case RoundingMode::kHalfTowardsPositiveInfinity:
      return sign > 0 ? q + 1 : q;
    case RoundingMode::kHalfAwayFromZero:
      return q + sign;
    case RoundingMode::kHalfEven:
      return (q % 2 == 0) ? q : q + sign;
  }
  return q;
}

absl::Status Overflow(absl::string_view what) {
  return absl::OutOfRangeError(
      absl::StrCat("decimal overflow in ", what, " (more than 38 digits)"));
}

}  // namespace

absl::StatusOr<Decimal> Decimal::Parse(absl::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsXmlSpace(text[begin])) ++begin;
  while (end > begin && IsXmlSpace(text[end - 1])) --end;
  const absl::string_view s = text.substr(begin, end - begin);
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  std::string digits;
  int fraction_digits = 0;
  bool seen_point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      if (seen_point) ++fraction_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("not a decimal number: \"", s, "\""));
    }
  }
  if (digits.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a decimal number: \"", s, "\""));
  }
  const int written_scale = fraction_digits;
  int exponent = fraction_digits;
  // Trailing fraction zeros do not change the value; drop them only when the
  // representation would not fit otherwise.
  const size_t first_significant =
      std::min(digits.find_first_not_of('0'), digits.size());
  while (exponent > 0 && digits.back() == '0' &&
         (digits.size() - first_significant > kMaxDigits ||
          exponent > kMaxExponent)) {
    digits.pop_back();
    --exponent;
  }
  if (exponent > kMaxExponent) {
    return absl::OutOfRangeError(
        absl::StrCat("decimal has too many fraction digits: \"", s, "\""));
  }
  const size_t start = std::min(digits.find_first_not_of('0'), digits.size());
  if (digits.size() - start > kMaxDigits) return Overflow("parsing");
  __int128 m = 0;
  for (size_t k = start; k < digits.size(); ++k) m = m * 10 + (digits[k] - '0');
  return Decimal(negative ? -m : m, exponent, written_scale);
}

Decimal Decimal::FromInt(int64_t value) {
  return Decimal(static_cast<__int128>(value), 0, 0);
}

absl::StatusOr<Decimal> Decimal::FromParts(__int128 mantissa, int exponent) {
  if (exponent < 0 || exponent > kMaxExponent) {
    return absl::InvalidArgumentError("decimal exponent out of range");
  }
  if (!InRange(mantissa)) return Overflow("construction");
  return Decimal(mantissa, exponent, exponent);
}

absl::StatusOr<Decimal> Decimal::Add(const Decimal& other) const {
  __int128 a = mantissa_, b = other.mantissa_;
  int ea = exponent_, eb = other.exponent_;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const int e = std::max(ea, eb);
    __int128 sa, sb, sum;
    if (ScaleUp(a, e - ea, &sa) && ScaleUp(b, e - eb, &sb) &&
        !__builtin_add_overflow(sa, sb, &sum) && InRange(sum)) {
      return Decimal(sum, e, e);
    }
    Normalize(&a, &ea);
    Normalize(&b, &eb);
  }
  return Overflow("addition");
}

absl::StatusOr<Decimal> Decimal::Subtract(const Decimal& other) const {
  return Add(other.Negated());
}

absl::StatusOr<Decimal> Decimal::Multiply(const Decimal& other) const {
  __int128 a = mantissa_, b = other.mantissa_;
  int ea = exponent_, eb = other.exponent_;
  for (int attempt = 0; attempt < 2; ++attempt) {
    __int128 product;
    const int e = ea + eb;
    if (e <= kMaxExponent && !__builtin_mul_overflow(a, b, &product) &&
        InRange(product)) {
      return Decimal(product, e, e);
    }
    Normalize(&a, &ea);
    Normalize(&b, &eb);
  }
  return Overflow("multiplication");
}

absl::StatusOr<Decimal> Decimal::Divide(const Decimal& divisor, int decimals,
                                        RoundingMode mode) const {
  if (divisor.IsZero()) return absl::InvalidArgumentError("division by zero");
  if (decimals < 0 || decimals > kMaxExponent) {
    return absl::InvalidArgumentError("decimals out of range");
  }
  __int128 n = mantissa_, d = divisor.mantissa_;
  int en = exponent_, ed = divisor.exponent_;
  Normalize(&n, &en);
  Normalize(&d, &ed);
  // result mantissa = n × 10^(decimals + ed - en) / d
  const int shift = decimals + ed - en;
  if (shift >= 0) {
    if (!ScaleUp(n, shift, &n)) return Overflow("division");
  } else if (!ScaleUp(d, -shift, &d)) {
    return Overflow("division");
  }
  if (d < 0) {
    d = -d;
    n = -n;
  }
  return Decimal(RoundQuotient(n, d, mode), decimals, decimals);
}

absl::StatusOr<Decimal> Decimal::Round(int decimals, RoundingMode mode) const {
  if (decimals < 0) return absl::InvalidArgumentError("negative decimals");
  if (exponent_ <= decimals) return Decimal(mantissa_, exponent_, exponent_);
  const int k = exponent_ - decimals;
  if (k > kMaxDigits) return Decimal(0, decimals, decimals);  // |x| < 10^-d/2
  return Decimal(RoundQuotient(mantissa_, Pow10(k), mode), decimals, decimals);
}

Decimal Decimal::Negated() const {
  return Decimal(-mantissa_, exponent_, written_scale_);
}

Decimal Decimal::Abs() const {
  return Decimal(Abs128(mantissa_), exponent_, written_scale_);
}

int Decimal::Sign() const {
  return mantissa_ > 0 ? 1 : (mantissa_ < 0 ? -1 : 0);
}

int Decimal::Compare(const Decimal& other) const {
  const int sa = Sign(), sb = other.Sign();
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  __int128 a = mantissa_, b = other.mantissa_;
  const int e = std::max(exponent_, other.exponent_);
  const bool a_ok = ScaleUp(a, e - exponent_, &a);
  const bool b_ok = ScaleUp(b, e - other.exponent_, &b);
  // A value that does not fit after scaling is larger in magnitude than any
  // that does (both have the same sign here).
  if (!a_ok || !b_ok) {
    if (!a_ok && !b_ok) {  // cannot happen: one of them is not scaled
      return 0;
    }
    const int magnitude = a_ok ? -1 : 1;
    return sa > 0 ? magnitude : -magnitude;
  }
  return a < b ? -1 : (a > b ? 1 : 0);
}

std::string Decimal::ToString() const {
  std::string digits;
  __int128 m = Abs128(mantissa_);
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m != 0);
  while (static_cast<int>(digits.size()) <= exponent_) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (exponent_ > 0) {
    digits.insert(digits.size() - static_cast<size_t>(exponent_), 1, '.');
  }
  return mantissa_ < 0 ? "-" + digits : digits;
}

std::string Decimal::ToCanonicalString() const {
  __int128 m = mantissa_;
  int e = exponent_;
  Normalize(&m, &e);
  return Decimal(m, e, e).ToString();
}

std::ostream& operator<<(std::ostream& os, const Decimal& d) {
  return os << d.ToString();
}

}  // namespace docintake::einvoice
