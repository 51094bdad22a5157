// TarWriter: writes a POSIX ustar archive (the format every tar since 1988
// reads) member by member to a borrowed base::WritableFile, streaming: a
// member's bytes may arrive in pieces, so large files never sit in memory.
// Members are regular files (mode 0644) and folders (0755), owned by uid/gid
// 0, all with one modification time. Not thread-safe.
#ifndef DOCINTAKE_ARCHIVE_TAR_WRITER_H_
#define DOCINTAKE_ARCHIVE_TAR_WRITER_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "base/file_system.h"

namespace docintake::archive {

class TarWriter {
 public:
  // `out` must outlive the writer; `mtime` is given to every member.
  TarWriter(base::WritableFile& out, absl::Time mtime)
      : out_(out), mtime_(absl::ToUnixSeconds(mtime)) {}
  TarWriter(const TarWriter&) = delete;
  TarWriter& operator=(const TarWriter&) = delete;

  // A folder entry. Names are relative, '/'-separated, without a trailing
  // '/'; INVALID_ARGUMENT for unsafe or too long names (see
  // internal::ValidateMemberName).
  absl::Status AddDirectory(absl::string_view name);
  // A whole file at once.
  absl::Status AddFile(absl::string_view name, absl::string_view data);

  // A file of exactly `size` bytes, given through Write() calls and closed by
  // EndFile(). DATA_LOSS from Write() past `size` or from EndFile() before
  // it; FAILED_PRECONDITION for calls out of order.
  absl::Status BeginFile(absl::string_view name, uint64_t size);
  absl::Status Write(absl::string_view data);
  absl::Status EndFile();

  // Writes the end-of-archive marker (two zero blocks) and pads to a whole
  // record of 10240 bytes. Does not close `out`.
  absl::Status Finish();

  // Bytes written to `out` so far.
  uint64_t bytes_written() const { return written_; }

 private:
  absl::Status Emit(absl::string_view data);

  base::WritableFile& out_;
  const int64_t mtime_;
  uint64_t written_ = 0;
  bool in_file_ = false;
  bool finished_ = false;
  std::string file_name_;
  uint64_t file_size_ = 0;
  uint64_t file_written_ = 0;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_TAR_WRITER_H_
