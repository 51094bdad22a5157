// The real `docintake` binary, run as a child process against the fake
// server. DOCINTAKE_CLI_BINARY is its path, set by CMake.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_test_support.h"
#include "tests/cli/fake_docintake_server.h"
#include "tests/support/temp_dir.h"

extern char** environ;

namespace docintake::cli {
namespace {

using ::docintake::cli::testing::FakeDocintakeServer;
using ::docintake::cli::testing::Lines;
using ::docintake::cli::testing::ListNames;
using ::docintake::cli::testing::ReadFile;
using ::docintake::cli::testing::WriteFile;
using ::docintake::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using ::testing::StartsWith;

class BinaryTest : public ::testing::Test {
 protected:
  struct Outcome {
    int exit_code = -1;
    std::string out;
    std::string err;
  };

  // Starts the binary with stdin from `stdin_path` (or /dev/null) and
  // stdout/stderr into files of the temp dir.
  pid_t Start(const std::vector<std::string>& args,
              const std::string& stdin_path = "/dev/null") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY,
                                     0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> argv_storage = {DOCINTAKE_CLI_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, DOCINTAKE_CLI_BINARY, &actions, nullptr,
                               argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(rc, 0) << "posix_spawn " << DOCINTAKE_CLI_BINARY;
    return pid;
  }

  Outcome Wait(pid_t pid) {
    Outcome outcome;
    int status = 0;
    if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) {
      outcome.exit_code = WEXITSTATUS(status);
    }
    outcome.out = ReadFile(out_path_);
    outcome.err = ReadFile(err_path_);
    return outcome;
  }

  Outcome Run(const std::vector<std::string>& args,
              const std::string& stdin_path = "/dev/null") {
    return Wait(Start(args, stdin_path));
  }

  FakeDocintakeServer server_;
  TempDir dir_;
  TempDir io_dir_;
  const std::string out_path_ = io_dir_.Path("stdout");
  const std::string err_path_ = io_dir_.Path("stderr");
};

TEST_F(BinaryTest, HelpExitsZero) {
  Outcome outcome = Run({"--help"});
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_THAT(outcome.out, StartsWith("usage: docintake COMMAND"));
}

TEST_F(BinaryTest, UnknownCommandExitsTwo) {
  Outcome outcome = Run({"frobnicate"});
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_THAT(Lines(outcome.err), SizeIs(1));
}

TEST_F(BinaryTest, SubmitJsonPrintsOneParsableLinePerFile) {
  WriteFile(dir_.Path("a.pdf"), "%PDF-1.7 a");
  WriteFile(dir_.Path("b.pdf"), "%PDF-1.7 b");
  Outcome outcome = Run({"submit", "--server", server_.address(), "--json",
                         dir_.Path("a.pdf"), dir_.Path("b.pdf")});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err, "");  // not a terminal: no progress bar
  const std::vector<std::string> lines = Lines(outcome.out);
  ASSERT_THAT(lines, SizeIs(2));
  const auto submits = server_.submits();
  ASSERT_THAT(submits, SizeIs(2));
  for (size_t i = 0; i < lines.size(); ++i) {
    google::protobuf::Struct json;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(lines[i], &json).ok());
    EXPECT_EQ(json.fields().at("documentId").string_value(),
              submits[i].document_id);
  }
}

TEST_F(BinaryTest, SubmitReadsStandardInput) {
  WriteFile(dir_.Path("stdin.bin"), std::string("\0\1\2 piped", 9));
  Outcome outcome = Run({"submit", "--server", server_.address(), "-"},
                        dir_.Path("stdin.bin"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  ASSERT_THAT(server_.submits(), SizeIs(1));
  EXPECT_EQ(server_.submits()[0].content, std::string("\0\1\2 piped", 9));
}

TEST_F(BinaryTest, ServerErrorIsOneLineOnStderrAndExitOne) {
  server_.RejectFilename(
      "big.pdf",
      grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "document too large"));
  WriteFile(dir_.Path("big.pdf"), "pretend this is huge");
  Outcome outcome =
      Run({"submit", "--server", server_.address(), dir_.Path("big.pdf")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out, "");
  EXPECT_THAT(
      Lines(outcome.err),
      ElementsAre(absl::StrCat("docintake: submit ", dir_.Path("big.pdf"),
                               ": RESOURCE_EXHAUSTED: document too "
                               "large")));
}

TEST_F(BinaryTest, WatchFolderRunsUntilSigterm) {
  WriteFile(dir_.Path("scan.pdf"), "%PDF-1.7 scan");
  const pid_t pid =
      Start({"watch-folder", "--server", server_.address(), "--settle-ms",
             "100", "--interval-ms", "20", dir_.path()});
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (ListNames(dir_.Path("done")).empty() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_THAT(ListNames(dir_.Path("done")), ElementsAre("scan.pdf"));
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  Outcome outcome = Wait(pid);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_THAT(outcome.out, HasSubstr("  " + dir_.Path("scan.pdf")));
  EXPECT_EQ(server_.document_count(), 1);
}

}  // namespace
}  // namespace docintake::cli
