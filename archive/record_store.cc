#include "archive/record_store.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/file_object_store.h"
#include "base/random.h"
#include "base/sha256.h"
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
CREATE TRIGGER IF NOT EXISTS record_versions_no_update
  BEFORE UPDATE ON record_versions
  BEGIN SELECT RAISE(ABORT, 'archived record versions are immutable'); END;
CREATE TRIGGER IF NOT EXISTS record_versions_no_delete
  BEFORE DELETE ON record_versions
  BEGIN SELECT RAISE(ABORT, 'archived record versions are immutable'); END;
CREATE TRIGGER IF NOT EXISTS content_salts_no_update
  BEFORE UPDATE ON content_salts
  BEGIN SELECT RAISE(ABORT, 'content salts are immutable'); END;
-- A salt goes only with its content, after a disposition's tombstone.
CREATE TRIGGER IF NOT EXISTS content_salts_no_delete
  BEFORE DELETE ON content_salts
  WHEN NOT EXISTS (SELECT 1 FROM record_versions
                   WHERE document_id = OLD.document_id AND reason = 4)
  BEGIN SELECT RAISE(ABORT, 'content salts are kept until disposition'); END;
)sql";

constexpr size_t kSaltBytes = 32;

}  // namespace

absl::StatusOr<std::unique_ptr<RecordStore>> RecordStore::Open(
    base::FileSystem& fs, const base::Clock& clock,
    const RecordStoreOptions& options) {
  RETURN_IF_ERROR(ValidateOrigin(options.origin));
  RecordStoreOptions opts = options;
  if (opts.key_path.empty()) {
    opts.key_path = absl::StrCat(opts.dir, "/archive-key.pem");
  }
  RETURN_IF_ERROR(fs.CreateDirs(opts.dir));
  ASSIGN_OR_RETURN(
      std::unique_ptr<FileObjectStore> objects,
      FileObjectStore::Open(fs, absl::StrCat(opts.dir, "/objects")));
  ASSIGN_OR_RETURN(std::unique_ptr<base::Database> db,
                   base::Database::Open(absl::StrCat(opts.dir, "/archive.db")));
  RETURN_IF_ERROR(db->Exec(kSchema));
  ASSIGN_OR_RETURN(std::unique_ptr<SigningKey> key,
                   SigningKey::LoadOrCreate(opts.key_path, opts.key_algorithm));
  std::unique_ptr<RecordStore> store(
      new RecordStore(clock, std::move(opts), std::move(objects), std::move(db),
                      std::move(key)));
  absl::MutexLock lock(&store->mu_);
  ASSIGN_OR_RETURN(store->log_, ArchiveLog::Open(*store->db_));
  RETURN_IF_ERROR(store->CreateAuditSchema());
  return store;
}

absl::StatusOr<RecordStore::StoredVersion> RecordStore::ReadVersion(
    absl::string_view document_id, uint64_t version) {
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_->Prepare("SELECT v.record, v.content_address, s.salt, v.log_index "
                   "FROM record_versions v LEFT JOIN content_salts s ON "
                   "s.document_id = v.document_id "
                   "WHERE v.document_id = ?1 AND (?2 = 0 OR v.version = ?2) "
                   "ORDER BY v.version DESC LIMIT 1"));
  q.Bind(1, document_id).Bind(2, static_cast<int64_t>(version));
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) {
    return absl::NotFoundError(
        version == 0
            ? absl::StrCat("document ", document_id, " is not archived")
            : absl::StrCat("document ", document_id, " has no version ",
                           version));
  }
  StoredVersion stored;
  stored.record_bytes = q.ColumnText(0);
  stored.content_address = q.ColumnText(1);
  stored.salt = q.ColumnText(2);
  stored.log_index = static_cast<uint64_t>(q.ColumnInt(3));
  return stored;
}

