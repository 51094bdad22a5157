// ArchiveLog: the archive's append-only Merkle log (RFC 6962) and its signed
// checkpoints, stored in archive.db beside the record versions so that a
// version and its leaf commit in one transaction. Leaves and checkpoints are
// immutable (SQLite triggers). Not thread-safe: RecordStore calls it under
// its lock, inside its transactions.
#ifndef DOCINTAKE_ARCHIVE_ARCHIVE_LOG_H_
#define DOCINTAKE_ARCHIVE_ARCHIVE_LOG_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "archive/merkle_tree.h"
#include "archive/signing_key.h"
#include "base/sqlite.h"
#include "docintake/v1/log.pb.h"

namespace docintake::archive {

class ArchiveLog {
 public:
  // Creates the log's tables if needed and loads the leaf hashes. `db` must
  // outlive the log.
  static absl::StatusOr<std::unique_ptr<ArchiveLog>> Open(base::Database& db);

  uint64_t size() const { return tree_.size(); }

  // Inserts `leaf_data` as leaf number size(), inside the caller's
  // transaction, and returns its leaf hash. After the commit the caller must
  // call Appended(hash); after a rollback, nothing.
  absl::StatusOr<std::string> InsertLeaf(absl::string_view leaf_data);
  void Appended(std::string leaf_hash) { tree_.Append(std::move(leaf_hash)); }

  // The leaf hash the tree holds for `index` (< size()).
  const std::string& leaf_hash(uint64_t index) const {
    return tree_.leaf_hash(index);
  }
  // The stored bytes of leaf `index`.
  absl::StatusOr<std::string> LeafData(uint64_t index);

  // Every stored leaf in index order: its bytes and the hash stored beside
  // them (not recomputed).
  struct StoredLeaf {
    std::string data;
    std::string stored_hash;
  };
  absl::StatusOr<std::vector<StoredLeaf>> AllLeaves();
  // Every checkpoint, smallest first.
  absl::StatusOr<std::vector<v1::SignedCheckpoint>> AllCheckpoints();

  // Signs a checkpoint of the current tree unless the latest checkpoint
  // already has its size. Before signing, the hash of every leaf added since
  // the latest checkpoint is recomputed from its stored bytes (DATA_LOSS
  // naming the leaf if one differs: nothing is signed then).
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> Checkpoint(
      const SigningKey& key, const std::string& origin, absl::Time now);

  // The checkpoint of `tree_size`, or the latest for 0. NOT_FOUND if none.
  absl::StatusOr<v1::SignedCheckpoint> GetCheckpoint(uint64_t tree_size);
  // The first checkpoint whose tree contains leaf `index`.
  absl::StatusOr<v1::SignedCheckpoint> FirstCheckpointCovering(uint64_t index);
  // Stores an RFC 3161 token for the checkpoint of `tree_size`.
  absl::Status AddTimestamp(uint64_t tree_size, absl::string_view token_der);
  // Sizes of checkpoints still without a timestamp token, oldest first.
  absl::StatusOr<std::vector<uint64_t>> UntimestampedCheckpoints();

  // Inclusion of leaf `index` in the checkpointed tree of `tree_size`.
  absl::StatusOr<v1::InclusionProof> InclusionProof(uint64_t index,
                                                    uint64_t tree_size);
  // Consistency between two checkpointed sizes.
  absl::StatusOr<v1::ConsistencyProof> ConsistencyProof(uint64_t old_size,
                                                        uint64_t new_size);

 private:
  explicit ArchiveLog(base::Database& db) : db_(db) {}
  absl::StatusOr<v1::SignedCheckpoint> QueryCheckpoint(absl::string_view sql,
                                                       int64_t arg);

  base::Database& db_;
  MerkleTree tree_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_ARCHIVE_LOG_H_
