// ArchiveServiceImpl: the gRPC edge of ArchiveService — reads archived records
// and their original bytes. Thread-safe.
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

 private:
  archive::RecordStore& store_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_ARCHIVE_SERVICE_H_
