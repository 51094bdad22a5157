// RecordStore: the audit trail — each event is a log leaf (so it is covered
// by the signed checkpoints) plus an indexed row for queries.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "archive/record_store.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

constexpr int kMaxPageSize = 1000;

}  // namespace

absl::Status RecordStore::CreateAuditSchema() {
  return db_->Exec(R"sql(
CREATE TABLE IF NOT EXISTS audit_events (
  log_index   INTEGER PRIMARY KEY,
  document_id TEXT    NOT NULL,
  at_us       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_events_by_document
  ON audit_events (document_id, log_index);
CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (at_us);
CREATE TRIGGER IF NOT EXISTS audit_events_immutable_u
  BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are immutable'); END;
CREATE TRIGGER IF NOT EXISTS audit_events_immutable_d
  BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are immutable'); END;
)sql");
}

absl::StatusOr<uint64_t> RecordStore::RecordAuditEvent(
    v1::AuditEventEntry event) {
  if (!event.has_at()) *event.mutable_at() = base::ToProtoTime(clock_.Now());
  v1::LogLeaf leaf;
  *leaf.mutable_audit_event() = event;
  absl::MutexLock lock(&mu_);
  const uint64_t index = log_->size();
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  absl::StatusOr<std::string> hash = [&]() -> absl::StatusOr<std::string> {
    ASSIGN_OR_RETURN(base::Statement row,
                     db_->Prepare("INSERT INTO audit_events (log_index, "
                                  "document_id, at_us) VALUES (?, ?, ?)"));
    row.Bind(1, static_cast<int64_t>(index))
        .Bind(2, event.document_id())
        .Bind(3, absl::ToUnixMicros(base::FromProtoTime(event.at())));
    RETURN_IF_ERROR(row.Run());
    ASSIGN_OR_RETURN(std::string leaf_hash,
                     log_->InsertLeaf(leaf.SerializeAsString()));
    RETURN_IF_ERROR(db_->Exec("COMMIT"));
    return leaf_hash;
  }();
  if (!hash.ok()) {
    db_->Exec("ROLLBACK").IgnoreError();
    return hash.status();
  }
  log_->Appended(*std::move(hash));
  return index;
}

absl::StatusOr<v1::ListAuditEventsReply> RecordStore::ListAuditEvents(
    const v1::ListAuditEventsRequest& request) {
  int64_t after_index = -1;
  if (!request.page_token().empty() &&
      (!absl::SimpleAtoi(request.page_token(), &after_index) ||
       after_index < 0)) {
    return absl::InvalidArgumentError("malformed page token");
  }
  if (request.page_size() < 0) {
    return absl::InvalidArgumentError("page_size must not be negative");
  }
  const int page_size = request.page_size() == 0
                            ? 100
                            : std::min(request.page_size(), kMaxPageSize);
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare("SELECT a.log_index, l.leaf_data FROM audit_events a JOIN "
                   "log_leaves l ON l.log_index = a.log_index "
                   "WHERE a.log_index > ?1 AND (?2 = '' OR a.document_id = ?2) "
                   "AND a.at_us >= ?3 AND a.at_us < ?4 "
                   "ORDER BY a.log_index LIMIT ?5"));
  q.Bind(1, after_index)
      .Bind(2, request.document_id())
      .Bind(3, request.has_after()
                   ? absl::ToUnixMicros(base::FromProtoTime(request.after()))
                   : INT64_MIN)
      .Bind(4, request.has_before()
                   ? absl::ToUnixMicros(base::FromProtoTime(request.before()))
                   : INT64_MAX)
      .Bind(5, static_cast<int64_t>(page_size) + 1);
  v1::ListAuditEventsReply reply;
  int64_t last = -1;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    if (reply.events_size() == page_size) {
      reply.set_next_page_token(absl::StrCat(last));
      break;
    }
    last = q.ColumnInt(0);
    v1::LogLeaf leaf;
    if (!leaf.ParseFromString(q.ColumnText(1)) || !leaf.has_audit_event()) {
      return absl::DataLossError(
          absl::StrCat("log leaf ", last, " is not a readable audit event"));
    }
    v1::AuditEvent& event = *reply.add_events();
    event.set_log_index(static_cast<uint64_t>(last));
    *event.mutable_event() = std::move(*leaf.mutable_audit_event());
  }
  return reply;
}

}  // namespace docintake::archive
