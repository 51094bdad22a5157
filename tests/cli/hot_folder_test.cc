// HotFolder with an in-memory Submitter and a fake clock: the settle, move
// and retry rules, deterministic and without gRPC.
#include "intake/cli/hot_folder.h"

#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_test_support.h"
#include "tests/support/temp_dir.h"

namespace docintake::cli {
namespace {

using ::docintake::cli::testing::AppendFile;
using ::docintake::cli::testing::ListNames;
using ::docintake::cli::testing::ReadFile;
using ::docintake::cli::testing::WriteFile;
using ::docintake::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Call {
  std::string path;
  v1::SubmitHeader header;
  std::string content;
};

// Answers with queued errors first, then with "DOC-<n>" and the SHA-256 of
// the bytes it read.
class RecordingSubmitter final : public Submitter {
 public:
  absl::StatusOr<v1::SubmitReply> Submit(
      const std::string& path, const v1::SubmitHeader& header) override {
    if (before_read) before_read(path);
    calls.push_back(Call{path, header, ReadFile(path)});
    if (!errors.empty()) {
      absl::Status error = errors.front();
      errors.pop_front();
      return error;
    }
    v1::SubmitReply reply;
    reply.set_document_id(absl::StrCat("DOC-", calls.size()));
    reply.set_sha256(base::Sha256Hex(calls.back().content));
    return reply;
  }

  std::vector<Call> calls;
  std::deque<absl::Status> errors;
  // Runs before the file is read, e.g. to change it mid-submission.
  std::function<void(const std::string& path)> before_read;
};

class HotFolderTest : public ::testing::Test {
 protected:
  HotFolderTest() : clock_(absl::FromUnixSeconds(1700000000)) {
    options_.dir = dir_.path();
    options_.settle_time = absl::Seconds(2);
    options_.retry_delay = absl::Seconds(10);
    options_.max_retry_delay = absl::Seconds(40);
    options_.header.set_channel(v1::SCAN_STATION);
    options_.header.set_station_id("mailroom-1");
    events_.submitted = [this](const std::string& path,
                               const v1::SubmitReply& reply,
                               const std::string& moved_to) {
      submitted_.push_back(
          absl::StrCat(path, " ", reply.document_id(), " ", moved_to));
    };
    events_.failed = [this](const std::string& path, const absl::Status& error,
                            bool will_retry) {
      failed_.push_back(absl::StrCat(path, " ", error.ToString(),
                                     will_retry ? " retry" : " final"));
    };
  }

  HotFolder MakeFolder() {
    return HotFolder(options_, submitter_, base::FileSystem::Default(), clock_,
                     events_);
  }

  TempDir dir_;
  base::FakeClock clock_;
  HotFolderOptions options_;
  HotFolderEvents events_;
  RecordingSubmitter submitter_;
  std::vector<std::string> submitted_;
  std::vector<std::string> failed_;
};

TEST_F(HotFolderTest, SubmitsOnlyAfterTheFileStayedUnchangedForTheSettleTime) {
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("scan.pdf"), "page 1");
  EXPECT_EQ(*folder.Poll(), 1);  // first sighting
  clock_.Advance(absl::Milliseconds(1999));
  EXPECT_EQ(*folder.Poll(), 1);
  AppendFile(dir_.Path("scan.pdf"), " page 2");  // still being written
  clock_.Advance(absl::Milliseconds(1));
  EXPECT_EQ(*folder.Poll(), 1);
  clock_.Advance(absl::Milliseconds(1999));
  EXPECT_EQ(*folder.Poll(), 1);
  EXPECT_THAT(submitter_.calls, IsEmpty());

