// Lexical checks of the XML Schema built-in types that the e-invoice schemas
// use for element and attribute values (decimal, integer, date, time,
// dateTime, boolean, base64Binary; the string types accept anything).
// Leading and trailing XML whitespace is ignored (whiteSpace="collapse").
// Pure functions; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_LEXICAL_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_LEXICAL_CHECKS_H_

#include "absl/strings/string_view.h"

namespace docintake::einvoice::schema_internal {

enum class LexicalType {
  kString,  // string, normalizedString, token, anyURI, language
  kDecimal,
  kInteger,
  kDate,
  kTime,
  kDateTime,
  kBoolean,
  kBase64,
};

// "xs:decimal", ... for messages.
absl::string_view LexicalTypeName(LexicalType type);

// True if `value` is in the lexical space of `type`.
bool IsValidLexical(LexicalType type, absl::string_view value);

// `value` without leading and trailing XML whitespace.
absl::string_view TrimXmlSpace(absl::string_view value);

}  // namespace docintake::einvoice::schema_internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_LEXICAL_CHECKS_H_
