// Lexical building blocks of a PDF file (ISO 32000-1 section 7.3): numbers
// written the same way on every machine and locale, hex and text strings,
// Flate compression, and lossless-or-replaced decoding of UTF-8 input.
// Pure functions; thread-safe.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_SYNTAX_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_SYNTAX_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::ocr::internal {

// A real number with at most three decimals and no exponent ("12.5", "-3",
// "0.001"). NaN becomes 0; magnitudes are clamped to 1e9.
std::string PdfReal(double value);

// `<...>`: each byte as two upper-case hex digits.
std::string PdfHexString(absl::string_view bytes);

// A PDF text string for `utf8` (invalid sequences replaced by U+FFFD): a hex
// string of UTF-16BE with a byte order mark.
std::string PdfTextString(absl::string_view utf8);

// zlib (RFC 1950) stream of `data` for /FlateDecode, best compression.
// INTERNAL if zlib fails (out of memory).
absl::StatusOr<std::string> FlateCompress(absl::string_view data);

// The code points of `utf8`. Each byte that does not start a well-formed
// sequence (overlong forms, surrogates and values above U+10FFFF included)
// becomes one U+FFFD.
std::u32string DecodeUtf8Lossy(absl::string_view utf8);

// Appends the UTF-8 form of `cp` (a Unicode scalar value) to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// Appends `cp` as UTF-16BE (a surrogate pair above U+FFFF) to `out`.
void AppendUtf16Be(char32_t cp, std::string& out);

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_SYNTAX_H_
