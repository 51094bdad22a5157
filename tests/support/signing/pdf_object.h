// PdfObject: one indirect object of a TestPdf — a dictionary whose values
// are raw PDF syntax ("/Page", "[1 0 R]", "(text)", "<< ... >>"), kept in
// insertion order, with an optional stream (its /Length is written
// automatically). Plain value type; thread-compatible.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_PDF_OBJECT_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_PDF_OBJECT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace docintake::testing::signing {

struct PdfObject {
  // Keys without the leading slash.
  std::vector<std::pair<std::string, std::string>> entries;
  std::optional<std::string> stream;

  // Replaces or appends `key`.
  PdfObject& Set(absl::string_view key, absl::string_view value);
  // The raw value of `key`, "" if absent.
  std::string Get(absl::string_view key) const;
  bool Has(absl::string_view key) const;
  void Remove(absl::string_view key);
  // Appends `item` to the array value of `key` (creating "[item]").
  void AppendToArray(absl::string_view key, absl::string_view item);

  // "num 0 obj\n<< ... >>\n[stream ... endstream\n]endobj\n".
  std::string Serialize(int num) const;
};

// "n 0 R".
std::string Ref(int num);
// A PDF literal string "(...)" with \, ( and ) escaped.
std::string PdfString(absl::string_view text);
// A PDF date "(D:YYYYMMDDHHmmSS+00'00')" for a Unix time in seconds.
std::string PdfDate(int64_t unix_seconds);

}  // namespace docintake::testing::signing

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_PDF_OBJECT_H_
