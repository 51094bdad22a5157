#include "archive/merkle_proof.h"

#include "absl/numeric/bits.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/merkle_hash.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

// The largest power of two strictly less than n (n >= 2): RFC 6962's k.
uint64_t SplitPoint(uint64_t n) { return absl::bit_floor(n - 1); }

// Number of hashes in RFC 6962 PATH(index, D[tree_size]), index < tree_size.
size_t InclusionProofLength(uint64_t index, uint64_t tree_size) {
  size_t length = 0;
  for (uint64_t n = tree_size; n > 1; ++length) {
    const uint64_t k = SplitPoint(n);
    if (index < k) {
      n = k;
    } else {
      index -= k;
      n -= k;
    }
  }
  return length;
}

// Number of hashes in RFC 6962 PROOF(m, D[n]), 0 < m <= n.
size_t ConsistencyProofLength(uint64_t m, uint64_t n) {
  size_t length = 0;
  bool whole_old_tree = true;
  for (; m != n; ++length) {
    const uint64_t k = SplitPoint(n);
    if (m <= k) {
      n = k;
    } else {
      m -= k;
      n -= k;
      whole_old_tree = false;
    }
  }
  return whole_old_tree ? length : length + 1;
}

absl::Status CheckHashSize(absl::string_view hash, absl::string_view what) {
  if (hash.size() != kMerkleHashSize) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " is ", hash.size(), " bytes, not ", kMerkleHashSize));
  }
  return absl::OkStatus();
}

absl::Status CheckProof(const std::vector<std::string>& proof,
                        size_t expected_length, absl::string_view what) {
  if (proof.size() != expected_length) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " has ", proof.size(), " hashes, but ",
                     expected_length, " are needed"));
  }
  for (size_t i = 0; i < proof.size(); ++i) {
    RETURN_IF_ERROR(CheckHashSize(proof[i], absl::StrCat(what, " hash ", i)));
  }
  return absl::OkStatus();
}

// Shifts fn and sn right until fn is odd or zero.
void ShiftWhileEven(uint64_t& fn, uint64_t& sn) {
  while (fn != 0 && (fn & 1) == 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

std::string HashHex(absl::string_view raw) {
  return absl::BytesToHexString(raw);
}

absl::Status VerifyInclusion(absl::string_view leaf_hash, uint64_t index,
                             uint64_t tree_size,
                             const std::vector<std::string>& proof,
                             absl::string_view root) {
  if (index >= tree_size) {
    return absl::InvalidArgumentError(absl::StrCat(
        "leaf index ", index, " is not in a tree of ", tree_size, " leaves"));
  }
  RETURN_IF_ERROR(CheckHashSize(leaf_hash, "leaf hash"));
  RETURN_IF_ERROR(CheckHashSize(root, "root hash"));
  const std::string what =
      absl::StrCat("inclusion proof for leaf ", index, " of ", tree_size);
  RETURN_IF_ERROR(
      CheckProof(proof, InclusionProofLength(index, tree_size), what));

  // RFC 9162 §2.1.3.2: fn walks up from the leaf, sn from the last leaf; a
  // node whose index is odd or the last of its level has its sibling on the
  // left.
  uint64_t fn = index;
  uint64_t sn = tree_size - 1;
  std::string r(leaf_hash);
  for (const std::string& p : proof) {
    if (sn == 0) return absl::InvalidArgumentError(what + " is too long");
    if ((fn & 1) == 1 || fn == sn) {
      r = NodeHash(p, r);
      ShiftWhileEven(fn, sn);
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return absl::InvalidArgumentError(what + " is too short");
  if (r != root) {
    return absl::DataLossError(absl::StrCat(what, " leads to root ", HashHex(r),
                                            " not to the expected ",
                                            HashHex(root)));
  }
  return absl::OkStatus();
}

absl::Status VerifyConsistency(uint64_t old_size, uint64_t new_size,
                               absl::string_view old_root,
                               absl::string_view new_root,
                               const std::vector<std::string>& proof) {
  if (old_size > new_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("old tree size ", old_size, " exceeds new tree size ",
                     new_size, ": a log never shrinks"));
  }
  RETURN_IF_ERROR(CheckHashSize(old_root, "old root hash"));
  RETURN_IF_ERROR(CheckHashSize(new_root, "new root hash"));
  const std::string what = absl::StrCat("consistency proof from tree size ",
                                        old_size, " to ", new_size);
  if (old_size == 0 || old_size == new_size) {
    RETURN_IF_ERROR(CheckProof(proof, 0, what));
    if (old_size == 0 && old_root != EmptyTreeHash()) {
      return absl::DataLossError(absl::StrCat("the empty tree has root ",
                                              HashHex(EmptyTreeHash()),
                                              ", not ", HashHex(old_root)));
    }
    if (old_size == new_size && old_root != new_root) {
      return absl::DataLossError(
          absl::StrCat("two trees of size ", old_size, " have different roots ",
                       HashHex(old_root), " and ", HashHex(new_root)));
    }
    return absl::OkStatus();
  }
  RETURN_IF_ERROR(
      CheckProof(proof, ConsistencyProofLength(old_size, new_size), what));

  // RFC 9162 §2.1.4.2: fr rebuilds the old root and sr the new one from the
  // same walk. When old_size is a power of two the old root itself is the
  // first node and the proof omits it.
  const bool old_is_perfect = absl::has_single_bit(old_size);
  uint64_t fn = old_size - 1;
  uint64_t sn = new_size - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  std::string fr(old_is_perfect ? old_root : absl::string_view(proof[0]));
  std::string sr = fr;
  for (size_t i = old_is_perfect ? 0 : 1; i < proof.size(); ++i) {
    const std::string& c = proof[i];
    if (sn == 0) return absl::InvalidArgumentError(what + " is too long");
    if ((fn & 1) == 1 || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      ShiftWhileEven(fn, sn);
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return absl::InvalidArgumentError(what + " is too short");
  if (fr != old_root) {
    return absl::DataLossError(
        absl::StrCat(what, " leads to old root ", HashHex(fr),
                     " not to the expected ", HashHex(old_root)));
  }
  if (sr != new_root) {
    return absl::DataLossError(
        absl::StrCat(what, " leads to new root ", HashHex(sr),
                     " not to the expected ", HashHex(new_root)));
  }
  return absl::OkStatus();
}

}  // namespace docintake::archive
