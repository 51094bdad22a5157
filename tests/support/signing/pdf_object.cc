#include "tests/support/signing/pdf_object.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace docintake::testing::signing {

PdfObject& PdfObject::Set(absl::string_view key, absl::string_view value) {
  for (auto& [k, v] : entries) {
    if (k == key) {
      v = std::string(value);
      return *this;
    }
  }
  entries.emplace_back(std::string(key), std::string(value));
  return *this;
}

std::string PdfObject::Get(absl::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return v;
  }
  return "";
}

bool PdfObject::Has(absl::string_view key) const {
  for (const auto& entry : entries) {
    if (entry.first == key) return true;
  }
  return false;
}

void PdfObject::Remove(absl::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->first == key) {
      entries.erase(it);
      return;
    }
  }
}

void PdfObject::AppendToArray(absl::string_view key, absl::string_view item) {
  std::string value = Get(key);
  const size_t close = value.rfind(']');
  if (close == std::string::npos) {
    Set(key, absl::StrCat("[", item, "]"));
  } else {
    value.insert(close, absl::StrCat(close > 1 ? " " : "", item));
    Set(key, value);
  }
}

std::string PdfObject::Serialize(int num) const {
  std::string out = absl::StrCat(num, " 0 obj\n<<");
  for (const auto& [key, value] : entries) {
    absl::StrAppend(&out, "\n/", key, " ", value);
  }
  if (stream.has_value()) {
    absl::StrAppend(&out, "\n/Length ", stream->size(), "\n>>\nstream\n",
                    *stream, "\nendstream\nendobj\n");
  } else {
    absl::StrAppend(&out, "\n>>\nendobj\n");
  }
  return out;
}

std::string Ref(int num) { return absl::StrCat(num, " 0 R"); }

std::string PdfString(absl::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '\\' || c == '(' || c == ')') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back(')');
  return out;
}

std::string PdfDate(int64_t unix_seconds) {
  return absl::StrCat("(",
                      absl::FormatTime("D:%Y%m%d%H%M%S+00'00'",
                                       absl::FromUnixSeconds(unix_seconds),
                                       absl::UTCTimeZone()),
                      ")");
}

}  // namespace docintake::testing::signing
