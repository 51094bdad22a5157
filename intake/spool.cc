#include "intake/spool.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/document_id.h"
#include "base/log.h"
#include "base/random.h"
#include "base/status_macros.h"
#include "intake/media_sniffer.h"

namespace docintake::intake {

Spool::Upload::~Upload() {
  if (committed_) return;
  if (file_ != nullptr) file_->Close().IgnoreError();
  spool_.fs_.Remove(tmp_path_).IgnoreError();
}

absl::Status Spool::Upload::Append(absl::string_view data) {
  if (data.size() > max_bytes_ - size_) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "the document is larger than the limit of ", max_bytes_, " bytes"));
  }
  if (head_.size() < kSniffBytes) {
    const absl::string_view part = data.substr(0, kSniffBytes - head_.size());
    head_.append(part.data(), part.size());
  }
  hash_.Update(data);
  size_ += data.size();
  return file_->Append(data);
}

std::string Spool::Upload::FinishHash() {
  return absl::BytesToHexString(hash_.Finish());
}

absl::Status Spool::Upload::Commit(const std::string& document_id) {
  RETURN_IF_ERROR(file_->Sync());
  RETURN_IF_ERROR(file_->Close());
  RETURN_IF_ERROR(spool_.fs_.Rename(tmp_path_, spool_.PathOf(document_id)));
  committed_ = true;
  return spool_.fs_.SyncDir(spool_.dir_);
}

absl::StatusOr<std::unique_ptr<Spool>> Spool::Open(base::FileSystem& fs,
                                                   std::string dir) {
  const std::string tmp = absl::StrCat(dir, "/tmp");
  RETURN_IF_ERROR(fs.CreateDirs(tmp));
  ASSIGN_OR_RETURN(std::vector<std::string> stale, fs.ListDir(tmp));
  for (const std::string& name : stale) {
    base::LogInfo("removing half-written upload of an earlier run",
                  {{"file", name}});
    RETURN_IF_ERROR(fs.Remove(absl::StrCat(tmp, "/", name)));
  }
  return std::unique_ptr<Spool>(new Spool(fs, std::move(dir)));
}

absl::StatusOr<std::unique_ptr<Spool::Upload>> Spool::BeginUpload(
    uint64_t max_bytes) {
  std::string path = absl::StrCat(dir_, "/tmp/", base::RandomHex(12), ".part");
  ASSIGN_OR_RETURN(std::unique_ptr<base::WritableFile> file,
                   fs_.NewWritableFile(path));
  return std::unique_ptr<Upload>(
      new Upload(*this, std::move(path), std::move(file), max_bytes));
}

std::string Spool::PathOf(const std::string& document_id) const {
  return absl::StrCat(dir_, "/", document_id);
}

absl::StatusOr<std::string> Spool::Read(const std::string& document_id,
                                        uint64_t max_bytes) {
  return fs_.ReadFile(PathOf(document_id), max_bytes);
}

absl::Status Spool::Remove(const std::string& document_id) {
  return fs_.Remove(PathOf(document_id));
}

absl::StatusOr<std::vector<std::string>> Spool::ListDocumentIds() {
  ASSIGN_OR_RETURN(std::vector<std::string> names, fs_.ListDir(dir_));
  std::vector<std::string> ids;
  for (std::string& name : names) {
    if (base::IsValidDocumentId(name)) ids.push_back(std::move(name));
  }
  return ids;
}

}  // namespace docintake::intake
