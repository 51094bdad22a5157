// ScratchDir: the run's folder. The archive, the floor files and the floor's
// SQLite database all live in it, so every phase is measured on one file
// system; tmpfs is avoided by default because a floor on tmpfs measures
// memory, not a disk. Not thread-safe.
#ifndef DOCINTAKE_BENCH_ARCHIVE_SCRATCH_DIR_H_
#define DOCINTAKE_BENCH_ARCHIVE_SCRATCH_DIR_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace docintake::bench {

// The build tree unless it is on tmpfs or ramfs, else /var/tmp.
// FAILED_PRECONDITION if both are memory-backed.
absl::StatusOr<std::string> DefaultScratchParent();

// The kind of file system holding `path`: "ext2/ext3/ext4", "xfs", "btrfs",
// "tmpfs", ..., or its magic number in hex.
absl::StatusOr<std::string> FileSystemName(const std::string& path);

// True for the memory-backed kinds FileSystemName reports.
bool IsMemoryBacked(const std::string& file_system_name);

class ScratchDir {
 public:
  // A fresh "bench-archive-XXXXXX" folder below `parent` (created if missing).
  static absl::StatusOr<ScratchDir> Create(const std::string& parent);

  ScratchDir(ScratchDir&&) = default;
  ScratchDir& operator=(ScratchDir&&) = default;

  const std::string& path() const { return path_; }
  // path()/`name`.
  std::string Sub(const std::string& name) const;
  // syncfs(2) of the folder's file system, so that no phase pays for an
  // earlier phase's dirty pages.
  absl::Status SyncFileSystem() const;
  // Deletes the folder and everything below it.
  absl::Status Remove();

 private:
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}

  std::string path_;
};

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_SCRATCH_DIR_H_
