// SqliteMetadataStore: log leaves, audit events and checkpoints.
#include "absl/strings/str_cat.h"
#include "archive/sqlite_metadata_store.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

// The rows of a query selecting (log_index, leaf_data, leaf_hash).
absl::StatusOr<std::vector<LeafRow>> ReadLeafRows(base::Statement& q) {
  std::vector<LeafRow> leaves;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return leaves;
    leaves.push_back({static_cast<uint64_t>(q.ColumnInt(0)), q.ColumnText(1),
                      q.ColumnText(2)});
  }
}

}  // namespace

absl::Status SqliteMetadataStore::InsertLeafRow(const LeafRow& leaf) {
  ASSIGN_OR_RETURN(base::Statement insert,
                   db_->Prepare("INSERT INTO log_leaves (log_index, leaf_data, "
                                "leaf_hash) VALUES (?, ?, ?)"));
  insert.Bind(1, static_cast<int64_t>(leaf.index))
      .BindBlob(2, leaf.data)
      .BindBlob(3, leaf.hash);
  return insert.Run();
}

absl::Status SqliteMetadataStore::AppendAuditEvent(
    const std::string& document_id, absl::Time at, const LeafRow& leaf) {
  absl::MutexLock lock(&mu_);
  return InTransaction([&]() -> absl::Status {
    ASSIGN_OR_RETURN(base::Statement row,
                     db_->Prepare("INSERT INTO audit_events (log_index, "
                                  "document_id, at_us) VALUES (?, ?, ?)"));
    row.Bind(1, static_cast<int64_t>(leaf.index))
        .Bind(2, document_id)
        .Bind(3, absl::ToUnixMicros(at));
    RETURN_IF_ERROR(row.Run());
    return InsertLeafRow(leaf);
  });
}

absl::StatusOr<std::string> SqliteMetadataStore::LeafData(uint64_t index) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare("SELECT leaf_data FROM log_leaves WHERE log_index = ?"));
  q.Bind(1, static_cast<int64_t>(index));
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return absl::NotFoundError(absl::StrCat("no log leaf ", index));
  return q.ColumnText(0);
}

absl::StatusOr<std::vector<LeafRow>> SqliteMetadataStore::AllLeaves() {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(base::Statement q,
                   db_->Prepare("SELECT log_index, leaf_data, leaf_hash FROM "
                                "log_leaves ORDER BY log_index"));
  return ReadLeafRows(q);
}

absl::StatusOr<std::vector<LeafRow>> SqliteMetadataStore::AuditLeaves(
    const std::string& document_id, absl::Time from, absl::Time until,
    int64_t after_index, int limit) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare("SELECT a.log_index, l.leaf_data, l.leaf_hash FROM "
                   "audit_events a JOIN log_leaves l ON l.log_index = "
                   "a.log_index WHERE a.log_index > ?1 AND "
                   "(?2 = '' OR a.document_id = ?2) AND a.at_us >= ?3 AND "
                   "a.at_us < ?4 ORDER BY a.log_index LIMIT ?5"));
  q.Bind(1, after_index)
      .Bind(2, document_id)
      .Bind(3,
            from == absl::InfinitePast() ? INT64_MIN : absl::ToUnixMicros(from))
      .Bind(4, until == absl::InfiniteFuture() ? INT64_MAX
                                               : absl::ToUnixMicros(until))
      .Bind(5, static_cast<int64_t>(limit));
  return ReadLeafRows(q);
}

absl::Status SqliteMetadataStore::AddCheckpoint(
    const v1::SignedCheckpoint& checkpoint) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement insert,
      db_->Prepare("INSERT INTO checkpoints (tree_size, root_hash, "
                   "created_at_us, note) VALUES (?, ?, ?, ?)"));
  insert.Bind(1, static_cast<int64_t>(checkpoint.tree_size()))
      .BindBlob(2, checkpoint.root_hash())
      .Bind(3, absl::ToUnixMicros(base::FromProtoTime(checkpoint.created_at())))
      .Bind(4, checkpoint.note());
  return insert.Run();
}

absl::Status SqliteMetadataStore::AddTimestamp(uint64_t tree_size,
                                               const std::string& token_der) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(base::Statement insert,
                   db_->Prepare("INSERT INTO checkpoint_timestamps (tree_size, "
                                "token) VALUES (?, ?)"));
  insert.Bind(1, static_cast<int64_t>(tree_size)).BindBlob(2, token_der);
  return insert.Run();
}

absl::StatusOr<std::vector<v1::SignedCheckpoint>>
SqliteMetadataStore::QueryCheckpoints(absl::string_view where_and_order,
                                      int64_t arg) {
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare(absl::StrCat(
          "SELECT c.tree_size, c.root_hash, c.created_at_us, c.note, t.token "
          "FROM checkpoints c LEFT JOIN checkpoint_timestamps t ON "
          "t.tree_size = c.tree_size ",
          where_and_order)));
  q.Bind(1, arg);
  std::vector<v1::SignedCheckpoint> checkpoints;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return checkpoints;
    v1::SignedCheckpoint& c = checkpoints.emplace_back();
    c.set_tree_size(static_cast<uint64_t>(q.ColumnInt(0)));
    c.set_root_hash(q.ColumnText(1));
    *c.mutable_created_at() =
        base::ToProtoTime(absl::FromUnixMicros(q.ColumnInt(2)));
    c.set_note(q.ColumnText(3));
    c.set_timestamp_token(q.ColumnText(4));
  }
}

absl::StatusOr<std::optional<v1::SignedCheckpoint>>
SqliteMetadataStore::GetCheckpoint(uint64_t tree_size) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      std::vector<v1::SignedCheckpoint> found,
      QueryCheckpoints(tree_size == 0
                           ? "WHERE ?1 = 0 ORDER BY c.tree_size DESC LIMIT 1"
                           : "WHERE c.tree_size = ?1",
                       static_cast<int64_t>(tree_size)));
  if (found.empty()) return std::nullopt;
  return std::move(found[0]);
}

absl::StatusOr<std::optional<v1::SignedCheckpoint>>
SqliteMetadataStore::FirstCheckpointAbove(uint64_t index) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      std::vector<v1::SignedCheckpoint> found,
      QueryCheckpoints("WHERE c.tree_size > ?1 ORDER BY c.tree_size LIMIT 1",
                       static_cast<int64_t>(index)));
  if (found.empty()) return std::nullopt;
  return std::move(found[0]);
}

absl::StatusOr<std::vector<v1::SignedCheckpoint>>
SqliteMetadataStore::AllCheckpoints() {
  absl::MutexLock lock(&mu_);
  return QueryCheckpoints("WHERE ?1 = 0 ORDER BY c.tree_size", 0);
}

absl::StatusOr<std::vector<uint64_t>>
SqliteMetadataStore::UntimestampedCheckpoints() {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare("SELECT c.tree_size FROM checkpoints c LEFT JOIN "
                   "checkpoint_timestamps t ON t.tree_size = c.tree_size "
                   "WHERE t.tree_size IS NULL ORDER BY c.tree_size"));
  std::vector<uint64_t> sizes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return sizes;
    sizes.push_back(static_cast<uint64_t>(q.ColumnInt(0)));
  }
}

}  // namespace docintake::archive
