#include "bench/archive/sha256sum_timing.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"

extern char** environ;

namespace docintake::bench {
namespace {

// Files per sha256sum process: ~150-byte paths stay far below ARG_MAX.
constexpr size_t kFilesPerBatch = 512;
constexpr size_t kHexDigits = 64;

// Runs `argv` (argv[0] looked up on PATH) with its stdout captured. The
// errno's status if it cannot be started; INTERNAL unless it exits with 0.
absl::StatusOr<std::string> RunCapturingStdout(
    const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return absl::ErrnoToStatus(errno, "pipe2");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned =
      ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return absl::ErrnoToStatus(spawned, absl::StrCat("cannot run ", argv[0]));
  }
  std::string out;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return absl::ErrnoToStatus(errno, "waitpid");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(
        absl::StrCat(argv[0], " failed (wait status ", status, ")"));
  }
  return out;
}

// Checks that every line "<digest>  <path>" names a file called <digest>,
// and that there is one per file.
absl::Status CheckDigests(absl::string_view output, size_t files) {
  size_t lines = 0;
  for (absl::string_view line :
       absl::StrSplit(output, '\n', absl::SkipEmpty())) {
    ++lines;
    // A leading backslash marks a line whose file name had to be escaped.
    if (!line.empty() && line.front() == '\\') line.remove_prefix(1);
    const absl::string_view digest = line.substr(0, kHexDigits);
    const absl::string_view name = line.substr(line.rfind('/') + 1);
    if (digest.size() != kHexDigits || digest != name) {
      return absl::DataLossError(
          absl::StrCat("sha256sum disagrees with an object's name: ", line));
    }
  }
  if (lines != files) {
    return absl::DataLossError(absl::StrCat("sha256sum printed ", lines,
                                            " digests for ", files, " files"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Measurement> TimeSha256sum(const ObjectFiles& files) {
  std::vector<std::vector<std::string>> batches;
  for (size_t begin = 0; begin < files.paths.size(); begin += kFilesPerBatch) {
    const size_t end = std::min(files.paths.size(), begin + kFilesPerBatch);
    std::vector<std::string>& argv =
        batches.emplace_back(std::vector<std::string>{"sha256sum", "--"});
    argv.insert(argv.end(), files.paths.begin() + begin,
                files.paths.begin() + end);
  }
  std::vector<std::string> outputs;

  const Stopwatch stopwatch;
  for (const std::vector<std::string>& argv : batches) {
    ASSIGN_OR_RETURN(std::string output, RunCapturingStdout(argv));
    outputs.push_back(std::move(output));
  }
  const double seconds = stopwatch.Seconds();

  for (size_t i = 0; i < batches.size(); ++i) {
    // Each batch's arguments: "sha256sum", "--", then its files.
    RETURN_IF_ERROR(CheckDigests(outputs[i], batches[i].size() - 2));
  }
  return Measurement{static_cast<int64_t>(files.paths.size()), files.bytes,
                     seconds};
}

}  // namespace docintake::bench
