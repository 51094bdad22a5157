// DirLock: an exclusive advisory lock (flock) on `dir/LOCK`, held for the
// lifetime of the object, so that two processes never share a data directory.
// The kernel drops it when the process dies, even by kill -9.
#ifndef DOCINTAKE_BASE_DIR_LOCK_H_
#define DOCINTAKE_BASE_DIR_LOCK_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace docintake::base {

class DirLock {
 public:
  // FAILED_PRECONDITION if another process holds the lock.
  static absl::StatusOr<std::unique_ptr<DirLock>> Acquire(
      const std::string& dir);
  ~DirLock();
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_DIR_LOCK_H_
