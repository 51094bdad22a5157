#include "bench/intake/work_dir.h"

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
namespace {

constexpr char kFallbackParent[] = "/var/tmp";

absl::StatusOr<bool> IsTmpfs(const std::string& path) {
  struct statfs st;
  if (::statfs(path.c_str(), &st) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("statfs ", path));
  }
  return st.f_type == TMPFS_MAGIC || st.f_type == RAMFS_MAGIC;
}

}  // namespace

absl::StatusOr<std::string> DefaultWorkParent() {
  for (const std::string& candidate :
       {std::string(DOCINTAKE_BENCH_BUILD_DIR), std::string(kFallbackParent)}) {
    ASSIGN_OR_RETURN(bool tmpfs, IsTmpfs(candidate));
    if (!tmpfs) return candidate;
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "both the build tree and ", kFallbackParent,
      " are on tmpfs; pass --work-dir on a disk-backed file system"));
}

absl::StatusOr<std::string> FileSystemType(const std::string& path) {
  struct statfs st;
  if (::statfs(path.c_str(), &st) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("statfs ", path));
  }
  switch (st.f_type) {
    case EXT4_SUPER_MAGIC:  // Shared by ext2, ext3 and ext4.
      return std::string("ext2/ext3/ext4");
    case XFS_SUPER_MAGIC:
      return std::string("xfs");
    case BTRFS_SUPER_MAGIC:
      return std::string("btrfs");
    case TMPFS_MAGIC:
      return std::string("tmpfs");
    case RAMFS_MAGIC:
      return std::string("ramfs");
    case OVERLAYFS_SUPER_MAGIC:
      return std::string("overlayfs");
    default:
      return absl::StrFormat("0x%x", static_cast<unsigned long>(st.f_type));
  }
}

absl::StatusOr<WorkDir> WorkDir::Create(const std::string& parent) {
  RETURN_IF_ERROR(base::FileSystem::Default().CreateDirs(parent));
  std::string templ = absl::StrCat(
      std::filesystem::absolute(parent).lexically_normal().string(),
      "/bench-intake-XXXXXX");
  if (::mkdtemp(templ.data()) == nullptr) {
    return absl::ErrnoToStatus(errno, absl::StrCat("mkdtemp ", templ));
  }
  return WorkDir(std::move(templ));
}

std::string WorkDir::Sub(const std::string& name) const {
  return absl::StrCat(path_, "/", name);
}

absl::Status WorkDir::SyncFileSystem() const {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("open ", path_));
  const int rc = ::syncfs(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return absl::ErrnoToStatus(err, absl::StrCat("syncfs ", path_));
  return absl::OkStatus();
}

absl::Status WorkDir::Remove() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
  if (ec)
    return absl::ErrnoToStatus(ec.value(), absl::StrCat("remove ", path_));
  return absl::OkStatus();
}

}  // namespace docintake::bench
