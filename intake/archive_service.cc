#include "intake/archive_service.h"

#include "intake/grpc_status.h"

namespace docintake::intake {
namespace {

constexpr size_t kChunkBytes = 64 << 10;

// Copies a result into the reply or converts its error: the unary pattern.
template <typename T>
grpc::Status Reply(absl::StatusOr<T> result, T* reply) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *reply = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status ArchiveServiceImpl::GetRecord(grpc::ServerContext*,
                                           const v1::GetRecordRequest* request,
                                           v1::Record* reply) {
  return Reply(store_.GetRecord(request->document_id()), reply);
}

grpc::Status ArchiveServiceImpl::GetCheckpoint(
    grpc::ServerContext*, const v1::GetCheckpointRequest* request,
    v1::SignedCheckpoint* reply) {
  return Reply(store_.GetCheckpoint(request->tree_size()), reply);
}

grpc::Status ArchiveServiceImpl::GetInclusionProof(
    grpc::ServerContext*, const v1::GetInclusionProofRequest* request,
    v1::InclusionProof* reply) {
  return Reply(
      store_.GetInclusionProof(request->document_id(), request->version(),
                               request->tree_size()),
      reply);
}

grpc::Status ArchiveServiceImpl::GetConsistencyProof(
    grpc::ServerContext*, const v1::GetConsistencyProofRequest* request,
    v1::ConsistencyProof* reply) {
  return Reply(
      store_.GetConsistencyProof(request->old_size(), request->new_size()),
      reply);
}

grpc::Status ArchiveServiceImpl::GetPublicKey(grpc::ServerContext*,
                                              const v1::GetPublicKeyRequest*,
                                              v1::ArchivePublicKey* reply) {
  *reply = store_.PublicKey();
  return grpc::Status::OK;
}

grpc::Status ArchiveServiceImpl::VerifyRecord(
    grpc::ServerContext*, const v1::VerifyRecordRequest* request,
    v1::VerificationReport* reply) {
  return Reply(store_.VerifyRecord(request->document_id()), reply);
}

grpc::Status ArchiveServiceImpl::Scrub(grpc::ServerContext*,
                                       const v1::ScrubRequest*,
                                       v1::ScrubReport* reply) {
  return Reply(store_.Scrub(), reply);
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
