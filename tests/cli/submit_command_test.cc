// `docintake submit` in-process against the fake server.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_test_support.h"
#include "tests/cli/fake_docintake_server.h"
#include "tests/support/temp_dir.h"

namespace docintake::cli {
namespace {

using ::docintake::cli::testing::CliResult;
using ::docintake::cli::testing::FakeDocintakeServer;
using ::docintake::cli::testing::Lines;
using ::docintake::cli::testing::ReceivedSubmit;
using ::docintake::cli::testing::RunCliForTest;
using ::docintake::cli::testing::WriteFile;
using ::docintake::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;

// Bytes that survive no accidental text handling: every byte value, NULs
// included, in a length that is not a multiple of the chunk size.
std::string BinaryContent(size_t size) {
  std::string data(size, '\0');
  for (size_t i = 0; i < size; ++i) {
    data[i] = static_cast<char>((i * 7 + i / 256) % 256);
  }
  return data;
}

google::protobuf::Struct ParseJson(const std::string& json) {
  google::protobuf::Struct parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok())
      << json;
  return parsed;
}

class SubmitCommandTest : public ::testing::Test {
 protected:
  CliResult Submit(std::vector<std::string> args,
                   const std::string& stdin_data = "") {
    args.insert(args.begin(), {"submit", "--server", server_.address()});
    return RunCliForTest(args, stdin_data);
  }

