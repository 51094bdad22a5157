#include "archive/archive_log.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/merkle_hash.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {

absl::StatusOr<std::unique_ptr<ArchiveLog>> ArchiveLog::Open(
    MetadataStore& store) {
  std::unique_ptr<ArchiveLog> log(new ArchiveLog(store));
  ASSIGN_OR_RETURN(std::vector<LeafRow> leaves, store.AllLeaves());
  for (LeafRow& leaf : leaves) {
    if (leaf.index != log->tree_.size() || leaf.hash.size() != 32) {
      return absl::DataLossError(absl::StrCat("archive log: leaf ", leaf.index,
                                              " is missing or malformed "
                                              "(expected leaf ",
                                              log->tree_.size(),
                                              " with a 32-byte hash)"));
    }
    log->tree_.Append(std::move(leaf.hash));
  }
  return log;
}

LeafRow ArchiveLog::NextLeaf(std::string leaf_data) const {
  LeafRow leaf;
  leaf.index = tree_.size();
  leaf.hash = LeafHash(leaf_data);
  leaf.data = std::move(leaf_data);
  return leaf;
}

absl::StatusOr<std::optional<v1::SignedCheckpoint>> ArchiveLog::Checkpoint(
    const SigningKey& key, const std::string& origin, absl::Time now) {
  ASSIGN_OR_RETURN(std::optional<v1::SignedCheckpoint> latest,
                   store_.GetCheckpoint(0));
  const uint64_t from = latest.has_value() ? latest->tree_size() : 0;
  if (from == tree_.size()) return std::nullopt;
  // Recompute before signing: a bit flipped in memory or on disk must never
  // be signed into the log.
  for (uint64_t i = from; i < tree_.size(); ++i) {
    ASSIGN_OR_RETURN(std::string data, store_.LeafData(i));
    const std::string recomputed = LeafHash(data);
    if (recomputed != tree_.leaf_hash(i)) {
      return absl::DataLossError(absl::StrCat(
          "archive log: leaf ", i, " hashes to ",
          absl::BytesToHexString(recomputed), " but the tree holds ",
          absl::BytesToHexString(tree_.leaf_hash(i)),
          "; no checkpoint was signed"));
    }
  }
  ASSIGN_OR_RETURN(std::string root, tree_.Root(tree_.size()));
  archive::Checkpoint checkpoint{origin, tree_.size(), root, now};
  v1::SignedCheckpoint out;
  out.set_tree_size(tree_.size());
  out.set_root_hash(root);
  *out.mutable_created_at() = base::ToProtoTime(now);
  out.set_note(SignCheckpoint(checkpoint, key));
  RETURN_IF_ERROR(store_.AddCheckpoint(out));
  return out;
}

absl::StatusOr<v1::SignedCheckpoint> ArchiveLog::GetCheckpoint(
    uint64_t tree_size) {
  ASSIGN_OR_RETURN(std::optional<v1::SignedCheckpoint> checkpoint,
                   store_.GetCheckpoint(tree_size));
  if (!checkpoint.has_value()) {
    return absl::NotFoundError(
        tree_size == 0
            ? std::string("the archive has no checkpoint yet")
            : absl::StrCat("no checkpoint of tree size ", tree_size));
  }
  return *std::move(checkpoint);
}

absl::StatusOr<v1::SignedCheckpoint> ArchiveLog::FirstCheckpointCovering(
    uint64_t index) {
  ASSIGN_OR_RETURN(std::optional<v1::SignedCheckpoint> checkpoint,
                   store_.FirstCheckpointAbove(index));
  if (!checkpoint.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat("log leaf ", index,
                     " is not covered by a checkpoint yet; "
                     "checkpoints are signed every few seconds"));
  }
  return *std::move(checkpoint);
}

absl::StatusOr<v1::InclusionProof> ArchiveLog::InclusionProof(
    uint64_t index, uint64_t tree_size) {
  ASSIGN_OR_RETURN(v1::SignedCheckpoint checkpoint, GetCheckpoint(tree_size));
  if (index >= checkpoint.tree_size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf ", index, " is not in the tree of size ",
                     checkpoint.tree_size()));
  }
  ASSIGN_OR_RETURN(std::vector<std::string> path,
                   tree_.InclusionProof(index, checkpoint.tree_size()));
  v1::InclusionProof proof;
  ASSIGN_OR_RETURN(*proof.mutable_leaf_data(), store_.LeafData(index));
  proof.set_leaf_index(index);
  proof.set_tree_size(checkpoint.tree_size());
  for (std::string& hash : path) proof.add_hashes(std::move(hash));
  *proof.mutable_checkpoint() = std::move(checkpoint);
  return proof;
}

absl::StatusOr<v1::ConsistencyProof> ArchiveLog::ConsistencyProof(
    uint64_t old_size, uint64_t new_size) {
  if (old_size == 0 || old_size > new_size) {
    return absl::InvalidArgumentError(
        "a consistency proof needs 0 < old_size <= new_size");
  }
  // Only between signed sizes: proofs are about what the archive committed to.
  RETURN_IF_ERROR(GetCheckpoint(old_size).status());
  RETURN_IF_ERROR(GetCheckpoint(new_size).status());
  ASSIGN_OR_RETURN(std::vector<std::string> path,
                   tree_.ConsistencyProof(old_size, new_size));
  v1::ConsistencyProof proof;
  proof.set_old_size(old_size);
  proof.set_new_size(new_size);
  for (std::string& hash : path) proof.add_hashes(std::move(hash));
  return proof;
}

}  // namespace docintake::archive
