// `docintake content` in-process against the fake server.
#include <string>
#include <vector>

#include "base/file_system.h"
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
using ::docintake::cli::testing::ListNames;
using ::docintake::cli::testing::ReadFile;
using ::docintake::cli::testing::RunCliForTest;
using ::docintake::cli::testing::WriteFile;
using ::docintake::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class ContentCommandTest : public ::testing::Test {
 protected:
  ContentCommandTest() : content_(20000, '\0') {
    for (size_t i = 0; i < content_.size(); ++i) {
      content_[i] = static_cast<char>(i % 251);
    }
    v1::Record record;
    record.set_document_id("01DOC");
    record.mutable_intake()->set_sha256(base::Sha256Hex(content_));
    server_.AddDocument(record, content_);
  }

  CliResult Content(std::vector<std::string> args) {
    args.insert(args.begin(), {"content", "--server", server_.address()});
    return RunCliForTest(args);
  }

  FakeDocintakeServer server_;
  TempDir dir_;
  std::string content_;
};

TEST_F(ContentCommandTest, WritesTheBytesToTheFile) {
  CliResult result = Content({"01DOC", "-o", dir_.Path("out.pdf")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadFile(dir_.Path("out.pdf")), content_);
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("out.pdf"));
  EXPECT_EQ(result.out, "");
}

TEST_F(ContentCommandTest, JsonReportsSizeAndDigest) {
  CliResult result = Content({"--json", "01DOC", "--output", dir_.Path("o")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  google::protobuf::Struct json;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(result.out, &json).ok());
  EXPECT_EQ(json.fields().at("documentId").string_value(), "01DOC");
  EXPECT_EQ(json.fields().at("size").string_value(), "20000");
  EXPECT_EQ(json.fields().at("sha256").string_value(),
            base::Sha256Hex(content_));
}

TEST_F(ContentCommandTest, BrokenDownloadLeavesNoPartialFile) {
  server_.BreakContentAfter(8192);
  CliResult result = Content({"01DOC", "-o", dir_.Path("out.pdf")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(Lines(result.err),
              ElementsAre("docintake: content 01DOC: UNAVAILABLE: simulated "
                          "broken download"));
  EXPECT_THAT(ListNames(dir_.path()), IsEmpty());  // no temp file either
}

TEST_F(ContentCommandTest, ContentThatDoesNotMatchTheRecordIsDataLoss) {
  v1::Record record;
  record.set_document_id("01BAD");
  record.mutable_intake()->set_sha256(base::Sha256Hex("something else"));
  server_.AddDocument(record, content_);
  CliResult result = Content({"01BAD", "-o", dir_.Path("bad.bin")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("DATA_LOSS"));
  EXPECT_FALSE(base::FileSystem::Default().Exists(dir_.Path("bad.bin")));
}

TEST_F(ContentCommandTest, BrokenDownloadKeepsAnExistingFileIntact) {
  WriteFile(dir_.Path("out.pdf"), "previous version");
  server_.BreakContentAfter(100);
  EXPECT_EQ(Content({"01DOC", "-o", dir_.Path("out.pdf")}).exit_code, 1);
  EXPECT_EQ(ReadFile(dir_.Path("out.pdf")), "previous version");
  EXPECT_THAT(ListNames(dir_.path()), ElementsAre("out.pdf"));
}

TEST_F(ContentCommandTest, ReplacesAnExistingFileOnSuccess) {
  WriteFile(dir_.Path("out.pdf"), "previous version");
  ASSERT_EQ(Content({"01DOC", "-o", dir_.Path("out.pdf")}).exit_code, 0);
  EXPECT_EQ(ReadFile(dir_.Path("out.pdf")), content_);
}

TEST_F(ContentCommandTest, DashWritesToStandardOutput) {
  CliResult result = Content({"01DOC", "-o", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, content_);
}

TEST_F(ContentCommandTest, UnknownDocumentIsNotFound) {
  CliResult result = Content({"01NOPE", "-o", dir_.Path("out.pdf")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(ListNames(dir_.path()), IsEmpty());
}

TEST_F(ContentCommandTest, OutputIsRequired) {
  CliResult result = Content({"01DOC"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(Lines(result.err), SizeIs(1));
}

}  // namespace
}  // namespace docintake::cli
