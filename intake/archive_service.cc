#include "intake/archive_service.h"

#include "intake/grpc_status.h"

namespace docintake::intake {
namespace {

constexpr size_t kChunkBytes = 64 << 10;

}  // namespace

grpc::Status ArchiveServiceImpl::GetRecord(grpc::ServerContext*,
                                           const v1::GetRecordRequest* request,
                                           v1::Record* reply) {
  absl::StatusOr<v1::Record> record = store_.GetRecord(request->document_id());
  if (!record.ok()) return ToGrpcStatus(record.status());
  *reply = *std::move(record);
  return grpc::Status::OK;
}

grpc::Status ArchiveServiceImpl::GetContent(
    grpc::ServerContext* context, const v1::GetContentRequest* request,
    grpc::ServerWriter<v1::ContentChunk>* writer) {
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> file =
      store_.OpenContent(request->document_id());
  if (!file.ok()) return ToGrpcStatus(file.status());
  v1::ContentChunk chunk;
  while (true) {
    absl::StatusOr<std::string> data = (*file)->Read(kChunkBytes);
    if (!data.ok()) return ToGrpcStatus(data.status());
    if (data->empty()) return grpc::Status::OK;
    if (context->IsCancelled()) return grpc::Status::CANCELLED;
    *chunk.mutable_data() = *std::move(data);
    if (!writer->Write(chunk)) return grpc::Status::CANCELLED;
  }
}

}  // namespace docintake::intake
