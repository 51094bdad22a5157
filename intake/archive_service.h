// ArchiveServiceImpl: the gRPC edge of ArchiveService — archived records and
// their original bytes, evidence bundles, checkpoints, proofs, the public
// key, verification, scrub and the audit trail. Every read of a record, its
// content or proof, every verification and scrub is recorded as an audit event
// first. Thread-safe.
#ifndef DOCINTAKE_INTAKE_ARCHIVE_SERVICE_H_
#define DOCINTAKE_INTAKE_ARCHIVE_SERVICE_H_

#include "archive/record_store.h"
#include "docintake/v1/archive.grpc.pb.h"

namespace docintake::intake {

class ArchiveServiceImpl final : public v1::ArchiveService::Service {
 public:
  // `store` must outlive the service.
  explicit ArchiveServiceImpl(archive::RecordStore& store) : store_(store) {}

  grpc::Status GetRecord(grpc::ServerContext* context,
                         const v1::GetRecordRequest* request,
                         v1::Record* reply) override;
  grpc::Status GetContent(
      grpc::ServerContext* context, const v1::GetContentRequest* request,
      grpc::ServerWriter<v1::ContentChunk>* writer) override;
  // Streams the bundle as archive::WriteEvidenceBundle writes it, in chunks
  // of 64 KiB; audited as EXPORT_EVIDENCE before the first byte.
  grpc::Status ExportEvidence(
      grpc::ServerContext* context, const v1::ExportEvidenceRequest* request,
      grpc::ServerWriter<v1::ContentChunk>* writer) override;
  grpc::Status GetCheckpoint(grpc::ServerContext* context,
                             const v1::GetCheckpointRequest* request,
                             v1::SignedCheckpoint* reply) override;
  grpc::Status GetInclusionProof(grpc::ServerContext* context,
                                 const v1::GetInclusionProofRequest* request,
                                 v1::InclusionProof* reply) override;
  grpc::Status GetConsistencyProof(
      grpc::ServerContext* context,
      const v1::GetConsistencyProofRequest* request,
      v1::ConsistencyProof* reply) override;
  grpc::Status GetPublicKey(grpc::ServerContext* context,
                            const v1::GetPublicKeyRequest* request,
                            v1::ArchivePublicKey* reply) override;
  grpc::Status VerifyRecord(grpc::ServerContext* context,
                            const v1::VerifyRecordRequest* request,
                            v1::VerificationReport* reply) override;
  grpc::Status Scrub(grpc::ServerContext* context,
                     const v1::ScrubRequest* request,
                     v1::ScrubReport* reply) override;
  grpc::Status ListVersions(grpc::ServerContext* context,
                            const v1::ListVersionsRequest* request,
                            v1::ListVersionsReply* reply) override;
  grpc::Status CorrectRecord(grpc::ServerContext* context,
                             const v1::CorrectRecordRequest* request,
                             v1::Record* reply) override;
  grpc::Status SetLegalHold(grpc::ServerContext* context,
                            const v1::SetLegalHoldRequest* request,
                            v1::Record* reply) override;
  grpc::Status ClearLegalHold(grpc::ServerContext* context,
                              const v1::ClearLegalHoldRequest* request,
                              v1::Record* reply) override;
  grpc::Status ProposeDisposition(grpc::ServerContext* context,
                                  const v1::ProposeDispositionRequest* request,
                                  v1::Disposition* reply) override;
  grpc::Status ApproveDisposition(grpc::ServerContext* context,
                                  const v1::ApproveDispositionRequest* request,
                                  v1::Record* reply) override;
  grpc::Status ListAuditEvents(grpc::ServerContext* context,
                               const v1::ListAuditEventsRequest* request,
                               v1::ListAuditEventsReply* reply) override;

 private:
  archive::RecordStore& store_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_ARCHIVE_SERVICE_H_
