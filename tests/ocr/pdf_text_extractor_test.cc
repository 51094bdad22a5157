#include "ocr/pdf_text_extractor.h"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/corpus.h"

namespace docintake::ocr {
namespace {

// Output of a command (poppler-utils' own tools serve as the reference).
std::string RunCommand(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"),
                                             pclose);
  std::string out;
  char buf[4096];
  size_t n;
  while (pipe && (n = fread(buf, 1, sizeof buf, pipe.get())) > 0) {
    out.append(buf, n);
  }
  return out;
}

// Words of `text`, for a comparison that ignores layout white space.
std::vector<std::string> Words(const std::string& text) {
  return absl::StrSplit(text, absl::ByAnyChar(" \t\r\n\f"), absl::SkipEmpty());
}

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
    int pages = 0;
    for (absl::string_view line :
         absl::StrSplit(RunCommand("pdfinfo '" + path + "'"), '\n')) {
      if (absl::ConsumePrefix(&line, "Pages:")) {
        ASSERT_TRUE(absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &pages));
      }
    }
    ASSERT_EQ(static_cast<int>(text->pages.size()), pages);
    for (int p = 1; p <= pages; ++p) {
      const std::string reference = RunCommand(
          absl::StrCat("pdftotext -f ", p, " -l ", p, " '", path, "' -"));
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
