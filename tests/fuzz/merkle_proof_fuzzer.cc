// Fuzz target: RFC 6962 inclusion and consistency proof verification
// (VerifyInclusion, VerifyConsistency). The first byte picks the mode:
//   even: raw — the input is the proof: u64 a, u64 b (little-endian), then
//         32-byte hashes (a short last one too): as an inclusion proof
//         (index a, size b, leaf, root, path...) and as a consistency proof
//         (old size a, new size b, old root, new root, proof...).
//   odd:  built — a MerkleTree of 1 + a % 300 leaves yields real proofs for
//         the leaf b and the old size c; they must verify, and one flipped
//         bit in any hash (chosen by the next bytes) must make them fail.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_proof.h"
#include "archive/merkle_tree.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::archive {
namespace {

constexpr uint64_t kMaxBuiltLeaves = 300;

// Reads the input front to back; past its end, zeros.
class Reader {
 public:
  explicit Reader(absl::string_view bytes) : bytes_(bytes) {}
  uint8_t Byte() {
    if (bytes_.empty()) return 0;
    const auto b = static_cast<uint8_t>(bytes_[0]);
    bytes_.remove_prefix(1);
    return b;
  }
  uint64_t U64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(Byte()) << (8 * i);
    return v;
  }
  // The next `n` bytes, or fewer at the end.
  std::string Take(size_t n) {
    const absl::string_view out = bytes_.substr(0, n);
    bytes_.remove_prefix(out.size());
    return std::string(out);
  }
  bool empty() const { return bytes_.empty(); }

 private:
  absl::string_view bytes_;
};

void CheckCode(const absl::Status& status) {
  FUZZ_CHECK(
      status.ok() || fuzz::HasCode(status, {absl::StatusCode::kInvalidArgument,
                                            absl::StatusCode::kDataLoss}),
      status.ToString());
}

void FuzzRaw(Reader& in) {
  const uint64_t a = in.U64();
  const uint64_t b = in.U64();
  const std::string first = in.Take(kMerkleHashSize);
  const std::string second = in.Take(kMerkleHashSize);
  std::vector<std::string> hashes;
  while (!in.empty()) hashes.push_back(in.Take(kMerkleHashSize));
  CheckCode(VerifyInclusion(first, a, b, hashes, second));
  CheckCode(VerifyConsistency(a, b, first, second, hashes));
}

// Flips one bit of one of `hashes`, chosen by the input.
void FlipBit(std::vector<std::string*>& hashes, Reader& in) {
  std::string& hash = *hashes[in.U64() % hashes.size()];
  const uint64_t bit = in.U64() % (8 * hash.size());
  hash[bit / 8] = static_cast<char>(hash[bit / 8] ^ (1 << bit % 8));
}

void FuzzBuilt(Reader& in) {
  const uint64_t size = 1 + in.U64() % kMaxBuiltLeaves;
  const uint64_t index = in.U64() % size;
  const uint64_t old_size = 1 + in.U64() % size;
  MerkleTree tree;
  for (uint64_t i = 0; i < size; ++i) {
    tree.Append(LeafHash(absl::StrCat("leaf ", i)));
  }
  const std::string what =
      absl::StrCat("leaf ", index, ", sizes ", old_size, " and ", size);
  std::string root = *tree.Root(size);
  std::string old_root = *tree.Root(old_size);
  std::string leaf = tree.leaf_hash(index);
  absl::StatusOr<std::vector<std::string>> path =
      tree.InclusionProof(index, size);
  absl::StatusOr<std::vector<std::string>> proof =
      tree.ConsistencyProof(old_size, size);
  FUZZ_CHECK(path.ok() && proof.ok(), what);
  absl::Status included = VerifyInclusion(leaf, index, size, *path, root);
  FUZZ_CHECK(included.ok(), absl::StrCat(what, ": ", included.ToString()));
  absl::Status consistent =
      VerifyConsistency(old_size, size, old_root, root, *proof);
  FUZZ_CHECK(consistent.ok(), absl::StrCat(what, ": ", consistent.ToString()));

  // Every hash counts: flipping any bit of any of them breaks the proof.
  std::vector<std::string*> inclusion_hashes = {&leaf, &root};
  for (std::string& h : *path) inclusion_hashes.push_back(&h);
  std::string saved_root = root;
  FlipBit(inclusion_hashes, in);
  included = VerifyInclusion(leaf, index, size, *path, root);
  FUZZ_CHECK(included.code() == absl::StatusCode::kDataLoss,
             absl::StrCat(what, ": tampered inclusion proof gives ",
                          included.ToString()));

  root = saved_root;
  std::vector<std::string*> consistency_hashes = {&old_root, &root};
  for (std::string& h : *proof) consistency_hashes.push_back(&h);
  FlipBit(consistency_hashes, in);
  consistent = VerifyConsistency(old_size, size, old_root, root, *proof);
  FUZZ_CHECK(consistent.code() == absl::StatusCode::kDataLoss,
             absl::StrCat(what, ": tampered consistency proof gives ",
                          consistent.ToString()));
}

void FuzzOne(absl::string_view bytes) {
  Reader in(bytes);
  if ((in.Byte() & 1) == 0) {
    FuzzRaw(in);
  } else {
    FuzzBuilt(in);
  }
}

}  // namespace
}  // namespace docintake::archive

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::archive::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
