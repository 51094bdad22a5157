#include "signature/internal/pdf_date.h"

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"

namespace docintake::signature {
namespace {

// Reads `digits` digits at `text` into `value` (left unchanged if the text
// ends first); false for a non-digit.
bool Take(absl::string_view& text, int digits, int& value) {
  if (text.empty()) return true;
  if (text.size() < static_cast<size_t>(digits)) return false;
  int v = 0;
  for (int k = 0; k < digits; ++k) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[k]))) {
      return false;
    }
    v = v * 10 + (text[k] - '0');
  }
  value = v;
  text.remove_prefix(static_cast<size_t>(digits));
  return true;
}

}  // namespace

std::optional<absl::Time> ParsePdfDate(absl::string_view text) {
  absl::ConsumePrefix(&text, "D:");
  if (text.size() < 4) return std::nullopt;
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  if (!Take(text, 4, year) || !Take(text, 2, month) || !Take(text, 2, day) ||
      !Take(text, 2, hour) || !Take(text, 2, minute) ||
      !Take(text, 2, second)) {
    return std::nullopt;
  }
  int offset_minutes = 0;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    const int sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
    int oh = 0, om = 0;
    if (!Take(text, 2, oh)) return std::nullopt;
    absl::ConsumePrefix(&text, "'");
    if (!Take(text, 2, om)) return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  const absl::CivilSecond civil(year, month, day, hour, minute, second);
  return absl::FromCivil(civil, absl::UTCTimeZone()) -
         absl::Minutes(offset_minutes);
}

}  // namespace docintake::signature
