#include "bench/archive/scratch_dir.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <stdlib.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/file_system.h"
#include "base/status_macros.h"

#ifndef DOCINTAKE_BENCH_BUILD_DIR
#define DOCINTAKE_BENCH_BUILD_DIR "."
#endif

namespace docintake::bench {

absl::StatusOr<std::string> FileSystemName(const std::string& path) {
  struct statfs info;
  if (::statfs(path.c_str(), &info) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("statfs ", path));
  }
  switch (info.f_type) {
    case EXT4_SUPER_MAGIC:  // ext2, ext3 and ext4 share it.
      return std::string("ext2/ext3/ext4");
    case XFS_SUPER_MAGIC:
      return std::string("xfs");
    case BTRFS_SUPER_MAGIC:
      return std::string("btrfs");
    case OVERLAYFS_SUPER_MAGIC:
      return std::string("overlayfs");
    case TMPFS_MAGIC:
      return std::string("tmpfs");
    case RAMFS_MAGIC:
      return std::string("ramfs");
    default:
      return absl::StrFormat("0x%x", static_cast<unsigned long>(info.f_type));
  }
}

bool IsMemoryBacked(const std::string& file_system_name) {
  return file_system_name == "tmpfs" || file_system_name == "ramfs";
}

absl::StatusOr<std::string> DefaultScratchParent() {
  const std::string candidates[] = {DOCINTAKE_BENCH_BUILD_DIR, "/var/tmp"};
  for (const std::string& candidate : candidates) {
    ASSIGN_OR_RETURN(const std::string name, FileSystemName(candidate));
    if (!IsMemoryBacked(name)) return candidate;
  }
  return absl::FailedPreconditionError(
      "the build tree and /var/tmp are both memory-backed; pass --work-dir "
      "on a disk");
}

absl::StatusOr<ScratchDir> ScratchDir::Create(const std::string& parent) {
  RETURN_IF_ERROR(base::FileSystem::Default().CreateDirs(parent));
  std::string pattern = absl::StrCat(
      std::filesystem::absolute(parent).lexically_normal().string(),
      "/bench-archive-XXXXXX");
  if (::mkdtemp(pattern.data()) == nullptr) {
    return absl::ErrnoToStatus(errno, absl::StrCat("mkdtemp ", pattern));
  }
  return ScratchDir(std::move(pattern));
}

std::string ScratchDir::Sub(const std::string& name) const {
  return absl::StrCat(path_, "/", name);
}

absl::Status ScratchDir::SyncFileSystem() const {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("open ", path_));
  const bool synced = ::syncfs(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced) {
    return absl::ErrnoToStatus(error, absl::StrCat("syncfs ", path_));
  }
  return absl::OkStatus();
}

absl::Status ScratchDir::Remove() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
  if (ec) {
    return absl::ErrnoToStatus(ec.value(), absl::StrCat("remove ", path_));
  }
  return absl::OkStatus();
}

}  // namespace docintake::bench
