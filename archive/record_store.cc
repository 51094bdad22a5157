#include "archive/record_store.h"

#include "absl/strings/str_cat.h"
#include "archive/file_object_store.h"
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
  PRIMARY KEY (document_id, version)
);
CREATE TRIGGER IF NOT EXISTS record_versions_no_update
  BEFORE UPDATE ON record_versions
  BEGIN SELECT RAISE(ABORT, 'archived record versions are immutable'); END;
CREATE TRIGGER IF NOT EXISTS record_versions_no_delete
  BEFORE DELETE ON record_versions
  BEGIN SELECT RAISE(ABORT, 'archived record versions are immutable'); END;
)sql";

absl::StatusOr<v1::Record> ParseRecord(const std::string& bytes,
                                       absl::string_view document_id) {
  v1::Record record;
  if (!record.ParseFromString(bytes)) {
    return absl::DataLossError(
        absl::StrCat("archived record of ", document_id, " does not parse"));
  }
  return record;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RecordStore>> RecordStore::Open(
    base::FileSystem& fs, const base::Clock& clock, const std::string& dir) {
  RETURN_IF_ERROR(fs.CreateDirs(dir));
  ASSIGN_OR_RETURN(std::unique_ptr<FileObjectStore> objects,
                   FileObjectStore::Open(fs, absl::StrCat(dir, "/objects")));
  ASSIGN_OR_RETURN(std::unique_ptr<base::Database> db,
                   base::Database::Open(absl::StrCat(dir, "/archive.db")));
  RETURN_IF_ERROR(db->Exec(kSchema));
  return std::unique_ptr<RecordStore>(
      new RecordStore(clock, std::move(objects), std::move(db)));
}

absl::StatusOr<v1::ArchiveFacts> RecordStore::Archive(
    const v1::Record& record, absl::string_view content) {
  // Content first: a record row must never point at a missing object.
  ASSIGN_OR_RETURN(std::string address, objects_->Put(content));

  absl::MutexLock lock(&mu_);
  absl::StatusOr<v1::Record> existing = [&]() -> absl::StatusOr<v1::Record> {
    ASSIGN_OR_RETURN(base::Statement q,
                     db_->Prepare("SELECT record FROM record_versions WHERE "
                                  "document_id = ? AND version = 1"));
    q.Bind(1, record.document_id());
    ASSIGN_OR_RETURN(bool found, q.Step());
    if (!found) return absl::NotFoundError("not archived");
    return ParseRecord(q.ColumnText(0), record.document_id());
  }();
  if (existing.ok()) return existing->archive();
  if (!absl::IsNotFound(existing.status())) return existing.status();

  v1::Record archived = record;
  v1::ArchiveFacts& facts = *archived.mutable_archive();
  facts.set_content_address(address);
  facts.set_version(1);
  const absl::Time now = clock_.Now();
  *facts.mutable_archived_at() = base::ToProtoTime(now);
  archived.set_state(v1::ARCHIVED);

  ASSIGN_OR_RETURN(
      base::Statement insert,
      db_->Prepare("INSERT INTO record_versions (document_id, version, "
                   "content_address, archived_at_us, record) "
                   "VALUES (?, 1, ?, ?, ?)"));
  insert.Bind(1, record.document_id())
      .Bind(2, address)
      .Bind(3, absl::ToUnixMicros(now))
      .BindBlob(4, archived.SerializeAsString());
  RETURN_IF_ERROR(insert.Run());
  return facts;
}

absl::StatusOr<v1::Record> RecordStore::GetRecord(
    absl::string_view document_id) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(base::Statement q,
                   db_->Prepare("SELECT record FROM record_versions WHERE "
                                "document_id = ? ORDER BY version DESC "
                                "LIMIT 1"));
  q.Bind(1, document_id);
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("document ", document_id, " is not archived"));
  }
  return ParseRecord(q.ColumnText(0), document_id);
}

absl::StatusOr<std::unique_ptr<base::SequentialFile>> RecordStore::OpenContent(
    absl::string_view document_id) {
  ASSIGN_OR_RETURN(v1::Record record, GetRecord(document_id));
  return objects_->Open(record.archive().content_address());
}

}  // namespace docintake::archive
