// DownloadContent: ArchiveService.GetContent into a file, atomically — the
// bytes go to a temporary file beside the target, which is synced and then
// renamed over it, so a broken download never leaves a partial file. The
// bytes are checked against the SHA-256 of the archived record. Borrows
// the stub and file system. Thread-compatible.
#ifndef DOCINTAKE_INTAKE_CLI_CONTENT_DOWNLOAD_H_
#define DOCINTAKE_INTAKE_CLI_CONTENT_DOWNLOAD_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "base/file_system.h"
#include "docintake/v1/archive.grpc.pb.h"

namespace docintake::cli {

struct DownloadResult {
  uint64_t size = 0;
  std::string sha256;  // lower-case hex of the bytes received
};

// Writes the content of `document_id` (its rendition if `rendition`) to
// `path`. On any error `path` is untouched and no temporary file remains.
// Returns the server's status, the local file error, or DATA_LOSS when the
// bytes do not match the record.
absl::StatusOr<DownloadResult> DownloadContent(
    v1::ArchiveService::StubInterface& stub, base::FileSystem& fs,
    const std::string& document_id, const std::string& path,
    bool rendition = false);

// Writes the content of `document_id` to `out` as it arrives (stdout); a
// failed download may have written part of it.
absl::StatusOr<DownloadResult> StreamContent(
    v1::ArchiveService::StubInterface& stub, const std::string& document_id,
    std::ostream& out, bool rendition = false);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_CONTENT_DOWNLOAD_H_
