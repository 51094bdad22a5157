// ArchiveLog: the archive's append-only Merkle log (RFC 6962) — the tree of
// leaf hashes held in memory over the leaves and checkpoints a MetadataStore
// keeps. It signs checkpoints and answers proofs at checkpointed sizes. Not
// thread-safe: RecordStore calls it under its lock.
#ifndef DOCINTAKE_ARCHIVE_ARCHIVE_LOG_H_
#define DOCINTAKE_ARCHIVE_ARCHIVE_LOG_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "archive/merkle_tree.h"
#include "archive/metadata_store.h"
#include "archive/signing_key.h"
#include "docintake/v1/log.pb.h"

namespace docintake::archive {

class ArchiveLog {
 public:
  // Loads the leaf hashes from `store`, which must outlive the log.
  static absl::StatusOr<std::unique_ptr<ArchiveLog>> Open(MetadataStore& store);

  uint64_t size() const { return tree_.size(); }

  // The row for `leaf_data` as the next leaf (index size(), its hash). The
  // caller stores it with its version or event, then calls Appended(row).
  LeafRow NextLeaf(std::string leaf_data) const;
  void Appended(const LeafRow& leaf) { tree_.Append(leaf.hash); }

  // The leaf hash the tree holds for `index` (< size()).
  const std::string& leaf_hash(uint64_t index) const {
    return tree_.leaf_hash(index);
  }

  // Signs a checkpoint of the current tree unless the latest checkpoint
  // already has its size. Before signing, the hash of every leaf added since
  // the latest checkpoint is recomputed from its stored bytes (DATA_LOSS
  // naming the leaf if one differs: nothing is signed then).
  absl::StatusOr<std::optional<v1::SignedCheckpoint>> Checkpoint(
      const SigningKey& key, const std::string& origin, absl::Time now);

  // The checkpoint of `tree_size`, or the latest for 0. NOT_FOUND if none.
  absl::StatusOr<v1::SignedCheckpoint> GetCheckpoint(uint64_t tree_size);
  // The first checkpoint whose tree contains leaf `index`;
  // FAILED_PRECONDITION if none does yet.
  absl::StatusOr<v1::SignedCheckpoint> FirstCheckpointCovering(uint64_t index);

  // Inclusion of leaf `index` in the checkpointed tree of `tree_size`.
  absl::StatusOr<v1::InclusionProof> InclusionProof(uint64_t index,
                                                    uint64_t tree_size);
  // Consistency between two checkpointed sizes.
  absl::StatusOr<v1::ConsistencyProof> ConsistencyProof(uint64_t old_size,
                                                        uint64_t new_size);

 private:
  explicit ArchiveLog(MetadataStore& store) : store_(store) {}

  MetadataStore& store_;
  MerkleTree tree_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_ARCHIVE_LOG_H_
