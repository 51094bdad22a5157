#include "archive/merkle_proof.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_tree.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

std::string FlipBit(std::string hash, size_t bit) {
  hash[bit / 8 % hash.size()] ^= static_cast<char>(1 << (bit % 8));
  return hash;
}

class MerkleProofTest : public ::testing::Test {
 protected:
  static constexpr uint64_t kMaxSize = 64;

  MerkleProofTest() {
    for (uint64_t i = 0; i < kMaxSize; ++i) {
      tree_.Append(LeafHash(absl::StrCat("document ", i)));
    }
  }

  const std::string& Leaf(uint64_t index) { return tree_.leaf_hash(index); }
  std::string Root(uint64_t size) { return tree_.Root(size).value(); }
  std::vector<std::string> Path(uint64_t index, uint64_t size) {
    return tree_.InclusionProof(index, size).value();
  }
  std::vector<std::string> Proof(uint64_t m, uint64_t n) {
    return tree_.ConsistencyProof(m, n).value();
  }

  MerkleTree tree_;
};

// --- Inclusion ---------------------------------------------------------------

TEST_F(MerkleProofTest, AcceptsInclusionAtPowersOfTwoAndNeighbours) {
  for (uint64_t size :
       {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64}) {
    for (uint64_t index : {uint64_t{0}, size / 2, size - 1}) {
      absl::Status s = VerifyInclusion(Leaf(index), index, size,
                                       Path(index, size), Root(size));
      EXPECT_TRUE(s.ok()) << s;
    }
  }
}

TEST_F(MerkleProofTest, RejectsInclusionProofWithAnyFlippedBit) {
  for (uint64_t size = 1; size <= 33; ++size) {
    for (uint64_t index = 0; index < size; ++index) {
      const std::vector<std::string> path = Path(index, size);
      for (size_t j = 0; j < path.size(); ++j) {
        std::vector<std::string> bad = path;
        bad[j] = FlipBit(bad[j], index * 37 + j * 11);
        EXPECT_EQ(
            VerifyInclusion(Leaf(index), index, size, bad, Root(size)).code(),
            absl::StatusCode::kDataLoss)
            << "leaf " << index << " of " << size << " hash " << j;
      }
    }
  }
  // Every bit of every hash of one proof.
  const std::vector<std::string> path = Path(5, 12);
  for (size_t j = 0; j < path.size(); ++j) {
    for (size_t bit = 0; bit < 8 * kMerkleHashSize; ++bit) {
      std::vector<std::string> bad = path;
      bad[j] = FlipBit(bad[j], bit);
      EXPECT_EQ(VerifyInclusion(Leaf(5), 5, 12, bad, Root(12)).code(),
                absl::StatusCode::kDataLoss);
    }
  }
}

TEST_F(MerkleProofTest, RejectsInclusionOfAnotherLeafOrUnderAnotherRoot) {
  const std::vector<std::string> path = Path(5, 12);
  EXPECT_EQ(VerifyInclusion(Leaf(6), 5, 12, path, Root(12)).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyInclusion(FlipBit(Leaf(5), 0), 5, 12, path, Root(12)).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyInclusion(Leaf(5), 5, 12, path, Root(13)).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(
      VerifyInclusion(Leaf(5), 5, 12, path, FlipBit(Root(12), 255)).code(),
      absl::StatusCode::kDataLoss);
}

TEST_F(MerkleProofTest, InclusionFailureSaysWhatWasExpected) {
  absl::Status s = VerifyInclusion(Leaf(4), 5, 12, Path(5, 12), Root(12));
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("inclusion proof for leaf 5 of 12 leads to root "));
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("not to the expected " + HashHex(Root(12))));
}

