#include "intake/pipeline.h"

#include "archive/record_store.h"
#include "base/sha256.h"
#include "gtest/gtest.h"
#include "intake/stages/archive_stage.h"
#include "intake/stages/hash_sniff_stage.h"
#include "intake/stages/text_stage.h"
#include "ocr/ocr_engine.h"
#include "tests/support/temp_dir.h"

namespace docintake::intake {
namespace {

constexpr char kInvoiceXml[] =
    "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:"
    "specification:ubl:schema:xsd:Invoice-2\"/>";

// A stage that returns a fixed output or error.
class FixedStage final : public Stage {
 public:
  FixedStage(internal::StageOutput out, absl::Status error = absl::OkStatus())
      : out_(std::move(out)), error_(std::move(error)) {}
  absl::string_view name() const override { return "fixed"; }
  bool AppliesTo(const v1::Record&) const override { return true; }
  absl::StatusOr<internal::StageOutput> Run(const v1::Record&,
                                            absl::string_view) override {
    if (!error_.ok()) return error_;
    return out_;
  }

 private:
  internal::StageOutput out_;
  absl::Status error_;
};

class PipelineTest : public ::testing::Test {
 protected:
  // One OCR engine for all tests (loading the language data takes time).
  static ocr::OcrEngine& Engine() {
    static ocr::OcrEngine* engine = [] {
      ocr::OcrOptions options;
      options.engines = 1;
      return ocr::OcrEngine::Create(options)->release();
    }();
    return *engine;
  }

  void SetUp() override {
    archive::RecordStoreOptions options;
    options.dir = dir_.Path("archive");
    store_ = *archive::RecordStore::Open(base::FileSystem::Default(), clock_,
                                         options);
  }

  Pipeline Make(std::unique_ptr<Stage> extra) {
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(std::make_unique<HashSniffStage>());
    stages.push_back(std::make_unique<TextStage>(Engine(), TextStageOptions{}));
    if (extra != nullptr) stages.push_back(std::move(extra));
    return Pipeline(clock_, std::move(stages),
                    std::make_unique<ArchiveStage>(*store_));
  }

  v1::Record RecordFor(const std::string& content, v1::MediaKind kind) {
    v1::Record r;
    r.set_document_id("01TESTDOCUMENT0000000000000");
    r.set_state(v1::PROCESSING);
    r.mutable_intake()->set_sha256(base::Sha256Hex(content));
    r.mutable_intake()->set_size(content.size());
    r.mutable_intake()->set_media_kind(kind);
    return r;
  }

  testing::TempDir dir_;
  base::FakeClock clock_{absl::FromUnixSeconds(1700000000)};
  std::unique_ptr<archive::RecordStore> store_;
};

TEST_F(PipelineTest, CleanDocumentIsArchivedWithEveryOutcome) {
  const std::string xml = kInvoiceXml;
  absl::StatusOr<v1::Record> r =
      Make(nullptr).Process(RecordFor(xml, v1::UBL_INVOICE), xml);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->state(), v1::ARCHIVED);
  ASSERT_EQ(r->stages_size(), 2);  // text does not apply to XML
  EXPECT_EQ(r->stages(0).stage(), "hash-sniff");
  EXPECT_EQ(r->stages(1).stage(), "archive");
  EXPECT_EQ(r->archive().content_address(), "sha256:" + base::Sha256Hex(xml));
  EXPECT_EQ(store_->GetRecord(r->document_id())->intake().sha256(),
            base::Sha256Hex(xml));
}

TEST_F(PipelineTest, CorruptSpoolFailsTheDocument) {
  const std::string xml = kInvoiceXml;
  v1::Record record = RecordFor(xml, v1::UBL_INVOICE);
  absl::StatusOr<v1::Record> r = Make(nullptr).Process(record, xml + "x");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state(), v1::FAILED);
  EXPECT_NE(r->error().find("differ"), std::string::npos);
  EXPECT_TRUE(absl::IsNotFound(store_->GetRecord(r->document_id()).status()));
}

TEST_F(PipelineTest, UnreadablePdfGoesToReviewUnarchived) {
  const std::string pdf = "%PDF-1.4 but nothing else";
  absl::StatusOr<v1::Record> r =
      Make(nullptr).Process(RecordFor(pdf, v1::PDF), pdf);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state(), v1::REVIEW);
  EXPECT_EQ(r->stages(1).result(), v1::StageOutcome::ERROR);
  EXPECT_NE(r->error().find("text:"), std::string::npos);
  EXPECT_TRUE(absl::IsNotFound(store_->GetRecord(r->document_id()).status()));
}

TEST_F(PipelineTest, StageThatCannotRunIsAnErrorForRetry) {
  const std::string xml = kInvoiceXml;
  absl::StatusOr<v1::Record> r =
      Make(std::make_unique<FixedStage>(internal::StageOutput(),
                                        absl::UnavailableError("disk busy")))
          .Process(RecordFor(xml, v1::UBL_INVOICE), xml);
  EXPECT_TRUE(absl::IsUnavailable(r.status()));
}

TEST_F(PipelineTest, RerunReplacesEarlierOutcomes) {
  const std::string xml = kInvoiceXml;
  Pipeline p = Make(nullptr);
  v1::Record once = *p.Process(RecordFor(xml, v1::UBL_INVOICE), xml);
  once.set_state(v1::PROCESSING);
  v1::Record twice = *p.Process(once, xml);
  EXPECT_EQ(twice.stages_size(), 2);
  EXPECT_EQ(twice.archive().content_address(),
            once.archive().content_address());
}

TEST_F(PipelineTest, RenditionOfAStageIsArchivedBesideTheOriginal) {
  const std::string xml = kInvoiceXml;
  const std::string rendition = "%PDF-1.7 rendition bytes";
  internal::StageOutput out;
  out.set_result(v1::StageOutcome::OK);
  out.set_rendition(rendition);
  out.mutable_delta()->mutable_rendition()->set_content_address(
      "sha256:" + base::Sha256Hex(rendition));
  absl::StatusOr<v1::Record> r =
      Make(std::make_unique<FixedStage>(out))
          .Process(RecordFor(xml, v1::UBL_INVOICE), xml);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->state(), v1::ARCHIVED);
  auto file = store_->OpenContent(r->document_id(), /*rendition=*/true);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(*(*file)->Read(1 << 20), rendition);
  auto original = store_->OpenContent(r->document_id());
  EXPECT_EQ(*(*original)->Read(1 << 20), xml);
  EXPECT_TRUE(store_->Scrub()->ok());
}

TEST_F(PipelineTest, RenditionWhoseAddressDisagreesIsNotArchived) {
  const std::string xml = kInvoiceXml;
  internal::StageOutput out;
  out.set_result(v1::StageOutcome::OK);
  out.set_rendition("some bytes");
  out.mutable_delta()->mutable_rendition()->set_content_address(
      "sha256:" + base::Sha256Hex("other bytes"));
  absl::StatusOr<v1::Record> r =
      Make(std::make_unique<FixedStage>(out))
          .Process(RecordFor(xml, v1::UBL_INVOICE), xml);
  EXPECT_TRUE(absl::IsInvalidArgument(r.status())) << r.status();
}

}  // namespace
}  // namespace docintake::intake
