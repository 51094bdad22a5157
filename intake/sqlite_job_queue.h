// SqliteJobQueue: the embedded JobQueue in data_dir/intake.db (SQLite, WAL,
// synchronous=FULL). Thread-safe (one connection behind a mutex).
#ifndef DOCINTAKE_INTAKE_SQLITE_JOB_QUEUE_H_
#define DOCINTAKE_INTAKE_SQLITE_JOB_QUEUE_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "base/clock.h"
#include "base/sqlite.h"
#include "intake/job_queue.h"

namespace docintake::intake {

class SqliteJobQueue final : public JobQueue {
 public:
  // `clock` must outlive the queue.
  static absl::StatusOr<std::unique_ptr<SqliteJobQueue>> Open(
      const std::string& path, const base::Clock& clock);

  absl::Status Enqueue(const v1::Record& record) override;
  absl::StatusOr<v1::Record> Get(const std::string& document_id) override;
  absl::StatusOr<std::optional<v1::Record>> FindByIdempotencyKey(
      const std::string& key) override;
  absl::StatusOr<std::optional<std::string>> FindBySha256(
      const std::string& sha256) override;
  absl::StatusOr<ListPage> List(const ListFilter& filter) override;
  absl::StatusOr<std::optional<v1::Record>> Claim(
      const std::string& worker, absl::Duration lease) override;
  absl::Status Update(const v1::Record& record, const std::string& worker,
                      absl::Time not_before) override;
  absl::StatusOr<int> RequeueAll() override;

 private:
  SqliteJobQueue(std::unique_ptr<base::Database> db, const base::Clock& clock)
      : db_(std::move(db)), clock_(clock) {}
  absl::StatusOr<std::optional<v1::Record>> QueryOne(absl::string_view sql,
                                                     const std::string& arg)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  const std::unique_ptr<base::Database> db_ ABSL_PT_GUARDED_BY(mu_);
  const base::Clock& clock_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_SQLITE_JOB_QUEUE_H_
