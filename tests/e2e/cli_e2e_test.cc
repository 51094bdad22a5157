// End-to-end through the docintake CLI against the real docintaked.
#include <google/protobuf/util/json_util.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "tests/e2e/service_fixture.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"

namespace docintake::testing {
namespace {

using ::testing::HasSubstr;

CommandResult Cli(const std::string& args) {
  return RunCommand(absl::StrCat(DOCINTAKE_CLI_BINARY, " ", args, " 2>&1"));
}

v1::Record ParseRecordJson(const std::string& line) {
  v1::Record record;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // the CLI adds "path"
  EXPECT_TRUE(
      google::protobuf::util::JsonStringToMessage(line, &record, options).ok())
      << line;
  return record;
}

class CliE2eTest : public ServiceFixture {
 protected:
  std::string Server() { return "--server " + server_->address(); }
};

TEST_F(CliE2eTest, SubmitWaitGetAndContentRoundTrip) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string path =
      absl::StrCat(corpus, "/ocr/classify/docspell_letter-de.pdf");
  CommandResult submit = Cli(absl::StrCat(
      "submit ", Server(), " --channel portal --wait --json '", path, "'"));
  ASSERT_EQ(submit.exit_code, 0) << submit.out;
  v1::Record record = ParseRecordJson(submit.out);
  EXPECT_EQ(record.state(), v1::ARCHIVED);
  EXPECT_EQ(record.intake().channel(), v1::PORTAL);
  EXPECT_EQ(record.intake().sha256(), base::Sha256Hex(ReadFileOrDie(path)));
  ASSERT_FALSE(record.document_id().empty());

  CommandResult get =
      Cli(absl::StrCat("get ", Server(), " --json ", record.document_id()));
  ASSERT_EQ(get.exit_code, 0) << get.out;
  EXPECT_EQ(ParseRecordJson(get.out).text().page_count(), 1u);

  const std::string out_file = dir_.Path("downloaded.pdf");
  CommandResult content = Cli(absl::StrCat(
      "content ", Server(), " ", record.document_id(), " -o ", out_file));
  ASSERT_EQ(content.exit_code, 0) << content.out;
  EXPECT_EQ(ReadFileOrDie(out_file), ReadFileOrDie(path));
}

TEST_F(CliE2eTest, RefusedFileGivesOneLineAndNonZeroExit) {
  const std::string text_file = dir_.Path("notes.txt");
  std::ofstream(text_file) << "this is not a document\n";
  CommandResult submit = Cli(absl::StrCat("submit ", Server(), " ", text_file));
  EXPECT_NE(submit.exit_code, 0);
  EXPECT_THAT(submit.out, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(submit.out, HasSubstr("plain text"));
  EXPECT_EQ(std::vector<std::string>(
                absl::StrSplit(submit.out, '\n', absl::SkipEmpty()))
                .size(),
            1u)
      << submit.out;
}

TEST_F(CliE2eTest, HotFolderSubmitsASlowlyWrittenScanOnceAndArchivesIt) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = ReadFileOrDie(
      absl::StrCat(corpus, "/ocr/classify/docspell_letter-de.pdf"));
  const std::string folder = dir_.Path("hot");
  ASSERT_TRUE(base::FileSystem::Default().CreateDirs(folder).ok());
  // The scanner writes the file in five pieces, 200 ms apart.
  std::thread scanner([&] {
    std::ofstream out(folder + "/scan-0001.pdf", std::ios::binary);
    const size_t piece = pdf.size() / 5 + 1;
    for (size_t pos = 0; pos < pdf.size(); pos += piece) {
      out << pdf.substr(pos, piece) << std::flush;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CommandResult run = Cli(absl::StrCat("watch-folder ", Server(),
                                       " --once --json --settle-ms 700 "
                                       "--interval-ms 100 --station-id s1 ",
                                       folder));
  scanner.join();
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(ReadFileOrDie(folder + "/done/scan-0001.pdf"), pdf);
  EXPECT_FALSE(base::FileSystem::Default().Exists(folder + "/scan-0001.pdf"));

  grpc::ClientContext context;
  v1::ListDocumentsReply list;
  ASSERT_TRUE(
      intake_->ListDocuments(&context, v1::ListDocumentsRequest(), &list).ok());
  ASSERT_EQ(list.documents_size(), 1) << "submitted more than once";
  v1::Record record =
      WaitForState(list.documents(0).document_id(), v1::ARCHIVED);
  EXPECT_EQ(record.intake().channel(), v1::SCAN_STATION);
  EXPECT_EQ(record.intake().station_id(), "s1");
  EXPECT_EQ(record.intake().sha256(), base::Sha256Hex(pdf));
}

TEST_F(CliE2eTest, UnknownDocumentIsNotFound) {
  CommandResult get =
      Cli(absl::StrCat("get ", Server(), " 01AAAAAAAAAAAAAAAAAAAAAAAA"));
  EXPECT_NE(get.exit_code, 0);
  EXPECT_THAT(get.out, HasSubstr("NOT_FOUND"));
}

}  // namespace
}  // namespace docintake::testing
