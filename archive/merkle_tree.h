// MerkleTree: the in-memory RFC 6962 Merkle tree over the log's leaf hashes.
// It caches the hash of every complete (perfect, aligned) subtree, so Append()
// costs amortised O(1) hashes and the root, inclusion proof and consistency
// proof of ANY earlier tree size cost O(log n) hashes. Holds ~2 hashes per
// leaf. Not thread-safe: callers serialise access (the log holds its lock).
#ifndef DOCINTAKE_ARCHIVE_MERKLE_TREE_H_
#define DOCINTAKE_ARCHIVE_MERKLE_TREE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace docintake::archive {

class MerkleTree {
 public:
  MerkleTree() = default;
  // A plain value (hashes only): copying is allowed and copies the cache.
  MerkleTree(const MerkleTree&) = default;
  MerkleTree& operator=(const MerkleTree&) = default;
  MerkleTree(MerkleTree&&) = default;
  MerkleTree& operator=(MerkleTree&&) = default;

  // Number of leaves appended so far.
  uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }

  // Appends the next leaf. `leaf_hash` must be a 32-byte LeafHash() (asserted:
  // callers pass hashes they computed, never input).
  void Append(std::string leaf_hash);

  // The leaf hash at `index`; requires index < size().
  const std::string& leaf_hash(uint64_t index) const;

  // The root hash (RFC 6962 MTH) of the first `tree_size` leaves; size 0 gives
  // EmptyTreeHash(). OUT_OF_RANGE if tree_size > size().
  absl::StatusOr<std::string> Root(uint64_t tree_size) const;

  // RFC 6962 §2.1.1 audit path of leaf `index` in the tree of the first
  // `tree_size` leaves, leaf side first. INVALID_ARGUMENT if index >=
  // tree_size; OUT_OF_RANGE if tree_size > size().
  absl::StatusOr<std::vector<std::string>> InclusionProof(
      uint64_t index, uint64_t tree_size) const;

  // RFC 6962 §2.1.2 proof that the tree of `old_size` leaves is a prefix of
  // the tree of `new_size` leaves; empty when the sizes are equal.
  // INVALID_ARGUMENT unless 0 < old_size <= new_size; OUT_OF_RANGE if
  // new_size > size().
  absl::StatusOr<std::vector<std::string>> ConsistencyProof(
      uint64_t old_size, uint64_t new_size) const;

 private:
  // MTH of leaves [begin, end), 0 <= begin < end <= size(). `begin` must be a
  // multiple of the largest power of two <= end - begin, which holds for every
  // subtree of the RFC 6962 split.
  std::string SubtreeHash(uint64_t begin, uint64_t end) const;

  // levels_[k][i] is the hash of the perfect subtree over leaves
  // [i * 2^k, (i + 1) * 2^k); levels_[0] are the leaf hashes.
  std::vector<std::vector<std::string>> levels_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_MERKLE_TREE_H_
