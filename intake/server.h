// Server: docintaked assembled — data directory, stores, pipeline, workers and
// the gRPC services (plus health checking and reflection). Start() recovers
// what a crash left behind before serving. Shutdown() may be called from any
// one thread, once.
#ifndef DOCINTAKE_INTAKE_SERVER_H_
#define DOCINTAKE_INTAKE_SERVER_H_

#include <grpcpp/server.h>

#include <memory>

#include "absl/status/statusor.h"
#include "archive/checkpointer.h"
#include "archive/record_store.h"
#include "base/clock.h"
#include "base/dir_lock.h"
#include "base/file_system.h"
#include "intake/archive_service.h"
#include "intake/change_notifier.h"
#include "intake/intake.h"
#include "intake/intake_service.h"
#include "intake/ocr_service.h"
#include "intake/pipeline.h"
#include "intake/server_config.h"
#include "intake/signature_service.h"
#include "intake/spool.h"
#include "intake/sqlite_job_queue.h"
#include "intake/worker_pool.h"
#include "signature/trust/revocation_fetcher.h"

namespace docintake::intake {

class Server {
 public:
  // `clock` and `fs` must outlive the server.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerConfig& config, const base::Clock& clock,
      base::FileSystem& fs);
  ~Server();

  // The port actually bound (useful with port 0).
  int port() const { return port_; }
  // Stops accepting calls, lets running calls and jobs finish for up to the
  // configured grace, then stops. Unfinished jobs are taken up at next start.
  void Shutdown();

 private:
  Server() = default;
  // Removes spool files that no job needs any more (orphans of a crash
  // between spool and job row; archived documents).
  absl::Status ReconcileSpool();

  ServerConfig config_;
  std::unique_ptr<base::DirLock> lock_;
  ChangeNotifier changes_;
  std::unique_ptr<Spool> spool_;
  std::unique_ptr<SqliteJobQueue> queue_;
  std::unique_ptr<archive::RecordStore> archive_;
  std::unique_ptr<archive::Checkpointer> checkpointer_;
  // The pipeline's stages use the engine and the intake (split documents).
  std::unique_ptr<ocr::OcrEngine> ocr_engine_;
  std::unique_ptr<signature::RevocationFetcher> revocation_fetcher_;
  std::unique_ptr<signature::PdfValidator> signature_validator_;
  std::unique_ptr<Intake> intake_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<IntakeServiceImpl> intake_service_;
  std::unique_ptr<ArchiveServiceImpl> archive_service_;
  std::unique_ptr<OcrServiceImpl> ocr_service_;
  std::unique_ptr<SignatureServiceImpl> signature_service_;
  std::unique_ptr<grpc::Server> grpc_server_;
  int port_ = 0;
  bool stopped_ = false;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_SERVER_H_