TEST_F(MerkleProofTest, RejectsInclusionProofForWrongIndex) {
  for (uint64_t size = 1; size <= 40; ++size) {
    for (uint64_t index = 0; index < size; ++index) {
      const std::vector<std::string> path = Path(index, size);
      for (uint64_t wrong = 0; wrong < size; ++wrong) {
        if (wrong == index) continue;
        const absl::StatusCode expected =
            Path(wrong, size).size() == path.size()
                ? absl::StatusCode::kDataLoss
                : absl::StatusCode::kInvalidArgument;
        EXPECT_EQ(
            VerifyInclusion(Leaf(index), wrong, size, path, Root(size)).code(),
            expected)
            << "leaf " << index << " claimed as " << wrong << " of " << size;
      }
    }
  }
}

TEST_F(MerkleProofTest, RejectsInclusionProofFromAnotherTreeSize) {
  // The proof for size n checked against the root of size n' != n.
  for (uint64_t size = 1; size <= 40; ++size) {
    for (uint64_t index = 0; index < size; ++index) {
      const std::vector<std::string> path = Path(index, size);
      for (uint64_t other = index + 1; other <= 40; ++other) {
        if (other == size) continue;
        const absl::StatusCode expected =
            Path(index, other).size() == path.size()
                ? absl::StatusCode::kDataLoss
                : absl::StatusCode::kInvalidArgument;
        EXPECT_EQ(VerifyInclusion(Leaf(index), index, other, path, Root(other))
                      .code(),
                  expected)
            << "leaf " << index << " of " << size << " claimed of " << other;
      }
    }
  }
}

TEST_F(MerkleProofTest, InclusionProofFixesTreeSizeOnlyThroughItsShape) {
  // A wrong tree size with the right root is rejected whenever it changes the
  // number of hashes; otherwise the path has the same shape and the leaf is
  // genuinely under that root. Binding size to root is the checkpoint's job.
  const std::vector<std::string> path = Path(0, 3);
  EXPECT_TRUE(VerifyInclusion(Leaf(0), 0, 4, path, Root(3)).ok());
  EXPECT_EQ(VerifyInclusion(Leaf(0), 0, 5, path, Root(3)).code(),
            absl::StatusCode::kInvalidArgument);
  for (uint64_t size = 1; size <= 40; ++size) {
    for (uint64_t index = 0; index < size; ++index) {
      const std::vector<std::string> p = Path(index, size);
      for (uint64_t other = index + 1; other <= 40; ++other) {
        absl::Status s =
            VerifyInclusion(Leaf(index), index, other, p, Root(size));
        if (Path(index, other).size() == p.size()) {
          EXPECT_TRUE(s.ok()) << s;
        } else {
          EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
        }
      }
    }
  }
}

