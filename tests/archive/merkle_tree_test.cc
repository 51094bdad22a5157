#include "archive/merkle_tree.h"

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_proof.h"
#include "gtest/gtest.h"

namespace docintake::archive {
namespace {

// The RFC 6962 / Certificate Transparency test leaves (hex) and the roots of
// each prefix of them (index = tree size).
constexpr const char* kTestLeaves[] = {"",
                                       "00",
                                       "10",
                                       "2021",
                                       "3031",
                                       "40414243",
                                       "5051525354555657",
                                       "606162636465666768696a6b6c6d6e6f"};
constexpr const char* kTestRoots[] = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

// RFC 6962 §2.1 written out literally: recursive MTH, PATH and PROOF over a
// list of leaf hashes. MTH values are memoised (a pure function of the leaf
// range) only to keep the exhaustive tests fast.
class ReferenceTree {
 public:
  explicit ReferenceTree(std::vector<std::string> leaves)
      : leaves_(std::move(leaves)) {}

  std::string Mth(uint64_t begin, uint64_t end) {
    const uint64_t n = end - begin;
    if (n == 0) return EmptyTreeHash();
    if (n == 1) return leaves_[begin];
    auto it = memo_.find({begin, end});
    if (it != memo_.end()) return it->second;
    const uint64_t k = Split(n);
    std::string hash = NodeHash(Mth(begin, begin + k), Mth(begin + k, end));
    memo_[{begin, end}] = hash;
    return hash;
  }

  // PATH(m, D[begin:end]), m relative to begin.
  std::vector<std::string> Path(uint64_t m, uint64_t begin, uint64_t end) {
    const uint64_t n = end - begin;
    if (n == 1) return {};
    const uint64_t k = Split(n);
    std::vector<std::string> path;
    if (m < k) {
      path = Path(m, begin, begin + k);
      path.push_back(Mth(begin + k, end));
    } else {
      path = Path(m - k, begin + k, end);
      path.push_back(Mth(begin, begin + k));
    }
    return path;
  }

  std::vector<std::string> Proof(uint64_t m, uint64_t n) {
    return Subproof(m, 0, n, true);
  }

 private:
  static uint64_t Split(uint64_t n) {
    uint64_t k = 1;
    while (k * 2 < n) k *= 2;
    return k;
  }

  // SUBPROOF(m, D[begin:end], b).
  std::vector<std::string> Subproof(uint64_t m, uint64_t begin, uint64_t end,
                                    bool b) {
    const uint64_t n = end - begin;
    if (m == n) {
      if (b) return {};
      return {Mth(begin, end)};
    }
    const uint64_t k = Split(n);
    std::vector<std::string> proof;
    if (m <= k) {
      proof = Subproof(m, begin, begin + k, b);
      proof.push_back(Mth(begin + k, end));
    } else {
      proof = Subproof(m - k, begin + k, end, false);
      proof.push_back(Mth(begin, begin + k));
    }
    return proof;
  }

  std::vector<std::string> leaves_;
  std::map<std::pair<uint64_t, uint64_t>, std::string> memo_;
};

std::vector<std::string> RandomLeafHashes(size_t count) {
  std::mt19937_64 rng(20240611);
  std::vector<std::string> leaves;
  for (size_t i = 0; i < count; ++i) {
    leaves.push_back(LeafHash(absl::StrCat("entry ", i, " ", rng())));
  }
  return leaves;
}

class MerkleTreeTest : public ::testing::Test {
 protected:
  static constexpr uint64_t kMaxSize = 256;

  MerkleTreeTest() : leaves_(RandomLeafHashes(kMaxSize)), reference_(leaves_) {}

  void Grow(uint64_t n) {
    while (tree_.size() < n) tree_.Append(leaves_[tree_.size()]);
  }

