#include "signature/pdf/internal/pdf_lexer.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "absl/strings/string_view.h"

namespace docintake::signature::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsRegular(char c) { return !IsPdfWhiteSpace(c) && !IsPdfDelimiter(c); }

// Parses [+-]?digits into `value`; false if not of that form or too large.
bool ParseInteger(absl::string_view text, int64_t* value) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  if (i == text.size()) return false;
  uint64_t magnitude = 0;
  const uint64_t limit =
      static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) +
      (negative ? 1 : 0);
  for (; i < text.size(); ++i) {
    if (!IsDigit(text[i])) return false;
    const auto digit = static_cast<uint64_t>(text[i] - '0');
    if (magnitude > (limit - digit) / 10) return false;
    magnitude = magnitude * 10 + digit;
  }
  if (negative) {
    *value = magnitude == limit ? std::numeric_limits<int64_t>::min()
                                : -static_cast<int64_t>(magnitude);
  } else {
    *value = static_cast<int64_t>(magnitude);
  }
  return true;
}

// [+-]? digits with at most one '.', at least one digit.
bool IsNumber(absl::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  int digits = 0;
  int dots = 0;
  for (; i < text.size(); ++i) {
    if (IsDigit(text[i])) {
      ++digits;
    } else if (text[i] == '.') {
      ++dots;
    } else {
      return false;
    }
  }
  return digits > 0 && dots <= 1;
}

}  // namespace

bool IsPdfWhiteSpace(char c) {
  return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
         c == ' ';
}

bool IsPdfDelimiter(char c) {
  switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '%':
      return true;
    default:
      return false;
  }
}

Lexer::Lexer(absl::string_view pdf)
    : data_(pdf),
      unclosed_string_budget_(4 * static_cast<int64_t>(pdf.size()) +
                              (int64_t{1} << 20)) {}

Token Lexer::Next() {
  const size_t n = data_.size();
  while (pos_ < n && IsPdfWhiteSpace(data_[pos_])) ++pos_;
  Token token;
  token.begin = pos_;
  token.end = pos_;
  if (pos_ >= n || gave_up_) {
    token.begin = token.end = n;
    pos_ = n;
    return token;
  }
  const size_t begin = pos_;
  const char c = data_[begin];
  const bool next_same = begin + 1 < n && data_[begin + 1] == c;
  switch (c) {
    case '%': {
      size_t end = begin + 1;
      while (end < n && data_[end] != '\r' && data_[end] != '\n') ++end;
      token.kind = TokenKind::kComment;
      token.end = end;
      break;
    }
    case '/': {
      size_t end = begin + 1;
      while (end < n && IsRegular(data_[end])) ++end;
      token.kind = TokenKind::kName;
      token.end = end;
      break;
    }
    case '(':
      return LexLiteralString(begin);
    case '<':
      if (next_same) {
        token.kind = TokenKind::kDictBegin;
        token.end = begin + 2;
        break;
      }
      return LexHexString(begin);
    case '>':
      token.kind = next_same ? TokenKind::kDictEnd : TokenKind::kJunk;
      token.end = begin + (next_same ? 2 : 1);
      break;
    case '[':
      token.kind = TokenKind::kArrayBegin;
      token.end = begin + 1;
      break;
    case ']':
      token.kind = TokenKind::kArrayEnd;
      token.end = begin + 1;
      break;
    case ')':
    case '{':
    case '}':
      token.kind = TokenKind::kJunk;
      token.end = begin + 1;
      break;
    default:
      return LexRegular(begin);
  }
  pos_ = token.end;
  return token;
}

Token Lexer::LexLiteralString(size_t begin) {
  const size_t n = data_.size();
  int64_t depth = 1;
  size_t i = begin + 1;
  while (i < n) {
    const char c = data_[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      pos_ = i + 1;
      return Token{TokenKind::kString, begin, i + 1, 0};
    }
    ++i;
  }
  // Unclosed: a reader that reaches later objects through the xref table
  // still sees them, so continue right after the '(' while work allows.
  unclosed_string_budget_ -= static_cast<int64_t>(n - begin);
  if (unclosed_string_budget_ < 0) {
    gave_up_ = true;
    pos_ = n;
    return Token{TokenKind::kEnd, n, n, 0};
  }
  pos_ = begin + 1;
  return Token{TokenKind::kJunk, begin, begin + 1, 0};
}

Token Lexer::LexHexString(size_t begin) {
  // Only hex digits and white space can precede the '>', so a failed scan
  // covers bytes that no other failed hex scan reads: linear in total.
  for (size_t i = begin + 1; i < data_.size(); ++i) {
    const char c = data_[i];
    if (c == '>') {
      pos_ = i + 1;
      return Token{TokenKind::kHexString, begin, i + 1, 0};
    }
    if (HexValue(c) < 0 && !IsPdfWhiteSpace(c)) break;
  }
  pos_ = begin + 1;
  return Token{TokenKind::kJunk, begin, begin + 1, 0};
}

Token Lexer::LexRegular(size_t begin) {
  size_t end = begin;
  while (end < data_.size() && IsRegular(data_[end])) ++end;
  pos_ = end;
  Token token{TokenKind::kKeyword, begin, end, 0};
  const absl::string_view text = data_.substr(begin, end - begin);
  if (IsNumber(text)) {
    token.kind = ParseInteger(text, &token.integer) ? TokenKind::kInteger
                                                    : TokenKind::kReal;
  }
  return token;
}

bool Lexer::SkipReferenceTail() {
  const size_t n = data_.size();
  size_t i = pos_;
  const size_t first_space = i;
  while (i < n && IsPdfWhiteSpace(data_[i])) ++i;
  if (i == first_space) return false;
  const size_t digits = i;
  while (i < n && IsDigit(data_[i])) ++i;
  if (i == digits) return false;
  const size_t second_space = i;
  while (i < n && IsPdfWhiteSpace(data_[i])) ++i;
  if (i == second_space || i >= n || data_[i] != 'R') return false;
  ++i;
  if (i < n && IsRegular(data_[i])) return false;
  pos_ = i;
  return true;
}

std::string DecodeName(absl::string_view text) {
  std::string out;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '#' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 +
                                      HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string DecodeLiteralString(absl::string_view text) {
  std::string out;
  if (text.size() < 2) return out;
  const absl::string_view body = text.substr(1, text.size() - 2);
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\r') {  // an end of line inside the string reads as "\n"
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      out.push_back('\n');
      continue;
    }
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i >= body.size()) break;
    c = body[i];
    switch (c) {
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case '\r':  // line continuation
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        break;
      case '\n':
        break;
      default:
        if (c >= '0' && c <= '7') {
          int value = c - '0';
          for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' &&
                          body[i + 1] <= '7';
               ++k) {
            value = value * 8 + (body[++i] - '0');
          }
          out.push_back(static_cast<char>(value & 0xff));
        } else {
          out.push_back(c);  // "\(", "\)", "\\" and unknown escapes
        }
    }
  }
  return out;
}

std::string DecodeHexString(absl::string_view text) {
  std::string out;
  int high = -1;
  for (char c : text) {
    const int value = HexValue(c);
    if (value < 0) continue;
    if (high < 0) {
      high = value;
    } else {
      out.push_back(static_cast<char>(high * 16 + value));
      high = -1;
    }
  }
  if (high >= 0) out.push_back(static_cast<char>(high * 16));
  return out;
}

}  // namespace docintake::signature::internal
