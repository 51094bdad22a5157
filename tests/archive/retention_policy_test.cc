#include "archive/retention_policy.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

absl::Time Utc(int y, int m, int d) {
  return absl::FromCivil(absl::CivilDay(y, m, d), absl::UTCTimeZone());
}

TEST(RetentionPolicyTest, DefaultsCountYearsFromTheEndOfTheYearOfReceipt) {
  const RetentionPolicy policy = RetentionPolicy::Defaults();
  const absl::Time received = Utc(2024, 3, 15);
  EXPECT_EQ(policy.Decide("invoice", "PORTAL", received).retain_until,
            Utc(2033, 1, 1));  // end of 2024 + 8 years
  EXPECT_EQ(policy.Decide("book", "API", received).retain_until,
            Utc(2035, 1, 1));
  EXPECT_EQ(policy.Decide("business_letter", "EMAIL", received).retain_until,
            Utc(2031, 1, 1));
  const RetentionDecision unknown = policy.Decide("", "SCAN_STATION", received);
  EXPECT_EQ(unknown.retain_until, Utc(2035, 1, 1));
  EXPECT_THAT(unknown.rule, HasSubstr("* = 10y"));
}

TEST(RetentionPolicyTest, MostSpecificRuleWins) {
  auto policy = RetentionPolicy::Parse(
      "# comment\n"
      "* = 10y\n"
      "* channel=einvoice = 9y\n"
      "invoice = 8y from=end-of-year\n"
      "invoice channel=PORTAL = 2y from=receipt\n");
  ASSERT_TRUE(policy.ok()) << policy.status();
  const absl::Time received = Utc(2024, 3, 15);
  EXPECT_EQ(policy->Decide("invoice", "PORTAL", received).retain_until,
            Utc(2026, 3, 15));
  EXPECT_EQ(policy->Decide("invoice", "EINVOICE", received).retain_until,
            Utc(2033, 1, 1));
  EXPECT_EQ(policy->Decide("letter", "EINVOICE", received).retain_until,
            Utc(2034, 1, 1));
  EXPECT_EQ(policy->Decide("letter", "API", received).retain_until,
            Utc(2035, 1, 1));
}

TEST(RetentionPolicyTest, RejectsMalformedRulesNamingTheLine) {
  EXPECT_THAT(std::string(RetentionPolicy::Parse("* = 10y\ninvoice = eight\n")
                              .status()
                              .message()),
              HasSubstr("line 2"));
  EXPECT_FALSE(RetentionPolicy::Parse("* = 10y from=tomorrow\n").ok());
  EXPECT_FALSE(RetentionPolicy::Parse("* bogus=x = 10y\n").ok());
  EXPECT_FALSE(RetentionPolicy::Parse("* = 999y\n").ok());
  // Without a fallback an unclassified document would have no period.
  EXPECT_THAT(
      std::string(RetentionPolicy::Parse("invoice = 8y\n").status().message()),
      HasSubstr("* = Ny"));
}

}  // namespace
}  // namespace docintake::archive
