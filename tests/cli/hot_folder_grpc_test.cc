// The hot folder end to end: real files, real gRPC, the fake server.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "intake/cli/client.h"
#include "intake/cli/grpc_submitter.h"
#include "intake/cli/hot_folder.h"
#include "tests/cli/cli_test_support.h"
#include "tests/cli/fake_docintake_server.h"
#include "tests/support/temp_dir.h"

namespace docintake::cli {
namespace {

using ::docintake::cli::testing::AppendFile;
using ::docintake::cli::testing::CliResult;
using ::docintake::cli::testing::FakeDocintakeServer;
using ::docintake::cli::testing::Lines;
using ::docintake::cli::testing::ListNames;
using ::docintake::cli::testing::ReadFile;
using ::docintake::cli::testing::ReceivedSubmit;
using ::docintake::cli::testing::RunCliForTest;
using ::docintake::cli::testing::WriteFile;
using ::docintake::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// Passes each submission on, then "crashes" right after the server's ack:
// the caller sees an error, so the file stays where it was — exactly the
// state a crash between the ack and the move leaves behind.
class CrashAfterAckSubmitter final : public Submitter {
 public:
  explicit CrashAfterAckSubmitter(Submitter& inner) : inner_(inner) {}
  absl::StatusOr<v1::SubmitReply> Submit(
      const std::string& path, const v1::SubmitHeader& header) override {
    absl::StatusOr<v1::SubmitReply> reply = inner_.Submit(path, header);
    if (!reply.ok()) return reply;
    return absl::UnavailableError("simulated crash after the ack");
  }

 private:
  Submitter& inner_;
};

class HotFolderGrpcTest : public ::testing::Test {
 protected:
  HotFolderGrpcTest()
      : client_(server_.address()),
        submitter_(client_.intake(), base::FileSystem::Default(), 1024) {
    options_.dir = dir_.path();
    options_.poll_interval = absl::Milliseconds(20);
    options_.settle_time = absl::Milliseconds(200);
    options_.header.set_channel(v1::SCAN_STATION);
    events_.submitted = [this](const std::string&, const v1::SubmitReply& reply,
                               const std::string&) {
      replies_.push_back(reply);
    };
  }

  absl::Status RunOnce(Submitter& submitter) {
    HotFolder folder(options_, submitter, base::FileSystem::Default(),
                     base::Clock::Real(), events_);
    return folder.RunOnce(stop_);
  }

  FakeDocintakeServer server_;
  TempDir dir_;
  Client client_;
  GrpcSubmitter submitter_;
  HotFolderOptions options_;
  HotFolderEvents events_;
  std::vector<v1::SubmitReply> replies_;
  const std::atomic<bool> stop_{false};
};

TEST_F(HotFolderGrpcTest, SlowlyWrittenFileIsSubmittedOnceAfterItsLastPiece) {
  options_.settle_time = absl::Milliseconds(800);
  const std::vector<std::string> pieces = {"%PDF-1.7\n", std::string(5000, 'a'),
                                           std::string(7000, 'b'),
                                           std::string(3000, 'c'), "%%EOF\n"};
  const std::string path = dir_.Path("scan-0001.pdf");
  WriteFile(path, pieces[0]);
  absl::Mutex mu;
  absl::Time last_write = absl::InfinitePast();
  // Pauses well below the settle time, as a slow scanner or share would.
  std::thread writer([&] {
    for (size_t i = 1; i < pieces.size(); ++i) {
      absl::SleepFor(absl::Milliseconds(150));
      // Taken before the write, so no poll can have seen it earlier.
      const absl::Time before = absl::Now();
      AppendFile(path, pieces[i]);
      absl::MutexLock lock(&mu);
      last_write = before;
    }
  });
  const absl::Status status = RunOnce(submitter_);
  writer.join();
  ASSERT_TRUE(status.ok()) << status;

  std::string whole;
  for (const std::string& piece : pieces) whole += piece;
  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(1));
  EXPECT_EQ(submits[0].content, whole);
  EXPECT_EQ(submits[0].header.filename(), "scan-0001.pdf");
  EXPECT_EQ(submits[0].header.idempotency_key(),
            HotFolderIdempotencyKey(submits[0].header.station_id(),
                                    base::Sha256Hex(whole), "scan-0001.pdf"));
  EXPECT_GT(submits[0].chunk_count, 1);
  {
    absl::MutexLock lock(&mu);
    EXPECT_GE(submits[0].finished_at - last_write, absl::Milliseconds(800));
  }
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("done"));
  EXPECT_EQ(ReadFile(dir_.Path("done/scan-0001.pdf")), whole);
}

