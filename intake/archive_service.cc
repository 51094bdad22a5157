#include "intake/archive_service.h"

#include "base/status_macros.h"
#include "intake/grpc_status.h"

namespace docintake::intake {
namespace {

constexpr size_t kChunkBytes = 64 << 10;
constexpr size_t kMaxActorLength = 128;

using Action = v1::AuditEventEntry::Action;

// Records who is about to be served what; the read is refused if the event
// cannot be recorded (no read goes unlogged).
absl::Status Audit(archive::RecordStore& store, grpc::ServerContext& context,
                   Action action, const std::string& document_id,
                   std::string detail = "") {
  v1::AuditEventEntry event;
  event.set_action(action);
  event.set_document_id(document_id);
  const auto& metadata = context.client_metadata();
  auto actor = metadata.find("x-docintake-actor");
  event.set_actor(actor != metadata.end() && !actor->second.empty() &&
                          actor->second.size() <= kMaxActorLength
                      ? std::string(actor->second.data(), actor->second.size())
                      : "anonymous");
  event.set_peer(context.peer());
  event.set_detail(std::move(detail));
  return store.RecordAuditEvent(std::move(event)).status();
}

// The unary pattern for audited reads: fetch, record the event, reply.
template <typename T>
grpc::Status AuditedReply(archive::RecordStore& store,
                          grpc::ServerContext& context, Action action,
                          const std::string& document_id,
                          absl::StatusOr<T> result, T* reply) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  absl::Status audited = Audit(store, context, action, document_id);
  if (!audited.ok()) return ToGrpcStatus(audited);
  *reply = *std::move(result);
  return grpc::Status::OK;
}

// Copies a result into the reply or converts its error: the unary pattern.
template <typename T>
grpc::Status Reply(absl::StatusOr<T> result, T* reply) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *reply = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status ArchiveServiceImpl::GetRecord(grpc::ServerContext* context,
                                           const v1::GetRecordRequest* request,
                                           v1::Record* reply) {
  return AuditedReply(store_, *context, v1::AuditEventEntry::READ_RECORD,
                      request->document_id(),
                      store_.GetRecord(request->document_id()), reply);
}

grpc::Status ArchiveServiceImpl::GetCheckpoint(
    grpc::ServerContext*, const v1::GetCheckpointRequest* request,
    v1::SignedCheckpoint* reply) {
  return Reply(store_.GetCheckpoint(request->tree_size()), reply);
}

grpc::Status ArchiveServiceImpl::GetInclusionProof(
    grpc::ServerContext* context, const v1::GetInclusionProofRequest* request,
    v1::InclusionProof* reply) {
  return AuditedReply(
      store_, *context, v1::AuditEventEntry::READ_PROOF, request->document_id(),
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
    grpc::ServerContext* context, const v1::VerifyRecordRequest* request,
    v1::VerificationReport* reply) {
  return AuditedReply(store_, *context, v1::AuditEventEntry::VERIFY_RECORD,
                      request->document_id(),
                      store_.VerifyRecord(request->document_id()), reply);
}

grpc::Status ArchiveServiceImpl::Scrub(grpc::ServerContext* context,
                                       const v1::ScrubRequest*,
                                       v1::ScrubReport* reply) {
  return AuditedReply(store_, *context, v1::AuditEventEntry::SCRUB, "",
                      store_.Scrub(), reply);
}

grpc::Status ArchiveServiceImpl::ListAuditEvents(
    grpc::ServerContext*, const v1::ListAuditEventsRequest* request,
    v1::ListAuditEventsReply* reply) {
  return Reply(store_.ListAuditEvents(*request), reply);
}

grpc::Status ArchiveServiceImpl::GetContent(
    grpc::ServerContext* context, const v1::GetContentRequest* request,
    grpc::ServerWriter<v1::ContentChunk>* writer) {
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> file =
      store_.OpenContent(request->document_id());
  if (!file.ok()) return ToGrpcStatus(file.status());
  absl::Status audited =
      Audit(store_, *context, v1::AuditEventEntry::READ_CONTENT,
            request->document_id());
  if (!audited.ok()) return ToGrpcStatus(audited);
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
