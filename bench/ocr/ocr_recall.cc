// bench_ocr_recall: the OCR corpus metrics (tests/support/text_metrics.h)
// summed over the pages listed in a manifest, for bench/ocr/run.sh. Each
// manifest line is `OCR_TEXT<TAB>PAGE<TAB>EXPECTED_TEXT`: OCR_TEXT holds the
// pages of one document separated by form feeds (an OCRmyPDF sidecar, or
// the `docintake ocr --json` page texts joined the same way), PAGE is
// 1-based. Prints one tab-separated line:
//   pages  expected_words  ocr_words  matched_words  recall  precision  cer
// Exit status 1 when a file cannot be read or a page is missing.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "tests/support/text_metrics.h"

namespace docintake::bench {
namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  *out = text.str();
  return true;
}

int Fail(const std::string& message) {
  std::cerr << "bench_ocr_recall: " << message << "\n";
  return 1;
}

int Main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench_ocr_recall MANIFEST\n";
    return 2;
  }
  std::string manifest;
  if (!ReadFile(argv[1], &manifest)) return Fail("cannot read manifest");
  std::map<std::string, std::vector<std::string>> documents;  // by OCR file
  testing::WordCounts words;
  testing::CharErrors chars;
  int pages = 0;
  for (absl::string_view line :
       absl::StrSplit(manifest, '\n', absl::SkipEmpty())) {
    const std::vector<std::string> cells = absl::StrSplit(line, '\t');
    int page = 0;
    if (cells.size() != 3 || !absl::SimpleAtoi(cells[1], &page) || page < 1) {
      return Fail(absl::StrCat("bad manifest line: ", line));
    }
    auto document = documents.find(cells[0]);
    if (document == documents.end()) {
      std::string text;
      if (!ReadFile(cells[0], &text)) return Fail("cannot read " + cells[0]);
      document = documents.emplace(cells[0], absl::StrSplit(text, '\f')).first;
    }
    std::string expected;
    if (!ReadFile(cells[2], &expected)) return Fail("cannot read " + cells[2]);
    if (page > static_cast<int>(document->second.size())) {
      return Fail(absl::StrCat(cells[0], " has no page ", page));
    }
    const std::string& ocr = document->second[page - 1];
    words += testing::CountWords(expected, ocr);
    chars += testing::CountCharErrors(expected, ocr);
    ++pages;
  }
  std::cout << absl::StrFormat("%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\n", pages,
                               words.expected, words.recognized, words.matched,
                               words.Recall(), words.Precision(), chars.Rate());
  return 0;
}

}  // namespace
}  // namespace docintake::bench

int main(int argc, char** argv) { return docintake::bench::Main(argc, argv); }
