#include "intake/pipeline.h"

#include "archive/record_store.h"
#include "base/sha256.h"
#include "gtest/gtest.h"
#include "intake/stages/archive_stage.h"
#include "intake/stages/hash_sniff_stage.h"
#include "intake/stages/pdf_text_stage.h"
#include "tests/support/temp_dir.h"

namespace docintake::intake {
namespace {

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
  void SetUp() override {
    archive::RecordStoreOptions options;
    options.dir = dir_.Path("archive");
    store_ = *archive::RecordStore::Open(base::FileSystem::Default(), clock_,
                                         options);
  }

  Pipeline Make(std::unique_ptr<Stage> extra) {
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(std::make_unique<HashSniffStage>());
    stages.push_back(std::make_unique<PdfTextStage>(100));
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
  const std::string png = "\x89PNG\r\n\x1a\n-image-";
  absl::StatusOr<v1::Record> r =
      Make(nullptr).Process(RecordFor(png, v1::PNG), png);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->state(), v1::ARCHIVED);
  ASSERT_EQ(r->stages_size(), 2);  // text does not apply to PNG
  EXPECT_EQ(r->stages(0).stage(), "hash-sniff");
  EXPECT_EQ(r->stages(1).stage(), "archive");
  EXPECT_EQ(r->archive().content_address(), "sha256:" + base::Sha256Hex(png));
  EXPECT_EQ(store_->GetRecord(r->document_id())->intake().sha256(),
            base::Sha256Hex(png));
}

TEST_F(PipelineTest, CorruptSpoolFailsTheDocument) {
  const std::string png = "\x89PNG\r\n\x1a\n-image-";
  v1::Record record = RecordFor(png, v1::PNG);
  absl::StatusOr<v1::Record> r = Make(nullptr).Process(record, png + "x");
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
  const std::string png = "\x89PNG\r\n\x1a\n-image-";
  absl::StatusOr<v1::Record> r =
      Make(std::make_unique<FixedStage>(internal::StageOutput(),
                                        absl::UnavailableError("disk busy")))
          .Process(RecordFor(png, v1::PNG), png);
  EXPECT_TRUE(absl::IsUnavailable(r.status()));
}

TEST_F(PipelineTest, RerunReplacesEarlierOutcomes) {
  const std::string png = "\x89PNG\r\n\x1a\n-image-";
  Pipeline p = Make(nullptr);
  v1::Record once = *p.Process(RecordFor(png, v1::PNG), png);
  once.set_state(v1::PROCESSING);
  v1::Record twice = *p.Process(once, png);
  EXPECT_EQ(twice.stages_size(), 2);
  EXPECT_EQ(twice.archive().content_address(),
            once.archive().content_address());
}

}  // namespace
}  // namespace docintake::intake
