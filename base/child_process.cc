#include "base/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "base/owned.h"

namespace docintake::base {
namespace {

// Wire format from the child: one byte status code, then the value or the
// error message.
void WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

[[noreturn]] void ChildMain(
    int fd, pid_t parent,
    const std::function<absl::StatusOr<std::string>()>& work,
    const ChildLimits& limits) {
  // Die with the parent (a killed service must not leave workers behind),
  // and drop every inherited descriptor but ours: the child must not keep
  // the data directory's lock or sockets alive.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(1);
  if (fd > 3) ::close_range(3, static_cast<unsigned>(fd) - 1, 0);
  ::close_range(static_cast<unsigned>(fd) + 1, ~0u, 0);
  const rlim_t cpu = static_cast<rlim_t>(
      std::max<int64_t>(1, absl::ToInt64Seconds(limits.deadline) + 1));
  rlimit cpu_limit{cpu, cpu};
  ::setrlimit(RLIMIT_CPU, &cpu_limit);
#if !defined(__SANITIZE_ADDRESS__)
  // (AddressSanitizer reserves terabytes of address space up front.)
  if (limits.max_memory_bytes > 0) {
    rlimit memory{limits.max_memory_bytes, limits.max_memory_bytes};
    ::setrlimit(RLIMIT_AS, &memory);
  }
#endif
  absl::StatusOr<std::string> result = work();
  const char code = static_cast<char>(result.status().code());
  WriteAll(fd, &code, 1);
  if (result.ok()) {
    WriteAll(fd, result->data(), result->size());
  } else {
    const std::string message(result.status().message());
    WriteAll(fd, message.data(), message.size());
  }
  ::_exit(0);
}

}  // namespace

absl::StatusOr<std::string> RunInChild(
    const std::function<absl::StatusOr<std::string>()>& work,
    const ChildLimits& limits) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return absl::InternalError(absl::StrCat("pipe: ", std::strerror(errno)));
  }
  Fd read_end(fds[0]), write_end(fds[1]);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    return absl::InternalError(absl::StrCat("fork: ", std::strerror(errno)));
  }
  if (pid == 0) {
    read_end.Close();
    ChildMain(write_end.get(), parent, work, limits);
  }
  write_end.Close();

  std::string received;
  bool timed_out = false;
  const absl::Time deadline = absl::Now() + limits.deadline;
  char buffer[1 << 16];
  while (true) {
    const int64_t left = absl::ToInt64Milliseconds(deadline - absl::Now());
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{read_end.get(), POLLIN, 0};
    const int ready =
        ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left, 1 << 30)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // re-check the deadline
    const ssize_t n = ::read(read_end.get(), buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    received.append(buffer, static_cast<size_t>(n));
  }
  if (timed_out) ::kill(pid, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  const bool cpu_killed =
      WIFSIGNALED(wstatus) &&
      (WTERMSIG(wstatus) == SIGXCPU || WTERMSIG(wstatus) == SIGKILL);
  if (timed_out || cpu_killed) {
    return absl::ResourceExhaustedError(
        absl::StrCat(limits.what, " took longer than the limit of ",
                     absl::FormatDuration(limits.deadline)));
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0 || received.empty()) {
    // Out of memory shows as a crash (allocation failure) or abort.
    return absl::ResourceExhaustedError(absl::StrCat(
        limits.what, " failed (crashed or ran out of its memory limit of ",
        limits.max_memory_bytes >> 20, " MiB)"));
  }
  const auto code = static_cast<absl::StatusCode>(received[0]);
  if (code != absl::StatusCode::kOk) {
    return absl::Status(code, received.substr(1));
  }
  return received.substr(1);
}

}  // namespace docintake::base
