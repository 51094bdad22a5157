#include "base/dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "absl/strings/str_cat.h"

namespace docintake::base {

absl::StatusOr<std::unique_ptr<DirLock>> DirLock::Acquire(
    const std::string& dir) {
  const std::string path = absl::StrCat(dir, "/LOCK");
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("open ", path));
  std::unique_ptr<DirLock> lock(new DirLock(fd));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return absl::FailedPreconditionError(absl::StrCat(
          "data directory ", dir, " is in use by another docintaked"));
    }
    return absl::ErrnoToStatus(errno, absl::StrCat("lock ", path));
  }
  return lock;
}

DirLock::~DirLock() { ::close(fd_); }

}  // namespace docintake::base
