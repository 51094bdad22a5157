#include "archive/file_object_store.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

constexpr absl::string_view kScheme = "sha256:";

}  // namespace

std::string ContentAddress(absl::string_view content) {
  return absl::StrCat(kScheme, base::Sha256Hex(content));
}

absl::StatusOr<std::unique_ptr<FileObjectStore>> FileObjectStore::Open(
    base::FileSystem& fs, std::string root) {
  RETURN_IF_ERROR(fs.CreateDirs(absl::StrCat(root, "/sha256")));
  // The folders' own entries, before any object may depend on them.
  RETURN_IF_ERROR(fs.SyncDir(root));
  const size_t slash = root.rfind('/');
  RETURN_IF_ERROR(
      fs.SyncDir(slash == std::string::npos ? "." : root.substr(0, slash)));
  return std::unique_ptr<FileObjectStore>(
      new FileObjectStore(fs, std::move(root)));
}

absl::Status FileObjectStore::EnsureDurableDir(const std::string& dir) {
  {
    absl::MutexLock lock(&mu_);
    if (durable_dirs_.contains(dir)) return absl::OkStatus();
  }
  // Whether this process or an earlier (failed, crashed) attempt created it,
  // its entry is durable only once its parent is synced by us.
  RETURN_IF_ERROR(fs_.CreateDirs(dir));
  RETURN_IF_ERROR(fs_.SyncDir(absl::StrCat(root_, "/sha256")));
  absl::MutexLock lock(&mu_);
  durable_dirs_.insert(dir);
  return absl::OkStatus();
}

absl::StatusOr<std::string> FileObjectStore::PathOf(
    absl::string_view address) const {
  absl::string_view hex = address;
  if (!absl::ConsumePrefix(&hex, kScheme) || hex.size() != 64) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a content address: ", address));
  }
  for (char c : hex) {
    if (!absl::ascii_isxdigit(c) || absl::ascii_isupper(c)) {
      return absl::InvalidArgumentError(
          absl::StrCat("not a content address: ", address));
    }
  }
  return absl::StrCat(root_, "/sha256/", hex.substr(0, 2), "/", hex);
}

absl::StatusOr<std::string> FileObjectStore::Put(absl::string_view content) {
  const std::string address = ContentAddress(content);
  ASSIGN_OR_RETURN(const std::string path, PathOf(address));
  const std::string dir = path.substr(0, path.rfind('/'));
  RETURN_IF_ERROR(EnsureDurableDir(dir));
  // A file at the final name is complete (it was synced before its rename),
  // but its name may not be durable yet: synced below in every case.
  if (!fs_.Exists(path)) {
    const std::string name = path.substr(dir.size() + 1);
    absl::Status written = base::WriteFileAtomically(fs_, dir, name, content);
    // Two writers of the same bytes may race to the rename; both wrote the
    // same content, so whichever landed is right.
    if (!written.ok() && !fs_.Exists(path)) return written;
    RETURN_IF_ERROR(fs_.MakeReadOnly(path));
  }
  RETURN_IF_ERROR(fs_.SyncDir(dir));
  return address;
}

absl::StatusOr<std::unique_ptr<base::SequentialFile>> FileObjectStore::Open(
    absl::string_view address) {
  ASSIGN_OR_RETURN(const std::string path, PathOf(address));
  if (!fs_.Exists(path)) {
    return absl::NotFoundError(absl::StrCat("no object ", address));
  }
  return fs_.NewSequentialFile(path);
}

absl::Status FileObjectStore::Delete(absl::string_view address) {
  ASSIGN_OR_RETURN(const std::string path, PathOf(address));
  if (!fs_.Exists(path)) return absl::OkStatus();
  RETURN_IF_ERROR(fs_.Remove(path));
  return fs_.SyncDir(path.substr(0, path.rfind('/')));
}

}  // namespace docintake::archive
