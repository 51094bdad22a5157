// FileObjectStore: the embedded ObjectStore, one read-only file per object
// under `root/sha256/<2 hex>/<64 hex>`, written temp → fdatasync → rename →
// fsync of the directory. Thread-safe.
#ifndef DOCINTAKE_ARCHIVE_FILE_OBJECT_STORE_H_
#define DOCINTAKE_ARCHIVE_FILE_OBJECT_STORE_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "archive/object_store.h"
#include "base/file_system.h"

namespace docintake::archive {

class FileObjectStore final : public ObjectStore {
 public:
  // `fs` must outlive the store. Creates `root` if needed.
  static absl::StatusOr<std::unique_ptr<FileObjectStore>> Open(
      base::FileSystem& fs, std::string root);

  absl::StatusOr<std::string> Put(absl::string_view content) override;
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> Open(
      absl::string_view address) override;
  absl::Status Delete(absl::string_view address) override;

 private:
  FileObjectStore(base::FileSystem& fs, std::string root)
      : fs_(fs), root_(std::move(root)) {}
  // Path of the object; INVALID_ARGUMENT for a malformed address.
  absl::StatusOr<std::string> PathOf(absl::string_view address) const;
  // Creates `dir` if needed and, the first time this process uses it, syncs
  // its parent so that its entry is durable.
  absl::Status EnsureDurableDir(const std::string& dir);

  base::FileSystem& fs_;
  const std::string root_;
  absl::Mutex mu_;
  absl::flat_hash_set<std::string> durable_dirs_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_FILE_OBJECT_STORE_H_
