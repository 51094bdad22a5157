// The separator samples of the shared corpus end to end: page images from
// OpenPages, barcodes from ReadBarcodes, the split from PlanSplit, each
// checked against ocr/separator_truth.tsv. Also ReadBarcodes on its own:
// image depths, several and repeated codes on one page.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "ocr/barcode_reader.h"
#include "ocr/batch_splitter.h"
#include "ocr/page_source.h"
#include "tests/support/corpus.h"

namespace docintake::ocr {
namespace {

// The truth file writes zbar's "QR-Code" as "QR"; other names are zbar's.
std::string ZbarSymbology(absl::string_view truth_name) {
  if (truth_name == "QR") return "QR-Code";
  return std::string(truth_name);
}

std::string Render(const std::vector<Barcode>& barcodes) {
  std::vector<std::string> parts;
  for (const Barcode& barcode : barcodes) {
    parts.push_back(absl::StrCat(barcode.symbology, ":", barcode.value));
  }
  std::sort(parts.begin(), parts.end());
  return absl::StrJoin(parts, " ");
}

// "p1=CODE-39:ASN00123; p3=QR:PATCHT" -> page number -> barcodes.
std::map<int, std::vector<Barcode>> ParseBarcodes(const std::string& cell) {
  std::map<int, std::vector<Barcode>> out;
  for (absl::string_view item :
       absl::StrSplit(cell, ';', absl::SkipWhitespace())) {
    item = absl::StripAsciiWhitespace(item);
    const std::vector<absl::string_view> page_code =
        absl::StrSplit(item, absl::MaxSplits('=', 1));
    absl::string_view page = page_code[0];
    int number = 0;
    if (page_code.size() != 2 || !absl::ConsumePrefix(&page, "p") ||
        !absl::SimpleAtoi(page, &number)) {
      ADD_FAILURE() << "bad barcodes item: " << item;
      continue;
    }
    const std::vector<absl::string_view> code =
        absl::StrSplit(page_code[1], absl::MaxSplits(':', 1));
    if (code.size() != 2) {
      ADD_FAILURE() << "bad barcode: " << item;
      continue;
    }
    out[number].push_back(
        Barcode{ZbarSymbology(code[0]), std::string(code[1])});
  }
  return out;
}

// "[1-2] ASN=123; [3] [4-6]" -> "[1,2] ASN=123; [3]; [4,5,6]"; "none (...)"
// -> "". The same rendering as DescribeDocuments.
std::string ParseExpectedDocuments(const std::string& cell) {
  std::vector<std::string> docs;
  for (absl::string_view token : absl::StrSplit(
           absl::StrReplaceAll(cell, {{";", " "}}), ' ', absl::SkipEmpty())) {
    if (token == "none" && docs.empty()) return "";
    if (absl::ConsumePrefix(&token, "ASN=") && !docs.empty()) {
      absl::StrAppend(&docs.back(), " ASN=", token);
      continue;
    }
    int first = 0;
    int last = 0;
    if (!absl::ConsumePrefix(&token, "[") ||
        !absl::ConsumeSuffix(&token, "]")) {
      ADD_FAILURE() << "bad expected_documents token: " << token;
      continue;
    }
    const std::vector<absl::string_view> range =
        absl::StrSplit(token, absl::MaxSplits('-', 1));
    if (!absl::SimpleAtoi(range[0], &first) ||
        !absl::SimpleAtoi(range.back(), &last) || last < first) {
      ADD_FAILURE() << "bad page range: " << token;
      continue;
    }
    std::vector<std::string> pages;
    for (int p = first; p <= last; ++p) pages.push_back(absl::StrCat(p));
    docs.push_back(absl::StrCat("[", absl::StrJoin(pages, ","), "]"));
  }
  return absl::StrJoin(docs, "; ");
}

std::string DescribeDocuments(const SplitPlan& plan) {
  std::vector<std::string> docs;
  for (const SplitDocument& doc : plan.documents) {
    std::string text = absl::StrCat("[", absl::StrJoin(doc.pages, ","), "]");
    if (!doc.asn.empty()) absl::StrAppend(&text, " ASN=", doc.asn);
    docs.push_back(std::move(text));
  }
  return absl::StrJoin(docs, "; ");
}

// Page `index` (0-based) of a corpus PDF, or null after a test failure.
PixPtr CorpusPage(const std::string& corpus, const std::string& file,
                  int index) {
  const std::string bytes =
      testing::ReadFileOrDie(absl::StrCat(corpus, "/ocr/", file));
  absl::StatusOr<std::unique_ptr<PageSource>> source =
      OpenPages(absl::string_view(bytes.data(), bytes.size()));
  if (!source.ok()) {
    ADD_FAILURE() << file << ": " << source.status();
    return nullptr;
  }
  absl::StatusOr<PageImage> image = (*source)->Page(index);
  if (!image.ok()) {
    ADD_FAILURE() << file << " page " << index + 1 << ": " << image.status();
    return nullptr;
  }
  return std::move(image->pix);
}

// `left` and `right` (8 bpp) next to each other on one white page.
PixPtr SideBySide(Pix* left, Pix* right) {
  const int width = pixGetWidth(left) + pixGetWidth(right);
  const int height = std::max(pixGetHeight(left), pixGetHeight(right));
  PixPtr page(pixCreate(width, height, 8));
  pixSetAll(page.get());  // white
  pixRasterop(page.get(), 0, 0, pixGetWidth(left), pixGetHeight(left), PIX_SRC,
              left, 0, 0);
  pixRasterop(page.get(), pixGetWidth(left), 0, pixGetWidth(right),
              pixGetHeight(right), PIX_SRC, right, 0, 0);
  return page;
}

TEST(BarcodeReaderTest, RejectsMissingImage) {
  EXPECT_TRUE(absl::IsInvalidArgument(ReadBarcodes(nullptr).status()));
}

TEST(BarcodeReaderTest, WhitePageHasNoBarcodes) {
  for (int depth : {1, 8, 32}) {
    PixPtr page(pixCreate(2480, 3508, depth));
    if (depth != 1) pixSetAll(page.get());
    absl::StatusOr<std::vector<Barcode>> barcodes = ReadBarcodes(page.get());
    ASSERT_TRUE(barcodes.ok()) << barcodes.status();
    EXPECT_EQ(Render(*barcodes), "") << depth << " bpp";
  }
  PixPtr tiny(pixCreate(1, 1, 8));
  EXPECT_TRUE(ReadBarcodes(tiny.get()).ok());
}

TEST(BarcodeReaderTest, ReadsBinaryGreyColormappedAndRgbPages) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const PixPtr page = CorpusPage(corpus, "separator/patch-code-t-qr.pdf", 0);
  ASSERT_NE(page, nullptr);
  const PixPtr grey(pixConvertTo8(page.get(), 0));
  const PixPtr binary(pixConvertTo1(grey.get(), 128));
  const PixPtr colormapped(pixConvertGrayToColormap(grey.get()));
  const PixPtr rgb(pixConvertTo32(grey.get()));
  ASSERT_NE(pixGetColormap(colormapped.get()), nullptr);
  for (Pix* image :
       {page.get(), grey.get(), binary.get(), colormapped.get(), rgb.get()}) {
    absl::StatusOr<std::vector<Barcode>> barcodes = ReadBarcodes(image);
    ASSERT_TRUE(barcodes.ok()) << barcodes.status();
    EXPECT_EQ(Render(*barcodes), "QR-Code:PATCHT")
        << pixGetDepth(image) << " bpp";
  }
}

TEST(BarcodeReaderTest, ReportsEveryDistinctCodeOnAPage) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const PixPtr qr = CorpusPage(corpus, "separator/patch-code-t-qr.pdf", 0);
  const PixPtr asn = CorpusPage(corpus, "separator/barcode-39-asn-123.pdf", 0);
  ASSERT_NE(qr, nullptr);
  ASSERT_NE(asn, nullptr);
  const PixPtr qr_grey(pixConvertTo8(qr.get(), 0));
  const PixPtr asn_grey(pixConvertTo8(asn.get(), 0));
  const PixPtr page = SideBySide(qr_grey.get(), asn_grey.get());
  absl::StatusOr<std::vector<Barcode>> barcodes = ReadBarcodes(page.get());
  ASSERT_TRUE(barcodes.ok()) << barcodes.status();
  EXPECT_EQ(Render(*barcodes), "CODE-39:ASN00123 QR-Code:PATCHT");
}