  clock_.Advance(absl::Milliseconds(1));
  EXPECT_EQ(*folder.Poll(), 0);
  ASSERT_EQ(submitter_.calls.size(), 1u);
  EXPECT_EQ(submitter_.calls[0].content, "page 1 page 2");
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("done"));
  EXPECT_EQ(ReadFile(dir_.Path("done/scan.pdf")), "page 1 page 2");
  EXPECT_THAT(submitted_,
              ElementsAre(absl::StrCat(dir_.Path("scan.pdf"), " DOC-1 ",
                                       dir_.Path("done/scan.pdf"))));
  EXPECT_EQ(folder.stats().submitted, 1);
}

TEST_F(HotFolderTest, KeysEachFileByContentHashAndNameOnTheHeaderTemplate) {
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("a.tif"), "AAAA");
  ASSERT_TRUE(folder.Poll().ok());
  clock_.Advance(absl::Seconds(2));
  ASSERT_TRUE(folder.Poll().ok());
  ASSERT_EQ(submitter_.calls.size(), 1u);
  const v1::SubmitHeader& header = submitter_.calls[0].header;
  EXPECT_EQ(header.idempotency_key(),
            absl::StrCat("hotfolder:", header.station_id(), ":",
                         base::Sha256Hex("AAAA"), ":a.tif"));
  EXPECT_EQ(header.idempotency_key(),
            HotFolderIdempotencyKey(header.station_id(),
                                    base::Sha256Hex("AAAA"), "a.tif"));
  EXPECT_EQ(header.filename(), "a.tif");
  EXPECT_EQ(header.channel(), v1::SCAN_STATION);
  EXPECT_EQ(header.station_id(), "mailroom-1");
}

TEST_F(HotFolderTest, IgnoresDotFilesPartialFilesAndSubfolders) {
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path(".hidden.pdf"), "x");
  WriteFile(dir_.Path("upload.pdf.part"), "x");
  WriteFile(dir_.Path("scan.tmp"), "x");
  std::filesystem::create_directories(dir_.Path("done"));
  std::filesystem::create_directories(dir_.Path("failed"));
  std::filesystem::create_directories(dir_.Path("other"));
  EXPECT_EQ(*folder.Poll(), 0);
  clock_.Advance(absl::Seconds(10));
  EXPECT_EQ(*folder.Poll(), 0);
  EXPECT_THAT(submitter_.calls, IsEmpty());
  EXPECT_TRUE(IsIgnoredName(".x"));
  EXPECT_TRUE(IsIgnoredName("a.part"));
  EXPECT_TRUE(IsIgnoredName("done"));
  EXPECT_FALSE(IsIgnoredName("a.pdf"));
}

TEST_F(HotFolderTest, HandlesSettledFilesInNameOrder) {
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("b.pdf"), "b");
  WriteFile(dir_.Path("a.pdf"), "a");
  ASSERT_TRUE(folder.Poll().ok());
  clock_.Advance(absl::Seconds(2));
  ASSERT_TRUE(folder.Poll().ok());
  ASSERT_EQ(submitter_.calls.size(), 2u);
  EXPECT_EQ(submitter_.calls[0].header.filename(), "a.pdf");
  EXPECT_EQ(submitter_.calls[1].header.filename(), "b.pdf");
}

TEST_F(HotFolderTest, AddsASuffixWhenTheNameIsTakenInDone) {
  std::filesystem::create_directories(dir_.Path("done"));
  WriteFile(dir_.Path("done/scan.pdf"), "older");
  WriteFile(dir_.Path("done/scan-1.pdf"), "older still");
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("scan.pdf"), "new");
  ASSERT_TRUE(folder.Poll().ok());
  clock_.Advance(absl::Seconds(2));
  ASSERT_TRUE(folder.Poll().ok());
  EXPECT_THAT(ListNames(dir_.Path("done")),
              ElementsAre("scan-1.pdf", "scan-2.pdf", "scan.pdf"));
  EXPECT_EQ(ReadFile(dir_.Path("done/scan-2.pdf")), "new");
  EXPECT_EQ(ReadFile(dir_.Path("done/scan.pdf")), "older");
}

