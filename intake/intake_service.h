// IntakeServiceImpl: the gRPC edge of IntakeService (sync API: each upload
// blocks on fdatasync, which belongs on a thread of its own rather than on
// gRPC's event threads). Converts statuses once, here. Thread-safe.
#ifndef DOCINTAKE_INTAKE_INTAKE_SERVICE_H_
#define DOCINTAKE_INTAKE_INTAKE_SERVICE_H_

#include <atomic>

#include "docintake/v1/intake.grpc.pb.h"
#include "intake/change_notifier.h"
#include "intake/intake.h"
#include "intake/job_queue.h"

namespace docintake::intake {

class IntakeServiceImpl final : public v1::IntakeService::Service {
 public:
  // Every reference must outlive the service.
  IntakeServiceImpl(Intake& intake, JobQueue& queue,
                    const ChangeNotifier& changes, int max_concurrent_uploads)
      : intake_(intake),
        queue_(queue),
        changes_(changes),
        max_uploads_(max_concurrent_uploads) {}

  // Makes running WatchDocument calls end (with UNAVAILABLE) soon.
  void BeginShutdown() { shutting_down_ = true; }

  grpc::Status Submit(grpc::ServerContext* context,
                      grpc::ServerReader<v1::SubmitRequest>* reader,
                      v1::SubmitReply* reply) override;
  grpc::Status GetDocument(grpc::ServerContext* context,
                           const v1::GetDocumentRequest* request,
                           v1::Record* reply) override;
  grpc::Status ListDocuments(grpc::ServerContext* context,
                             const v1::ListDocumentsRequest* request,
                             v1::ListDocumentsReply* reply) override;
  grpc::Status WatchDocument(
      grpc::ServerContext* context, const v1::WatchDocumentRequest* request,
      grpc::ServerWriter<v1::DocumentEvent>* writer) override;

 private:
  Intake& intake_;
  JobQueue& queue_;
  const ChangeNotifier& changes_;
  const int max_uploads_;
  std::atomic<int> uploads_{0};
  std::atomic<bool> shutting_down_{false};
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_INTAKE_SERVICE_H_
