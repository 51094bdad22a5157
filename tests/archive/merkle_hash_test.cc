#include "archive/merkle_hash.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace docintake::archive {
namespace {

std::string Hex(const std::string& raw) { return absl::BytesToHexString(raw); }

TEST(MerkleHashTest, EmptyTreeHashIsSha256OfNothing) {
  EXPECT_EQ(Hex(EmptyTreeHash()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(MerkleHashTest, LeafHashPrefixesZeroByte) {
  // RFC 6962 test vector: the leaf hash of the empty entry.
  EXPECT_EQ(Hex(LeafHash("")),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_EQ(LeafHash(""), LeafHash(std::string()));
  EXPECT_EQ(LeafHash("").size(), kMerkleHashSize);
}

TEST(MerkleHashTest, NodeHashPrefixesOneByte) {
  // The root of the first two test-vector leaves, "" and 0x00.
  EXPECT_EQ(Hex(NodeHash(LeafHash(""), LeafHash(std::string(1, '\0')))),
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
}

TEST(MerkleHashTest, LeafAndNodeHashesAreDomainSeparated) {
  const std::string a = LeafHash("a");
  const std::string b = LeafHash("b");
  // A leaf whose data looks like two child hashes does not collide with the
  // node over those children.
  EXPECT_NE(LeafHash(a + b), NodeHash(a, b));
  EXPECT_NE(NodeHash(a, b), NodeHash(b, a));
}

}  // namespace
}  // namespace docintake::archive