TEST_F(HotFolderTest, PermanentErrorMovesTheFileToFailedWithAReport) {
  submitter_.errors.push_back(
      absl::InvalidArgumentError("not a PDF, TIFF, PNG or JPEG"));
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("junk.bin"), "junk");
  ASSERT_TRUE(folder.Poll().ok());
  clock_.Advance(absl::Seconds(2));
  ASSERT_TRUE(folder.Poll().ok());
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("failed"));
  EXPECT_THAT(ListNames(dir_.Path("failed")),
              ElementsAre("junk.bin", "junk.bin.error.txt"));
  EXPECT_EQ(ReadFile(dir_.Path("failed/junk.bin")), "junk");
  const std::string report = ReadFile(dir_.Path("failed/junk.bin.error.txt"));
  EXPECT_THAT(report,
              HasSubstr("INVALID_ARGUMENT: not a PDF, TIFF, PNG or JPEG"));
  EXPECT_THAT(report, HasSubstr(base::Sha256Hex("junk")));
  EXPECT_EQ(folder.stats().failed_permanently, 1);
  ASSERT_EQ(failed_.size(), 1u);
  EXPECT_THAT(failed_[0], HasSubstr(" final"));
}

TEST_F(HotFolderTest, RetryableErrorKeepsTheFileAndBacksOff) {
  submitter_.errors.push_back(absl::UnavailableError("server down"));
  submitter_.errors.push_back(absl::DeadlineExceededError("too slow"));
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("scan.pdf"), "data");
  ASSERT_TRUE(folder.Poll().ok());
  clock_.Advance(absl::Seconds(2));
  EXPECT_EQ(*folder.Poll(), 0);  // tried once: no longer waiting
  EXPECT_EQ(submitter_.calls.size(), 1u);
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("scan.pdf"));

  clock_.Advance(absl::Seconds(9));  // retry_delay is 10s
  ASSERT_TRUE(folder.Poll().ok());
  EXPECT_EQ(submitter_.calls.size(), 1u);
  clock_.Advance(absl::Seconds(1));
  ASSERT_TRUE(folder.Poll().ok());
  EXPECT_EQ(submitter_.calls.size(), 2u);  // DEADLINE_EXCEEDED: doubles to 20s
  clock_.Advance(absl::Seconds(19));
  ASSERT_TRUE(folder.Poll().ok());
  EXPECT_EQ(submitter_.calls.size(), 2u);
  clock_.Advance(absl::Seconds(1));
  ASSERT_TRUE(folder.Poll().ok());
  ASSERT_EQ(submitter_.calls.size(), 3u);
  EXPECT_EQ(submitter_.calls[0].header.idempotency_key(),
            submitter_.calls[2].header.idempotency_key());
  EXPECT_THAT(ListNames(dir_.Path("done")), ElementsAre("scan.pdf"));
  EXPECT_EQ(folder.stats().retryable_errors, 2);
  EXPECT_EQ(folder.stats().submitted, 1);
}

TEST_F(HotFolderTest, FileChangedDuringTheSubmissionIsSentAgainLater) {
  submitter_.before_read = [this](const std::string& path) {
    if (submitter_.calls.empty()) AppendFile(path, " and a late page");
  };
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("scan.pdf"), "first page");
  ASSERT_TRUE(folder.Poll().ok());
  clock_.Advance(absl::Seconds(2));
  ASSERT_TRUE(folder.Poll().ok());
  ASSERT_EQ(submitter_.calls.size(), 1u);
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("scan.pdf"));
  ASSERT_EQ(failed_.size(), 1u);
  EXPECT_THAT(failed_[0], HasSubstr("changed while it was being submitted"));

  clock_.Advance(absl::Seconds(10));  // retry delay, and settled again
  ASSERT_TRUE(folder.Poll().ok());
  ASSERT_EQ(submitter_.calls.size(), 2u);
  EXPECT_EQ(submitter_.calls[1].content, "first page and a late page");
  EXPECT_EQ(submitter_.calls[1].header.idempotency_key(),
            HotFolderIdempotencyKey(
                submitter_.calls[1].header.station_id(),
                base::Sha256Hex("first page and a late page"), "scan.pdf"));
  EXPECT_THAT(ListNames(dir_.Path("done")), ElementsAre("scan.pdf"));
}

