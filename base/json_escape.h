// JSON string quoting for hand-built JSON (logs, CLI output).
#ifndef DOCINTAKE_BASE_JSON_ESCAPE_H_
#define DOCINTAKE_BASE_JSON_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docintake::base {

// `s` as a JSON string literal, with quotes; control characters escaped.
std::string JsonQuote(absl::string_view s);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_JSON_ESCAPE_H_
