#include "intake/einvoice/internal/value_reader.h"

#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice::internal {
namespace {

void Fill(const XmlElement& e, Value* v) {
  if (!e) return;
  v->present = true;
  v->text = e.Text();
  v->path = e.path();
  v->line = e.line();
  v->attributes = e.Attributes();
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<absl::CivilDay> MakeDay(absl::string_view y, absl::string_view m,
                                      absl::string_view d) {
  int year = 0, month = 0, day = 0;
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d) ||
      !absl::SimpleAtoi(y, &year) || !absl::SimpleAtoi(m, &month) ||
      !absl::SimpleAtoi(d, &day)) {
    return std::nullopt;
  }
  const absl::CivilDay civil(year, month, day);
  // CivilDay normalises 2023-02-30 to March: such input is not a date.
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return std::nullopt;
  }
  return civil;
}

// "YYYY-MM-DD" optionally followed by "Z" or "+hh:mm" / "-hh:mm".
std::optional<absl::CivilDay> ParseXsDate(absl::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const absl::string_view zone = s.substr(10);
  const bool zone_ok =
      zone.empty() || zone == "Z" ||
      (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
       AllDigits(zone.substr(1, 2)) && zone[3] == ':' &&
       AllDigits(zone.substr(4, 2)));
  if (!zone_ok) return std::nullopt;
  return MakeDay(s.substr(0, 4), s.substr(5, 2), s.substr(8, 2));
}

}  // namespace

Value ReadValue(const XmlElement& e) {
  Value v;
  Fill(e, &v);
  return v;
}

DecimalValue ReadDecimal(const XmlElement& e) {
  DecimalValue v;
  Fill(e, &v);
  if (v.present) {
    absl::StatusOr<Decimal> number = Decimal::Parse(v.text);
    if (number.ok()) v.number = *number;
  }
  return v;
}

IndicatorValue ReadIndicator(const XmlElement& e) {
  IndicatorValue v;
  Fill(e, &v);
  if (v.present) {
    const std::string t = v.Trimmed();
    if (t == "true" || t == "1") v.flag = true;
    if (t == "false" || t == "0") v.flag = false;
  }
  return v;
}

IndicatorValue ReadCiiIndicator(const XmlElement& container) {
  return ReadIndicator(container.Child(kUdtNs, "Indicator"));
}

DateValue ReadUblDate(const XmlElement& e) {
  DateValue v;
  Fill(e, &v);
  if (v.present) v.date = ParseXsDate(v.Trimmed());
  return v;
}

DateValue ReadCiiDate(const XmlElement& container) {
  XmlElement inner = container.Child(kUdtNs, "DateTimeString");
  if (!inner) inner = container.Child(kQdtNs, "DateTimeString");
  if (!inner) inner = container.Child(kUdtNs, "DateString");
  DateValue v;
  Fill(inner, &v);
  if (v.present && v.format() != nullptr && *v.format() == "102") {
    const std::string t = v.Trimmed();
    if (t.size() == 8) {
      v.date = MakeDay(absl::string_view(t).substr(0, 4),
                       absl::string_view(t).substr(4, 2),
                       absl::string_view(t).substr(6, 2));
    }
  }
  return v;
}

std::vector<Value> ValuesAt(const XmlElement& from, absl::string_view path) {
  std::vector<Value> out;
  for (const XmlElement& e : from.FindAll(path)) out.push_back(ReadValue(e));
  return out;
}

Value FirstPresent(Value a, Value b) {
  return a.present ? std::move(a) : std::move(b);
}

}  // namespace docintake::einvoice::internal
