// SqliteMetadataStore: schema, record versions, salts and proposals.
// (Leaves, checkpoints and audit queries: sqlite_metadata_log.cc.)
#include "archive/sqlite_metadata_store.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

constexpr absl::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS record_versions (
  document_id     TEXT    NOT NULL,
  version         INTEGER NOT NULL,
  content_address TEXT    NOT NULL,
  archived_at_us  INTEGER NOT NULL,
  record          BLOB    NOT NULL,
  log_index       INTEGER NOT NULL UNIQUE,
  reason          INTEGER NOT NULL,
  PRIMARY KEY (document_id, version)
);
-- One salt per document: every version commits to the same content.
CREATE TABLE IF NOT EXISTS content_salts (
  document_id TEXT PRIMARY KEY,
  salt        BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS disposition_proposals (
  document_id    TEXT PRIMARY KEY,
  proposed_by    TEXT    NOT NULL,
  reason         TEXT    NOT NULL,
  proposed_at_us INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS log_leaves (
  log_index INTEGER PRIMARY KEY,
  leaf_data BLOB    NOT NULL,
  leaf_hash BLOB    NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
  tree_size     INTEGER PRIMARY KEY,
  root_hash     BLOB    NOT NULL,
  created_at_us INTEGER NOT NULL,
  note          TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoint_timestamps (
  tree_size INTEGER PRIMARY KEY REFERENCES checkpoints (tree_size),
  token     BLOB    NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_events (
  log_index   INTEGER PRIMARY KEY,
  document_id TEXT    NOT NULL,
  at_us       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_events_by_document
  ON audit_events (document_id, log_index);
CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (at_us);
CREATE INDEX IF NOT EXISTS record_versions_by_content
  ON record_versions (content_address);
-- A salt goes only with its content, after a disposition's tombstone.
CREATE TRIGGER IF NOT EXISTS content_salts_no_delete
  BEFORE DELETE ON content_salts
  WHEN NOT EXISTS (SELECT 1 FROM record_versions
                   WHERE document_id = OLD.document_id AND reason = 4)
  BEGIN SELECT RAISE(ABORT, 'content salts are kept until disposition'); END;
)sql";

// Tables whose rows are never changed or deleted.
constexpr absl::string_view kImmutableTables[] = {
    "record_versions", "content_salts",         "log_leaves",
    "checkpoints",     "checkpoint_timestamps", "audit_events"};

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteMetadataStore>> SqliteMetadataStore::Open(
    const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::Database> db,
                   base::Database::Open(path));
  RETURN_IF_ERROR(db->Exec(kSchema));
  for (absl::string_view table : kImmutableTables) {
    RETURN_IF_ERROR(db->Exec(absl::StrCat(
        "CREATE TRIGGER IF NOT EXISTS ", table, "_no_update BEFORE UPDATE ON ",
        table, " BEGIN SELECT RAISE(ABORT, '", table,
        " rows are immutable'); END;")));
    if (table == "content_salts") continue;  // deletable after a tombstone
    RETURN_IF_ERROR(db->Exec(absl::StrCat(
        "CREATE TRIGGER IF NOT EXISTS ", table, "_no_delete BEFORE DELETE ON ",
        table, " BEGIN SELECT RAISE(ABORT, '", table,
        " rows are immutable'); END;")));
  }
  return std::unique_ptr<SqliteMetadataStore>(
      new SqliteMetadataStore(std::move(db)));
}

absl::Status SqliteMetadataStore::InTransaction(
    const std::function<absl::Status()>& body) {
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  absl::Status status = body();
  if (status.ok()) status = db_->Exec("COMMIT");
  if (!status.ok()) db_->Exec("ROLLBACK").IgnoreError();
  return status;
}

absl::Status SqliteMetadataStore::InsertVersionRow(const VersionRow& v) {
  ASSIGN_OR_RETURN(
      base::Statement insert,
      db_->Prepare("INSERT INTO record_versions (document_id, version, "
                   "content_address, archived_at_us, record, log_index, "
                   "reason) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, v.document_id)
      .Bind(2, static_cast<int64_t>(v.version))
      .Bind(3, v.content_address)
      .Bind(4, absl::ToUnixMicros(v.archived_at))
      .BindBlob(5, v.record_bytes)
      .Bind(6, static_cast<int64_t>(v.log_index))
      .Bind(7, static_cast<int64_t>(v.reason));
  return insert.Run();
}

absl::Status SqliteMetadataStore::DeleteForDocument(
    absl::string_view table, const std::string& document_id) {
  ASSIGN_OR_RETURN(base::Statement del,
                   db_->Prepare(absl::StrCat("DELETE FROM ", table,
                                             " WHERE document_id = ?")));
  del.Bind(1, document_id);
  return del.Run();
}

absl::Status SqliteMetadataStore::AppendVersion(const VersionRow& version,
                                                const std::string& salt,
                                                const LeafRow& leaf) {
  absl::MutexLock lock(&mu_);
  return InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(InsertVersionRow(version));
    if (!salt.empty()) {
      ASSIGN_OR_RETURN(base::Statement insert,
                       db_->Prepare("INSERT INTO content_salts (document_id, "
                                    "salt) VALUES (?, ?)"));
      insert.Bind(1, version.document_id).BindBlob(2, salt);
      RETURN_IF_ERROR(insert.Run());
    }
    return InsertLeafRow(leaf);
  });
}

absl::Status SqliteMetadataStore::AppendTombstone(const VersionRow& tombstone,
                                                  const LeafRow& leaf) {
  absl::MutexLock lock(&mu_);
  return InTransaction([&]() -> absl::Status {
    // The tombstone first: the salt trigger allows the delete only after it.
    RETURN_IF_ERROR(InsertVersionRow(tombstone));
    RETURN_IF_ERROR(DeleteForDocument("content_salts", tombstone.document_id));
    RETURN_IF_ERROR(
        DeleteForDocument("disposition_proposals", tombstone.document_id));
    return InsertLeafRow(leaf);
  });
}

absl::StatusOr<std::vector<VersionRow>> SqliteMetadataStore::QueryVersions(
    absl::string_view where_and_order, const std::string& arg) {
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare(absl::StrCat(
          "SELECT v.document_id, v.version, v.content_address, "
          "v.archived_at_us, v.record, v.log_index, v.reason, s.salt, "
          "EXISTS (SELECT 1 FROM record_versions t WHERE t.document_id = "
          "v.document_id AND t.reason = 4) FROM record_versions v LEFT JOIN "
          "content_salts s ON s.document_id = v.document_id ",
          where_and_order)));
  if (!arg.empty()) q.Bind(1, arg);
  std::vector<VersionRow> rows;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return rows;
    VersionRow& v = rows.emplace_back();
    v.document_id = q.ColumnText(0);
    v.version = static_cast<uint64_t>(q.ColumnInt(1));
    v.content_address = q.ColumnText(2);
    v.archived_at = absl::FromUnixMicros(q.ColumnInt(3));
    v.record_bytes = q.ColumnText(4);
    v.log_index = static_cast<uint64_t>(q.ColumnInt(5));
    v.reason = static_cast<v1::ArchiveFacts::VersionReason>(q.ColumnInt(6));
    v.salt = q.ColumnText(7);
    v.disposed = q.ColumnInt(8) != 0;
  }
}

absl::StatusOr<VersionRow> SqliteMetadataStore::ReadVersion(
    const std::string& document_id, uint64_t version) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      std::vector<VersionRow> rows,
      QueryVersions(version == 0
                        ? "WHERE v.document_id = ?1 ORDER BY v.version DESC "
                          "LIMIT 1"
                        : absl::StrCat("WHERE v.document_id = ?1 AND "
                                       "v.version = ",
                                       version),
                    document_id));
  if (rows.empty()) {
    return absl::NotFoundError(
        version == 0
            ? absl::StrCat("document ", document_id, " is not archived")
            : absl::StrCat("document ", document_id, " has no version ",
                           version));
  }
  return std::move(rows[0]);
}

