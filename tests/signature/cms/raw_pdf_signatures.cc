#include "tests/signature/cms/raw_pdf_signatures.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace docintake::testing {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
         c == '\0';
}

// Start of the dictionary ("<<") enclosing `pos`, or npos.
size_t DictionaryStart(absl::string_view pdf, size_t pos) {
  int depth = 0;
  for (size_t i = pos; i >= 2; --i) {
    const absl::string_view two = pdf.substr(i - 2, 2);
    if (two == ">>") {
      ++depth;
      --i;
    } else if (two == "<<") {
      if (depth == 0) return i - 2;
      --depth;
      --i;
    }
  }
  return absl::string_view::npos;
}

// End (one past ">>") of the dictionary starting at `start`, skipping
// strings; npos if unterminated.
size_t DictionaryEnd(absl::string_view pdf, size_t start) {
  int depth = 0;
  size_t i = start;
  while (i < pdf.size()) {
    if (pdf.substr(i, 2) == "<<") {
      ++depth;
      i += 2;
    } else if (pdf.substr(i, 2) == ">>") {
      i += 2;
      if (--depth == 0) return i;
    } else if (pdf[i] == '<') {
      const size_t close = pdf.find('>', i);
      if (close == absl::string_view::npos) return close;
      i = close + 1;
    } else if (pdf[i] == '(') {
      int parens = 0;
      for (; i < pdf.size(); ++i) {
        if (pdf[i] == '\\') {
          ++i;
        } else if (pdf[i] == '(') {
          ++parens;
        } else if (pdf[i] == ')' && --parens == 0) {
          break;
        }
      }
      ++i;
    } else {
      ++i;
    }
  }
  return absl::string_view::npos;
}

// Position just after `key` followed by a delimiter in `dict`, or npos.
size_t FindKey(absl::string_view dict, absl::string_view key) {
  for (size_t pos = dict.find(key); pos != absl::string_view::npos;
       pos = dict.find(key, pos + 1)) {
    const size_t after = pos + key.size();
    if (after < dict.size() &&
        !std::isalnum(static_cast<unsigned char>(dict[after]))) {
      return after;
    }
  }
  return absl::string_view::npos;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string DecodeHex(absl::string_view hex) {
  std::string out;
  int high = -1;
  for (char c : hex) {
    const int v = HexValue(c);
    if (v < 0) continue;
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<char>(high * 16 + v));
      high = -1;
    }
  }
  if (high >= 0) out.push_back(static_cast<char>(high * 16));
  return out;
}

std::vector<int64_t> ParseIntegers(absl::string_view text) {
  std::vector<int64_t> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) && text[i] != '-') {
      ++i;
      continue;
    }
    const bool negative = text[i] == '-';
    if (negative) ++i;
    int64_t value = 0;
    while (i < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      if (value > (int64_t{1} << 40)) value = int64_t{1} << 40;
      ++i;
    }
    out.push_back(negative ? -value : value);
  }
  return out;
}

void SelectRanges(absl::string_view pdf, RawPdfSignature& sig) {
  const std::vector<int64_t>& br = sig.byte_range;
  if (br.empty() || br.size() % 2 != 0) return;
  std::vector<absl::string_view> ranges;
  for (size_t i = 0; i < br.size(); i += 2) {
    if (br[i] < 0 || br[i + 1] < 0 ||
        br[i] + br[i + 1] > static_cast<int64_t>(pdf.size())) {
      return;
    }
    ranges.push_back(
        pdf.substr(static_cast<size_t>(br[i]), static_cast<size_t>(br[i + 1])));
  }
  sig.ranges = std::move(ranges);
}

}  // namespace

std::vector<RawPdfSignature> FindRawPdfSignatures(absl::string_view pdf) {
  std::vector<RawPdfSignature> out;
  for (size_t pos = pdf.find("/ByteRange"); pos != absl::string_view::npos;
       pos = pdf.find("/ByteRange", pos + 1)) {
    const size_t start = DictionaryStart(pdf, pos);
    if (start == absl::string_view::npos) continue;
    const size_t end = DictionaryEnd(pdf, start);
    if (end == absl::string_view::npos) continue;
    const absl::string_view dict = pdf.substr(start, end - start);
    RawPdfSignature sig;
    sig.dictionary_offset = start;
    const size_t open = pdf.find('[', pos);
    const size_t close = pdf.find(']', pos);
    if (open == absl::string_view::npos || close == absl::string_view::npos ||
        close < open) {
      continue;
    }
    sig.byte_range = ParseIntegers(pdf.substr(open + 1, close - open - 1));
    size_t key = FindKey(dict, "/Contents");
    while (key != absl::string_view::npos && key < dict.size() &&
           IsSpace(dict[key])) {
      ++key;
    }
    if (key != absl::string_view::npos && key < dict.size() &&
        dict[key] == '<') {
      const size_t hex_end = dict.find('>', key);
      if (hex_end != absl::string_view::npos) {
        sig.contents = DecodeHex(dict.substr(key + 1, hex_end - key - 1));
      }
    }
    size_t sub = FindKey(dict, "/SubFilter");
    if (sub != absl::string_view::npos) {
      while (sub < dict.size() && IsSpace(dict[sub])) ++sub;
      if (sub < dict.size() && dict[sub] == '/') {
        size_t name_end = sub + 1;
        while (name_end < dict.size() && !IsSpace(dict[name_end]) &&
               dict[name_end] != '/' && dict[name_end] != '>') {
          ++name_end;
        }
        sig.sub_filter = std::string(dict.substr(sub + 1, name_end - sub - 1));
      }
    }
    SelectRanges(pdf, sig);
    const bool duplicate =
        std::any_of(out.begin(), out.end(), [&](const RawPdfSignature& other) {
          return other.byte_range == sig.byte_range &&
                 other.contents == sig.contents;
        });
    if (!duplicate) out.push_back(std::move(sig));
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const RawPdfSignature& a, const RawPdfSignature& b) {
        const int64_t ga = a.byte_range.size() > 1 ? a.byte_range[1] : 0;
        const int64_t gb = b.byte_range.size() > 1 ? b.byte_range[1] : 0;
        return std::tie(ga, a.dictionary_offset) <
               std::tie(gb, b.dictionary_offset);
      });
  return out;
}

}  // namespace docintake::testing
