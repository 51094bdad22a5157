#include "intake/sqlite_job_queue.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::intake {
namespace {

constexpr absl::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS jobs (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id      TEXT    NOT NULL UNIQUE,
  state            INTEGER NOT NULL,
  channel          INTEGER NOT NULL,
  received_at_us   INTEGER NOT NULL,
  sha256           TEXT    NOT NULL,
  idempotency_key  TEXT    UNIQUE,
  lease_owner      TEXT,
  lease_expires_us INTEGER,
  not_before_us    INTEGER NOT NULL DEFAULT 0,
  record           BLOB    NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_sha256 ON jobs (sha256, seq);
CREATE INDEX IF NOT EXISTS jobs_runnable ON jobs (state, seq);
CREATE INDEX IF NOT EXISTS jobs_by_received ON jobs (received_at_us);
)sql";

constexpr int kMaxPageSize = 1000;

// A job's record from the columns (state, record) starting at `first`; the
// state column is authoritative (RequeueAll changes only the column).
absl::StatusOr<v1::Record> ReadRecord(const base::Statement& row, int first) {
  v1::Record record;
  if (!record.ParseFromString(row.ColumnText(first + 1))) {
    return absl::DataLossError("a job's record in intake.db does not parse");
  }
  record.set_state(static_cast<v1::DocumentState>(row.ColumnInt(first)));
  return record;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteJobQueue>> SqliteJobQueue::Open(
    const std::string& path, const base::Clock& clock) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::Database> db,
                   base::Database::Open(path));
  RETURN_IF_ERROR(db->Exec(kSchema));
  ASSIGN_OR_RETURN(std::unique_ptr<base::Database> read_db,
                   base::Database::Open(path));
  return std::unique_ptr<SqliteJobQueue>(
      new SqliteJobQueue(std::move(db), std::move(read_db), clock));
}

absl::Status SqliteJobQueue::SetDurable(bool durable) {
  if (durable == durable_) return absl::OkStatus();
  RETURN_IF_ERROR(db_->Exec(durable ? "PRAGMA synchronous=FULL"
                                    : "PRAGMA synchronous=NORMAL"));
  durable_ = durable;
  return absl::OkStatus();
}

absl::Status SqliteJobQueue::Enqueue(const v1::Record& record) {
  PendingInsert mine{&record, absl::OkStatus()};
  std::vector<PendingInsert*> batch;
  {
    absl::MutexLock lock(&batch_mu_);
    pending_.push_back(&mine);
    auto my_turn = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(batch_mu_) {
      return mine.done || !leader_active_;
    };
    batch_mu_.Await(absl::Condition(&my_turn));
    if (mine.done) return mine.status;  // A leader committed it.
    leader_active_ = true;
    batch.swap(pending_);
  }
  {
    absl::MutexLock lock(&mu_);
    InsertBatch(batch);
  }
  absl::MutexLock lock(&batch_mu_);
  for (PendingInsert* p : batch) p->done = true;
  leader_active_ = false;
  return mine.status;
}

void SqliteJobQueue::InsertBatch(const std::vector<PendingInsert*>& batch) {
  absl::Status status = SetDurable(true);
  if (status.ok()) status = db_->Exec("BEGIN IMMEDIATE");
  if (!status.ok()) {
    for (PendingInsert* p : batch) p->status = status;
    return;
  }
  for (PendingInsert* p : batch) {
    p->status = db_->Exec("SAVEPOINT row");
    if (p->status.ok()) p->status = InsertOne(*p->record);
    p->status.Update(db_->Exec(
        p->status.ok() ? "RELEASE row" : "ROLLBACK TO row; RELEASE row"));
  }
  status = db_->Exec("COMMIT");
  if (!status.ok()) {
    db_->Exec("ROLLBACK").IgnoreError();
    for (PendingInsert* p : batch) {
      if (p->status.ok()) p->status = status;
    }
  }
}

