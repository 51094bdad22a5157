#include "intake/cli/document_upload.h"

#include <memory>
#include <string>

#include "grpcpp/client_context.h"
#include "intake/cli/errors.h"

namespace docintake::cli {

absl::StatusOr<v1::SubmitReply> UploadDocument(
    v1::IntakeService::StubInterface& stub, const v1::SubmitHeader& header,
    base::SequentialFile& content, size_t chunk_size,
    const UploadProgress& on_progress) {
  if (chunk_size == 0 || chunk_size > kMaxChunkSize) {
    return absl::InvalidArgumentError("chunk size out of range");
  }
  grpc::ClientContext context;
  v1::SubmitReply reply;
  std::unique_ptr<grpc::ClientWriterInterface<v1::SubmitRequest>> writer =
      stub.Submit(&context, &reply);

  v1::SubmitRequest request;
  *request.mutable_header() = header;
  // A failed Write means the server has ended the call; Finish() says why.
  bool stream_open = writer->Write(request);
  absl::Status read_error;
  while (stream_open) {
    absl::StatusOr<std::string> chunk = content.Read(chunk_size);
    if (!chunk.ok()) {
      read_error = chunk.status();
      break;
    }
    if (chunk->empty()) break;
    const uint64_t bytes = chunk->size();
    request.set_chunk(std::move(*chunk));
    stream_open = writer->Write(request);
    if (stream_open && on_progress) on_progress(bytes);
  }
  if (!read_error.ok()) {
    context.TryCancel();
    (void)writer->Finish();
    return read_error;
  }
  if (stream_open) writer->WritesDone();
  absl::Status status = FromGrpcStatus(writer->Finish());
  if (!status.ok()) return status;
  return reply;
}

}  // namespace docintake::cli
