// Verification of RFC 6962 inclusion and consistency proofs from the proof
// alone (RFC 9162 §2.1.3.2 and §2.1.4.2), shared by the server, the CLI and the
// offline bundle verifier. A proof binds hashes to a root, not to a tree size:
// the size only fixes the proof's shape; a signed checkpoint binds size and
// root. Stateless; thread-safe.
#ifndef DOCINTAKE_ARCHIVE_MERKLE_PROOF_H_
#define DOCINTAKE_ARCHIVE_MERKLE_PROOF_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace docintake::archive {

// OK if `proof` (an RFC 6962 audit path, leaf side first) leads from
// `leaf_hash` at `index` in a tree of `tree_size` leaves to `root`.
// DATA_LOSS if it leads to another root. INVALID_ARGUMENT if malformed: index
// >= tree_size, the wrong number of hashes for (index, tree_size), or any hash
// not 32 bytes.
absl::Status VerifyInclusion(absl::string_view leaf_hash, uint64_t index,
                             uint64_t tree_size,
                             const std::vector<std::string>& proof,
                             absl::string_view root);

// OK if `proof` (RFC 6962 PROOF) shows that the tree of `old_size` leaves with
// `old_root` is a prefix of the tree of `new_size` leaves with `new_root`.
// Equal sizes need an empty proof and equal roots; old_size 0 needs an empty
// proof and old_root == EmptyTreeHash(). DATA_LOSS if the proof leads to other
// roots. INVALID_ARGUMENT if malformed: old_size > new_size, the wrong number
// of hashes for the sizes, or any hash not 32 bytes.
absl::Status VerifyConsistency(uint64_t old_size, uint64_t new_size,
                               absl::string_view old_root,
                               absl::string_view new_root,
                               const std::vector<std::string>& proof);

// Lower-case hex of a raw hash, for messages and logs.
std::string HashHex(absl::string_view raw);

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_MERKLE_PROOF_H_
