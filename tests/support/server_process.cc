#include "tests/support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/file_system.h"
#include "base/status_macros.h"

extern char** environ;

namespace docintake::testing {
namespace {

constexpr absl::Duration kPollInterval = absl::Milliseconds(20);

std::string DescribeWaitStatus(int wstatus) {
  if (WIFEXITED(wstatus)) return absl::StrCat("exit ", WEXITSTATUS(wstatus));
  if (WIFSIGNALED(wstatus)) {
    return absl::StrCat("killed by signal ", WTERMSIG(wstatus));
  }
  return absl::StrCat("wait status ", wstatus);
}

absl::StatusOr<pid_t> Spawn(const std::vector<std::string>& args,
                            const std::string& log_file) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& arg : args) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int err =
      posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0)
    return absl::ErrnoToStatus(err, absl::StrCat("start ", args[0]));
  return pid;
}

// The port once the port file holds a full line; NOT_FOUND until then.
absl::StatusOr<int> ReadPort(const std::string& port_file) {
  base::FileSystem& fs = base::FileSystem::Default();
  if (!fs.Exists(port_file)) return absl::NotFoundError("no port file yet");
  ASSIGN_OR_RETURN(std::string text, fs.ReadFile(port_file, 64));
  // Only a complete line counts: the server may still be writing.
  const size_t newline = text.find('\n');
  if (newline == std::string::npos) {
    return absl::NotFoundError("port file incomplete");
  }
  int port = 0;
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(text.substr(0, newline)),
                        &port) ||
      port <= 0 || port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "port file ", port_file, " holds no port number: \"", text, "\""));
  }
  return port;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const ServerProcessOptions& config) {
  RETURN_IF_ERROR(base::FileSystem::Default().CreateDirs(config.data_dir));
  std::vector<std::string> args = {
      config.binary,   "--listen",    "127.0.0.1:0",   "--data-dir",
      config.data_dir, "--port-file", config.port_file};
  if (config.workers > 0) {
    args.push_back("--workers");
    args.push_back(absl::StrCat(config.workers));
  }
  args.insert(args.end(), config.extra_args.begin(), config.extra_args.end());
  // A port file left by an earlier run of the same data dir is stale.
  base::FileSystem::Default().Remove(config.port_file).IgnoreError();
  ASSIGN_OR_RETURN(pid_t pid, Spawn(args, config.log_file));
  auto server = std::unique_ptr<ServerProcess>(new ServerProcess(pid));

  const absl::Time deadline = absl::Now() + config.startup_timeout;
  while (true) {
    absl::StatusOr<int> port = ReadPort(config.port_file);
    if (port.ok()) {
      server->address_ = absl::StrCat("127.0.0.1:", *port);
      return server;
    }
    if (!absl::IsNotFound(port.status())) return port.status();
    int wstatus = 0;
    if (::waitpid(pid, &wstatus, WNOHANG) == pid) {
      server->pid_ = -1;
      return absl::UnavailableError(absl::StrCat(
          config.binary, " stopped before serving (",
          DescribeWaitStatus(wstatus), "); see ", config.log_file));
    }
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(
          absl::StrCat(config.binary, " wrote no port to ", config.port_file,
                       " within ", absl::FormatDuration(config.startup_timeout),
                       "; see ", config.log_file));
    }
    absl::SleepFor(kPollInterval);
  }
}

absl::StatusOr<int> ServerProcess::WaitForExit(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    int wstatus = 0;
    const pid_t r = ::waitpid(pid_, &wstatus, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return wstatus;
    }
    if (r < 0 && errno != EINTR) {
      return absl::ErrnoToStatus(errno, "waitpid docintaked");
    }
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError("docintaked did not exit");
    }
    absl::SleepFor(kPollInterval);
  }
}

absl::Status ServerProcess::Stop(absl::Duration timeout) {
  if (pid_ < 0) return absl::FailedPreconditionError("server not running");
  if (::kill(pid_, SIGTERM) != 0) {
    return absl::ErrnoToStatus(errno, "SIGTERM docintaked");
  }
  absl::StatusOr<int> wstatus = WaitForExit(timeout);
  if (!wstatus.ok()) {
    ::kill(pid_, SIGKILL);
    WaitForExit(absl::Seconds(10)).IgnoreError();
    return absl::InternalError(absl::StrCat("docintaked did not exit within ",
                                            absl::FormatDuration(timeout),
                                            " of SIGTERM; killed"));
  }
  if (!WIFEXITED(*wstatus) || WEXITSTATUS(*wstatus) != 0) {
    return absl::InternalError(absl::StrCat("docintaked ended with ",
                                            DescribeWaitStatus(*wstatus),
                                            " after SIGTERM"));
  }
  return absl::OkStatus();
}

void ServerProcess::Kill() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGKILL);
  WaitForExit(absl::Seconds(10)).IgnoreError();
}

ServerProcess::~ServerProcess() { Kill(); }

}  // namespace docintake::testing