absl::Status RecordStore::InsertVersion(
    const v1::Record& archived, const std::string& record_bytes,
    const std::string& salt, const std::string& leaf_data,
    const std::function<absl::Status()>& also) {
  const v1::ArchiveFacts& facts = archived.archive();
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  absl::StatusOr<std::string> leaf_hash = [&]() -> absl::StatusOr<std::string> {
    ASSIGN_OR_RETURN(
        base::Statement version,
        db_->Prepare("INSERT INTO record_versions (document_id, version, "
                     "content_address, archived_at_us, record, log_index, "
                     "reason) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    version.Bind(1, archived.document_id())
        .Bind(2, static_cast<int64_t>(facts.version()))
        .Bind(3, facts.content_address())
        .Bind(4, absl::ToUnixMicros(base::FromProtoTime(facts.archived_at())))
        .BindBlob(5, record_bytes)
        .Bind(6, static_cast<int64_t>(facts.log_index()))
        .Bind(7, static_cast<int64_t>(facts.reason()));
    RETURN_IF_ERROR(version.Run());
    if (!salt.empty()) {
      ASSIGN_OR_RETURN(base::Statement salt_row,
                       db_->Prepare("INSERT INTO content_salts (document_id, "
                                    "salt) VALUES (?, ?)"));
      salt_row.Bind(1, archived.document_id()).BindBlob(2, salt);
      RETURN_IF_ERROR(salt_row.Run());
    }
    if (also) RETURN_IF_ERROR(also());
    ASSIGN_OR_RETURN(std::string hash, log_->InsertLeaf(leaf_data));
    RETURN_IF_ERROR(db_->Exec("COMMIT"));
    return hash;
  }();
  if (!leaf_hash.ok()) {
    db_->Exec("ROLLBACK").IgnoreError();
    return leaf_hash.status();
  }
  log_->Appended(*std::move(leaf_hash));
  return absl::OkStatus();
}

std::string RecordStore::LeafFor(const v1::Record& archived,
                                 const std::string& record_bytes,
                                 std::string content_commitment) {
  v1::LogLeaf leaf;
  v1::RecordVersionEntry& entry = *leaf.mutable_record_version();
  entry.set_document_id(archived.document_id());
  entry.set_version(archived.archive().version());
  entry.set_content_commitment(std::move(content_commitment));
  base::Sha256 record_hash;
  record_hash.Update(record_bytes);
  entry.set_record_hash(record_hash.Finish());
  *entry.mutable_archived_at() = archived.archive().archived_at();
  return leaf.SerializeAsString();
}

absl::StatusOr<v1::ArchiveFacts> RecordStore::Archive(
    const v1::Record& record, absl::string_view content) {
  // Content first: a record row must never point at a missing object.
  ASSIGN_OR_RETURN(std::string address, objects_->Put(content));

  absl::MutexLock lock(&mu_);
  absl::StatusOr<StoredVersion> existing = ReadVersion(record.document_id(), 1);
  if (existing.ok()) {
    v1::Record stored;
    if (!stored.ParseFromString(existing->record_bytes)) {
      return absl::DataLossError(absl::StrCat(
          "archived record of ", record.document_id(), " does not parse"));
    }
    return stored.archive();
  }
  if (!absl::IsNotFound(existing.status())) return existing.status();

  const absl::Time now = clock_.Now();
  v1::Record archived = record;
  archived.set_state(v1::ARCHIVED);
  v1::ArchiveFacts& facts = *archived.mutable_archive();
  facts.set_content_address(address);
  facts.set_version(1);
  *facts.mutable_archived_at() = base::ToProtoTime(now);
  facts.set_log_index(log_->size());
  facts.set_reason(v1::ArchiveFacts::ORIGINAL);
  const RetentionDecision retention = options_.retention.Decide(
      record.intake().declared_document_type(),
      v1::Channel_Name(record.intake().channel()),
      base::FromProtoTime(record.intake().received_at()));
  *facts.mutable_retain_until() = base::ToProtoTime(retention.retain_until);
  facts.set_retention_rule(retention.rule);
  const std::string record_bytes = archived.SerializeAsString();

  const std::string salt = base::RandomBytes(kSaltBytes);
  base::Sha256 commitment;
  commitment.Update(salt);
  commitment.Update(content);
  RETURN_IF_ERROR(
      InsertVersion(archived, record_bytes, salt,
                    LeafFor(archived, record_bytes, commitment.Finish())));
  return facts;
}

absl::StatusOr<v1::Record> RecordStore::GetRecord(
    absl::string_view document_id) {
  absl::MutexLock lock(&mu_);
  return LatestLocked(document_id);
}

absl::StatusOr<std::unique_ptr<base::SequentialFile>> RecordStore::OpenContent(
    absl::string_view document_id) {
  std::string address;
  {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(v1::Record latest, LatestLocked(document_id));
    if (latest.archive().reason() == v1::ArchiveFacts::DISPOSED) {
      const v1::Disposition& d = latest.archive().disposition();
      return absl::FailedPreconditionError(absl::StrCat(
          "the content of ", document_id,
          " was deleted by a disposition approved by ", d.approved_by()));
    }
    address = latest.archive().content_address();
  }
  return objects_->Open(address);
}

}  // namespace docintake::archive
