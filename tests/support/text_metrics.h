// OCR accuracy metrics exactly as the OCR corpus README defines them
// (shared/corpus/ocr/README.md, "Baseline"): normalised text, bag-of-words
// recall/precision, character error rate and field hits. Every figure comes
// as counts so pages can be summed before dividing. Pure functions over
// UTF-8 (invalid bytes count as U+FFFD); thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_TEXT_METRICS_H_
#define DOCINTAKE_TESTS_SUPPORT_TEXT_METRICS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace docintake::testing {

// The README's normalisation: NFC for the Latin letters of German, French,
// Spanish and Portuguese (base letter + combining grave, acute, circumflex,
// tilde, diaeresis or cedilla is composed; other sequences are kept);
// typographic quotes (incl. guillemets) to ' or ", dashes and the minus sign
// to -, ligatures (ff fi fl ffi ffl st) to their letters; every run of
// whitespace (incl. no-break and other Unicode spaces) becomes one space,
// none at either end. Case is kept.
std::string NormalizeText(absl::string_view text);

// The whitespace-separated words of normalised `text`.
std::vector<std::string> NormalizedWords(absl::string_view text);

// Bag-of-words counts of one page or a sum of pages.
struct WordCounts {
  int64_t expected = 0;      // words in the expected text
  int64_t recognized = 0;    // words in the OCR text
  int64_t matched = 0;       // size of the multiset intersection
  double Recall() const;     // matched / expected; 0 if nothing expected
  double Precision() const;  // matched / recognized; 0 if nothing recognised
  WordCounts& operator+=(const WordCounts& other);
};
// Both texts are normalised first.
WordCounts CountWords(absl::string_view expected, absl::string_view recognized);

// Character error counts of one page or a sum of pages.
struct CharErrors {
  int64_t distance = 0;         // Levenshtein distance over code points
  int64_t expected_length = 0;  // code points of the normalised expected text
  double Rate() const;          // distance / expected_length; 0 if empty
  CharErrors& operator+=(const CharErrors& other);
};
// Both texts are normalised first.
CharErrors CountCharErrors(absl::string_view expected,
                           absl::string_view recognized);

// UTF-8 to code points; a malformed or truncated sequence yields one U+FFFD
// per byte that cannot start a valid sequence.
std::u32string DecodeUtf8(absl::string_view text);
std::string EncodeUtf8(const std::u32string& text);

// Unit-cost insert/delete/substitute distance between `a` and `b`.
int64_t EditDistance(const std::u32string& a, const std::u32string& b);

// Whether `printed_as` occurs in `ocr_text` once all whitespace is removed
// from both; exact and case-sensitive, no other normalisation. False for an
// empty `printed_as` (such fields are not counted).
bool FieldPrinted(absl::string_view printed_as, absl::string_view ocr_text);

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_TEXT_METRICS_H_
