// FileSystem: the interface over the OS file calls that durability depends on
// (write, fdatasync, rename, directory fsync). Code takes a FileSystem& so that
// tests can inject faults (e.g. a failing fdatasync). Implementations are
// thread-safe; file objects are not.
#ifndef DOCINTAKE_BASE_FILE_SYSTEM_H_
#define DOCINTAKE_BASE_FILE_SYSTEM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::base {

// A file being written. Close() or destruction releases it; only a Sync()
// that returned OK makes the bytes durable.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual absl::Status Append(absl::string_view data) = 0;
  // fdatasync: the data and the size are on stable storage when OK.
  virtual absl::Status Sync() = 0;
  virtual absl::Status Close() = 0;
};

// A file read front to back.
class SequentialFile {
 public:
  virtual ~SequentialFile() = default;
  // Reads up to `n` bytes; an empty result means end of file.
  virtual absl::StatusOr<std::string> Read(size_t n) = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Creates `path`, which must not exist yet (ALREADY_EXISTS otherwise).
  virtual absl::StatusOr<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::string& path) = 0;
  virtual absl::StatusOr<std::unique_ptr<SequentialFile>> NewSequentialFile(
      const std::string& path) = 0;
  // Whole file; RESOURCE_EXHAUSTED if it is larger than `max_bytes`.
  virtual absl::StatusOr<std::string> ReadFile(const std::string& path,
                                               uint64_t max_bytes) = 0;
  virtual absl::StatusOr<uint64_t> FileSize(const std::string& path) = 0;
  // Atomic replace within one file system.
  virtual absl::Status Rename(const std::string& from,
                              const std::string& to) = 0;
  // fsync of a directory: makes renames and creations in it durable.
  virtual absl::Status SyncDir(const std::string& dir) = 0;
  virtual absl::Status Remove(const std::string& path) = 0;
  virtual absl::Status CreateDirs(const std::string& path) = 0;
  // Names (not paths) of the entries of `dir`, without "." and "..".
  virtual absl::StatusOr<std::vector<std::string>> ListDir(
      const std::string& dir) = 0;
  virtual bool Exists(const std::string& path) = 0;
  // Clears the write permission bits (archived objects are read-only).
  virtual absl::Status MakeReadOnly(const std::string& path) = 0;

  // The real POSIX file system. Never null, never deleted.
  static FileSystem& Default();
};

// Writes `data` to `dir/name` atomically: temp file, fdatasync, rename. The
// name is durable only after a SyncDir(dir). Leaves no temp file behind on
// failure.
absl::Status WriteFileAtomically(FileSystem& fs, const std::string& dir,
                                 const std::string& name,
                                 absl::string_view data);

// WriteFileAtomically, then fsync of `dir`.
absl::Status WriteFileDurably(FileSystem& fs, const std::string& dir,
                              const std::string& name, absl::string_view data);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_FILE_SYSTEM_H_
