// UploadDocument: one IntakeService.Submit call — the header first, then the
// content in chunks — and the server's acknowledgement. Used by `submit` and by
// the hot folder. Thread-compatible: concurrent uploads need their own files.
#ifndef DOCINTAKE_INTAKE_CLI_DOCUMENT_UPLOAD_H_
#define DOCINTAKE_INTAKE_CLI_DOCUMENT_UPLOAD_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "base/file_system.h"
#include "docintake/v1/intake.grpc.pb.h"

namespace docintake::cli {

// Called after each chunk with the number of content bytes it carried.
using UploadProgress = std::function<void(uint64_t bytes)>;

inline constexpr size_t kDefaultChunkSize = 64 * 1024;
// Stays below gRPC's default 4 MiB message limit with room for framing.
inline constexpr size_t kMaxChunkSize = 3 * 1024 * 1024;

// Streams `header` and then all of `content` in chunks of `chunk_size`
// (1..kMaxChunkSize) bytes. Returns the SubmitReply, the server's status, or
// the error reading `content` (the call is then cancelled). `on_progress`
// may be empty.
absl::StatusOr<v1::SubmitReply> UploadDocument(
    v1::IntakeService::StubInterface& stub, const v1::SubmitHeader& header,
    base::SequentialFile& content, size_t chunk_size,
    const UploadProgress& on_progress);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_DOCUMENT_UPLOAD_H_
