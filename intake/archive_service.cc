#include "intake/archive_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "archive/evidence_bundle.h"
#include "base/status_macros.h"
#include "intake/grpc_status.h"

namespace docintake::intake {
namespace {

constexpr size_t kChunkBytes = 64 << 10;
constexpr size_t kMaxActorLength = 128;

using Action = v1::AuditEventEntry::Action;

// A caller-supplied metadata value, or `fallback`. Not authenticated: the
// mTLS roles of the target architecture will replace this.
std::string Metadata(const grpc::ServerContext& context, const char* key,
                     const char* fallback) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(key);
  if (it == metadata.end() || it->second.empty() ||
      it->second.size() > kMaxActorLength) {
    return fallback;
  }
  return std::string(it->second.data(), it->second.size());
}

std::string Actor(const grpc::ServerContext& context) {
  return Metadata(context, "x-docintake-actor", "anonymous");
}

// PERMISSION_DENIED unless the caller's role is one of `roles`.
absl::Status RequireRole(const grpc::ServerContext& context,
                         std::initializer_list<absl::string_view> roles,
                         absl::string_view what) {
  const std::string role = Metadata(context, "x-docintake-role", "");
  for (absl::string_view allowed : roles) {
    if (role == allowed) return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat(what, " needs the role ", absl::StrJoin(roles, " or "),
                   role.empty() ? std::string(" (no role given)")
                                : absl::StrCat(" (given: ", role, ")")));
}

// Records who is about to be served what; the read is refused if the event
// cannot be recorded (no read goes unlogged).
absl::Status Audit(archive::RecordStore& store, grpc::ServerContext& context,
                   Action action, const std::string& document_id,
                   std::string detail = "") {
  v1::AuditEventEntry event;
  event.set_action(action);
  event.set_document_id(document_id);
  event.set_actor(Actor(context));
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

// A WritableFile that sends what is appended as ContentChunks of exactly
// kChunkBytes (the last one shorter, sent by Close). CANCELLED once the client
// is gone.
class ChunkStream final : public base::WritableFile {
 public:
  ChunkStream(grpc::ServerContext& context,
              grpc::ServerWriter<v1::ContentChunk>& writer)
      : context_(context), writer_(writer) {}

  absl::Status Append(absl::string_view data) override {
    while (!data.empty()) {
      const size_t n = std::min(kChunkBytes - pending_.size(), data.size());
      pending_.append(data.data(), n);
      data.remove_prefix(n);
      if (pending_.size() == kChunkBytes) RETURN_IF_ERROR(Send());
    }
    return absl::OkStatus();
  }
  absl::Status Sync() override { return absl::OkStatus(); }
  absl::Status Close() override {
    return pending_.empty() ? absl::OkStatus() : Send();
  }

 private:
  absl::Status Send() {
    if (context_.IsCancelled()) return absl::CancelledError("client left");
    v1::ContentChunk chunk;
    chunk.mutable_data()->swap(pending_);
    pending_.clear();
    if (!writer_.Write(chunk)) return absl::CancelledError("client left");
    return absl::OkStatus();
  }

  grpc::ServerContext& context_;
  grpc::ServerWriter<v1::ContentChunk>& writer_;
  std::string pending_;
};

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

grpc::Status ArchiveServiceImpl::ListVersions(
    grpc::ServerContext* context, const v1::ListVersionsRequest* request,
    v1::ListVersionsReply* reply) {
  absl::StatusOr<std::vector<v1::Record>> versions =
      store_.ListVersions(request->document_id());
  if (!versions.ok()) return ToGrpcStatus(versions.status());
  absl::Status audited =
      Audit(store_, *context, v1::AuditEventEntry::LIST_VERSIONS,
            request->document_id());
  if (!audited.ok()) return ToGrpcStatus(audited);
  for (v1::Record& version : *versions) {
    *reply->add_versions() = std::move(version);
  }
  return grpc::Status::OK;
}

// A change (hold, disposition): role check, the change, then its audit
// event. The change is itself a logged version; the event adds who/where.
template <typename T>
grpc::Status Change(archive::RecordStore& store, grpc::ServerContext& context,
                    std::initializer_list<absl::string_view> roles,
                    absl::string_view what, Action action,
                    const std::string& document_id, const std::string& detail,
                    const std::function<absl::StatusOr<T>()>& change,
                    T* reply) {
  absl::Status allowed = RequireRole(context, roles, what);
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  absl::StatusOr<T> result = change();
  if (!result.ok()) return ToGrpcStatus(result.status());
  absl::Status audited = Audit(store, context, action, document_id, detail);
  if (!audited.ok()) return ToGrpcStatus(audited);
  *reply = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status ArchiveServiceImpl::CorrectRecord(
    grpc::ServerContext* context, const v1::CorrectRecordRequest* request,
    v1::Record* reply) {
  return Change<v1::Record>(
      store_, *context, {"reviewer", "admin"}, "correcting a record",
      v1::AuditEventEntry::RECORD_CORRECTED, request->document_id(),
      request->reason(),
      [&] { return store_.CorrectRecord(*request, Actor(*context)); }, reply);
}

grpc::Status ArchiveServiceImpl::SetLegalHold(
    grpc::ServerContext* context, const v1::SetLegalHoldRequest* request,
    v1::Record* reply) {
  return Change<v1::Record>(
      store_, *context, {"archivist", "admin"}, "setting a legal hold",
      v1::AuditEventEntry::LEGAL_HOLD_SET, request->document_id(),
      request->reason(),
      [&] {
        return store_.SetLegalHold(request->document_id(), request->reason(),
                                   Actor(*context));
      },
      reply);
}

grpc::Status ArchiveServiceImpl::ClearLegalHold(
    grpc::ServerContext* context, const v1::ClearLegalHoldRequest* request,
    v1::Record* reply) {
  if (request->reason().empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "releasing a legal hold needs a reason");
  }
  return Change<v1::Record>(
      store_, *context, {"archivist", "admin"}, "releasing a legal hold",
      v1::AuditEventEntry::LEGAL_HOLD_CLEARED, request->document_id(),
      request->reason(),
      [&] { return store_.ClearLegalHold(request->document_id()); }, reply);
}

grpc::Status ArchiveServiceImpl::ProposeDisposition(
    grpc::ServerContext* context, const v1::ProposeDispositionRequest* request,
    v1::Disposition* reply) {
  return Change<v1::Disposition>(
      store_, *context, {"archivist", "admin"}, "proposing a disposition",
      v1::AuditEventEntry::DISPOSITION_PROPOSED, request->document_id(),
      request->reason(),
      [&] {
        return store_.ProposeDisposition(request->document_id(),
                                         request->reason(), Actor(*context));
      },
      reply);
}

grpc::Status ArchiveServiceImpl::ApproveDisposition(
    grpc::ServerContext* context, const v1::ApproveDispositionRequest* request,
    v1::Record* reply) {
  return Change<v1::Record>(
      store_, *context, {"admin"}, "approving a disposition",
      v1::AuditEventEntry::DISPOSITION_APPROVED, request->document_id(), "",
      [&] {
        return store_.ApproveDisposition(request->document_id(),
                                         Actor(*context));
      },
      reply);
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
      store_.OpenContent(request->document_id(), request->rendition());
  if (!file.ok()) return ToGrpcStatus(file.status());
  absl::Status audited =
      Audit(store_, *context, v1::AuditEventEntry::READ_CONTENT,
            request->document_id(), request->rendition() ? "rendition" : "");
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

grpc::Status ArchiveServiceImpl::ExportEvidence(
    grpc::ServerContext* context, const v1::ExportEvidenceRequest* request,
    grpc::ServerWriter<v1::ContentChunk>* writer) {
  const std::string& id = request->document_id();
  absl::StatusOr<v1::Record> record = store_.GetRecord(id);
  if (!record.ok()) return ToGrpcStatus(record.status());
  absl::StatusOr<archive::RecordStore::EvidenceMaterial> material =
      store_.GetEvidenceMaterial(id);
  if (absl::IsNotFound(material.status())) {
    // The record exists (above): what is missing is the first checkpoint.
    return ToGrpcStatus(absl::FailedPreconditionError(absl::StrCat(
        "document ", id,
        " is not covered by a checkpoint yet; try again in a few seconds (",
        material.status().message(), ")")));
  }
  if (!material.ok()) return ToGrpcStatus(material.status());
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> content =
      store_.OpenContent(id);
  if (!content.ok()) return ToGrpcStatus(content.status());
  absl::Status audited = Audit(
      store_, *context, v1::AuditEventEntry::EXPORT_EVIDENCE, id,
      absl::StrCat("bundle up to tree size ", material->proof.tree_size()));
  if (!audited.ok()) return ToGrpcStatus(audited);
  ChunkStream stream(*context, *writer);
  absl::Status written =
      archive::WriteEvidenceBundle(*material, **content, {}, stream);
  if (written.ok()) written = stream.Close();
  return ToGrpcStatus(written);
}

}  // namespace docintake::intake
