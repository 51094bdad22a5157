// TextStage on real PDFs: born-digital pages keep their text layer and get no
// rendition; an image-only PDF is recognised and gets a PDF/A rendition named
// by its hash; a mixed PDF keeps its text pages and recognises only the
// others. PDFs are assembled from corpus files with qpdf at test time.
#include "intake/stages/text_stage.h"

#include <string>

#include "base/sha256.h"
#include "gtest/gtest.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"
#include "tests/support/temp_dir.h"

namespace docintake::intake {
namespace {

using testing::ReadFileOrDie;
using testing::RunCommand;

constexpr char kBornDigital[] = "/ocr/classify/docspell_letter-de.pdf";
constexpr char kImageOnly[] = "/ocr/scans/EN16931_Rechnungskorrektur.pdf";

class TextStageTest : public ::testing::Test {
 protected:
  static TextStage& Stage() {
    static TextStage* stage = [] {
      ocr::OcrOptions options;
      options.engines = 1;
      static ocr::OcrEngine* engine =
          ocr::OcrEngine::Create(options)->release();
      return new TextStage(*engine, TextStageOptions{});
    }();
    return *stage;
  }

  // The pages "FILE PAGE..." of corpus files as one PDF, via qpdf.
  std::string Assemble(const std::string& pages) {
    const std::string out = dir_.Path("assembled.pdf");
    const testing::CommandResult result =
        RunCommand("qpdf --empty --pages " + pages + " -- '" + out + "' 2>&1");
    EXPECT_EQ(result.exit_code, 0) << result.out;
    return ReadFileOrDie(out);
  }

  static v1::Record PdfRecord() {
    v1::Record record;
    record.set_document_id("01TESTDOCUMENT0000000000000");
    record.mutable_intake()->set_media_kind(v1::PDF);
    record.mutable_intake()->set_filename("test.pdf");
    return record;
  }

  testing::TempDir dir_;
};

TEST_F(TextStageTest, BornDigitalPdfKeepsItsTextAndGetsNoRendition) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = ReadFileOrDie(corpus + kBornDigital);
  absl::StatusOr<internal::StageOutput> out = Stage().Run(PdfRecord(), pdf);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->result(), v1::StageOutcome::OK) << out->message();
  const v1::TextLayer& text = out->delta().text();
  EXPECT_EQ(text.source(), v1::TextLayer::PDF_TEXT);
  ASSERT_EQ(text.pages_size(), 1);
  EXPECT_EQ(testing::Words(text.pages(0).text()),
            testing::Words(testing::PdftotextPage(corpus + kBornDigital, 1)));
  EXPECT_FALSE(out->delta().has_rendition());
  EXPECT_TRUE(out->rendition().empty());
}

TEST_F(TextStageTest, ImageOnlyPdfIsRecognisedWithARendition) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = Assemble("'" + corpus + kImageOnly + "' 1");
  absl::StatusOr<internal::StageOutput> out = Stage().Run(PdfRecord(), pdf);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_NE(out->disposition(), internal::StageOutput::REVIEW)
      << out->message();
  const v1::TextLayer& text = out->delta().text();
  EXPECT_EQ(text.source(), v1::TextLayer::OCR);
  ASSERT_EQ(text.pages_size(), 1);
  EXPECT_EQ(text.pages(0).source(), v1::TextLayer::OCR);
  EXPECT_GT(text.pages(0).words_size(), 50);
  EXPECT_GT(text.pages(0).mean_confidence(), 70);
  ASSERT_TRUE(out->delta().has_rendition());
  EXPECT_EQ(out->delta().rendition().sha256(),
            base::Sha256Hex(out->rendition()));
  EXPECT_EQ(out->delta().rendition().content_address(),
            "sha256:" + base::Sha256Hex(out->rendition()));
  EXPECT_EQ(out->delta().rendition().conformance(), "PDF/A-2b");
}

TEST_F(TextStageTest, MixedPdfKeepsTextPagesAndRecognisesTheOthers) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = Assemble("'" + corpus + kBornDigital + "' 1 '" +
                                   corpus + kImageOnly + "' 2");
  absl::StatusOr<internal::StageOutput> out = Stage().Run(PdfRecord(), pdf);
  ASSERT_TRUE(out.ok()) << out.status();
  const v1::TextLayer& text = out->delta().text();
  EXPECT_EQ(text.source(), v1::TextLayer::MIXED);
  EXPECT_EQ(text.page_count(), 2u);
  ASSERT_EQ(text.pages_size(), 2);
  EXPECT_EQ(text.pages(0).number(), 1u);
  EXPECT_EQ(text.pages(0).source(), v1::TextLayer::PDF_TEXT);
  EXPECT_EQ(text.pages(0).words_size(), 0);
  EXPECT_EQ(text.pages(1).number(), 2u);
  EXPECT_EQ(text.pages(1).source(), v1::TextLayer::OCR);
  EXPECT_GT(text.pages(1).words_size(), 50);
  EXPECT_FALSE(text.ocr_engine().empty());
  // A PDF with born-digital pages is never re-rendered.
  EXPECT_FALSE(out->delta().has_rendition());
  EXPECT_TRUE(out->rendition().empty());
}

TEST_F(TextStageTest, UnreadablePdfGoesToReviewWithTheReason) {
  absl::StatusOr<internal::StageOutput> out =
      Stage().Run(PdfRecord(), "%PDF-1.7\nnot really");
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->disposition(), internal::StageOutput::REVIEW);
  EXPECT_EQ(out->result(), v1::StageOutcome::ERROR);
  EXPECT_FALSE(out->message().empty());
}

}  // namespace
}  // namespace docintake::intake
