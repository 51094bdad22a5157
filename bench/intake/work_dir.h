// The run's scratch folder. The server's data dir and the floor's files live
// in it, so both are measured on one file system; tmpfs is avoided because a
// floor on tmpfs measures memory, not the disk. Not thread-safe.
#ifndef DOCINTAKE_BENCH_INTAKE_WORK_DIR_H_
#define DOCINTAKE_BENCH_INTAKE_WORK_DIR_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace docintake::bench {

// The default parent: the build tree unless it is on tmpfs, else /var/tmp.
// FAILED_PRECONDITION if both are on tmpfs.
absl::StatusOr<std::string> DefaultWorkParent();

// A short name of the file system holding `path` ("ext2/ext3/ext4", "xfs",
// "tmpfs", ..., or its magic number in hex).
absl::StatusOr<std::string> FileSystemType(const std::string& path);

class WorkDir {
 public:
  // Creates a fresh "bench-intake-XXXXXX" folder below `parent` (created if
  // missing).
  static absl::StatusOr<WorkDir> Create(const std::string& parent);

  WorkDir(WorkDir&&) = default;
  WorkDir& operator=(WorkDir&&) = default;

  const std::string& path() const { return path_; }
  // `path()`/`name`.
  std::string Sub(const std::string& name) const;
  // syncfs() of the file system holding the folder, so that one phase's dirty
  // pages are not written back on the next phase's clock.
  absl::Status SyncFileSystem() const;
  // Deletes the folder and everything in it.
  absl::Status Remove();

 private:
  explicit WorkDir(std::string path) : path_(std::move(path)) {}

  std::string path_;
};

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_WORK_DIR_H_
