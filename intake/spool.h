// Spool: the inbox of uploaded bytes awaiting processing (data_dir/inbox/).
// An Upload writes to inbox/tmp/, hashing as it goes; Commit() fdatasyncs it,
// renames it to inbox/<document_id> and fsyncs the directory — after that the
// bytes survive a crash. An Upload dropped without Commit leaves nothing.
// Spool is thread-safe; an Upload is used by one thread.
#ifndef DOCINTAKE_INTAKE_SPOOL_H_
#define DOCINTAKE_INTAKE_SPOOL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/file_system.h"
#include "base/sha256.h"

namespace docintake::intake {

class Spool {
 public:
  class Upload {
   public:
    ~Upload();
    Upload(const Upload&) = delete;
    Upload& operator=(const Upload&) = delete;

    // RESOURCE_EXHAUSTED once the total passes the upload's byte limit.
    absl::Status Append(absl::string_view data);
    uint64_t size() const { return size_; }
    // The first bytes, for media sniffing.
    const std::string& head() const { return head_; }
    // Lower-case hex SHA-256 of everything appended; call once, at the end.
    std::string FinishHash();
    // Makes the upload durable as inbox/<document_id>.
    absl::Status Commit(const std::string& document_id);

   private:
    friend class Spool;
    Upload(Spool& spool, std::string tmp_path,
           std::unique_ptr<base::WritableFile> file, uint64_t max_bytes)
        : spool_(spool),
          tmp_path_(std::move(tmp_path)),
          file_(std::move(file)),
          max_bytes_(max_bytes) {}

    Spool& spool_;
    const std::string tmp_path_;
    std::unique_ptr<base::WritableFile> file_;
    const uint64_t max_bytes_;
    uint64_t size_ = 0;
    std::string head_;
    base::Sha256 hash_;
    bool committed_ = false;
  };

  // Opens the spool in `dir`, removing half-written uploads of an earlier
  // run. `fs` must outlive the spool.
  static absl::StatusOr<std::unique_ptr<Spool>> Open(base::FileSystem& fs,
                                                     std::string dir);

  absl::StatusOr<std::unique_ptr<Upload>> BeginUpload(uint64_t max_bytes);
  // The committed bytes of a document.
  absl::StatusOr<std::string> Read(const std::string& document_id,
                                   uint64_t max_bytes);
  absl::Status Remove(const std::string& document_id);
  // Ids of all committed uploads.
  absl::StatusOr<std::vector<std::string>> ListDocumentIds();

 private:
  Spool(base::FileSystem& fs, std::string dir)
      : fs_(fs), dir_(std::move(dir)) {}
  std::string PathOf(const std::string& document_id) const;

  base::FileSystem& fs_;
  const std::string dir_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_SPOOL_H_
