#include "intake/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "base/log.h"
#include "base/status_macros.h"
#include "intake/stages/archive_stage.h"
#include "intake/stages/batch_split_stage.h"
#include "intake/stages/hash_sniff_stage.h"
#include "intake/stages/signature_stage.h"
#include "intake/stages/text_stage.h"

namespace docintake::intake {
namespace {

// gRPC messages carry chunks; a little above the CLI's largest chunk.
constexpr int kMaxMessageBytes = 8 << 20;

int WorkerCount(const ServerConfig& config) {
  if (config.workers > 0) return config.workers;
  return std::max(1u, std::thread::hardware_concurrency());
}

// The checkpointer, with an RFC 3161 client when a TSA is configured.
absl::StatusOr<std::unique_ptr<archive::Checkpointer>> MakeCheckpointer(
    const ServerConfig& config, base::FileSystem& fs,
    archive::RecordStore& store) {
  std::unique_ptr<archive::TsaClient> tsa;
  std::vector<std::string> tsa_ca_pems;
  if (!config.tsa_url.empty()) {
    if (config.tsa_ca.empty()) {
      return absl::InvalidArgumentError(
          "tsa-url needs tsa-ca: the CA certificate(s) the TSA chains to");
    }
    ASSIGN_OR_RETURN(std::string pem, fs.ReadFile(config.tsa_ca, 1 << 20));
    tsa_ca_pems.push_back(std::move(pem));
    tsa = std::make_unique<archive::CurlTsaClient>(config.tsa_url,
                                                   absl::Seconds(10));
  }
  return std::make_unique<archive::Checkpointer>(
      store, config.checkpoint_interval, std::move(tsa),
      std::move(tsa_ca_pems));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    const ServerConfig& config, const base::Clock& clock,
    base::FileSystem& fs) {
  std::unique_ptr<Server> s(new Server());
  s->config_ = config;
  const std::string& dir = config.data_dir;
  RETURN_IF_ERROR(fs.CreateDirs(dir));
  ASSIGN_OR_RETURN(s->lock_, base::DirLock::Acquire(dir));
  ASSIGN_OR_RETURN(s->spool_, Spool::Open(fs, absl::StrCat(dir, "/inbox")));
  ASSIGN_OR_RETURN(
      s->queue_, SqliteJobQueue::Open(absl::StrCat(dir, "/intake.db"), clock));
  archive::RecordStoreOptions archive_options;
  archive_options.dir = absl::StrCat(dir, "/archive");
  archive_options.origin = config.archive_origin;
  archive_options.key_path = config.archive_key;
  archive_options.key_algorithm = config.archive_key_algorithm == "ecdsa-p256"
                                      ? archive::KeyAlgorithm::kEcdsaP256
                                      : archive::KeyAlgorithm::kEd25519;
  if (!config.retention_policy.empty()) {
    ASSIGN_OR_RETURN(std::string text,
                     fs.ReadFile(config.retention_policy, 1 << 20));
    ASSIGN_OR_RETURN(archive_options.retention,
                     archive::RetentionPolicy::Parse(text));
  }
  ASSIGN_OR_RETURN(s->archive_,
                   archive::RecordStore::Open(fs, clock, archive_options));
  ASSIGN_OR_RETURN(s->checkpointer_,
                   MakeCheckpointer(config, fs, *s->archive_));

  // Recovery: this process holds the data directory, so every lease is stale.
  ASSIGN_OR_RETURN(int requeued, s->queue_->RequeueAll());
  if (requeued > 0) {
    base::LogInfo("requeued jobs interrupted by a stop",
                  {{"count", absl::StrCat(requeued)}});
  }
  RETURN_IF_ERROR(s->ReconcileSpool());

  ocr::OcrOptions ocr_options;
  ocr_options.language = config.ocr_language;
  ocr_options.engines = config.ocr_engines;
  ocr_options.max_time_per_page = config.ocr_max_page_time;
  ASSIGN_OR_RETURN(s->ocr_engine_, ocr::OcrEngine::Create(ocr_options));
  ocr::PageLimits page_limits;
  page_limits.max_pages = config.max_pdf_pages;
  page_limits.max_pixels = config.max_page_pixels;
  page_limits.pdf_dpi = config.ocr_dpi;
  ASSIGN_OR_RETURN(std::shared_ptr<const signature::TrustStore> trust,
                   signature::LoadTrustStore(config.trust_paths));
  signature::ValidatorOptions validator_options;
  if (config.revocation_fetch) {
    s->revocation_fetcher_ =
        std::make_unique<signature::CurlRevocationFetcher>();
    validator_options.revocation_fetcher = s->revocation_fetcher_.get();
  }
  s->signature_validator_ = std::make_unique<signature::PdfValidator>(
      std::move(trust), validator_options);
  s->intake_ = std::make_unique<Intake>(config.max_document_bytes, clock,
                                        *s->queue_, *s->spool_, s->changes_);

  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<HashSniffStage>());
  if (config.split_batches) {
    ocr::SplitOptions split;
    split.split_at_blank_pages = config.split_at_blank_pages;
    stages.push_back(
        std::make_unique<BatchSplitStage>(*s->intake_, split, page_limits));
  }
  TextStageOptions text_options;
  text_options.limits = page_limits;
  stages.push_back(std::make_unique<TextStage>(*s->ocr_engine_, text_options));
  stages.push_back(std::make_unique<SignatureStage>(*s->signature_validator_));
  s->pipeline_ = std::make_unique<Pipeline>(
      clock, std::move(stages), std::make_unique<ArchiveStage>(*s->archive_));
  WorkerOptions worker_options;
  worker_options.workers = WorkerCount(config);
  worker_options.lease = config.lease;
  worker_options.max_attempts = config.max_attempts;
  worker_options.max_document_bytes = config.max_document_bytes;
  s->workers_ = std::make_unique<WorkerPool>(worker_options, clock, *s->queue_,
                                             *s->spool_, *s->archive_,
                                             *s->pipeline_, s->changes_);
  s->intake_service_ = std::make_unique<IntakeServiceImpl>(
      *s->intake_, *s->queue_, s->changes_, config.max_concurrent_uploads);
  s->archive_service_ = std::make_unique<ArchiveServiceImpl>(*s->archive_);
  s->ocr_service_ = std::make_unique<OcrServiceImpl>(
      *s->ocr_engine_, page_limits, config.max_document_bytes);
  s->signature_service_ = std::make_unique<SignatureServiceImpl>(
      *s->signature_validator_, clock, config.max_document_bytes);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(config.listen, grpc::InsecureServerCredentials(),
                           &s->port_);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.RegisterService(s->intake_service_.get());
  builder.RegisterService(s->archive_service_.get());
  builder.RegisterService(s->ocr_service_.get());
  builder.RegisterService(s->signature_service_.get());
  s->grpc_server_ = builder.BuildAndStart();
  if (s->grpc_server_ == nullptr || s->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", config.listen));
  }
  s->workers_->Start();
  s->checkpointer_->Start();
  if (!config.port_file.empty()) {
    const std::string port_file = config.port_file;
    const size_t slash = port_file.rfind('/');
    const std::string pf_dir =
        slash == std::string::npos ? "." : port_file.substr(0, slash);
    RETURN_IF_ERROR(base::WriteFileDurably(
        fs, pf_dir, port_file.substr(slash + 1), absl::StrCat(s->port_, "\n")));
  }
  base::LogInfo("docintaked serving",
                {{"listen", config.listen},
                 {"port", absl::StrCat(s->port_)},
                 {"data_dir", dir},
                 {"workers", absl::StrCat(worker_options.workers)}});
  return s;
}

absl::Status Server::ReconcileSpool() {
  ASSIGN_OR_RETURN(std::vector<std::string> ids, spool_->ListDocumentIds());
  for (const std::string& id : ids) {
    absl::StatusOr<v1::Record> job = queue_->Get(id);
    if (absl::IsNotFound(job.status())) {
      // Crashed between spooling and committing the job: never acknowledged.
      base::LogInfo("removing unacknowledged upload", {{"document_id", id}});
      RETURN_IF_ERROR(spool_->Remove(id));
    } else if (!job.ok()) {
      return job.status();
    } else if (job->state() == v1::ARCHIVED) {
      RETURN_IF_ERROR(spool_->Remove(id));
    }
  }
  return absl::OkStatus();
}

void Server::Shutdown() {
  // Nothing runs before the gRPC server is built (a failed Start).
  if (stopped_ || grpc_server_ == nullptr) return;
  stopped_ = true;
  base::LogInfo("shutting down");
  if (auto* health = grpc_server_->GetHealthCheckService()) {
    health->SetServingStatus(false);
  }
  intake_service_->BeginShutdown();
  grpc_server_->Shutdown(std::chrono::system_clock::now() +
                         absl::ToChronoSeconds(config_.shutdown_grace));
  workers_->Stop();
  checkpointer_->Stop();
  grpc_server_->Wait();
  base::LogInfo("stopped");
}

Server::~Server() { Shutdown(); }

}  // namespace docintake::intake
