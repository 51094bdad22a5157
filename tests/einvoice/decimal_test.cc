#include "intake/einvoice/decimal.h"

#include <string>

#include "gtest/gtest.h"

namespace docintake::einvoice {
namespace {

Decimal D(const char* text) {
  absl::StatusOr<Decimal> d = Decimal::Parse(text);
  EXPECT_TRUE(d.ok()) << text << ": " << d.status();
  return d.ok() ? *d : Decimal();
}

std::string Sum(const char* a, const char* b) {
  absl::StatusOr<Decimal> r = D(a).Add(D(b));
  return r.ok() ? r->ToString() : r.status().ToString();
}

std::string Product(const char* a, const char* b) {
  absl::StatusOr<Decimal> r = D(a).Multiply(D(b));
  return r.ok() ? r->ToString() : r.status().ToString();
}

std::string XPathRound2(const char* a) {
  absl::StatusOr<Decimal> r =
      D(a).Round(2, RoundingMode::kHalfTowardsPositiveInfinity);
  return r.ok() ? r->ToCanonicalString() : r.status().ToString();
}

TEST(DecimalTest, AddsExactlyWhereBinaryFloatingPointFails) {
  EXPECT_EQ(D("336.9").Add(D("0.01")).value(), D("336.91"));
  EXPECT_EQ(Sum("336.9", "0.01"), "336.91");
  EXPECT_EQ(Sum("0.1", "0.2"), "0.3");
  EXPECT_EQ(D("0.1").Add(D("0.2")).value(), D("0.3"));
  EXPECT_EQ(Sum("-5.25", "2.5"), "-2.75");
  EXPECT_EQ(Sum("-0.01", "0.01"), "0.00");
}

TEST(DecimalTest, SubtractsAndMultiplies) {
  EXPECT_EQ(D("314.86").Subtract(D("288.79")).value().ToString(), "26.07");
  EXPECT_EQ(Product("314.86", "7"), "2204.02");
  EXPECT_EQ(Product("314.86", "0.07"), "22.0402");
  EXPECT_EQ(Product("-3", "1.5"), "-4.5");
  EXPECT_EQ(Product("-3", "-1.5"), "4.5");
}

TEST(DecimalTest, ParsesXsDecimalLexicalForms) {
  EXPECT_EQ(D("  42\n").ToString(), "42");
  EXPECT_EQ(D("+1.50").ToString(), "1.50");
  EXPECT_EQ(D("-0.5").ToString(), "-0.5");
  EXPECT_EQ(D(".5").ToString(), "0.5");
  EXPECT_EQ(D("5.").ToString(), "5");
  EXPECT_EQ(D("007.10").ToString(), "7.10");
  EXPECT_EQ(D("-0.00").Sign(), 0);
}

TEST(DecimalTest, RejectsWhatIsNotADecimal) {
  for (const char* bad : {"", " ", "1e5", "1E5", "1,5", "NaN", "INF", "--1",
                          "+-1", "1.2.3", "12a", ".", "-", "1 000", "0x10"}) {
    absl::StatusOr<Decimal> d = Decimal::Parse(bad);
    EXPECT_FALSE(d.ok()) << "\"" << bad << "\"";
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(DecimalTest, KeepsTheScaleAsWritten) {
  EXPECT_EQ(D("314.860").scale(), 3);
  EXPECT_EQ(D("336.9").scale(), 1);
  EXPECT_EQ(D("100").scale(), 0);
  EXPECT_EQ(D("5.").scale(), 0);
  EXPECT_EQ(D("0.00").scale(), 2);
  EXPECT_EQ(D("314.860"), D("314.86"));
}

TEST(DecimalTest, CanonicalStringDropsTrailingZeros) {
  EXPECT_EQ(D("336.90").ToCanonicalString(), "336.9");
  EXPECT_EQ(D("0.00").ToCanonicalString(), "0");
  EXPECT_EQ(D("-0.00").ToCanonicalString(), "0");
  EXPECT_EQ(D("100").ToCanonicalString(), "100");
  EXPECT_EQ(D("-12.500").ToCanonicalString(), "-12.5");
}

TEST(DecimalTest, ComparesNumerically) {
  EXPECT_LT(D("-1"), D("0"));
  EXPECT_LT(D("-1.01"), D("-1.001"));
  EXPECT_GT(D("1.01"), D("1.001"));
  EXPECT_EQ(D("1.0"), D("1.000"));
  EXPECT_EQ(D("0").Compare(D("-0.0")), 0);
  // Exponents far apart: no overflow in the comparison.
  EXPECT_LT(D("0.000000000000000000000000000000000001"),
            D("99999999999999999999999999999999999999"));
  EXPECT_GT(D("-0.000000000000000000000000000000000001"),
            D("-99999999999999999999999999999999999999"));
}

TEST(DecimalTest, RoundsLikeXPathRound) {
  // round(x * 100) div 100: halves towards +infinity.
  EXPECT_EQ(XPathRound2("1.005"), "1.01");
  EXPECT_EQ(XPathRound2("-1.005"), "-1");
  EXPECT_EQ(XPathRound2("2.675"), "2.68");
  EXPECT_EQ(XPathRound2("-2.675"), "-2.67");
  EXPECT_EQ(XPathRound2("-0.005"), "0");
  EXPECT_EQ(XPathRound2("0.004"), "0");
  EXPECT_EQ(XPathRound2("-0.006"), "-0.01");
  EXPECT_EQ(XPathRound2("22.0402"), "22.04");
  EXPECT_EQ(XPathRound2("1.5"), "1.5");
  EXPECT_EQ(D("-2.5")
                .Round(0, RoundingMode::kHalfTowardsPositiveInfinity)
                ->ToString(),
            "-2");
  EXPECT_EQ(
      D("2.5").Round(0, RoundingMode::kHalfTowardsPositiveInfinity)->ToString(),
      "3");
}

TEST(DecimalTest, OtherRoundingModes) {
  EXPECT_EQ(D("-2.5").Round(0, RoundingMode::kHalfAwayFromZero)->ToString(),
            "-3");
  EXPECT_EQ(D("2.5").Round(0, RoundingMode::kHalfEven)->ToString(), "2");
  EXPECT_EQ(D("3.5").Round(0, RoundingMode::kHalfEven)->ToString(), "4");
  EXPECT_EQ(D("-3.5").Round(0, RoundingMode::kHalfEven)->ToString(), "-4");
  EXPECT_EQ(D("2.51").Round(0, RoundingMode::kHalfEven)->ToString(), "3");
}

TEST(DecimalTest, Divides) {
  EXPECT_EQ(
      D("10").Divide(D("3"), 2, RoundingMode::kHalfAwayFromZero)->ToString(),
      "3.33");
  EXPECT_EQ(D("-10")
                .Divide(D("4"), 0, RoundingMode::kHalfTowardsPositiveInfinity)
                ->ToString(),
            "-2");
  EXPECT_EQ(D("1").Divide(D("-8"), 3, RoundingMode::kHalfEven)->ToString(),
            "-0.125");
  EXPECT_EQ(
      D("2204.02").Divide(D("100"), 2, RoundingMode::kHalfEven)->ToString(),
      "22.04");
  EXPECT_EQ(
      D("1").Divide(D("0.00"), 2, RoundingMode::kHalfEven).status().code(),
      absl::StatusCode::kInvalidArgument);
}

TEST(DecimalTest, ManyDigitsAndOverflowAreErrorsNotUndefinedBehaviour) {
  const char* kMax = "99999999999999999999999999999999999999";  // 38 nines
  EXPECT_EQ(D(kMax).ToString(), kMax);
  EXPECT_EQ(
      Decimal::Parse("999999999999999999999999999999999999999").status().code(),
      absl::StatusCode::kOutOfRange);
  EXPECT_EQ(D(kMax).Add(D("1")).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(D(kMax).Negated().Subtract(D("1")).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(D("10000000000000000000")
                .Multiply(D("10000000000000000000"))
                .status()
                .code(),
            absl::StatusCode::kOutOfRange);
  // Trailing zeros beyond 38 digits are value-neutral and accepted.
  const Decimal padded = D("1.000000000000000000000000000000000000000000000");
  EXPECT_EQ(padded, D("1"));
  EXPECT_EQ(padded.scale(), 45);
  // Alignment drops trailing zeros when it must.
  EXPECT_EQ(D("1.00000000000000000000000000000000000000")
                .Add(D("9999999999999999999999999999"))
                ->ToCanonicalString(),
            "10000000000000000000000000000");
  // Fraction digits that do matter beyond the limit are refused.
  EXPECT_FALSE(Decimal::Parse("0." + std::string(70, '1')).ok());
}

TEST(DecimalTest, AbsAndNegation) {
  EXPECT_EQ(D("-12.30").Abs().ToString(), "12.30");
  EXPECT_EQ(D("12.30").Negated().ToString(), "-12.30");
  EXPECT_EQ(D("-12.30").Sign(), -1);
  EXPECT_TRUE(D("0.000").IsZero());
}

}  // namespace
}  // namespace docintake::einvoice
