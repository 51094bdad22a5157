#include "intake/ocr_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "intake/grpc_status.h"
#include "ocr/text_layer.h"

namespace docintake::intake {
namespace {

constexpr size_t kChunkBytes = 64 << 10;

}  // namespace

grpc::Status OcrServiceImpl::Recognize(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::RecognizeReply, v1::RecognizeRequest>*
        stream) {
  v1::RecognizeRequest request;
  if (!stream->Read(&request) || !request.has_header()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "the first message must be the header");
  }
  const v1::RecognizeHeader header = request.header();
  std::string bytes;
  while (stream->Read(&request)) {
    if (request.has_header()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "only the first message may be a header");
    }
    if (bytes.size() + request.chunk().size() > max_document_bytes_) {
      return grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat("document is larger than the limit of ",
                       max_document_bytes_, " bytes (max-document-size)"));
    }
    bytes += request.chunk();
  }
  if (bytes.empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "empty document");
  }
  ocr::DocumentOcrOptions options;
  options.limits = limits_;
  options.rendition = header.rendition();
  options.rendition_options.title = header.filename();
  absl::StatusOr<ocr::DocumentOcr> document =
      ocr::OcrDocument(engine_, bytes, options);
  if (!document.ok()) return ToGrpcStatus(document.status());
  v1::RecognizeReply reply;
  *reply.mutable_text() = ocr::ToTextLayer(*document, engine_.Description());
  if (!stream->Write(reply)) return grpc::Status::CANCELLED;
  const std::string& rendition = document->rendition;
  for (size_t at = 0; at < rendition.size(); at += kChunkBytes) {
    if (context->IsCancelled()) return grpc::Status::CANCELLED;
    reply.set_rendition_chunk(rendition.substr(at, kChunkBytes));
    if (!stream->Write(reply)) return grpc::Status::CANCELLED;
  }
  return grpc::Status::OK;
}

}  // namespace docintake::intake
