#include "archive/retention_policy.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docintake::archive {
namespace {

constexpr absl::string_view kDefaults =
    "book = 10y from=end-of-year\n"
    "invoice = 8y from=end-of-year\n"
    "business_letter = 6y from=end-of-year\n"
    "* = 10y from=end-of-year\n";

constexpr int kMaxYears = 200;

}  // namespace

RetentionPolicy RetentionPolicy::Defaults() { return *Parse(kDefaults); }

absl::StatusOr<RetentionPolicy> RetentionPolicy::Parse(absl::string_view text) {
  RetentionPolicy policy;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    if (size_t hash = line.find('#'); hash != absl::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat(
          "retention policy line ", number, ": ", what, " in \"", line, "\""));
    };
    const size_t eq = line.find(" = ");
    if (eq == absl::string_view::npos) return error("expected `type = Ny`");
    Rule rule;
    rule.text = std::string(line);
    std::vector<absl::string_view> left =
        absl::StrSplit(line.substr(0, eq), ' ', absl::SkipEmpty());
    std::vector<absl::string_view> right =
        absl::StrSplit(line.substr(eq + 3), ' ', absl::SkipEmpty());
    if (left.empty() || left.size() > 2 || right.empty() || right.size() > 2) {
      return error("expected `type [channel=C] = Ny [from=...]`");
    }
    rule.type = std::string(left[0]);
    if (left.size() == 2) {
      absl::string_view channel = left[1];
      if (!absl::ConsumePrefix(&channel, "channel=") || channel.empty()) {
        return error("expected channel=NAME");
      }
      rule.channel = absl::AsciiStrToUpper(channel);
    }
    absl::string_view years = right[0];
    if (!absl::ConsumeSuffix(&years, "y") ||
        !absl::SimpleAtoi(years, &rule.years) || rule.years < 0 ||
        rule.years > kMaxYears) {
      return error("expected a number of years like 10y");
    }
    if (right.size() == 2) {
      if (right[1] == "from=end-of-year") {
        rule.from_end_of_year = true;
      } else if (right[1] == "from=receipt") {
        rule.from_end_of_year = false;
      } else {
        return error("expected from=end-of-year or from=receipt");
      }
    }
    policy.rules_.push_back(std::move(rule));
  }
  bool has_fallback = false;
  for (const Rule& rule : policy.rules_) {
    has_fallback |= rule.type == "*" && rule.channel.empty();
  }
  if (!has_fallback) {
    return absl::InvalidArgumentError(
        "retention policy has no `* = Ny` rule for unclassified documents");
  }
  return policy;
}

RetentionDecision RetentionPolicy::Decide(absl::string_view document_type,
                                          absl::string_view channel,
                                          absl::Time received_at) const {
  const Rule* best = nullptr;
  int best_score = -1;
  for (const Rule& rule : rules_) {
    const bool type_match = rule.type == "*" || rule.type == document_type;
    const bool channel_match = rule.channel.empty() || rule.channel == channel;
    if (!type_match || !channel_match) continue;
    const int score =
        (rule.type != "*" ? 2 : 0) + (rule.channel.empty() ? 0 : 1);
    if (score > best_score) {
      best = &rule;
      best_score = score;
    }
  }
  // Parse() guarantees a `*` rule, so `best` is set.
  const absl::CivilSecond received =
      absl::ToCivilSecond(received_at, absl::UTCTimeZone());
  absl::CivilSecond until =
      best->from_end_of_year
          ? absl::CivilSecond(
                absl::CivilYear(received.year() + 1 + best->years))
          : absl::CivilSecond(received.year() + best->years, received.month(),
                              received.day(), received.hour(),
                              received.minute(), received.second());
  return {absl::FromCivil(until, absl::UTCTimeZone()), best->text};
}

}  // namespace docintake::archive
