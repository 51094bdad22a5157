// RecordStore: the archive — original bytes in an ObjectStore; archived
// record versions, the append-only Merkle log, its signed checkpoints and the
// audit trail in a MetadataStore (embedded: files + SQLite archive.db).
// Archive() is durability point 2: when it returns OK the content, the record
// version and its log leaf survive any crash. Versions, leaves and checkpoints
// are immutable (SQLite triggers refuse UPDATE and DELETE). Thread-safe.
#ifndef DOCINTAKE_ARCHIVE_RECORD_STORE_H_
#define DOCINTAKE_ARCHIVE_RECORD_STORE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "archive/archive_log.h"
#include "archive/metadata_store.h"
#include "archive/object_store.h"
#include "archive/retention_policy.h"
#include "archive/signing_key.h"
#include "archive/timestamp.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "docintake/v1/archive.pb.h"
#include "docintake/v1/log.pb.h"
#include "docintake/v1/record.pb.h"

namespace docintake::archive {

struct RecordStoreOptions {
  // Folder of objects/, archive.db and (by default) the key.
  std::string dir;
  // Names the log (and its key) in checkpoint notes.
  std::string origin = "docintake/archive";
  // PKCS#8 PEM private key, created with mode 0600 if missing; default
  // dir/archive-key.pem.
  std::string key_path;
  KeyAlgorithm key_algorithm = KeyAlgorithm::kEd25519;
  // Sets retain_until on every archived record.
  RetentionPolicy retention = RetentionPolicy::Defaults();
};

class RecordStore {
 public:
  // Opens (creating) the embedded archive under options.dir: objects/ and
  // archive.db. `fs` and `clock` must outlive the store.
  static absl::StatusOr<std::unique_ptr<RecordStore>> Open(
      base::FileSystem& fs, const base::Clock& clock,
      const RecordStoreOptions& options);
  // The archive over any stores (e.g. S3 + PostgreSQL); options.dir is used
  // only for the default key path.
  static absl::StatusOr<std::unique_ptr<RecordStore>> Create(
      const base::Clock& clock, const RecordStoreOptions& options,
      std::unique_ptr<ObjectStore> objects,
      std::unique_ptr<MetadataStore> metadata);

  // Stores `content` and `record` (with its ArchiveFacts filled in) as version
  // 1 of the document, and appends its leaf to the log. A non-empty
  // `rendition` is stored as an object too; record.rendition() must name it
  // (content_address "sha256:<hex>" of its bytes, INVALID_ARGUMENT
  // otherwise), so the record's log leaf commits to it. Idempotent:
  // archiving an already archived document returns the facts of the stored
  // version and writes nothing.
  absl::StatusOr<v1::ArchiveFacts> Archive(const v1::Record& record,
                                           absl::string_view content,
                                           absl::string_view rendition = {});

  // The latest archived version; NOT_FOUND if the document is not archived.
  absl::StatusOr<v1::Record> GetRecord(absl::string_view document_id);
  // The archived original bytes of the document, or with `rendition` its
  // searchable rendition (NOT_FOUND if it has none).
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> OpenContent(
      absl::string_view document_id, bool rendition = false);

  // Every version of the document, oldest first.
  absl::StatusOr<std::vector<v1::Record>> ListVersions(
      absl::string_view document_id);
  // Legal hold: appends a version with the hold set / cleared (who cleared
  // it and why is the caller's audit event). FAILED_PRECONDITION if already
  // held / not held, or disposed.
  absl::StatusOr<v1::Record> SetLegalHold(absl::string_view document_id,
                                          const std::string& reason,
                                          const std::string& actor);
  absl::StatusOr<v1::Record> ClearLegalHold(absl::string_view document_id);
  // Appends a CORRECTED version with the request's document type (retention
  // recomputed from it) and metadata changes. INVALID_ARGUMENT without a
  // reason or a change; FAILED_PRECONDITION once disposed.
  absl::StatusOr<v1::Record> CorrectRecord(
      const v1::CorrectRecordRequest& request, const std::string& actor);
  // Records a proposal to dispose of the document. FAILED_PRECONDITION
  // (saying why) before retain_until, under legal hold, or if disposed.
  absl::StatusOr<v1::Disposition> ProposeDisposition(
      absl::string_view document_id, const std::string& reason,
      const std::string& actor);
  // Carries out a proposal: `actor` must not be the proposer
  // (FAILED_PRECONDITION), retention must have ended and no hold be active.
  // Appends a DISPOSED tombstone version, deletes the salt and, once no other
  // document needs it, the content object. The log stays verifiable.
  absl::StatusOr<v1::Record> ApproveDisposition(absl::string_view document_id,
                                                const std::string& actor);

