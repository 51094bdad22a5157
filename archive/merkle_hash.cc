#include "archive/merkle_hash.h"

#include "base/sha256.h"

namespace docintake::archive {
namespace {

constexpr char kLeafPrefix = '\x00';
constexpr char kNodePrefix = '\x01';

}  // namespace

std::string LeafHash(absl::string_view leaf_data) {
  base::Sha256 hasher;
  hasher.Update(absl::string_view(&kLeafPrefix, 1));
  hasher.Update(leaf_data);
  return hasher.Finish();
}

std::string NodeHash(absl::string_view left, absl::string_view right) {
  base::Sha256 hasher;
  hasher.Update(absl::string_view(&kNodePrefix, 1));
  hasher.Update(left);
  hasher.Update(right);
  return hasher.Finish();
}

std::string EmptyTreeHash() {
  base::Sha256 hasher;
  return hasher.Finish();
}

}  // namespace docintake::archive
