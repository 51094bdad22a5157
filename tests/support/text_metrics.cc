#include "tests/support/text_metrics.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "absl/strings/str_split.h"

namespace docintake::testing {
namespace {

// Canonical compositions for the letters of German, French, Spanish and
// Portuguese: base letters[i] + mark = composed[i].
struct Composition {
  char32_t mark;
  std::u32string_view bases;
  std::u32string_view composed;
};
constexpr Composition kCompositions[] = {
    {0x0300, U"AEIOUaeiou", U"ÀÈÌÒÙàèìòù"},      // grave
    {0x0301, U"AEIOUYaeiouy", U"ÁÉÍÓÚÝáéíóúý"},  // acute
    {0x0302, U"AEIOUaeiou", U"ÂÊÎÔÛâêîôû"},      // circumflex
    {0x0303, U"ANOano", U"ÃÑÕãñõ"},              // tilde
    {0x0308, U"AEIOUYaeiouy", U"ÄËÏÖÜŸäëïöüÿ"},  // diaeresis
    {0x0327, U"Cc", U"Çç"},                      // cedilla
};

// The composed letter of `base` + `mark`, or 0.
char32_t Compose(char32_t base, char32_t mark) {
  for (const Composition& c : kCompositions) {
    if (c.mark != mark) continue;
    const size_t i = c.bases.find(base);
    return i == std::u32string_view::npos ? 0 : c.composed[i];
  }
  return 0;
}

// ASCII replacement of a typographic character, or empty to keep it.
std::u32string_view AsciiReplacement(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:  // ‘ ’ ‚ ‛
    case 0x2039:
    case 0x203A:  // ‹ ›
      return U"'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:  // “ ” „ ‟
    case 0x00AB:
    case 0x00BB:  // « »
      return U"\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:  // hyphens, en dash
    case 0x2014:
    case 0x2015:
    case 0x2212:  // em dash, bar, minus
      return U"-";
    case 0xFB00:
      return U"ff";
    case 0xFB01:
      return U"fi";
    case 0xFB02:
      return U"fl";
    case 0xFB03:
      return U"ffi";
    case 0xFB04:
      return U"ffl";
    case 0xFB05:
    case 0xFB06:
      return U"st";
    default:
      return U"";
  }
}

// Python's str.isspace() set, which includes the no-break spaces.
bool IsSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

std::u32string NormalizeCodePoints(absl::string_view text) {
  std::u32string composed;
  for (char32_t c : DecodeUtf8(text)) {
    const char32_t letter = composed.empty() ? 0 : Compose(composed.back(), c);
    if (letter != 0) {
      composed.back() = letter;
    } else {
      composed.push_back(c);
    }
  }
  std::u32string out;
  bool space = false;
  for (char32_t c : composed) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(U' ');
    space = false;
    const std::u32string_view ascii = AsciiReplacement(c);
    if (ascii.empty()) {
      out.push_back(c);
    } else {
      out.append(ascii);
    }
  }
  return out;
}

double Ratio(int64_t numerator, int64_t denominator) {
  return denominator == 0 ? 0.0
                          : static_cast<double>(numerator) /
                                static_cast<double>(denominator);
}

}  // namespace

std::u32string DecodeUtf8(absl::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int length = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      length = 1;
      c = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      c = lead & 0x1Fu;
      min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      c = lead & 0x0Fu;
      min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      c = lead & 0x07u;
      min = 0x10000;
    }
    bool valid = length > 0 && i + static_cast<size_t>(length) <= text.size();
    for (int k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      c = (c << 6) | (next & 0x3Fu);
    }
    valid = valid && c >= min && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
    if (valid) {
      out.push_back(c);
      i += static_cast<size_t>(length);
    } else {
      out.push_back(0xFFFD);
      ++i;
    }
  }
  return out;
}

std::string EncodeUtf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::string NormalizeText(absl::string_view text) {
  return EncodeUtf8(NormalizeCodePoints(text));
}

std::vector<std::string> NormalizedWords(absl::string_view text) {
  return absl::StrSplit(NormalizeText(text), ' ', absl::SkipEmpty());
}

double WordCounts::Recall() const { return Ratio(matched, expected); }
double WordCounts::Precision() const { return Ratio(matched, recognized); }

WordCounts& WordCounts::operator+=(const WordCounts& other) {
  expected += other.expected;
  recognized += other.recognized;
  matched += other.matched;
  return *this;
}

WordCounts CountWords(absl::string_view expected,
                      absl::string_view recognized) {
  std::map<std::string, int64_t> bag;
  WordCounts counts;
  for (std::string& word : NormalizedWords(expected)) {
    ++bag[std::move(word)];
    ++counts.expected;
  }
  for (std::string& word : NormalizedWords(recognized)) {
    ++counts.recognized;
    auto it = bag.find(word);
    if (it != bag.end() && it->second > 0) {
      --it->second;
      ++counts.matched;
    }
  }
  return counts;
}

double CharErrors::Rate() const { return Ratio(distance, expected_length); }

CharErrors& CharErrors::operator+=(const CharErrors& other) {
  distance += other.distance;
  expected_length += other.expected_length;
  return *this;
}

CharErrors CountCharErrors(absl::string_view expected,
                           absl::string_view recognized) {
  const std::u32string truth = NormalizeCodePoints(expected);
  const std::u32string ocr = NormalizeCodePoints(recognized);
  return {EditDistance(truth, ocr), static_cast<int64_t>(truth.size())};
}

int64_t EditDistance(const std::u32string& a, const std::u32string& b) {
  // One row of the dynamic programme: row[j] = distance(a[0, i), b[0, j)).
  std::vector<int64_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int64_t>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int64_t diagonal = row[0];
    row[0] = static_cast<int64_t>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int64_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({substitute, row[j] + 1, row[j - 1] + 1});
    }
  }
  return row[b.size()];
}

bool FieldPrinted(absl::string_view printed_as, absl::string_view ocr_text) {
  const auto squeeze = [](absl::string_view text) {
    std::u32string out = DecodeUtf8(text);
    out.erase(std::remove_if(out.begin(), out.end(), IsSpace), out.end());
    return out;
  };
  const std::u32string needle = squeeze(printed_as);
  return !needle.empty() &&
         squeeze(ocr_text).find(needle) != std::u32string::npos;
}

}  // namespace docintake::testing