TEST_F(HotFolderGrpcTest, RejectedFileLandsInFailedWithItsError) {
  server_.RejectFilename("bad.pdf",
                         grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                      "unsupported media type"));
  WriteFile(dir_.Path("bad.pdf"), "not really a pdf");
  WriteFile(dir_.Path("good.pdf"), "%PDF-1.7 good");
  ASSERT_TRUE(RunOnce(submitter_).ok());

  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("done", "failed"));
  EXPECT_THAT(ListNames(dir_.Path("done")), ElementsAre("good.pdf"));
  EXPECT_THAT(ListNames(dir_.Path("failed")),
              ElementsAre("bad.pdf", "bad.pdf.error.txt"));
  EXPECT_THAT(ReadFile(dir_.Path("failed/bad.pdf.error.txt")),
              HasSubstr("INVALID_ARGUMENT: unsupported media type"));
  EXPECT_EQ(server_.document_count(), 1);
}

TEST_F(HotFolderGrpcTest, RestartAfterACrashBetweenAckAndMoveMakesNoDuplicate) {
  WriteFile(dir_.Path("scan.pdf"), "%PDF-1.7 scanned letter");
  {
    CrashAfterAckSubmitter crashing(submitter_);
    ASSERT_TRUE(RunOnce(crashing).ok());
  }
  // The server has the document, the file is still in the folder.
  ASSERT_EQ(server_.document_count(), 1);
  ASSERT_THAT(ListNames(dir_.path()), ElementsAre("scan.pdf"));

  // A new instance, as after a restart, with nothing remembered.
  ASSERT_TRUE(RunOnce(submitter_).ok());
  EXPECT_EQ(server_.document_count(), 1);
  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(2));
  EXPECT_EQ(submits[0].header.idempotency_key(),
            submits[1].header.idempotency_key());
  EXPECT_EQ(submits[0].document_id, submits[1].document_id);
  ASSERT_THAT(replies_, SizeIs(1));
  EXPECT_TRUE(replies_[0].replayed());
  EXPECT_EQ(replies_[0].document_id(), submits[0].document_id);
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("done"));
}

TEST_F(HotFolderGrpcTest, CommandKeepsFilesThroughAnOutageAndPrintsJson) {
  server_.FailNextSubmits(
      1, grpc::Status(grpc::StatusCode::UNAVAILABLE, "restarting"));
  WriteFile(dir_.Path("a.pdf"), "%PDF-1.7 a");
  const std::vector<std::string> args = {
      "watch-folder", "--server", server_.address(), "--once", "--json",
      "--settle-ms",  "100",      "--interval-ms",   "20",     "--station-id",
      "mailroom-3",   dir_.path()};

  CliResult first = RunCliForTest(args);
  EXPECT_EQ(first.exit_code, 1);
  EXPECT_EQ(first.out, "");
  EXPECT_THAT(
      Lines(first.err),
      ElementsAre(absl::StrCat("docintake: watch-folder ", dir_.Path("a.pdf"),
                               ": UNAVAILABLE: restarting (will retry)")));
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("a.pdf"));

  CliResult second = RunCliForTest(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ASSERT_THAT(Lines(second.out), SizeIs(1));
  google::protobuf::Struct json;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(second.out, &json).ok());
  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(2));
  EXPECT_EQ(json.fields().at("documentId").string_value(),
            submits[1].document_id);
  EXPECT_EQ(json.fields().at("path").string_value(), dir_.Path("a.pdf"));
  EXPECT_EQ(submits[1].header.channel(), v1::SCAN_STATION);
  EXPECT_EQ(submits[1].header.station_id(), "mailroom-3");
  EXPECT_THAT(ListNames(dir_.Path("done")), ElementsAre("a.pdf"));
}

TEST_F(HotFolderGrpcTest, CommandFailsForAMissingFolder) {
  CliResult result =
      RunCliForTest({"watch-folder", "--server", server_.address(), "--once",
                     dir_.Path("absent")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(Lines(result.err), SizeIs(1));
}

}  // namespace
}  // namespace docintake::cli
