#include "archive/merkle_tree.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "absl/numeric/bits.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "archive/merkle_hash.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

// The largest power of two strictly less than n (n >= 2): RFC 6962's k.
uint64_t SplitPoint(uint64_t n) { return absl::bit_floor(n - 1); }

absl::Status CheckTreeSize(uint64_t tree_size, uint64_t available) {
  if (tree_size > available) {
    return absl::OutOfRangeError(absl::StrCat(
        "tree size ", tree_size, " exceeds the log's ", available, " leaves"));
  }
  return absl::OkStatus();
}

}  // namespace

void MerkleTree::Append(std::string leaf_hash) {
  assert(leaf_hash.size() == kMerkleHashSize);
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(std::move(leaf_hash));
  // Every time a level gets an even number of nodes, its last two complete a
  // perfect subtree one level up.
  for (size_t level = 0; levels_[level].size() % 2 == 0; ++level) {
    if (level + 1 == levels_.size()) levels_.emplace_back();
    const std::vector<std::string>& nodes = levels_[level];
    std::string parent =
        NodeHash(nodes[nodes.size() - 2], nodes[nodes.size() - 1]);
    levels_[level + 1].push_back(std::move(parent));
  }
}

const std::string& MerkleTree::leaf_hash(uint64_t index) const {
  assert(index < size());
  return levels_[0][index];
}

std::string MerkleTree::SubtreeHash(uint64_t begin, uint64_t end) const {
  const uint64_t n = end - begin;
  assert(begin < end && end <= size());
  if (absl::has_single_bit(n)) {
    const int level = absl::countr_zero(n);
    assert(begin % n == 0);
    return levels_[static_cast<size_t>(level)][begin >> level];
  }
  const uint64_t k = SplitPoint(n);
  return NodeHash(SubtreeHash(begin, begin + k), SubtreeHash(begin + k, end));
}

absl::StatusOr<std::string> MerkleTree::Root(uint64_t tree_size) const {
  RETURN_IF_ERROR(CheckTreeSize(tree_size, size()));
  if (tree_size == 0) return EmptyTreeHash();
  return SubtreeHash(0, tree_size);
}

absl::StatusOr<std::vector<std::string>> MerkleTree::InclusionProof(
    uint64_t index, uint64_t tree_size) const {
  if (index >= tree_size) {
    return absl::InvalidArgumentError(absl::StrCat(
        "leaf index ", index, " is not in a tree of ", tree_size, " leaves"));
  }
  RETURN_IF_ERROR(CheckTreeSize(tree_size, size()));
  // Walk PATH(index, D[begin:end]) from the root down, collecting the sibling
  // of each step; the RFC lists them leaf side first, hence the reverse.
  std::vector<std::string> proof;
  uint64_t begin = 0;
  uint64_t end = tree_size;
  while (end - begin > 1) {
    const uint64_t mid = begin + SplitPoint(end - begin);
    if (index < mid) {
      proof.push_back(SubtreeHash(mid, end));
      end = mid;
    } else {
      proof.push_back(SubtreeHash(begin, mid));
      begin = mid;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

absl::StatusOr<std::vector<std::string>> MerkleTree::ConsistencyProof(
    uint64_t old_size, uint64_t new_size) const {
  if (old_size == 0 || old_size > new_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("no consistency proof from tree size ", old_size, " to ",
                     new_size, ": need 0 < old size <= new size"));
  }
  RETURN_IF_ERROR(CheckTreeSize(new_size, size()));
  // Walk SUBPROOF(m, D[begin:end], whole_old_tree) from the root down; `m`
  // counts the old leaves inside [begin, end).
  std::vector<std::string> proof;
  uint64_t begin = 0;
  uint64_t end = new_size;
  uint64_t m = old_size;
  bool whole_old_tree = true;
  while (end - begin != m) {
    const uint64_t k = SplitPoint(end - begin);
    if (m <= k) {
      proof.push_back(SubtreeHash(begin + k, end));
      end = begin + k;
    } else {
      proof.push_back(SubtreeHash(begin, begin + k));
      begin += k;
      m -= k;
      whole_old_tree = false;
    }
  }
  // The old tree's root is known to the verifier; any smaller subtree of it
  // that the walk ended on is not.
  if (!whole_old_tree) proof.push_back(SubtreeHash(begin, end));
  std::reverse(proof.begin(), proof.end());
  return proof;
}

}  // namespace docintake::archive