TEST_F(HotFolderTest, ForgetsFilesThatDisappear) {
  HotFolder folder = MakeFolder();
  WriteFile(dir_.Path("scan.pdf"), "data");
  EXPECT_EQ(*folder.Poll(), 1);
  std::filesystem::remove(dir_.Path("scan.pdf"));
  EXPECT_EQ(*folder.Poll(), 0);
  clock_.Advance(absl::Seconds(5));
  EXPECT_EQ(*folder.Poll(), 0);
  EXPECT_THAT(submitter_.calls, IsEmpty());
}

TEST_F(HotFolderTest, MissingFolderIsAnError) {
  options_.dir = dir_.Path("absent");
  HotFolder folder = MakeFolder();
  EXPECT_EQ(folder.Poll().status().code(), absl::StatusCode::kNotFound);
}

TEST(IsPermanentSubmitErrorTest, ClassifiesByCodeAndSizeHints) {
  EXPECT_TRUE(IsPermanentSubmitError(absl::InvalidArgumentError("x")));
  EXPECT_TRUE(IsPermanentSubmitError(absl::AlreadyExistsError("x")));
  EXPECT_TRUE(IsPermanentSubmitError(absl::FailedPreconditionError("x")));
  EXPECT_TRUE(IsPermanentSubmitError(
      absl::ResourceExhaustedError("document too large: 300 MiB")));
  EXPECT_TRUE(IsPermanentSubmitError(absl::ResourceExhaustedError(
      "Received message larger than max (5000000 vs. 4194304)")));
  // docintaked's own wording for both cases.
  EXPECT_TRUE(IsPermanentSubmitError(absl::ResourceExhaustedError(
      "the document is larger than the limit of 1024 bytes")));
  EXPECT_FALSE(IsPermanentSubmitError(absl::ResourceExhaustedError(
      "more than 64 concurrent uploads; try again later")));
  EXPECT_FALSE(
      IsPermanentSubmitError(absl::ResourceExhaustedError("queue is full")));
  EXPECT_FALSE(IsPermanentSubmitError(absl::UnavailableError("x")));
  EXPECT_FALSE(IsPermanentSubmitError(absl::DeadlineExceededError("x")));
  EXPECT_FALSE(IsPermanentSubmitError(absl::InternalError("x")));
  EXPECT_FALSE(IsPermanentSubmitError(absl::PermissionDeniedError("x")));
}

TEST(HotFolderRunOnceTest, ReturnsOnceEveryFileWasTried) {
  TempDir dir;
  RecordingSubmitter submitter;
  submitter.errors.push_back(absl::UnavailableError("down"));
  HotFolderOptions options;
  options.dir = dir.path();
  options.poll_interval = absl::Milliseconds(10);
  options.settle_time = absl::Milliseconds(50);
  HotFolder folder(options, submitter, base::FileSystem::Default(),
                   base::Clock::Real(), HotFolderEvents());
  WriteFile(dir.Path("a.pdf"), "a");
  WriteFile(dir.Path("b.pdf"), "b");
  const std::atomic<bool> stop{false};
  ASSERT_TRUE(folder.RunOnce(stop).ok());
  EXPECT_EQ(submitter.calls.size(), 2u);
  // a.pdf met the outage and stays for a later run; b.pdf went through.
  EXPECT_THAT(ListNames(dir.path()), ElementsAre("a.pdf", "done"));
  EXPECT_THAT(ListNames(dir.Path("done")), ElementsAre("b.pdf"));
}

}  // namespace
}  // namespace docintake::cli
