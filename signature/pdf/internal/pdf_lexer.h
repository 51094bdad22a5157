// A tokenizer for the raw bytes of a PDF (ISO 32000-1 §7.2–7.3), used by the
// signature scanner without any PDF library. Tokens are spans of the input;
// strings and names are decoded on request. Malformed input never fails:
// a byte that starts no valid token becomes a one-byte kJunk token. The input
// must outlive the lexer. Not thread-safe; one lexer per scan.
#ifndef DOCINTAKE_SIGNATURE_PDF_INTERNAL_PDF_LEXER_H_
#define DOCINTAKE_SIGNATURE_PDF_INTERNAL_PDF_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace docintake::signature::internal {

enum class TokenKind {
  kEnd,         // no more input
  kInteger,     // fits int64_t; `integer` holds the value
  kReal,        // other numbers, including integers that overflow int64_t
  kName,        // "/..." (span includes the slash)
  kString,      // "(...)" with balanced parentheses
  kHexString,   // "<...>" with only hex digits and white space inside
  kDictBegin,   // "<<"
  kDictEnd,     // ">>"
  kArrayBegin,  // "["
  kArrayEnd,    // "]"
  kKeyword,     // a run of regular characters that is no number
  kComment,     // "%" up to (not including) the end of the line
  kJunk,        // one byte that starts no token
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t begin = 0;  // offset of the first byte
  size_t end = 0;    // one past the last byte
  int64_t integer = 0;
};

class Lexer {
 public:
  explicit Lexer(absl::string_view pdf);

  // The next token from the current position (comments included).
  Token Next();

  // True if the lexer gave up on the rest of the input: too much work was
  // spent on literal strings that never close (Next() then returns kEnd).
  bool gave_up() const { return gave_up_; }

  size_t position() const { return pos_; }
  void Seek(size_t pos) { pos_ = pos < data_.size() ? pos : data_.size(); }
  absl::string_view data() const { return data_; }
  absl::string_view Text(const Token& token) const {
    return data_.substr(token.begin, token.end - token.begin);
  }

  // If "<int> <int> R" follows the current position (after white space),
  // moves past it and returns true; otherwise leaves the position alone.
  bool SkipReferenceTail();

 private:
  Token LexLiteralString(size_t begin);
  Token LexHexString(size_t begin);
  Token LexRegular(size_t begin);

  absl::string_view data_;
  size_t pos_ = 0;
  // Bytes that scans of unclosed literal strings may still read; keeps the
  // total work linear in the input size.
  int64_t unclosed_string_budget_;
  bool gave_up_ = false;
};

bool IsPdfWhiteSpace(char c);
bool IsPdfDelimiter(char c);

// The bytes of a name token without the slash, #xx escapes decoded.
std::string DecodeName(absl::string_view token_text);
// The bytes of a literal string token "(...)", escapes resolved.
std::string DecodeLiteralString(absl::string_view token_text);
// The bytes of a hex string token "<...>"; an odd last digit counts as if
// followed by 0 (ISO 32000-1 §7.3.4.3).
std::string DecodeHexString(absl::string_view token_text);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_PDF_INTERNAL_PDF_LEXER_H_