TEST_F(MerkleProofTest, RejectsInclusionProofWithRemovedOrAddedHash) {
  for (uint64_t size : {2, 3, 8, 12, 33, 64}) {
    for (uint64_t index : {uint64_t{0}, size / 3, size - 1}) {
      const std::vector<std::string> path = Path(index, size);
      for (size_t j = 0; j < path.size(); ++j) {
        std::vector<std::string> shorter = path;
        shorter.erase(shorter.begin() + static_cast<std::ptrdiff_t>(j));
        EXPECT_EQ(VerifyInclusion(Leaf(index), index, size, shorter, Root(size))
                      .code(),
                  absl::StatusCode::kInvalidArgument);
      }
      std::vector<std::string> longer = path;
      longer.push_back(Leaf(0));
      EXPECT_EQ(
          VerifyInclusion(Leaf(index), index, size, longer, Root(size)).code(),
          absl::StatusCode::kInvalidArgument);
      longer = path;
      longer.insert(longer.begin(), Leaf(1));
      EXPECT_EQ(
          VerifyInclusion(Leaf(index), index, size, longer, Root(size)).code(),
          absl::StatusCode::kInvalidArgument);
    }
  }
  // A single-leaf tree takes no hashes at all.
  EXPECT_EQ(VerifyInclusion(Leaf(0), 0, 1, {Leaf(1)}, Leaf(0)).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(MerkleProofTest, RejectsInclusionIndexOutsideTheTree) {
  EXPECT_EQ(VerifyInclusion(Leaf(0), 0, 0, {}, EmptyTreeHash()).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyInclusion(Leaf(12), 12, 12, Path(11, 12), Root(12)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      VerifyInclusion(Leaf(5), UINT64_MAX, 12, Path(5, 12), Root(12)).code(),
      absl::StatusCode::kInvalidArgument);
}

TEST_F(MerkleProofTest, RejectsInclusionHashesOfWrongLength) {
  const std::vector<std::string> path = Path(5, 12);
  for (size_t length : {0, 31, 33, 64}) {
    const std::string odd(length, 'x');
    std::vector<std::string> bad = path;
    bad[1] = odd;
    EXPECT_EQ(VerifyInclusion(Leaf(5), 5, 12, bad, Root(12)).code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(VerifyInclusion(odd, 5, 12, path, Root(12)).code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(VerifyInclusion(Leaf(5), 5, 12, path, odd).code(),
              absl::StatusCode::kInvalidArgument);
  }
}

// --- Consistency -------------------------------------------------------------

TEST_F(MerkleProofTest, AcceptsConsistencyAtPowersOfTwoAndNeighbours) {
  const uint64_t sizes[] = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64};
  for (uint64_t m : sizes) {
    for (uint64_t n : sizes) {
      if (m > n) continue;
      absl::Status s = VerifyConsistency(m, n, Root(m), Root(n), Proof(m, n));
      EXPECT_TRUE(s.ok()) << s;
    }
  }
}

TEST_F(MerkleProofTest, RejectsConsistencyProofWithAnyFlippedBit) {
  for (uint64_t n = 2; n <= 33; ++n) {
    for (uint64_t m = 1; m < n; ++m) {
      const std::vector<std::string> proof = Proof(m, n);
      for (size_t j = 0; j < proof.size(); ++j) {
        std::vector<std::string> bad = proof;
        bad[j] = FlipBit(bad[j], m * 29 + j * 13);
        EXPECT_EQ(VerifyConsistency(m, n, Root(m), Root(n), bad).code(),
                  absl::StatusCode::kDataLoss)
            << m << " to " << n << " hash " << j;
      }
    }
  }
}

TEST_F(MerkleProofTest, RejectsConsistencyWithSwappedOrWrongRoots) {
  for (uint64_t n = 2; n <= 33; ++n) {
    for (uint64_t m = 1; m < n; ++m) {
      const std::vector<std::string> proof = Proof(m, n);
      EXPECT_EQ(VerifyConsistency(m, n, Root(n), Root(m), proof).code(),
                absl::StatusCode::kDataLoss);
      EXPECT_EQ(
          VerifyConsistency(m, n, FlipBit(Root(m), 7), Root(n), proof).code(),
          absl::StatusCode::kDataLoss);
      EXPECT_EQ(
          VerifyConsistency(m, n, Root(m), FlipBit(Root(n), 9), proof).code(),
          absl::StatusCode::kDataLoss);
    }
  }
}

TEST_F(MerkleProofTest, ConsistencyFailureSaysWhichRootDiffers) {
  absl::Status s = VerifyConsistency(5, 12, Root(5), Root(11), Proof(5, 12));
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("consistency proof from tree size 5 to 12 leads to "
                        "new root " +
                        HashHex(Root(12)) + " not to the expected " +
                        HashHex(Root(11))));
  s = VerifyConsistency(5, 12, Root(6), Root(12), Proof(5, 12));
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()), HasSubstr("old root"));
}

TEST_F(MerkleProofTest, RejectsConsistencyProofForOtherSizes) {
  // The proof for (m, n) checked as (m', n') against the real roots there.
  // (The empty proof between equal sizes fits any equal sizes.)
  constexpr uint64_t kLimit = 20;
  for (uint64_t n = 2; n <= kLimit; ++n) {
    for (uint64_t m = 1; m < n; ++m) {
      const std::vector<std::string> proof = Proof(m, n);
      for (uint64_t n2 = 1; n2 <= kLimit; ++n2) {
        for (uint64_t m2 = 1; m2 <= n2; ++m2) {
          if (m2 == m && n2 == n) continue;
          const absl::StatusCode expected =
              Proof(m2, n2).size() == proof.size()
                  ? absl::StatusCode::kDataLoss
                  : absl::StatusCode::kInvalidArgument;
          EXPECT_EQ(VerifyConsistency(m2, n2, Root(m2), Root(n2), proof).code(),
                    expected)
              << m << " to " << n << " claimed as " << m2 << " to " << n2;
        }
      }
    }
  }
}

TEST_F(MerkleProofTest, RejectsConsistencyProofWithRemovedOrAddedHash) {
  for (auto [m, n] : std::vector<std::pair<uint64_t, uint64_t>>{
           {1, 2}, {3, 7}, {4, 8}, {5, 12}, {6, 8}, {16, 33}, {31, 64}}) {
    const std::vector<std::string> proof = Proof(m, n);
    for (size_t j = 0; j < proof.size(); ++j) {
      std::vector<std::string> shorter = proof;
      shorter.erase(shorter.begin() + static_cast<std::ptrdiff_t>(j));
      EXPECT_EQ(VerifyConsistency(m, n, Root(m), Root(n), shorter).code(),
                absl::StatusCode::kInvalidArgument);
    }
    std::vector<std::string> longer = proof;
    longer.push_back(Leaf(0));
    EXPECT_EQ(VerifyConsistency(m, n, Root(m), Root(n), longer).code(),
              absl::StatusCode::kInvalidArgument);
    longer = proof;
    longer.insert(longer.begin(), Root(m));
    EXPECT_EQ(VerifyConsistency(m, n, Root(m), Root(n), longer).code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST_F(MerkleProofTest, RejectsOldSizeBeyondNewSize) {
  EXPECT_EQ(VerifyConsistency(8, 5, Root(8), Root(5), Proof(5, 8)).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(1, 0, Root(1), EmptyTreeHash(), {}).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(MerkleProofTest, EqualSizesNeedEqualRootsAndNoProof) {
  for (uint64_t n : {1, 2, 7, 8, 64}) {
    EXPECT_TRUE(VerifyConsistency(n, n, Root(n), Root(n), {}).ok());
    EXPECT_EQ(
        VerifyConsistency(n, n, Root(n), Root(n - 1 + (n == 1)), {}).code(),
        n == 1 ? absl::StatusCode::kOk : absl::StatusCode::kDataLoss);
    EXPECT_EQ(VerifyConsistency(n, n, Root(n), Root(n), {Root(n)}).code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST_F(MerkleProofTest, EmptyOldTreeIsConsistentWithEveryTree) {
  EXPECT_TRUE(
      VerifyConsistency(0, 0, EmptyTreeHash(), EmptyTreeHash(), {}).ok());
  EXPECT_TRUE(VerifyConsistency(0, 9, EmptyTreeHash(), Root(9), {}).ok());
  EXPECT_EQ(VerifyConsistency(0, 9, Root(1), Root(9), {}).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyConsistency(0, 9, EmptyTreeHash(), Root(9), {Root(9)}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(0, 0, EmptyTreeHash(), Root(1), {}).code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(MerkleProofTest, RejectsConsistencyHashesOfWrongLength) {
  const std::vector<std::string> proof = Proof(5, 12);
  for (size_t length : {0, 31, 33}) {
    const std::string odd(length, 'x');
    std::vector<std::string> bad = proof;
    bad.back() = odd;
    EXPECT_EQ(VerifyConsistency(5, 12, Root(5), Root(12), bad).code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(VerifyConsistency(5, 12, odd, Root(12), proof).code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(VerifyConsistency(5, 12, Root(5), odd, proof).code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(VerifyConsistency(7, 7, odd, odd, {}).code(),
              absl::StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace docintake::archive
