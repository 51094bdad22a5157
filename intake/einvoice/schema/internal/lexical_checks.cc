#include "intake/einvoice/schema/internal/lexical_checks.h"

#include <cstddef>

namespace docintake::einvoice::schema_internal {
namespace {

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `*pos` into `*value`.
bool Digits(absl::string_view s, size_t* pos, size_t n, int* value) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

bool Expect(absl::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

// Optional time zone: "Z" or "+hh:mm" / "-hh:mm"; must end the value.
bool TimeZoneToEnd(absl::string_view s, size_t pos) {
  if (pos == s.size()) return true;
  if (s[pos] == 'Z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  ++pos;
  int hh = 0;
  int mm = 0;
  if (!Digits(s, &pos, 2, &hh) || !Expect(s, &pos, ':') ||
      !Digits(s, &pos, 2, &mm)) {
    return false;
  }
  if (hh > 14 || mm > 59 || (hh == 14 && mm != 0)) return false;
  return pos == s.size();
}

bool IsLeap(long year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// [-]YYYY-MM-DD at *pos (more year digits allowed without a leading zero).
bool DatePart(absl::string_view s, size_t* pos) {
  bool negative = false;
  if (*pos < s.size() && s[*pos] == '-') {
    negative = true;
    ++*pos;
  }
  size_t start = *pos;
  long year = 0;
  while (*pos < s.size() && IsDigit(s[*pos])) {
    if (year < 100000000) year = year * 10 + (s[*pos] - '0');
    ++*pos;
  }
  const size_t year_digits = *pos - start;
  if (year_digits < 4 || (year_digits > 4 && s[start] == '0')) return false;
  if (year == 0) return false;  // XML Schema 1.0 has no year 0000
  int month = 0;
  int day = 0;
  if (!Expect(s, pos, '-') || !Digits(s, pos, 2, &month) ||
      !Expect(s, pos, '-') || !Digits(s, pos, 2, &day)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1];
  // Negative years: year -1 is 1 BCE; the leap rule uses the astronomical
  // year (1 - year), which libxml2 and Xerces treat alike for our inputs.
  const long leap_year = negative ? 1 - year : year;
  if (month == 2 && IsLeap(leap_year)) max_day = 29;
  return day <= max_day;
}

// hh:mm:ss[.s+] at *pos.
bool TimePart(absl::string_view s, size_t* pos) {
  int hh = 0;
  int mm = 0;
  int ss = 0;
  if (!Digits(s, pos, 2, &hh) || !Expect(s, pos, ':') ||
      !Digits(s, pos, 2, &mm) || !Expect(s, pos, ':') ||
      !Digits(s, pos, 2, &ss)) {
    return false;
  }
  bool fraction_nonzero = false;
  if (*pos < s.size() && s[*pos] == '.') {
    ++*pos;
    const size_t start = *pos;
    while (*pos < s.size() && IsDigit(s[*pos])) {
      if (s[*pos] != '0') fraction_nonzero = true;
      ++*pos;
    }
    if (*pos == start) return false;
  }
  if (hh == 24) return mm == 0 && ss == 0 && !fraction_nonzero;
  return hh < 24 && mm < 60 && ss < 60;
}

bool IsDecimal(absl::string_view s, bool allow_point) {
  size_t pos = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
  size_t digits = 0;
  while (pos < s.size() && IsDigit(s[pos])) {
    ++pos;
    ++digits;
  }
  if (allow_point && pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && IsDigit(s[pos])) {
      ++pos;
      ++digits;
    }
  }
  return digits > 0 && pos == s.size();
}

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) ||
         c == '+' || c == '/';
}

bool IsBase64(absl::string_view s) {
  size_t count = 0;
  size_t padding = 0;
  for (char c : s) {
    if (IsXmlSpace(c)) continue;
    if (c == '=') {
      ++padding;
    } else if (padding > 0 || !IsBase64Char(c)) {
      return false;
    }
    ++count;
  }
  return padding <= 2 && count % 4 == 0;
}

}  // namespace

absl::string_view LexicalTypeName(LexicalType type) {
  switch (type) {
    case LexicalType::kString:
      return "xs:string";
    case LexicalType::kDecimal:
      return "xs:decimal";
    case LexicalType::kInteger:
      return "xs:integer";
    case LexicalType::kDate:
      return "xs:date";
    case LexicalType::kTime:
      return "xs:time";
    case LexicalType::kDateTime:
      return "xs:dateTime";
    case LexicalType::kBoolean:
      return "xs:boolean";
    case LexicalType::kBase64:
      return "xs:base64Binary";
  }
  return "xs:string";
}

absl::string_view TrimXmlSpace(absl::string_view value) {
  while (!value.empty() && IsXmlSpace(value.front())) value.remove_prefix(1);
  while (!value.empty() && IsXmlSpace(value.back())) value.remove_suffix(1);
  return value;
}

bool IsValidLexical(LexicalType type, absl::string_view value) {
  const absl::string_view s = TrimXmlSpace(value);
  size_t pos = 0;
  switch (type) {
    case LexicalType::kString:
      return true;
    case LexicalType::kDecimal:
      return IsDecimal(s, /*allow_point=*/true);
    case LexicalType::kInteger:
      return IsDecimal(s, /*allow_point=*/false);
    case LexicalType::kDate:
      return DatePart(s, &pos) && TimeZoneToEnd(s, pos);
    case LexicalType::kTime:
      return TimePart(s, &pos) && TimeZoneToEnd(s, pos);
    case LexicalType::kDateTime:
      return DatePart(s, &pos) && Expect(s, &pos, 'T') && TimePart(s, &pos) &&
             TimeZoneToEnd(s, pos);
    case LexicalType::kBoolean:
      return s == "true" || s == "false" || s == "1" || s == "0";
    case LexicalType::kBase64:
      return IsBase64(s);
  }
  return false;
}

}  // namespace docintake::einvoice::schema_internal
