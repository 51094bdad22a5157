// MetadataStore: where the archive keeps everything but the content — record
// versions, the content salts, the Merkle log's leaves, checkpoints and their
// timestamps, audit events and disposition proposals. Every write is one
// atomic, durable operation shaped by what the archive does (append a
// version with its leaf, dispose, record an audit event), so that another
// implementation (PostgreSQL) can follow without touching RecordStore. Rows
// once written are never changed; the only deletions are a disposed
// document's salt and proposal. Implementations are thread-safe.
#ifndef DOCINTAKE_ARCHIVE_METADATA_STORE_H_
#define DOCINTAKE_ARCHIVE_METADATA_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docintake/v1/archive.pb.h"
#include "docintake/v1/log.pb.h"
#include "docintake/v1/record.pb.h"

namespace docintake::archive {

// One archived record version as stored.
struct VersionRow {
  std::string document_id;
  uint64_t version = 0;
  std::string content_address;
  absl::Time archived_at;
  std::string record_bytes;  // the serialized v1.Record, as hashed
  uint64_t log_index = 0;
  v1::ArchiveFacts::VersionReason reason = v1::ArchiveFacts::ORIGINAL;
  // Read only: the document's content salt ("" once disposed), and whether
  // the document has a tombstone.
  std::string salt;
  bool disposed = false;
};

// One log leaf: its bytes and the hash stored beside them.
struct LeafRow {
  uint64_t index = 0;
  std::string data;
  std::string hash;
};

class MetadataStore {
 public:
  virtual ~MetadataStore() = default;

  // Appends `version` and its `leaf` (leaf.index == version.log_index ==
  // the current leaf count); `salt` is stored for the document when not
  // empty (its first version). ALREADY_EXISTS for a duplicate.
  virtual absl::Status AppendVersion(const VersionRow& version,
                                     const std::string& salt,
                                     const LeafRow& leaf) = 0;
  // Appends a tombstone version and its leaf, and deletes the document's
  // salt and disposition proposal, atomically.
  virtual absl::Status AppendTombstone(const VersionRow& tombstone,
                                       const LeafRow& leaf) = 0;
  // Appends an audit event's leaf with its query keys.
  virtual absl::Status AppendAuditEvent(const std::string& document_id,
                                        absl::Time at, const LeafRow& leaf) = 0;

  // `version` 0 = latest; NOT_FOUND if there is none.
  virtual absl::StatusOr<VersionRow> ReadVersion(const std::string& document_id,
                                                 uint64_t version) = 0;
  // Oldest first; empty if the document is not archived.
  virtual absl::StatusOr<std::vector<VersionRow>> ListVersions(
      const std::string& document_id) = 0;
  // Every version of every document, in log order (for scrub).
  virtual absl::StatusOr<std::vector<VersionRow>> AllVersions() = 0;
  // Whether a document other than `except` that still has its content
  // refers to the object at `content_address`.
  virtual absl::StatusOr<bool> ContentStillNeeded(
      const std::string& content_address, const std::string& except) = 0;

  // Disposition proposals (at most one per document; a new one replaces it).
  virtual absl::Status PutProposal(const std::string& document_id,
                                   const v1::Disposition& proposal) = 0;
  virtual absl::StatusOr<std::optional<v1::Disposition>> GetProposal(
      const std::string& document_id) = 0;

  // Leaves.
  virtual absl::StatusOr<std::string> LeafData(uint64_t index) = 0;
  virtual absl::StatusOr<std::vector<LeafRow>> AllLeaves() = 0;
  // Audit leaves by document ("" = all) and time range, after `after_index`
  // (-1 = from the start), at most `limit`, in log order.
  virtual absl::StatusOr<std::vector<LeafRow>> AuditLeaves(
      const std::string& document_id, absl::Time from, absl::Time until,
      int64_t after_index, int limit) = 0;

  // Checkpoints (with their timestamp token, if any).
  virtual absl::Status AddCheckpoint(
      const v1::SignedCheckpoint& checkpoint) = 0;
  virtual absl::Status AddTimestamp(uint64_t tree_size,
                                    const std::string& token_der) = 0;
  // `tree_size` 0 = the latest; nullopt if there is none.
  virtual absl::StatusOr<std::optional<v1::SignedCheckpoint>> GetCheckpoint(
      uint64_t tree_size) = 0;
  // The smallest checkpoint with tree_size > index; nullopt if none.
  virtual absl::StatusOr<std::optional<v1::SignedCheckpoint>>
  FirstCheckpointAbove(uint64_t index) = 0;
  // Smallest first.
  virtual absl::StatusOr<std::vector<v1::SignedCheckpoint>>
  AllCheckpoints() = 0;
  virtual absl::StatusOr<std::vector<uint64_t>> UntimestampedCheckpoints() = 0;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_METADATA_STORE_H_