  // Signs a checkpoint if the log grew since the latest; nullopt otherwise.
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> CreateCheckpoint();
  // Asks `tsa` for a token on every checkpoint that has none yet; stops at
  // the first failure (UNAVAILABLE: try again later). Returns how many were
  // timestamped.
  absl::StatusOr<int> TimestampCheckpoints(
      TsaClient& tsa, const std::vector<std::string>& tsa_ca_pems);
  absl::StatusOr<v1::SignedCheckpoint> GetCheckpoint(uint64_t tree_size);
  // `version` 0 = latest; `tree_size` 0 = the first checkpoint covering it.
  absl::StatusOr<v1::InclusionProof> GetInclusionProof(
      absl::string_view document_id, uint64_t version, uint64_t tree_size);
  absl::StatusOr<v1::ConsistencyProof> GetConsistencyProof(uint64_t old_size,
                                                           uint64_t new_size);
  v1::ArchivePublicKey PublicKey() const;

  // Appends an audit event to the log (durably, in one transaction with its
  // query row); `at` defaults to now. Returns its log index. Callers record
  // the event before they serve the read it describes.
  absl::StatusOr<uint64_t> RecordAuditEvent(v1::AuditEventEntry event);
  // Audit events by document and/or time range, in log order, paged.
  absl::StatusOr<v1::ListAuditEventsReply> ListAuditEvents(
      const v1::ListAuditEventsRequest& request);

  // Re-hashes every object, record version and leaf from what is stored,
  // recomputes the tree and compares it with every signed checkpoint.
  // Failures are in the report; a non-OK status means it could not run.
  absl::StatusOr<v1::ScrubReport> Scrub();

  // What an evidence bundle needs besides the content: the latest version's
  // stored record bytes, its salt and leaf, the inclusion proof into the
  // latest checkpoint (which must cover it: FAILED_PRECONDITION otherwise)
  // and the public key.
  struct EvidenceMaterial {
    std::string record_bytes;
    std::string content_address;
    std::string salt;
    v1::InclusionProof proof;  // includes the leaf bytes and the checkpoint
    v1::ArchivePublicKey public_key;
  };
  absl::StatusOr<EvidenceMaterial> GetEvidenceMaterial(
      absl::string_view document_id);

  // Re-hashes the latest version's content and record, recomputes its leaf
  // and checks its inclusion in the latest checkpoint and that checkpoint's
  // signature. Failures are checks in the report; a non-OK status means the
  // verification itself could not run (e.g. NOT_FOUND).
  absl::StatusOr<v1::VerificationReport> VerifyRecord(
      absl::string_view document_id);

 private:
  RecordStore(const base::Clock& clock, RecordStoreOptions options,
              std::unique_ptr<ObjectStore> objects,
              std::unique_ptr<MetadataStore> metadata,
              std::unique_ptr<SigningKey> key)
      : clock_(clock),
        options_(std::move(options)),
        objects_(std::move(objects)),
        key_(std::move(key)),
        metadata_(std::move(metadata)) {}

  // The row and leaf of `archived` (its ArchiveFacts complete), committing
  // to the content with `content_commitment`.
  VersionRow RowFor(const v1::Record& archived) const;
  LeafRow LeafFor(const v1::Record& archived, const std::string& record_bytes,
                  std::string content_commitment) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Appends `next` (a changed copy of the latest version) as the next
  // version: its number, time and log index are set here; the content
  // commitment is carried over from the latest version's leaf. A DISPOSED
  // version is stored as a tombstone (salt and proposal deleted with it).
  absl::StatusOr<v1::Record> AppendVersion(
      v1::Record next, v1::ArchiveFacts::VersionReason reason)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The latest version, parsed; NOT_FOUND if not archived.
  absl::StatusOr<v1::Record> LatestLocked(absl::string_view document_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const base::Clock& clock_;
  const RecordStoreOptions options_;
  const std::unique_ptr<ObjectStore> objects_;
  const std::unique_ptr<SigningKey> key_;
  // One writer path: every change of the log and the versions holds mu_.
  absl::Mutex mu_;
  const std::unique_ptr<MetadataStore> metadata_;
  std::unique_ptr<ArchiveLog> log_ ABSL_PT_GUARDED_BY(mu_);
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_RECORD_STORE_H_
