#include "bench/archive/object_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/file_system.h"
#include "base/status_macros.h"

namespace docintake::bench {

absl::StatusOr<ObjectFiles> ListObjectFiles(const std::string& archive_dir) {
  base::FileSystem& fs = base::FileSystem::Default();
  const std::string root = absl::StrCat(archive_dir, "/objects/sha256");
  ObjectFiles files;
  ASSIGN_OR_RETURN(const std::vector<std::string> shards, fs.ListDir(root));
  for (const std::string& shard : shards) {
    const std::string shard_dir = absl::StrCat(root, "/", shard);
    ASSIGN_OR_RETURN(const std::vector<std::string> names,
                     fs.ListDir(shard_dir));
    for (const std::string& name : names) {
      if (absl::StartsWith(name, ".")) continue;
      std::string path = absl::StrCat(shard_dir, "/", name);
      ASSIGN_OR_RETURN(const uint64_t size, fs.FileSize(path));
      files.bytes += size;
      files.paths.push_back(std::move(path));
    }
  }
  std::sort(files.paths.begin(), files.paths.end());
  return files;
}

absl::Status EvictFromPageCache(const ObjectFiles& files) {
  for (const std::string& path : files.paths) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("open ", path));
    const int rc = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
    if (rc != 0) {
      return absl::ErrnoToStatus(rc, absl::StrCat("posix_fadvise ", path));
    }
  }
  return absl::OkStatus();
}

}  // namespace docintake::bench
