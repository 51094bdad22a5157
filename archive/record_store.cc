#include "archive/record_store.h"

#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/file_object_store.h"
#include "archive/sqlite_metadata_store.h"
#include "base/random.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

constexpr size_t kSaltBytes = 32;

absl::StatusOr<v1::Record> ParseVersion(const VersionRow& row) {
  v1::Record record;
  if (!record.ParseFromString(row.record_bytes)) {
    return absl::DataLossError(absl::StrCat("archived record of ",
                                            row.document_id, " version ",
                                            row.version, " does not parse"));
  }
  return record;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RecordStore>> RecordStore::Open(
    base::FileSystem& fs, const base::Clock& clock,
    const RecordStoreOptions& options) {
  RETURN_IF_ERROR(fs.CreateDirs(options.dir));
  ASSIGN_OR_RETURN(
      std::unique_ptr<FileObjectStore> objects,
      FileObjectStore::Open(fs, absl::StrCat(options.dir, "/objects")));
  ASSIGN_OR_RETURN(
      std::unique_ptr<SqliteMetadataStore> metadata,
      SqliteMetadataStore::Open(absl::StrCat(options.dir, "/archive.db")));
  return Create(clock, options, std::move(objects), std::move(metadata));
}

absl::StatusOr<std::unique_ptr<RecordStore>> RecordStore::Create(
    const base::Clock& clock, const RecordStoreOptions& options,
    std::unique_ptr<ObjectStore> objects,
    std::unique_ptr<MetadataStore> metadata) {
  RETURN_IF_ERROR(ValidateOrigin(options.origin));
  RecordStoreOptions opts = options;
  if (opts.key_path.empty()) {
    opts.key_path = absl::StrCat(opts.dir, "/archive-key.pem");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<SigningKey> key,
                   SigningKey::LoadOrCreate(opts.key_path, opts.key_algorithm));
  std::unique_ptr<RecordStore> store(
      new RecordStore(clock, std::move(opts), std::move(objects),
                      std::move(metadata), std::move(key)));
  absl::MutexLock lock(&store->mu_);
  ASSIGN_OR_RETURN(store->log_, ArchiveLog::Open(*store->metadata_));
  return store;
}

VersionRow RecordStore::RowFor(const v1::Record& archived) const {
  const v1::ArchiveFacts& facts = archived.archive();
  VersionRow row;
  row.document_id = archived.document_id();
  row.version = facts.version();
  row.content_address = facts.content_address();
  row.archived_at = base::FromProtoTime(facts.archived_at());
  row.record_bytes = archived.SerializeAsString();
  row.log_index = facts.log_index();
  row.reason = facts.reason();
  return row;
}

LeafRow RecordStore::LeafFor(const v1::Record& archived,
                             const std::string& record_bytes,
                             std::string content_commitment) const {
  v1::LogLeaf leaf;
  v1::RecordVersionEntry& entry = *leaf.mutable_record_version();
  entry.set_document_id(archived.document_id());
  entry.set_version(archived.archive().version());
  entry.set_content_commitment(std::move(content_commitment));
  base::Sha256 record_hash;
  record_hash.Update(record_bytes);
  entry.set_record_hash(record_hash.Finish());
  *entry.mutable_archived_at() = archived.archive().archived_at();
  return log_->NextLeaf(leaf.SerializeAsString());
}

absl::StatusOr<v1::ArchiveFacts> RecordStore::Archive(
    const v1::Record& record, absl::string_view content,
    absl::string_view rendition) {
  // Content first: a record row must never point at a missing object.
  ASSIGN_OR_RETURN(std::string address, objects_->Put(content));
  if (!rendition.empty() || record.has_rendition()) {
    if (rendition.empty()) {
      return absl::InvalidArgumentError(
          "the record names a rendition but none was given");
    }
    ASSIGN_OR_RETURN(std::string rendition_address, objects_->Put(rendition));
    if (rendition_address != record.rendition().content_address()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the rendition's bytes have address ", rendition_address,
          ", the record names ", record.rendition().content_address()));
    }
  }

  absl::MutexLock lock(&mu_);
  absl::StatusOr<VersionRow> existing =
      metadata_->ReadVersion(record.document_id(), 1);
  if (existing.ok()) {
    ASSIGN_OR_RETURN(v1::Record stored, ParseVersion(*existing));
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

  const VersionRow row = RowFor(archived);
  const std::string salt = base::RandomBytes(kSaltBytes);
  base::Sha256 commitment;
  commitment.Update(salt);
  commitment.Update(content);
  const LeafRow leaf = LeafFor(archived, row.record_bytes, commitment.Finish());
  RETURN_IF_ERROR(metadata_->AppendVersion(row, salt, leaf));
  log_->Appended(leaf);
  return facts;
}

absl::StatusOr<v1::Record> RecordStore::LatestLocked(
    absl::string_view document_id) {
  ASSIGN_OR_RETURN(VersionRow row,
                   metadata_->ReadVersion(std::string(document_id), 0));
  return ParseVersion(row);
}

absl::StatusOr<v1::Record> RecordStore::GetRecord(
    absl::string_view document_id) {
  absl::MutexLock lock(&mu_);
  return LatestLocked(document_id);
}

absl::StatusOr<std::unique_ptr<base::SequentialFile>> RecordStore::OpenContent(
    absl::string_view document_id, bool rendition) {
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
    if (rendition) {
      if (!latest.has_rendition()) {
        return absl::NotFoundError(
            absl::StrCat("document ", document_id, " has no rendition"));
      }
      address = latest.rendition().content_address();
    }
  }
  return objects_->Open(address);
}

}  // namespace docintake::archive
