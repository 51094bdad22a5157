#include "ocr/pdf_text_extractor.h"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"

namespace docintake::ocr {
namespace {

using testing::PdfinfoPages;
using testing::PdftotextPage;
using testing::Words;

TEST(PdfTextExtractorTest, MatchesPdftotextOnCorpusPdfs) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::vector<std::string> files = {
      "ocr/classify/docspell_letter-de.pdf",
      "ocr/classify/i2d_AzureInterior.pdf",
      "signatures/pdf/dss/pdf-signed-original.pdf",
      "einvoice/mustang/validXRechnung.pdf",
  };
  for (const std::string& rel : files) {
    SCOPED_TRACE(rel);
    const std::string path = absl::StrCat(corpus, "/", rel);
    absl::StatusOr<PdfText> text = ExtractPdfText(testing::ReadFileOrDie(path));
    ASSERT_TRUE(text.ok()) << text.status();
    const int pages = PdfinfoPages(path);
    ASSERT_GT(pages, 0);
    ASSERT_EQ(static_cast<int>(text->pages.size()), pages);
    for (int p = 1; p <= pages; ++p) {
      const std::string reference = PdftotextPage(path, p);
      EXPECT_EQ(Words(text->pages[static_cast<size_t>(p - 1)]),
                Words(reference))
          << "page " << p;
    }
  }
}

TEST(PdfTextExtractorTest, GarbageIsInvalidArgument) {
  EXPECT_TRUE(absl::IsInvalidArgument(
      ExtractPdfText("%PDF-1.4\nthis is not really a pdf").status()));
  EXPECT_TRUE(absl::IsInvalidArgument(ExtractPdfText("").status()));
}

TEST(PdfTextExtractorTest, TruncatedCorpusPdfDoesNotCrash) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = testing::ReadFileOrDie(
      absl::StrCat(corpus, "/ocr/classify/docspell_letter-de.pdf"));
  for (size_t cut : {pdf.size() / 2, pdf.size() / 3, size_t{100}}) {
    // Poppler may recover some pages or refuse; either way a clean result.
    absl::StatusOr<PdfText> text = ExtractPdfText(pdf.substr(0, cut));
    if (!text.ok()) {
      EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
    }
  }
}

TEST(PdfTextExtractorTest, PageLimitIsResourceExhausted) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = testing::ReadFileOrDie(
      absl::StrCat(corpus, "/ocr/classify/docspell_letter-de.pdf"));
  // docspell_letter-de.pdf has at least one page; a limit of 0 refuses it.
  EXPECT_TRUE(absl::IsResourceExhausted(
      ExtractPdfText(pdf, PdfTextLimits{0}).status()));
}

}  // namespace
}  // namespace docintake::ocr
