#include "signature/cms/internal/asn1_time.h"

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace docintake::signature::internal {
namespace {

// A cursor over the digits of a time string.
class Digits {
 public:
  explicit Digits(absl::string_view text) : text_(text) {}

  // Reads `n` decimal digits; false if they are not there.
  bool Read(int n, int64_t& out) {
    if (text_.size() - pos_ < static_cast<size_t>(n)) return false;
    out = 0;
    for (int i = 0; i < n; ++i) {
      const char c = text_[pos_ + static_cast<size_t>(i)];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    pos_ += static_cast<size_t>(n);
    return true;
  }
  bool AtDigit() const {
    return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9';
  }
  bool Consume(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool AtEnd() const { return pos_ == text_.size(); }

 private:
  absl::string_view text_;
  size_t pos_ = 0;
};

absl::Status Bad(absl::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat("malformed ASN.1 time \"", absl::CHexEscape(text), "\""));
}

}  // namespace

absl::StatusOr<absl::Time> ParseAsn1Time(const der::Tlv& tlv) {
  const absl::string_view text = tlv.value;
  if (text.size() > 40) return Bad(text.substr(0, 40));
  const bool utc_time = tlv.tag == der::kTagUtcTime;
  if (!utc_time && tlv.tag != der::kTagGeneralizedTime) {
    return absl::InvalidArgumentError("not a UTCTime or GeneralizedTime");
  }
  Digits digits(text);
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits.Read(utc_time ? 2 : 4, year)) return Bad(text);
  if (utc_time) year += year < 50 ? 2000 : 1900;
  if (!digits.Read(2, month) || !digits.Read(2, day) || !digits.Read(2, hour) ||
      !digits.Read(2, minute)) {
    return Bad(text);
  }
  if (digits.AtDigit() && !digits.Read(2, second)) return Bad(text);
  absl::Duration fraction = absl::ZeroDuration();
  if (!utc_time && (digits.Consume('.') || digits.Consume(','))) {
    absl::Duration unit = absl::Milliseconds(100);
    if (!digits.AtDigit()) return Bad(text);
    while (digits.AtDigit()) {
      int64_t d = 0;
      digits.Read(1, d);
      fraction += unit * d;
      unit /= 10;
    }
  }
  absl::Duration offset = absl::ZeroDuration();
  if (!digits.Consume('Z')) {
    const bool plus = digits.Consume('+');
    if (!plus && !digits.Consume('-')) return Bad(text);  // local time
    int64_t off_h = 0, off_m = 0;
    if (!digits.Read(2, off_h) || !digits.Read(2, off_m) || off_h > 23 ||
        off_m > 59) {
      return Bad(text);
    }
    offset = absl::Hours(off_h) + absl::Minutes(off_m);
    if (!plus) offset = -offset;
  }
  if (!digits.AtEnd() || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour > 23 || minute > 59 || second > 60) {
    return Bad(text);
  }
  const absl::CivilSecond civil(year, month, day, hour, minute, second);
  if (civil.day() != day) return Bad(text);  // e.g. 31 February
  return absl::FromCivil(civil, absl::UTCTimeZone()) + fraction - offset;
}

}  // namespace docintake::signature::internal
