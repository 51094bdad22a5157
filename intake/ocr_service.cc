#include "intake/ocr_service.h"

#include <algorithm>
#include <string>

#include "intake/grpc_status.h"
#include "intake/streamed_document.h"
#include "ocr/text_layer.h"

namespace docintake::intake {
namespace {

constexpr size_t kChunkBytes = 64 << 10;

}  // namespace

grpc::Status OcrServiceImpl::Recognize(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::RecognizeReply, v1::RecognizeRequest>*
        stream) {
  v1::RecognizeHeader header;
  absl::StatusOr<std::string> bytes =
      ReadStreamedDocument<v1::RecognizeRequest>(*stream, max_document_bytes_,
                                                 header);
  if (!bytes.ok()) return ToGrpcStatus(bytes.status());
  ocr::DocumentOcrOptions options;
  options.limits = limits_;
  options.rendition = header.rendition();
  options.rendition_options.title = header.filename();
  absl::StatusOr<ocr::DocumentOcr> document =
      ocr::OcrDocument(engine_, *bytes, options);
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
