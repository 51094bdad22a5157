// OCR of the shared OCR corpus against the Tesseract CLI baseline recorded
// there (ocr/baseline/): word recall/precision and CER per kind, orientation
// and skew of every page, key-field hit rate. Every expected value comes
// from the corpus files. One OcrEngine recognises every page once, so all
// checks share one test (ctest runs each test in its own process).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ocr/document_ocr.h"
#include "ocr/ocr_engine.h"
#include "tests/support/corpus.h"
#include "tests/support/text_metrics.h"

namespace docintake::ocr {
namespace {

namespace fs = std::filesystem;
using testing::CharErrors;
using testing::Manifest;
using testing::ReadFileOrDie;
using testing::ReadManifest;
using testing::WordCounts;

__attribute__((format(printf, 1, 2))) std::string Format(const char* format,
                                                         ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

double ParseDouble(const std::string& text) {
  double value = 0;
  EXPECT_TRUE(absl::SimpleAtod(text, &value)) << "not a number: " << text;
  return value;
}

int ParseInt(const std::string& text) {
  int value = 0;
  EXPECT_TRUE(absl::SimpleAtoi(text, &value)) << "not a number: " << text;
  return value;
}

// Figures compared as the baseline prints them: rounded to 4 decimals.
int64_t Rounded(double value) { return std::llround(value * 10000); }

// A page of a physical file: its corpus-relative path and 0-based index.
using PageKey = std::pair<std::string, int>;

// The corpus-relative paths of the page files p1.*, p2.*, ... of the
// document folder `folder` (ending in '/'), in page order.
std::vector<std::string> FolderPages(const std::string& root,
                                     const std::string& folder) {
  std::map<int, std::string> pages;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::path(root) / folder)) {
    const std::string stem = entry.path().stem().string();
    int number = 0;
    if (stem.size() > 1 && stem[0] == 'p' &&
        absl::SimpleAtoi(stem.substr(1), &number)) {
      pages[number] = folder + entry.path().filename().string();
    }
  }
  std::vector<std::string> out;
  for (const auto& [number, path] : pages) {
    EXPECT_EQ(number, static_cast<int>(out.size()) + 1)
        << folder << ": page files are not numbered p1, p2, ...";
    out.push_back(path);
  }
  return out;
}

// Page `page` (1-based) of `file` as named in the manifests.
PageKey ResolvePage(const std::string& root, const std::string& file,
                    int page) {
  if (!absl::EndsWith(file, "/")) return {file, page - 1};
  const std::vector<std::string> pages = FolderPages(root, file);
  EXPECT_LE(page, static_cast<int>(pages.size())) << file << " page " << page;
  return {page <= static_cast<int>(pages.size()) ? pages[page - 1] : file, 0};
}

// A row of ocr_truth.tsv with expected text.
struct TruthPage {
  std::string file;
  int page = 1;
  std::string kind;
  double rotation_deg = 0;
  std::string expected_text;
  PageKey key;
  // rotation_deg split into the nearest quarter turn and the rest.
  int orientation() const {
    const long quarter = std::lround(rotation_deg / 90);
    return static_cast<int>(((quarter % 4) + 4) % 4 * 90);
  }
  double skew() const {
    return rotation_deg -
           90.0 * static_cast<double>(std::lround(rotation_deg / 90));
  }
};

std::vector<TruthPage> ReadTruthPages(const std::string& root) {
  const Manifest truth = ReadManifest(root + "/ocr_truth.tsv");
  EXPECT_FALSE(truth.rows.empty()) << root << "/ocr_truth.tsv";
  std::vector<TruthPage> pages;
  for (const std::vector<std::string>& row : truth.rows) {
    const std::string text_file = truth.Get(row, "expected_text_file");
    if (text_file.empty() || text_file == "-") continue;
    TruthPage page;
    page.file = truth.Get(row, "file");
    page.page = ParseInt(truth.Get(row, "page"));
    page.kind = truth.Get(row, "kind");
    page.rotation_deg = ParseDouble(truth.Get(row, "rotation_deg"));
    page.expected_text = ReadFileOrDie(root + "/" + text_file);
    page.key = ResolvePage(root, page.file, page.page);
    pages.push_back(std::move(page));
  }
  return pages;
}

// The figures of one engine for one subset in baseline/summary.tsv.
struct Baseline {
  int pages = 0;
  int64_t words = 0;
  double recall = 0;
  double precision = 0;
  double cer = 0;
};

std::map<std::string, Baseline> ReadBaseline(const std::string& root,
                                             const std::string& engine) {
  const Manifest summary = ReadManifest(root + "/baseline/summary.tsv");
  std::map<std::string, Baseline> out;
  for (const std::vector<std::string>& row : summary.rows) {
    if (summary.Get(row, "engine") != engine) continue;
    Baseline& b = out[summary.Get(row, "subset")];
    b.pages = ParseInt(summary.Get(row, "pages"));
    b.words = ParseInt(summary.Get(row, "gt_words"));
    b.recall = ParseDouble(summary.Get(row, "bow_recall"));
    b.precision = ParseDouble(summary.Get(row, "bow_precision"));
    b.cer = ParseDouble(summary.Get(row, "cer"));
  }
  EXPECT_FALSE(out.empty()) << "no " << engine << " rows in summary.tsv";
  return out;
}

// Documents of fields_truth.tsv: the pages of each, in order.
std::map<std::string, std::vector<PageKey>> DocumentPages(
    const std::string& root, const std::map<std::string, int>& page_counts,
    const Manifest& fields) {
  std::map<std::string, std::vector<PageKey>> out;
  for (const std::vector<std::string>& row : fields.rows) {
    const std::string file = fields.Get(row, "file");
    if (out.count(file) != 0) continue;
    std::vector<std::string> files = {file};
    if (absl::EndsWith(file, "/")) files = FolderPages(root, file);
    std::vector<PageKey>& pages = out[file];
    for (const std::string& f : files) {
      const auto count = page_counts.find(f);
      for (int i = 0; count != page_counts.end() && i < count->second; ++i) {
        pages.push_back({f, i});
      }
    }
  }
  return out;
}

// Everything recognised in this process, by one engine.
struct CorpusRun {
  std::vector<TruthPage> truth;
  std::map<PageKey, PageResult> results;
  std::map<std::string, int> page_counts;  // of every file opened
  Manifest fields;
  double seconds = 0;
};

// Recognises every page needed by ocr_truth.tsv and fields_truth.tsv, each
// file once; failures are reported and leave the pages out of `results`.
std::unique_ptr<CorpusRun> RecognizeCorpus(const std::string& root) {
  auto run = std::make_unique<CorpusRun>();
  run->truth = ReadTruthPages(root);
  run->fields = ReadManifest(root + "/fields_truth.tsv");
  // Pages to recognise per file; an empty set means all of them.
  std::map<std::string, std::set<int>> wanted;
  std::set<std::string> whole;
  for (const TruthPage& page : run->truth) {
    wanted[page.key.first].insert(page.key.second);
  }
  for (const std::vector<std::string>& row : run->fields.rows) {
    const std::string file = run->fields.Get(row, "file");
    if (absl::EndsWith(file, "/")) {
      for (const std::string& f : FolderPages(root, file)) whole.insert(f);
    } else {
      whole.insert(file);
    }
  }
  for (const std::string& file : whole) wanted[file].clear();

  OcrOptions options;  // the defaults: deu, one engine per core
  absl::StatusOr<std::unique_ptr<OcrEngine>> engine =
      OcrEngine::Create(options);
  if (!engine.ok()) {
    ADD_FAILURE() << "OcrEngine::Create: " << engine.status();
    return run;
  }
  std::cout << "engine: " << (*engine)->Description() << ", "
            << (*engine)->engines() << " at once\n";
  const auto start = std::chrono::steady_clock::now();
  for (const auto& [file, pages] : wanted) {
    DocumentOcrOptions document_options;
    document_options.rendition = false;
    document_options.pages.assign(pages.begin(), pages.end());
    const std::string bytes = ReadFileOrDie(root + "/" + file);
    absl::StatusOr<DocumentOcr> ocr =
        OcrDocument(**engine, bytes, document_options);
    if (!ocr.ok()) {
      ADD_FAILURE() << file << ": " << ocr.status();
      continue;
    }
    run->page_counts[file] = ocr->page_count;
    for (size_t i = 0; i < ocr->pages.size(); ++i) {
      run->results[{file, ocr->page_index[i]}] = std::move(ocr->pages[i]);
    }
  }
  run->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return run;
}

const CorpusRun& SharedRun(const std::string& root) {
  static const CorpusRun* const run = RecognizeCorpus(root).release();
  return *run;
}

std::string OcrRoot(const std::string& corpus) { return corpus + "/ocr"; }

// Figures summed over the pages of one kind.
struct KindFigures {
  int pages = 0;
  WordCounts words;
  CharErrors chars;
};

void PrintPages(const CorpusRun& run) {
  std::cout << Format("%-44s %4s %-8s %7s %7s %7s %8s %8s %8s %6s\n", "file",
                      "page", "kind", "recall", "cer", "truth", "rotation",
                      "skew", "osd_conf", "conf");
  for (const TruthPage& page : run.truth) {
    const auto it = run.results.find(page.key);
    if (it == run.results.end()) continue;
    const PageResult& r = it->second;
    std::cout << Format(
        "%-44s %4d %-8s %7.4f %7.4f %7.2f %8d %8.2f %8.2f %6.1f%s\n",
        page.file.c_str(), page.page, page.kind.c_str(),
        testing::CountWords(page.expected_text, r.text).Recall(),
        testing::CountCharErrors(page.expected_text, r.text).Rate(),
        page.rotation_deg, r.rotation, static_cast<double>(r.skew),
        static_cast<double>(r.rotation_confidence),
        static_cast<double>(r.mean_confidence), r.blank ? " blank" : "");
  }
}

void CheckKinds(const CorpusRun& run,
                const std::map<std::string, Baseline>& baseline) {
  std::map<std::string, KindFigures> kinds;
  for (const TruthPage& page : run.truth) {
    const auto it = run.results.find(page.key);
    if (it == run.results.end()) continue;  // reported when recognising
    for (const std::string& kind : {page.kind, std::string("all")}) {
      KindFigures& k = kinds[kind];
      ++k.pages;
      k.words += testing::CountWords(page.expected_text, it->second.text);
      k.chars += testing::CountCharErrors(page.expected_text, it->second.text);
    }
  }
  std::cout << Format("\n%-9s %5s %6s | %-26s | %-26s\n", "subset", "pages",
                      "words", "ours: recall / prec / CER",
                      "tesseract: recall / prec / CER");
  for (const auto& [kind, b] : baseline) {
    const KindFigures& k = kinds[kind];
    std::cout << Format(
        "%-9s %5d %6lld | %.4f / %.4f / %.4f    | %.4f / %.4f / %.4f\n",
        kind.c_str(), k.pages, static_cast<long long>(k.words.expected),
        k.words.Recall(), k.words.Precision(), k.chars.Rate(), b.recall,
        b.precision, b.cer);
  }
  for (const auto& [kind, b] : baseline) {
    if (kind == "all") continue;  // printed; implied by the kinds
    SCOPED_TRACE(kind);
    const KindFigures& k = kinds[kind];
    EXPECT_EQ(k.pages, b.pages);
    EXPECT_EQ(k.words.expected, b.words) << "normalisation differs";
    EXPECT_GE(Rounded(k.words.Recall()), Rounded(b.recall)) << "word recall";
    EXPECT_GE(Rounded(k.words.Precision()), Rounded(b.precision))
        << "word precision";
    EXPECT_LE(Rounded(k.chars.Rate()), Rounded(b.cer)) << "CER";
  }
}

void CheckOrientationAndSkew(const CorpusRun& run, double skew_tolerance) {
  int rotation_ok = 0, skew_ok = 0, skew_pages = 0;
  for (const TruthPage& page : run.truth) {
    const auto it = run.results.find(page.key);
    if (it == run.results.end()) continue;
    const PageResult& r = it->second;
    const std::string where =
        Format("%s page %d (%s, rotation_deg %.2f)", page.file.c_str(),
               page.page, page.kind.c_str(), page.rotation_deg);
    EXPECT_EQ(r.rotation, page.orientation())
        << where
        << Format(": OSD confidence %.2f",
                  static_cast<double>(r.rotation_confidence));
    rotation_ok += r.rotation == page.orientation() ? 1 : 0;
    if (std::fabs(page.skew()) < 1e-9) continue;
    ++skew_pages;
    const double error = static_cast<double>(r.skew) - page.skew();
    EXPECT_LE(std::fabs(error), skew_tolerance)
        << where
        << Format(": our skew %.2f, truth skew %.2f%s",
                  static_cast<double>(r.skew), page.skew(),
                  r.blank ? " (page taken as blank)" : "");
    skew_ok += std::fabs(error) <= skew_tolerance ? 1 : 0;
  }
  std::cout << Format(
      "\norientation: %d/%zu pages right; skew within %.1f "
      "deg: %d/%d pages\n",
      rotation_ok, run.truth.size(), skew_tolerance, skew_ok, skew_pages);
}

void CheckFields(const std::string& root, const CorpusRun& run) {
  const Manifest summary = ReadManifest(root + "/baseline/fields_summary.tsv");
  int base_hits = -1, base_n = 0;
  for (const std::vector<std::string>& row : summary.rows) {
    if (summary.Get(row, "engine") == "tesseract" &&
        summary.Get(row, "field") == "all") {
      base_hits = ParseInt(summary.Get(row, "hits"));
      base_n = ParseInt(summary.Get(row, "n"));
    }
  }
  ASSERT_GE(base_hits, 0) << "no tesseract/all row in fields_summary.tsv";
  const std::map<std::string, std::vector<PageKey>> documents =
      DocumentPages(root, run.page_counts, run.fields);
  int hits = 0, n = 0;
  std::cout << "\n";
  for (const std::vector<std::string>& row : run.fields.rows) {
    const std::string printed_as = run.fields.Get(row, "printed_as");
    if (printed_as.empty()) continue;
    const std::string file = run.fields.Get(row, "file");
    std::string text;
    for (const PageKey& key : documents.at(file)) {
      const auto it = run.results.find(key);
      if (it != run.results.end())
        absl::StrAppend(&text, it->second.text, "\n");
    }
    ++n;
    if (testing::FieldPrinted(printed_as, text)) {
      ++hits;
    } else {
      std::cout << "field missed: " << file << " "
                << run.fields.Get(row, "field") << " '" << printed_as << "'\n";
    }
  }
  std::cout << Format("field hit rate: ours %d/%d, tesseract %d/%d\n", hits, n,
                      base_hits, base_n);
  EXPECT_EQ(n, base_n);
  EXPECT_GE(int64_t{hits} * base_n, int64_t{base_hits} * n)
      << "field hits " << hits << "/" << n << " below tesseract's " << base_hits
      << "/" << base_n;
}

TEST(OcrCorpusTest, ExpectedTextsNormaliseLikeTheBaseline) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string root = OcrRoot(corpus);
  // The baseline's per-page word and character counts of the expected text.
  const Manifest pages = ReadManifest(root + "/baseline/pages.tsv");
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      baseline;
  for (const std::vector<std::string>& row : pages.rows) {
    if (pages.Get(row, "engine") != "tesseract") continue;
    baseline[{pages.Get(row, "file"), pages.Get(row, "page")}] = row;
  }
  const std::vector<TruthPage> truth = ReadTruthPages(root);
  ASSERT_FALSE(truth.empty());
  for (const TruthPage& page : truth) {
    SCOPED_TRACE(absl::StrCat(page.file, " page ", page.page));
    const auto it = baseline.find({page.file, absl::StrCat(page.page)});
    ASSERT_NE(it, baseline.end());
    EXPECT_EQ(testing::CountWords(page.expected_text, "").expected,
              ParseInt(pages.Get(it->second, "gt_words")));
    EXPECT_EQ(testing::CountCharErrors(page.expected_text, "").expected_length,
              ParseInt(pages.Get(it->second, "gt_chars")));
  }
}

TEST(OcrCorpusTest, RecognisesAtLeastAsWellAsTesseract) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string root = OcrRoot(corpus);
  const CorpusRun& run = SharedRun(root);
  ASSERT_FALSE(run.results.empty());
  std::cout << Format("recognised %zu pages in %.1f s (%.2f pages/s)\n",
                      run.results.size(), run.seconds,
                      static_cast<double>(run.results.size()) / run.seconds);
  PrintPages(run);
  CheckKinds(run, ReadBaseline(root, "tesseract"));
  CheckOrientationAndSkew(run, /*skew_tolerance=*/0.5);
  CheckFields(root, run);
}

}  // namespace
}  // namespace docintake::ocr