absl::Status SqliteJobQueue::InsertOne(const v1::Record& record) {
  ASSIGN_OR_RETURN(
      base::Statement insert,
      db_->Prepare("INSERT INTO jobs (document_id, state, channel, "
                   "received_at_us, sha256, idempotency_key, record) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, record.document_id())
      .Bind(2, static_cast<int64_t>(v1::QUEUED))
      .Bind(3, static_cast<int64_t>(record.intake().channel()))
      .Bind(4, absl::ToUnixMicros(
                   base::FromProtoTime(record.intake().received_at())))
      .Bind(5, record.intake().sha256())
      .BindBlob(7, record.SerializeAsString());
  if (record.intake().idempotency_key().empty()) {
    insert.BindNull(6);
  } else {
    insert.Bind(6, record.intake().idempotency_key());
  }
  return insert.Run();
}

absl::StatusOr<std::optional<v1::Record>> SqliteJobQueue::QueryOne(
    absl::string_view sql, const std::string& arg) {
  ASSIGN_OR_RETURN(base::Statement q, read_db_->Prepare(sql));
  q.Bind(1, arg);
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return std::nullopt;
  return ReadRecord(q, 0);
}

absl::StatusOr<v1::Record> SqliteJobQueue::Get(const std::string& document_id) {
  absl::MutexLock lock(&read_mu_);
  ASSIGN_OR_RETURN(
      std::optional<v1::Record> record,
      QueryOne("SELECT state, record FROM jobs WHERE document_id = ?",
               document_id));
  if (!record.has_value()) {
    return absl::NotFoundError(absl::StrCat("no document ", document_id));
  }
  return *std::move(record);
}

absl::StatusOr<std::optional<v1::Record>> SqliteJobQueue::FindByIdempotencyKey(
    const std::string& key) {
  absl::MutexLock lock(&read_mu_);
  return QueryOne("SELECT state, record FROM jobs WHERE idempotency_key = ?",
                  key);
}

absl::StatusOr<std::optional<std::string>> SqliteJobQueue::FindBySha256(
    const std::string& sha256) {
  absl::MutexLock lock(&read_mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      read_db_->Prepare("SELECT document_id FROM jobs WHERE sha256 = ? "
                        "ORDER BY seq LIMIT 1"));
  q.Bind(1, sha256);
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return std::nullopt;
  return q.ColumnText(0);
}

absl::StatusOr<ListPage> SqliteJobQueue::List(const ListFilter& filter) {
  int64_t after_seq = 0;
  if (!filter.page_token.empty() &&
      (!absl::SimpleAtoi(filter.page_token, &after_seq) || after_seq < 0)) {
    return absl::InvalidArgumentError("malformed page token");
  }
  const int page_size =
      filter.page_size <= 0 ? 100 : std::min(filter.page_size, kMaxPageSize);
  absl::MutexLock lock(&read_mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      read_db_->Prepare(
          "SELECT seq, state, record FROM jobs WHERE seq > ?1 "
          "AND (?2 = 0 OR state = ?2) AND (?3 = 0 OR channel = ?3) "
          "AND received_at_us >= ?4 AND received_at_us < ?5 "
          "ORDER BY seq LIMIT ?6"));
  q.Bind(1, after_seq)
      .Bind(2, static_cast<int64_t>(filter.state))
      .Bind(3, static_cast<int64_t>(filter.channel))
      .Bind(4, filter.received_after
                   ? absl::ToUnixMicros(*filter.received_after)
                   : INT64_MIN)
      .Bind(5, filter.received_before
                   ? absl::ToUnixMicros(*filter.received_before)
                   : INT64_MAX)
      .Bind(6, static_cast<int64_t>(page_size) + 1);
  ListPage page;
  int64_t last_seq = 0;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    if (static_cast<int>(page.records.size()) == page_size) {
      page.next_page_token = absl::StrCat(last_seq);
      break;
    }
    last_seq = q.ColumnInt(0);
    ASSIGN_OR_RETURN(v1::Record record, ReadRecord(q, 1));
    page.records.push_back(std::move(record));
  }
  return page;
}

absl::StatusOr<std::optional<v1::Record>> SqliteJobQueue::Claim(
    const std::string& worker, absl::Duration lease) {
  absl::MutexLock lock(&mu_);
  RETURN_IF_ERROR(SetDurable(false));
  const absl::Time now = clock_.Now();
  const int64_t now_us = absl::ToUnixMicros(now);
  ASSIGN_OR_RETURN(base::Statement q,
                   db_->Prepare("SELECT seq, state, record FROM jobs WHERE "
                                "(state = ?1 AND not_before_us <= ?3) OR "
                                "(state = ?2 AND lease_expires_us < ?3) "
                                "ORDER BY seq LIMIT 1"));
  q.Bind(1, static_cast<int64_t>(v1::QUEUED))
      .Bind(2, static_cast<int64_t>(v1::PROCESSING))
      .Bind(3, now_us);
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return std::nullopt;
  const int64_t seq = q.ColumnInt(0);
  ASSIGN_OR_RETURN(v1::Record record, ReadRecord(q, 1));
  record.set_state(v1::PROCESSING);
  record.set_attempts(record.attempts() + 1);
  *record.mutable_updated_at() = base::ToProtoTime(now);

  ASSIGN_OR_RETURN(
      base::Statement update,
      db_->Prepare("UPDATE jobs SET state = ?, lease_owner = ?, "
                   "lease_expires_us = ?, record = ? WHERE seq = ?"));
  update.Bind(1, static_cast<int64_t>(v1::PROCESSING))
      .Bind(2, worker)
      .Bind(3, absl::ToUnixMicros(now + lease))
      .BindBlob(4, record.SerializeAsString())
      .Bind(5, seq);
  RETURN_IF_ERROR(update.Run());
  return record;
}

absl::Status SqliteJobQueue::Update(const v1::Record& record,
                                    const std::string& worker,
                                    absl::Time not_before) {
  absl::MutexLock lock(&mu_);
  RETURN_IF_ERROR(SetDurable(false));
  v1::Record stored = record;
  *stored.mutable_updated_at() = base::ToProtoTime(clock_.Now());
  ASSIGN_OR_RETURN(
      base::Statement update,
      db_->Prepare("UPDATE jobs SET state = ?1, record = ?2, "
                   "not_before_us = ?3, "
                   "lease_owner = CASE WHEN ?1 = ?6 THEN lease_owner END, "
                   "lease_expires_us = CASE WHEN ?1 = ?6 THEN lease_expires_us "
                   "END WHERE document_id = ?4 AND lease_owner = ?5"));
  update.Bind(1, static_cast<int64_t>(record.state()))
      .BindBlob(2, stored.SerializeAsString())
      .Bind(3, not_before == absl::InfinitePast()
                   ? 0
                   : absl::ToUnixMicros(not_before))
      .Bind(4, record.document_id())
      .Bind(5, worker)
      .Bind(6, static_cast<int64_t>(v1::PROCESSING));
  RETURN_IF_ERROR(update.Run());
  if (db_->Changes() != 1) {
    return absl::FailedPreconditionError(
        absl::StrCat("worker ", worker, " no longer holds the lease on ",
                     record.document_id()));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> SqliteJobQueue::RequeueAll() {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement update,
      db_->Prepare("UPDATE jobs SET state = ?, lease_owner = NULL, "
                   "lease_expires_us = NULL WHERE state = ?"));
  update.Bind(1, static_cast<int64_t>(v1::QUEUED))
      .Bind(2, static_cast<int64_t>(v1::PROCESSING));
  RETURN_IF_ERROR(update.Run());
  return db_->Changes();
}

}  // namespace docintake::intake