// zbar itself reports two equal QR codes twice (equal linear codes once).
TEST(BarcodeReaderTest, ReportsARepeatedCodeOnce) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  for (const char* file :
       {"separator/patch-code-t-qr.pdf", "separator/patch-code-t.pdf"}) {
    SCOPED_TRACE(file);
    const PixPtr one = CorpusPage(corpus, file, 0);
    ASSERT_NE(one, nullptr);
    const PixPtr grey(pixConvertTo8(one.get(), 0));
    const PixPtr page = SideBySide(grey.get(), grey.get());
    absl::StatusOr<std::vector<Barcode>> barcodes = ReadBarcodes(page.get());
    ASSERT_TRUE(barcodes.ok()) << barcodes.status();
    ASSERT_EQ(barcodes->size(), 1u) << Render(*barcodes);
    EXPECT_EQ((*barcodes)[0].value, "PATCHT");
  }
}

TEST(SeparatorCorpusTest, BarcodesAndSplitsMatchTheTruthFile) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const testing::Manifest truth =
      testing::ReadManifest(absl::StrCat(corpus, "/ocr/separator_truth.tsv"));
  ASSERT_FALSE(truth.rows.empty());
  for (const std::vector<std::string>& row : truth.rows) {
    const std::string file = truth.Get(row, "file");
    SCOPED_TRACE(file);
    const std::string bytes =
        testing::ReadFileOrDie(absl::StrCat(corpus, "/ocr/", file));
    absl::StatusOr<std::unique_ptr<PageSource>> source =
        OpenPages(absl::string_view(bytes.data(), bytes.size()));
    ASSERT_TRUE(source.ok()) << source.status();
    int expected_pages = 0;
    ASSERT_TRUE(absl::SimpleAtoi(truth.Get(row, "pages"), &expected_pages));
    ASSERT_EQ((*source)->page_count(), expected_pages);

    const std::map<int, std::vector<Barcode>> expected_barcodes =
        ParseBarcodes(truth.Get(row, "barcodes"));
    std::vector<SplitPage> pages;
    for (int i = 0; i < expected_pages; ++i) {
      absl::StatusOr<PageImage> image = (*source)->Page(i);
      ASSERT_TRUE(image.ok()) << "page " << i + 1 << ": " << image.status();
      absl::StatusOr<std::vector<Barcode>> barcodes =
          ReadBarcodes(image->pix.get());
      ASSERT_TRUE(barcodes.ok())
          << "page " << i + 1 << ": " << barcodes.status();
      const auto it = expected_barcodes.find(i + 1);
      EXPECT_EQ(Render(*barcodes),
                it == expected_barcodes.end() ? "" : Render(it->second))
          << "page " << i + 1;
      SplitPage page;
      page.barcodes = *std::move(barcodes);
      pages.push_back(std::move(page));
    }
    EXPECT_EQ(DescribeDocuments(PlanSplit(pages)),
              ParseExpectedDocuments(truth.Get(row, "expected_documents")));
  }
}

TEST(SeparatorCorpusTest, TruthFileNotationParses) {
  EXPECT_EQ(ParseExpectedDocuments("none (single separator sheet)"), "");
  EXPECT_EQ(ParseExpectedDocuments("[1-2] [4-5] [7]"), "[1,2]; [4,5]; [7]");
  EXPECT_EQ(ParseExpectedDocuments("[1-2] ASN=123; [3] ASN=124"),
            "[1,2] ASN=123; [3] ASN=124");
  const std::map<int, std::vector<Barcode>> barcodes =
      ParseBarcodes("p1=QR:PATCHT; p6=CODE-39:ASN00123");
  ASSERT_EQ(barcodes.size(), 2u);
  EXPECT_EQ(Render(barcodes.at(1)), "QR-Code:PATCHT");
  EXPECT_EQ(Render(barcodes.at(6)), "CODE-39:ASN00123");
}

}  // namespace
}  // namespace docintake::ocr
