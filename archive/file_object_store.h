// FileObjectStore: the embedded ObjectStore, one read-only file per object
// under `root/sha256/<2 hex>/<64 hex>`, written temp → fdatasync → rename →
// fsync of the directory. Thread-safe.
#ifndef DOCINTAKE_ARCHIVE_FILE_OBJECT_STORE_H_
#define DOCINTAKE_ARCHIVE_FILE_OBJECT_STORE_H_

#include <memory>
#include <string>

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

 private:
  FileObjectStore(base::FileSystem& fs, std::string root)
      : fs_(fs), root_(std::move(root)) {}
  // Path of the object; INVALID_ARGUMENT for a malformed address.
  absl::StatusOr<std::string> PathOf(absl::string_view address) const;

  base::FileSystem& fs_;
  const std::string root_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_FILE_OBJECT_STORE_H_