  FakeDocintakeServer server_;
  TempDir dir_;
};

TEST_F(SubmitCommandTest, StreamsTheHeaderThenChunksAndTheBytesArriveIntact) {
  const std::string content = BinaryContent(1000);
  WriteFile(dir_.Path("scan.pdf"), content);
  CliResult result = Submit({"--chunk-size", "64", dir_.Path("scan.pdf")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");

  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(1));
  EXPECT_TRUE(submits[0].header_first);
  EXPECT_EQ(submits[0].header_count, 1);
  EXPECT_EQ(submits[0].chunk_count, 16);  // 15 x 64 + 40
  EXPECT_EQ(submits[0].content, content);
  EXPECT_EQ(submits[0].header.filename(), "scan.pdf");
  EXPECT_EQ(submits[0].header.channel(), v1::API);
  EXPECT_EQ(result.out, absl::StrCat(submits[0].document_id, "  ",
                                     dir_.Path("scan.pdf"), "\n"));
}

TEST_F(SubmitCommandTest, JsonOutputIsTheReplyWithDocumentIdAndPath) {
  WriteFile(dir_.Path("a.pdf"), "%PDF-1.7 a");
  CliResult result = Submit({"--json", dir_.Path("a.pdf")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_THAT(Lines(result.out), SizeIs(1));
  const google::protobuf::Struct json = ParseJson(result.out);
  EXPECT_EQ(json.fields().at("documentId").string_value(),
            server_.submits()[0].document_id);
  EXPECT_EQ(json.fields().at("sha256").string_value(),
            base::Sha256Hex("%PDF-1.7 a"));
  EXPECT_EQ(json.fields().at("path").string_value(), dir_.Path("a.pdf"));
}

TEST_F(SubmitCommandTest, SendsTheIdempotencyKeySoARetryGetsTheSameDocument) {
  WriteFile(dir_.Path("a.pdf"), "content");
  CliResult first = Submit({"--idempotency-key", "k-1", dir_.Path("a.pdf")});
  CliResult second = Submit({"--idempotency-key", "k-1", dir_.Path("a.pdf")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(first.out, second.out);
  EXPECT_EQ(server_.document_count(), 1);
  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(2));
  EXPECT_EQ(submits[0].header.idempotency_key(), "k-1");
  EXPECT_EQ(submits[1].header.idempotency_key(), "k-1");
}

TEST_F(SubmitCommandTest, IdempotencyKeyWithSeveralFilesIsAUsageError) {
  WriteFile(dir_.Path("a.pdf"), "a");
  WriteFile(dir_.Path("b.pdf"), "b");
  CliResult result = Submit(
      {"--idempotency-key", "k", dir_.Path("a.pdf"), dir_.Path("b.pdf")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(Lines(result.err), SizeIs(1));
  EXPECT_THAT(result.err, HasSubstr("--idempotency-key"));
  EXPECT_THAT(server_.submits(), IsEmpty());
}

TEST_F(SubmitCommandTest, BatchPositionsFollowTheArgumentOrder) {
  std::filesystem::create_directories(dir_.Path("batch/sub"));
  WriteFile(dir_.Path("batch/2.tif"), "two");
  WriteFile(dir_.Path("batch/1.tif"), "one");
  WriteFile(dir_.Path("batch/sub/3.tif"), "three");
  WriteFile(dir_.Path("cover.pdf"), "cover");
  CliResult result =
      Submit({"--batch-id", "B-7", dir_.Path("cover.pdf"), dir_.Path("batch")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(4));
  std::vector<std::string> order;
  for (size_t i = 0; i < submits.size(); ++i) {
    EXPECT_EQ(submits[i].header.batch_id(), "B-7");
    EXPECT_EQ(submits[i].header.batch_position(), i + 1);
    order.push_back(submits[i].header.filename());
  }
  EXPECT_THAT(order, ElementsAre("cover.pdf", "1.tif", "2.tif", "3.tif"));
  EXPECT_THAT(Lines(result.out), SizeIs(4));
}

TEST_F(SubmitCommandTest, FillsTheHeaderFromTheFlags) {
  WriteFile(dir_.Path("a.pdf"), "a");
  CliResult result =
      Submit({"--channel", "scan_station", "--station-id", "mailroom-2",
              "--assurance", "low", "--media-type", "application/pdf", "--meta",
              "case=17", "--meta", "dept=tax", dir_.Path("a.pdf")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const v1::SubmitHeader header = server_.submits()[0].header;
  EXPECT_EQ(header.channel(), v1::SCAN_STATION);
  EXPECT_EQ(header.station_id(), "mailroom-2");
  EXPECT_EQ(header.assurance_level(), v1::LOW);
  EXPECT_EQ(header.declared_media_type(), "application/pdf");
  EXPECT_EQ(header.metadata().at("case"), "17");
  EXPECT_EQ(header.metadata().at("dept"), "tax");
}

TEST_F(SubmitCommandTest, ReadsStandardInputForDash) {
  const std::string content = BinaryContent(300);
  CliResult result = Submit({"--filename", "piped.pdf", "-"}, content);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<ReceivedSubmit> submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(1));
  EXPECT_EQ(submits[0].content, content);
  EXPECT_EQ(submits[0].header.filename(), "piped.pdf");
  EXPECT_THAT(result.out, HasSubstr("  -\n"));
}

TEST_F(SubmitCommandTest, ARejectionIsOneErrorLineAndExitOne) {
  server_.RejectFilename("bad.pdf",
                         grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                      "content is not a PDF\nsee the docs"));
  WriteFile(dir_.Path("bad.pdf"), "nope");
  WriteFile(dir_.Path("good.pdf"), "yes");
  CliResult result = Submit({dir_.Path("bad.pdf"), dir_.Path("good.pdf")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(Lines(result.err),
              ElementsAre(absl::StrCat(
                  "docintake: submit ", dir_.Path("bad.pdf"),
                  ": INVALID_ARGUMENT: content is not a PDF see the docs")));
  // The other file still went through.
  EXPECT_THAT(Lines(result.out), SizeIs(1));
  EXPECT_THAT(result.out, HasSubstr("good.pdf"));
}

TEST_F(SubmitCommandTest, UnreachableServerIsUnavailable) {
  WriteFile(dir_.Path("a.pdf"), "a");
  CliResult result =
      RunCliForTest({"submit", "--server", "127.0.0.1:1", dir_.Path("a.pdf")});
  EXPECT_EQ(result.exit_code, 1);
  ASSERT_THAT(Lines(result.err), SizeIs(1));
  EXPECT_THAT(result.err,
              StartsWith(absl::StrCat("docintake: submit ", dir_.Path("a.pdf"),
                                      ": UNAVAILABLE: ")));
}

TEST_F(SubmitCommandTest, MissingFileFailsBeforeAnythingIsSent) {
  WriteFile(dir_.Path("a.pdf"), "a");
  CliResult result = Submit({dir_.Path("a.pdf"), dir_.Path("missing.pdf")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(result.err, HasSubstr("missing.pdf"));
  EXPECT_THAT(server_.submits(), IsEmpty());
}

TEST_F(SubmitCommandTest, ShowsDuplicates) {
  WriteFile(dir_.Path("a.pdf"), "same bytes");
  WriteFile(dir_.Path("b.pdf"), "same bytes");
  CliResult result = Submit({dir_.Path("a.pdf"), dir_.Path("b.pdf")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = Lines(result.out);
  ASSERT_THAT(lines, SizeIs(2));
  EXPECT_THAT(lines[1],
              HasSubstr(absl::StrCat("b.pdf duplicate of ",
                                     server_.submits()[0].document_id)));
}

TEST_F(SubmitCommandTest, WaitReportsTheFinalState) {
  WriteFile(dir_.Path("a.pdf"), "a");
  CliResult result = Submit({"--wait", dir_.Path("a.pdf")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = Lines(result.out);
  ASSERT_THAT(lines, SizeIs(2));
  EXPECT_EQ(lines[1], absl::StrCat(server_.submits()[0].document_id, "  ",
                                   dir_.Path("a.pdf"), "  ARCHIVED"));
}

TEST_F(SubmitCommandTest, WaitFailsWhenADocumentFailedAndPrintsItsRecord) {
  server_.SetWatchStates({v1::QUEUED, v1::PROCESSING, v1::FAILED});
  WriteFile(dir_.Path("a.pdf"), "a");
  CliResult result = Submit({"--wait", "--json", dir_.Path("a.pdf")});
  EXPECT_EQ(result.exit_code, 1);
  ASSERT_THAT(Lines(result.out), SizeIs(1));
  const google::protobuf::Struct json = ParseJson(result.out);
  EXPECT_EQ(json.fields().at("documentId").string_value(),
            server_.submits()[0].document_id);
  EXPECT_EQ(json.fields().at("state").string_value(), "FAILED");
  EXPECT_EQ(json.fields().at("error").string_value(), "simulated failure");
  EXPECT_EQ(json.fields().at("path").string_value(), dir_.Path("a.pdf"));
}

TEST_F(SubmitCommandTest, ReviewCountsAsSuccessForWait) {
  server_.SetWatchStates({v1::QUEUED, v1::REVIEW});
  WriteFile(dir_.Path("a.pdf"), "a");
  CliResult result = Submit({"--wait", dir_.Path("a.pdf")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("  REVIEW\n"));
}

TEST_F(SubmitCommandTest, UsageErrors) {
  EXPECT_EQ(Submit({}).exit_code, 2);
  EXPECT_EQ(Submit({"--channel", "fax", "x"}).exit_code, 2);
  EXPECT_EQ(Submit({"--chunk-size", "0", "x"}).exit_code, 2);
  EXPECT_EQ(Submit({"--bogus", "x"}).exit_code, 2);
  CliResult help = Submit({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("usage: docintake submit"));
}

}  // namespace
}  // namespace docintake::cli