absl::StatusOr<std::vector<VersionRow>> SqliteMetadataStore::ListVersions(
    const std::string& document_id) {
  absl::MutexLock lock(&mu_);
  return QueryVersions("WHERE v.document_id = ?1 ORDER BY v.version",
                       document_id);
}

absl::StatusOr<std::vector<VersionRow>> SqliteMetadataStore::AllVersions() {
  absl::MutexLock lock(&mu_);
  return QueryVersions("ORDER BY v.log_index", "");
}

absl::StatusOr<bool> SqliteMetadataStore::ContentStillNeeded(
    const std::string& content_address, const std::string& except) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare("SELECT 1 FROM record_versions v WHERE "
                   "v.content_address = ?1 AND v.document_id != ?2 AND NOT "
                   "EXISTS (SELECT 1 FROM record_versions t WHERE "
                   "t.document_id = v.document_id AND t.reason = 4) LIMIT 1"));
  q.Bind(1, content_address).Bind(2, except);
  return q.Step();
}

absl::Status SqliteMetadataStore::PutProposal(const std::string& document_id,
                                              const v1::Disposition& proposal) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(
      base::Statement insert,
      db_->Prepare("INSERT OR REPLACE INTO disposition_proposals "
                   "(document_id, proposed_by, reason, proposed_at_us) "
                   "VALUES (?, ?, ?, ?)"));
  insert.Bind(1, document_id)
      .Bind(2, proposal.proposed_by())
      .Bind(3, proposal.reason())
      .Bind(4, absl::ToUnixMicros(base::FromProtoTime(proposal.proposed_at())));
  return insert.Run();
}

absl::StatusOr<std::optional<v1::Disposition>> SqliteMetadataStore::GetProposal(
    const std::string& document_id) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(base::Statement q,
                   db_->Prepare("SELECT proposed_by, reason, proposed_at_us "
                                "FROM disposition_proposals WHERE "
                                "document_id = ?"));
  q.Bind(1, document_id);
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return std::nullopt;
  v1::Disposition proposal;
  proposal.set_proposed_by(q.ColumnText(0));
  proposal.set_reason(q.ColumnText(1));
  *proposal.mutable_proposed_at() =
      base::ToProtoTime(absl::FromUnixMicros(q.ColumnInt(2)));
  return proposal;
}

}  // namespace docintake::archive
