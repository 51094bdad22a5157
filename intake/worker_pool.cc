#include "intake/worker_pool.h"

#include <sys/resource.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "base/log.h"

namespace docintake::intake {
namespace {

constexpr absl::Duration kIdlePoll = absl::Seconds(1);

}  // namespace

WorkerPool::WorkerPool(const WorkerOptions& options, const base::Clock& clock,
                       JobQueue& queue, Spool& spool,
                       archive::RecordStore& archive, const Pipeline& pipeline,
                       ChangeNotifier& changes)
    : options_(options),
      clock_(clock),
      queue_(queue),
      spool_(spool),
      archive_(archive),
      pipeline_(pipeline),
      changes_(changes) {}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Start() {
  for (int i = 0; i < options_.workers; ++i) {
    std::string name = absl::StrCat("worker-", i, "-", ::getpid());
    threads_.emplace_back([this, name] { Run(name); });
  }
}

void WorkerPool::Stop() {
  stopping_ = true;
  changes_.Notify();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

void WorkerPool::Run(const std::string& worker) {
  // Background work yields to acknowledging uploads: a lower priority for
  // this thread only (Linux applies nice values per thread).
  if (::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()),
                    options_.nice) != 0) {
    base::LogWarning("cannot lower the worker's priority",
                     {{"worker", worker}});
  }
  while (!stopping_) {
    const uint64_t seen = changes_.generation();
    absl::StatusOr<std::optional<v1::Record>> job =
        queue_.Claim(worker, options_.lease);
    if (!job.ok()) {
      base::LogError("cannot claim a job",
                     {{"worker", worker}, {"error", job.status().ToString()}});
      changes_.WaitForChange(seen, kIdlePoll);
      continue;
    }
    if (!job->has_value()) {
      changes_.WaitForChange(seen, kIdlePoll);
      continue;
    }
    ProcessJob(worker, **std::move(job));
  }
}

void WorkerPool::ProcessJob(const std::string& worker, v1::Record record) {
  const std::string id = record.document_id();
  base::LogInfo("processing document",
                {{"document_id", id},
                 {"attempt", absl::StrCat(record.attempts())},
                 {"worker", worker}});
  changes_.Notify();  // PROCESSING is a state change too.
  absl::StatusOr<std::string> content =
      spool_.Read(id, options_.max_document_bytes);
  if (absl::IsNotFound(content.status())) {
    // Archived just before a crash that came before the job was updated?
    absl::StatusOr<v1::Record> archived = archive_.GetRecord(id);
    if (archived.ok()) {
      Store(worker, *archived);
      return;
    }
    record.set_state(v1::FAILED);
    record.set_error(
        "the spooled bytes are missing and the document is not archived");
    Store(worker, record);
    return;
  }
  if (!content.ok()) return Retry(worker, std::move(record), content.status());

  absl::StatusOr<v1::Record> result = pipeline_.Process(record, *content);
  if (!result.ok()) return Retry(worker, std::move(record), result.status());
  Store(worker, *result);
}

void WorkerPool::Retry(const std::string& worker, v1::Record record,
                       const absl::Status& why) {
  const bool give_up =
      static_cast<int>(record.attempts()) >= options_.max_attempts;
  base::LogWarning(give_up ? "processing failed, giving up"
                           : "processing failed, will retry",
                   {{"document_id", record.document_id()},
                    {"attempt", absl::StrCat(record.attempts())},
                    {"error", why.ToString()}});
  record.set_error(std::string(why.message()));
  if (give_up) {
    record.set_state(v1::FAILED);
    Store(worker, record);
    return;
  }
  record.set_state(v1::QUEUED);
  Store(worker, record,
        clock_.Now() +
            options_.retry_backoff * static_cast<int64_t>(record.attempts()));
}

void WorkerPool::Store(const std::string& worker, const v1::Record& record,
                       absl::Time not_before) {
  const std::string& id = record.document_id();
  absl::Status status = queue_.Update(record, worker, not_before);
  if (!status.ok()) {
    // The lease ran out and someone else has the job, or the queue failed:
    // either way the job will be processed again; nothing is lost.
    base::LogError("cannot store the job's outcome",
                   {{"document_id", id}, {"error", status.ToString()}});
    return;
  }
  base::LogInfo(
      "document state changed",
      {{"document_id", id}, {"state", v1::DocumentState_Name(record.state())}});
  if (record.state() == v1::ARCHIVED) {
    // The archive holds the bytes now (durability point 2).
    absl::Status removed = spool_.Remove(id);
    if (!removed.ok() && !absl::IsNotFound(removed)) {
      base::LogWarning("cannot remove spool file",
                       {{"document_id", id}, {"error", removed.ToString()}});
    }
  }
  changes_.Notify();
}

}  // namespace docintake::intake
