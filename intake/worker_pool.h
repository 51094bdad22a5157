// WorkerPool: threads that lease jobs from the JobQueue, run the Pipeline on
// the spooled bytes and store the outcome; a job whose stages could not run is
// retried with back-off, up to a number of attempts, then FAILED. Once a
// document is archived its spool file is removed. Start/Stop from one thread;
// the workers themselves are internal.
#ifndef DOCINTAKE_INTAKE_WORKER_POOL_H_
#define DOCINTAKE_INTAKE_WORKER_POOL_H_

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "archive/record_store.h"
#include "base/clock.h"
#include "intake/change_notifier.h"
#include "intake/job_queue.h"
#include "intake/pipeline.h"
#include "intake/spool.h"

namespace docintake::intake {

struct WorkerOptions {
  int workers = 1;
  absl::Duration lease = absl::Minutes(10);
  int max_attempts = 3;
  uint64_t max_document_bytes = 256ULL << 20;
  // Nice value of the worker threads (uploads run at the process's own).
  int nice = 10;
  // Back-off before retry n is n times this.
  absl::Duration retry_backoff = absl::Seconds(5);
};

class WorkerPool {
 public:
  // Every reference must outlive the pool.
  WorkerPool(const WorkerOptions& options, const base::Clock& clock,
             JobQueue& queue, Spool& spool, archive::RecordStore& archive,
             const Pipeline& pipeline, ChangeNotifier& changes);
  ~WorkerPool();  // Stops.

  void Start();
  // Lets each worker finish its current job, then joins them.
  void Stop();

 private:
  void Run(const std::string& worker);
  // Processes one leased job to its next state.
  void ProcessJob(const std::string& worker, v1::Record record);
  // Returns the job for a retry, or fails it after max_attempts.
  void Retry(const std::string& worker, v1::Record record,
             const absl::Status& why);
  void Store(const std::string& worker, const v1::Record& record,
             absl::Time not_before = absl::InfinitePast());

  const WorkerOptions options_;
  const base::Clock& clock_;
  JobQueue& queue_;
  Spool& spool_;
  archive::RecordStore& archive_;
  const Pipeline& pipeline_;
  ChangeNotifier& changes_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_WORKER_POOL_H_
