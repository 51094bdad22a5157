// SqliteJobQueue: the embedded JobQueue in data_dir/intake.db (SQLite, WAL).
// Enqueue commits with synchronous=FULL: it is the acknowledgement's
// durability point. Claim and Update commit with synchronous=NORMAL (still
// atomic and consistent, made durable by the next FULL commit or checkpoint):
// losing one in a crash only means the job runs again, which recovery does
// anyway. Concurrent Enqueue calls are group-committed: one caller (the
// leader) inserts every waiting record in one FULL transaction, so N
// concurrent acknowledgements cost one WAL fsync, not N.
// Thread-safe (a writing and a reading connection, each behind a mutex).
#ifndef DOCINTAKE_INTAKE_SQLITE_JOB_QUEUE_H_
#define DOCINTAKE_INTAKE_SQLITE_JOB_QUEUE_H_

#include <memory>
#include <string>
#include <vector>

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
  SqliteJobQueue(std::unique_ptr<base::Database> db,
                 std::unique_ptr<base::Database> read_db,
                 const base::Clock& clock)
      : db_(std::move(db)), read_db_(std::move(read_db)), clock_(clock) {}
  // An Enqueue waiting for its group commit.
  struct PendingInsert {
    const v1::Record* record;
    absl::Status status;
    bool done = false;
  };
  // Inserts `batch` in one transaction; each item gets its own status (a
  // savepoint per row, so one duplicate key does not fail the others).
  void InsertBatch(const std::vector<PendingInsert*>& batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status InsertOne(const v1::Record& record)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Sets synchronous=FULL or NORMAL for the next commits.
  absl::Status SetDurable(bool durable) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::optional<v1::Record>> QueryOne(absl::string_view sql,
                                                     const std::string& arg)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(read_mu_);

  absl::Mutex mu_;
  const std::unique_ptr<base::Database> db_ ABSL_PT_GUARDED_BY(mu_);
  // Lookups run on a second connection: WAL readers do not wait for the
  // writer's fsync, so an upload's idempotency/duplicate checks are not
  // queued behind another batch's commit.
  absl::Mutex read_mu_;
  const std::unique_ptr<base::Database> read_db_ ABSL_PT_GUARDED_BY(read_mu_);
  const base::Clock& clock_;
  bool durable_ ABSL_GUARDED_BY(mu_) = true;  // Database::Open sets FULL

  absl::Mutex batch_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  std::vector<PendingInsert*> pending_ ABSL_GUARDED_BY(batch_mu_);
  bool leader_active_ ABSL_GUARDED_BY(batch_mu_) = false;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_SQLITE_JOB_QUEUE_H_
