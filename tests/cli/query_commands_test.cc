// `docintake get`, `list` and `watch` in-process against the fake server.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_test_support.h"
#include "tests/cli/fake_docintake_server.h"

namespace docintake::cli {
namespace {

using ::docintake::cli::testing::CliResult;
using ::docintake::cli::testing::FakeDocintakeServer;
using ::docintake::cli::testing::Lines;
using ::docintake::cli::testing::RunCliForTest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using ::testing::StartsWith;

template <typename Message>
Message ParseJson(const std::string& json) {
  Message message;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok())
      << json;
  return message;
}

v1::Record MakeRecord(int n, v1::DocumentState state, v1::Channel channel) {
  v1::Record record;
  record.set_document_id(absl::StrCat("01DOC", n));
  record.set_state(state);
  record.mutable_intake()->set_channel(channel);
  record.mutable_intake()->set_filename(absl::StrCat("file", n, ".pdf"));
  record.mutable_intake()->set_size(100 * n);
  return record;
}

class QueryCommandsTest : public ::testing::Test {
 protected:
  QueryCommandsTest() {
    server_.AddDocument(MakeRecord(1, v1::ARCHIVED, v1::PORTAL), "one");
    server_.AddDocument(MakeRecord(2, v1::FAILED, v1::SCAN_STATION), "two");
    server_.AddDocument(MakeRecord(3, v1::ARCHIVED, v1::SCAN_STATION), "3");
    server_.AddDocument(MakeRecord(4, v1::QUEUED, v1::API), "four");
    server_.AddDocument(MakeRecord(5, v1::ARCHIVED, v1::PORTAL), "five");
  }

  CliResult Run(const std::string& command, std::vector<std::string> args) {
    args.insert(args.begin(), {command, "--server", server_.address()});
    return RunCliForTest(args);
  }