  std::vector<std::string> leaves_;
  ReferenceTree reference_;
  MerkleTree tree_;
};

TEST_F(MerkleTreeTest, MatchesRfc6962TestVectorRoots) {
  for (uint64_t size = 0; size <= 8; ++size) {
    auto root = tree_.Root(size);
    ASSERT_TRUE(root.ok()) << root.status();
    EXPECT_EQ(absl::BytesToHexString(*root), kTestRoots[size])
        << "tree size " << size;
    if (size < 8) {
      tree_.Append(LeafHash(absl::HexStringToBytes(kTestLeaves[size])));
    }
  }
}

TEST_F(MerkleTreeTest, EmptyTreeHasEmptyRootAndNoProofs) {
  EXPECT_EQ(tree_.size(), 0u);
  auto root = tree_.Root(0);
  ASSERT_TRUE(root.ok()) << root.status();
  EXPECT_EQ(*root, EmptyTreeHash());
  EXPECT_EQ(tree_.Root(1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(tree_.InclusionProof(0, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(MerkleTreeTest, SingleLeafTreeRootIsTheLeafHash) {
  tree_.Append(leaves_[0]);
  EXPECT_EQ(tree_.leaf_hash(0), leaves_[0]);
  auto root = tree_.Root(1);
  ASSERT_TRUE(root.ok()) << root.status();
  EXPECT_EQ(*root, leaves_[0]);
  auto path = tree_.InclusionProof(0, 1);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_TRUE(path->empty());
  EXPECT_TRUE(VerifyInclusion(leaves_[0], 0, 1, *path, *root).ok());
  auto proof = tree_.ConsistencyProof(1, 1);
  ASSERT_TRUE(proof.ok()) << proof.status();
  EXPECT_TRUE(proof->empty());
}

TEST_F(MerkleTreeTest, RejectsRequestsBeyondOrOutsideTheTree) {
  Grow(10);
  EXPECT_EQ(tree_.Root(11).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(tree_.InclusionProof(10, 10).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tree_.InclusionProof(3, 11).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(tree_.ConsistencyProof(0, 5).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tree_.ConsistencyProof(6, 5).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tree_.ConsistencyProof(5, 11).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST_F(MerkleTreeTest, ConsistencyProofBetweenEqualSizesIsEmpty) {
  Grow(37);
  for (uint64_t n : {1, 2, 3, 8, 16, 17, 37}) {
    auto proof = tree_.ConsistencyProof(n, n);
    ASSERT_TRUE(proof.ok()) << proof.status();
    EXPECT_TRUE(proof->empty()) << n;
  }
}

TEST_F(MerkleTreeTest, RootsOfAllEarlierSizesMatchReferenceWhileGrowing) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    Grow(n);
    ASSERT_EQ(tree_.size(), n);
    for (uint64_t m = 0; m <= n; ++m) {
      auto root = tree_.Root(m);
      ASSERT_TRUE(root.ok()) << root.status();
      ASSERT_EQ(*root, reference_.Mth(0, m)) << "root of " << m << " at " << n;
    }
    // Proofs ending at the newest leaf, computed before the tree grows on.
    auto path = tree_.InclusionProof(n - 1, n);
    ASSERT_TRUE(path.ok()) << path.status();
    ASSERT_EQ(*path, reference_.Path(n - 1, 0, n)) << n;
    auto proof = tree_.ConsistencyProof((n + 1) / 2, n);
    ASSERT_TRUE(proof.ok()) << proof.status();
    ASSERT_EQ(*proof, reference_.Proof((n + 1) / 2, n)) << n;
  }
}

TEST_F(MerkleTreeTest, InclusionProofsForAllSizesMatchReferenceAndVerify) {
  Grow(kMaxSize);
  for (uint64_t size = 1; size <= kMaxSize; ++size) {
    const std::string root = reference_.Mth(0, size);
    for (uint64_t index = 0; index < size; ++index) {
      auto path = tree_.InclusionProof(index, size);
      ASSERT_TRUE(path.ok()) << path.status();
      ASSERT_EQ(*path, reference_.Path(index, 0, size))
          << "leaf " << index << " of " << size;
      absl::Status verified =
          VerifyInclusion(leaves_[index], index, size, *path, root);
      ASSERT_TRUE(verified.ok()) << verified;
    }
  }
}

TEST_F(MerkleTreeTest, ConsistencyProofsForAllSizesMatchReferenceAndVerify) {
  Grow(kMaxSize);
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    const std::string new_root = reference_.Mth(0, n);
    for (uint64_t m = 1; m <= n; ++m) {
      auto proof = tree_.ConsistencyProof(m, n);
      ASSERT_TRUE(proof.ok()) << proof.status();
      ASSERT_EQ(*proof, reference_.Proof(m, n)) << m << " to " << n;
      absl::Status verified =
          VerifyConsistency(m, n, reference_.Mth(0, m), new_root, *proof);
      ASSERT_TRUE(verified.ok()) << verified;
    }
  }
}

TEST_F(MerkleTreeTest, CopyIsIndependentOfTheOriginal) {
  Grow(5);
  MerkleTree copy = tree_;
  Grow(9);
  EXPECT_EQ(copy.size(), 5u);
  EXPECT_EQ(*copy.Root(5), *tree_.Root(5));
  EXPECT_EQ(copy.Root(6).status().code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace docintake::archive
