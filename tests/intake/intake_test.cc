#include "intake/intake.h"

#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "intake/sqlite_job_queue.h"
#include "tests/support/faulty_file_system.h"
#include "tests/support/temp_dir.h"

namespace docintake::intake {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

// Serves `data` in chunks of `chunk` bytes, then ends (or fails, if `fail`).
ChunkSource Chunks(std::string data, size_t chunk = 7,
                   absl::Status fail = absl::OkStatus()) {
  auto pos = std::make_shared<size_t>(0);
  return [data = std::move(data), chunk, fail,
          pos]() -> absl::StatusOr<std::optional<std::string>> {
    if (*pos >= data.size()) {
      if (!fail.ok()) return fail;
      return std::nullopt;
    }
    std::string part = data.substr(*pos, chunk);
    *pos += part.size();
    return part;
  };
}

class IntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    spool_ = *Spool::Open(fs_, dir_.Path("inbox"));
    queue_ = *SqliteJobQueue::Open(dir_.Path("intake.db"), clock_);
    intake_ =
        std::make_unique<Intake>(1024, clock_, *queue_, *spool_, changes_);
  }

  v1::SubmitHeader Header(const std::string& key = "") {
    v1::SubmitHeader h;
    h.set_channel(v1::PORTAL);
    h.set_filename("antrag.pdf");
    h.set_idempotency_key(key);
    return h;
  }

  // Nothing in the spool (committed or half-written) and no job.
  void ExpectNothingKept() {
    EXPECT_THAT(*spool_->ListDocumentIds(), IsEmpty());
    EXPECT_THAT(*fs_.ListDir(dir_.Path("inbox/tmp")), IsEmpty());
    EXPECT_THAT(queue_->List({})->records, IsEmpty());
  }

  testing::TempDir dir_;
  testing::FaultyFileSystem fs_;
  base::FakeClock clock_{absl::FromUnixSeconds(1700000000)};
  ChangeNotifier changes_;
  std::unique_ptr<Spool> spool_;
  std::unique_ptr<SqliteJobQueue> queue_;
  std::unique_ptr<Intake> intake_;
};

TEST_F(IntakeTest, AcknowledgedDocumentIsSpooledAndQueued) {
  absl::StatusOr<v1::SubmitReply> reply =
      intake_->Submit(Header(), Chunks(kPdf));
  ASSERT_TRUE(reply.ok()) << reply.status();
  EXPECT_EQ(reply->sha256(), base::Sha256Hex(kPdf));
  EXPECT_EQ(reply->size(), kPdf.size());
  EXPECT_EQ(reply->media_type(), "application/pdf");
  EXPECT_EQ(*spool_->Read(reply->document_id(), 1 << 20), kPdf);
  v1::Record job = *queue_->Get(reply->document_id());
  EXPECT_EQ(job.state(), v1::QUEUED);
  EXPECT_EQ(job.intake().channel(), v1::PORTAL);
  EXPECT_EQ(job.intake().filename(), "antrag.pdf");
}

TEST_F(IntakeTest, SameKeySameBytesReturnsSameDocument) {
  auto first = intake_->Submit(Header("k"), Chunks(kPdf));
  auto second = intake_->Submit(Header("k"), Chunks(kPdf, 3));
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->document_id(), second->document_id());
  EXPECT_TRUE(second->replayed());
  EXPECT_EQ(queue_->List({})->records.size(), 1u);
}

TEST_F(IntakeTest, SameKeyOtherBytesIsAlreadyExists) {
  ASSERT_TRUE(intake_->Submit(Header("k"), Chunks(kPdf)).ok());
  absl::Status s = intake_->Submit(Header("k"), Chunks(kPdf + " ")).status();
  EXPECT_TRUE(absl::IsAlreadyExists(s)) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr("different content"));
}

TEST_F(IntakeTest, SameBytesOtherKeyIsMarkedDuplicate) {
  auto first = intake_->Submit(Header("a"), Chunks(kPdf));
  auto second = intake_->Submit(Header("b"), Chunks(kPdf));
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first->document_id(), second->document_id());
  EXPECT_EQ(second->duplicate_of(), first->document_id());
  EXPECT_EQ(first->duplicate_of(), "");
}

TEST_F(IntakeTest, RejectsNonDocumentsAndKeepsNothing) {
  absl::Status s =
      intake_->Submit(Header(), Chunks("just some words\n")).status();
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  EXPECT_THAT(std::string(s.message()), HasSubstr("plain text"));
  EXPECT_TRUE(
      absl::IsInvalidArgument(intake_->Submit(Header(), Chunks("")).status()));
  ExpectNothingKept();
}

TEST_F(IntakeTest, SizeLimitIsResourceExhausted) {
  absl::Status s =
      intake_->Submit(Header(), Chunks(kPdf + std::string(2000, 'x'))).status();
  EXPECT_TRUE(absl::IsResourceExhausted(s)) << s;
  ExpectNothingKept();
}

TEST_F(IntakeTest, BrokenStreamLeavesNothing) {
  absl::Status s =
      intake_->Submit(Header(), Chunks(kPdf, 7, absl::CancelledError("gone")))
          .status();
  EXPECT_TRUE(absl::IsCancelled(s));
  ExpectNothingKept();
}

TEST_F(IntakeTest, FailedFdatasyncIsNotAcknowledged) {
  fs_.fail_sync = true;
  EXPECT_FALSE(intake_->Submit(Header(), Chunks(kPdf)).ok());
  fs_.fail_sync = false;
  ExpectNothingKept();
}

TEST_F(IntakeTest, DeclaredTypeMismatchIsAWarning) {
  v1::SubmitHeader h = Header();
  h.set_declared_media_type("image/png");
  auto reply = intake_->Submit(h, Chunks(kPdf));
  ASSERT_TRUE(reply.ok());
  v1::Record job = *queue_->Get(reply->document_id());
  ASSERT_EQ(job.warnings_size(), 1);
  EXPECT_THAT(job.warnings(0), HasSubstr("image/png"));
}

TEST_F(IntakeTest, ValidatesHeaderBounds) {
  v1::SubmitHeader h = Header();
  h.set_filename(std::string(5000, 'a'));
  EXPECT_TRUE(
      absl::IsInvalidArgument(intake_->Submit(h, Chunks(kPdf)).status()));
  h = Header();
  h.set_batch_position(3);
  EXPECT_THAT(std::string(intake_->Submit(h, Chunks(kPdf)).status().message()),
              HasSubstr("batch_id"));
  h = Header();
  h.set_channel(static_cast<v1::Channel>(99));
  EXPECT_FALSE(intake_->Submit(h, Chunks(kPdf)).ok());
  ExpectNothingKept();
}

}  // namespace
}  // namespace docintake::intake