  FakeDocintakeServer server_;
};

TEST_F(QueryCommandsTest, GetPrintsASummary) {
  CliResult result = Run("get", {"01DOC2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("01DOC2"));
  EXPECT_THAT(result.out, HasSubstr("FAILED"));
  EXPECT_THAT(result.out, HasSubstr("SCAN_STATION"));
  EXPECT_THAT(result.out, HasSubstr("file2.pdf"));
}

TEST_F(QueryCommandsTest, GetJsonIsTheRecord) {
  CliResult result = Run("get", {"--json", "01DOC1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_THAT(Lines(result.out), SizeIs(1));
  const v1::Record record = ParseJson<v1::Record>(result.out);
  EXPECT_EQ(record.document_id(), "01DOC1");
  EXPECT_EQ(record.intake().filename(), "file1.pdf");
}

TEST_F(QueryCommandsTest, GetUnknownDocumentIsNotFound) {
  CliResult result = Run("get", {"01NOPE"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(
      Lines(result.err),
      ElementsAre("docintake: get 01NOPE: NOT_FOUND: no such document"));
  EXPECT_EQ(result.out, "");
}

TEST_F(QueryCommandsTest, ListPrintsATableOfTheFirstPage) {
  CliResult result = Run("list", {"--page-size", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = Lines(result.out);
  ASSERT_THAT(lines, SizeIs(3));
  EXPECT_THAT(lines[0], StartsWith("DOCUMENT ID"));
  EXPECT_THAT(lines[1], StartsWith("01DOC1 "));
  EXPECT_THAT(lines[2], StartsWith("01DOC2 "));
}

TEST_F(QueryCommandsTest, ListAllFollowsThePageTokens) {
  CliResult result = Run("list", {"--all", "--page-size", "2", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = Lines(result.out);
  ASSERT_THAT(lines, SizeIs(5));
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(ParseJson<v1::Record>(lines[i]).document_id(),
              absl::StrCat("01DOC", i + 1));
  }
  const std::vector<v1::ListDocumentsRequest> requests =
      server_.list_requests();
  ASSERT_THAT(requests, SizeIs(3));
  EXPECT_EQ(requests[0].page_token(), "");
  EXPECT_EQ(requests[1].page_token(), "2");
  EXPECT_EQ(requests[2].page_token(), "4");
}

TEST_F(QueryCommandsTest, ListLimitStopsEarly) {
  CliResult result = Run("list", {"--all", "--limit", "3", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(Lines(result.out), SizeIs(3));
  EXPECT_EQ(server_.list_requests()[0].page_size(), 3);
}

TEST_F(QueryCommandsTest, ListSendsTheFilters) {
  CliResult result = Run("list", {"--state", "archived", "--channel", "portal",
                                  "--since", "2024-05-01T00:00:00Z", "--until",
                                  "2024-05-02T12:30:00.5+02:00", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(Lines(result.out), SizeIs(2));  // documents 1 and 5
  const v1::ListDocumentsRequest request = server_.list_requests()[0];
  EXPECT_EQ(request.state(), v1::ARCHIVED);
  EXPECT_EQ(request.channel(), v1::PORTAL);
  EXPECT_EQ(request.received_after().seconds(), 1714521600);
  EXPECT_EQ(request.received_before().seconds(), 1714645800);
  EXPECT_EQ(request.received_before().nanos(), 500000000);
}

TEST_F(QueryCommandsTest, ListRejectsBadFilters) {
  EXPECT_EQ(Run("list", {"--since", "yesterday"}).exit_code, 2);
  EXPECT_EQ(Run("list", {"--state", "lost"}).exit_code, 2);
  EXPECT_EQ(Run("list", {"--page-size", "0"}).exit_code, 2);
  EXPECT_EQ(Run("list", {"extra"}).exit_code, 2);
}

TEST_F(QueryCommandsTest, WatchPrintsEachEventAndSucceedsWhenArchived) {
  CliResult result = Run("watch", {"01DOC4"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = Lines(result.out);
  ASSERT_THAT(lines, SizeIs(3));
  EXPECT_THAT(lines[0], HasSubstr("  01DOC4  QUEUED"));
  EXPECT_THAT(lines[1], HasSubstr("  01DOC4  PROCESSING"));
  EXPECT_THAT(lines[2], HasSubstr("  01DOC4  ARCHIVED"));
}

TEST_F(QueryCommandsTest, WatchJsonPrintsEventsAndFailsOnFailed) {
  server_.SetWatchStates({v1::PROCESSING, v1::FAILED});
  CliResult result = Run("watch", {"--json", "01DOC4"});
  EXPECT_EQ(result.exit_code, 1);
  const std::vector<std::string> lines = Lines(result.out);
  ASSERT_THAT(lines, SizeIs(2));
  const v1::DocumentEvent last = ParseJson<v1::DocumentEvent>(lines[1]);
  EXPECT_EQ(last.document_id(), "01DOC4");
  EXPECT_EQ(last.state(), v1::FAILED);
  EXPECT_EQ(last.record().error(), "simulated failure");
}

TEST_F(QueryCommandsTest, WatchSucceedsForReview) {
  server_.SetWatchStates({v1::PROCESSING, v1::REVIEW});
  EXPECT_EQ(Run("watch", {"01DOC4"}).exit_code, 0);
}

TEST_F(QueryCommandsTest, WatchFailsWhenTheStreamEndsEarly) {
  server_.SetWatchStates({v1::QUEUED, v1::PROCESSING});
  CliResult result = Run("watch", {"01DOC4"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(Lines(result.err), SizeIs(1));
  EXPECT_THAT(result.err, HasSubstr("before a final state"));
}

TEST_F(QueryCommandsTest, WatchUnknownDocumentIsNotFound) {
  CliResult result = Run("watch", {"01NOPE"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("NOT_FOUND"));
}

TEST(CliTest, TopLevelHelpAndUnknownCommand) {
  CliResult help = RunCliForTest({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command :
       {"submit", "get", "list", "watch", "content", "watch-folder"}) {
    EXPECT_THAT(help.out, HasSubstr(command));
    CliResult command_help = RunCliForTest({command, "--help"});
    EXPECT_EQ(command_help.exit_code, 0) << command;
    EXPECT_THAT(command_help.out,
                HasSubstr(absl::StrCat("usage: docintake ", command)));
    EXPECT_THAT(command_help.out, HasSubstr("--server"));
    EXPECT_THAT(command_help.out, HasSubstr("--json"));
  }
  CliResult unknown = RunCliForTest({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(Lines(unknown.err), SizeIs(1));
  EXPECT_EQ(RunCliForTest({}).exit_code, 2);
}

}  // namespace
}  // namespace docintake::cli
