// SqliteMetadataStore: the embedded MetadataStore in archive.db (SQLite, WAL,
// synchronous=FULL). Triggers refuse UPDATE and DELETE on versions, leaves,
// checkpoints, timestamps and audit rows, and refuse deleting a salt before
// its document's tombstone exists — so nothing but this class's write path
// changes the archive's metadata. Thread-safe (one connection behind a
// mutex).
#ifndef DOCINTAKE_ARCHIVE_SQLITE_METADATA_STORE_H_
#define DOCINTAKE_ARCHIVE_SQLITE_METADATA_STORE_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "archive/metadata_store.h"
#include "base/sqlite.h"

namespace docintake::archive {

class SqliteMetadataStore final : public MetadataStore {
 public:
  // Opens (creating) the database at `path`.
  static absl::StatusOr<std::unique_ptr<SqliteMetadataStore>> Open(
      const std::string& path);

  absl::Status AppendVersion(const VersionRow& version, const std::string& salt,
                             const LeafRow& leaf) override;
  absl::Status AppendTombstone(const VersionRow& tombstone,
                               const LeafRow& leaf) override;
  absl::Status AppendAuditEvent(const std::string& document_id, absl::Time at,
                                const LeafRow& leaf) override;
  absl::StatusOr<VersionRow> ReadVersion(const std::string& document_id,
                                         uint64_t version) override;
  absl::StatusOr<std::vector<VersionRow>> ListVersions(
      const std::string& document_id) override;
  absl::StatusOr<std::vector<VersionRow>> AllVersions() override;
  absl::StatusOr<bool> ContentStillNeeded(const std::string& content_address,
                                          const std::string& except) override;
  absl::Status PutProposal(const std::string& document_id,
                           const v1::Disposition& proposal) override;
  absl::StatusOr<std::optional<v1::Disposition>> GetProposal(
      const std::string& document_id) override;
  absl::StatusOr<std::string> LeafData(uint64_t index) override;
  absl::StatusOr<std::vector<LeafRow>> AllLeaves() override;
  absl::StatusOr<std::vector<LeafRow>> AuditLeaves(
      const std::string& document_id, absl::Time from, absl::Time until,
      int64_t after_index, int limit) override;
  absl::Status AddCheckpoint(const v1::SignedCheckpoint& checkpoint) override;
  absl::Status AddTimestamp(uint64_t tree_size,
                            const std::string& token_der) override;
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> GetCheckpoint(
      uint64_t tree_size) override;
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> FirstCheckpointAbove(
      uint64_t index) override;
  absl::StatusOr<std::vector<v1::SignedCheckpoint>> AllCheckpoints() override;
  absl::StatusOr<std::vector<uint64_t>> UntimestampedCheckpoints() override;

 private:
  explicit SqliteMetadataStore(std::unique_ptr<base::Database> db)
      : db_(std::move(db)) {}
  // Runs `body` in one IMMEDIATE transaction; rolls back on error.
  absl::Status InTransaction(const std::function<absl::Status()>& body)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status InsertVersionRow(const VersionRow& version)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status InsertLeafRow(const LeafRow& leaf)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status DeleteForDocument(absl::string_view table,
                                 const std::string& document_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::vector<VersionRow>> QueryVersions(
      absl::string_view where_and_order, const std::string& arg)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::vector<v1::SignedCheckpoint>> QueryCheckpoints(
      absl::string_view where_and_order, int64_t arg)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  const std::unique_ptr<base::Database> db_ ABSL_PT_GUARDED_BY(mu_);
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_SQLITE_METADATA_STORE_H_
