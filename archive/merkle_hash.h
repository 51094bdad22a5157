// The RFC 6962 Merkle tree hash functions used by the archive's append-only
// log: domain-separated SHA-256 over leaves (prefix 0x00) and interior nodes
// (prefix 0x01). All hashes are raw 32-byte strings. Stateless; thread-safe.
#ifndef DOCINTAKE_ARCHIVE_MERKLE_HASH_H_
#define DOCINTAKE_ARCHIVE_MERKLE_HASH_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace docintake::archive {

// Length in bytes of every hash in the log (SHA-256).
inline constexpr size_t kMerkleHashSize = 32;

// SHA-256(0x00 || leaf_data): the hash of one log entry.
std::string LeafHash(absl::string_view leaf_data);

// SHA-256(0x01 || left || right): the hash of an interior node. `left` and
// `right` are the raw hashes of its two children.
std::string NodeHash(absl::string_view left, absl::string_view right);

// SHA-256 of the empty string: the root of the tree with no leaves.
std::string EmptyTreeHash();

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_MERKLE_HASH_H_
