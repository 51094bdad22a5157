#include "archive/tar_writer.h"

#include "absl/strings/str_cat.h"
#include "archive/internal/tar_header.h"
#include "base/status_macros.h"

namespace docintake::archive {

using internal::kTarBlockSize;
using internal::kTarRecordSize;

absl::Status TarWriter::Emit(absl::string_view data) {
  RETURN_IF_ERROR(out_.Append(data));
  written_ += data.size();
  return absl::OkStatus();
}

absl::Status TarWriter::AddDirectory(absl::string_view name) {
  if (in_file_ || finished_) {
    return absl::FailedPreconditionError("tar: a member is still open");
  }
  internal::TarHeader header;
  header.name = std::string(name);
  header.is_directory = true;
  header.mode = 0755;
  header.mtime = mtime_;
  ASSIGN_OR_RETURN(std::string block, internal::EncodeTarHeader(header));
  return Emit(block);
}

absl::Status TarWriter::AddFile(absl::string_view name,
                                absl::string_view data) {
  RETURN_IF_ERROR(BeginFile(name, data.size()));
  RETURN_IF_ERROR(Write(data));
  return EndFile();
}

absl::Status TarWriter::BeginFile(absl::string_view name, uint64_t size) {
  if (in_file_ || finished_) {
    return absl::FailedPreconditionError("tar: a member is still open");
  }
  internal::TarHeader header;
  header.name = std::string(name);
  header.size = size;
  header.mtime = mtime_;
  ASSIGN_OR_RETURN(std::string block, internal::EncodeTarHeader(header));
  RETURN_IF_ERROR(Emit(block));
  in_file_ = true;
  file_name_ = std::string(name);
  file_size_ = size;
  file_written_ = 0;
  return absl::OkStatus();
}

absl::Status TarWriter::Write(absl::string_view data) {
  if (!in_file_) return absl::FailedPreconditionError("tar: no open member");
  if (data.size() > file_size_ - file_written_) {
    return absl::DataLossError(absl::StrCat("tar member ", file_name_,
                                            " was announced with ", file_size_,
                                            " bytes but more arrived"));
  }
  RETURN_IF_ERROR(Emit(data));
  file_written_ += data.size();
  return absl::OkStatus();
}

absl::Status TarWriter::EndFile() {
  if (!in_file_) return absl::FailedPreconditionError("tar: no open member");
  if (file_written_ != file_size_) {
    return absl::DataLossError(absl::StrCat(
        "tar member ", file_name_, " was announced with ", file_size_,
        " bytes but only ", file_written_, " arrived"));
  }
  in_file_ = false;
  const uint64_t padding = internal::TarPaddedSize(file_size_) - file_size_;
  return Emit(std::string(padding, '\0'));
}

absl::Status TarWriter::Finish() {
  if (in_file_ || finished_) {
    return absl::FailedPreconditionError("tar: a member is still open");
  }
  finished_ = true;
  const uint64_t end = written_ + 2 * kTarBlockSize;
  const uint64_t record_end =
      (end + kTarRecordSize - 1) / kTarRecordSize * kTarRecordSize;
  return Emit(std::string(record_end - written_, '\0'));
}

}  // namespace docintake::archive
