// Checkpoint: the signed statement "log <origin> had <tree_size> leaves with
// root <root_hash> at <time>", as a signed note (c2sp.org/signed-note and
// c2sp.org/tlog-checkpoint; docs/checkpoint-format.md):
//
//   <origin>\n
//   <tree_size, decimal, no leading zeros>\n
//   <base64(32-byte root hash)>\n
//   time <YYYY-MM-DDTHH:MM:SSZ>\n
//   \n
//   — <origin> <base64(4-byte key id || signature over the 4 lines above)>\n
//
// The key name is the origin; "—" is U+2014. Pure functions, thread-safe.
#ifndef DOCINTAKE_ARCHIVE_CHECKPOINT_H_
#define DOCINTAKE_ARCHIVE_CHECKPOINT_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "archive/signing_key.h"

namespace docintake::archive {

struct Checkpoint {
  std::string origin;  // names the log and its key
  uint64_t tree_size = 0;
  std::string root_hash;  // 32 raw bytes (RFC 6962 tree hash)
  absl::Time time;        // written with whole-second precision (floor)
};

// OK if `origin` can name a log and its key: 1 to 255 printable ASCII
// characters other than space and '+'. INVALID_ARGUMENT otherwise. Check
// configured origins with it before signing.
absl::Status ValidateOrigin(absl::string_view origin);

// The signed note of `checkpoint` (format above). Precondition:
// ValidateOrigin(origin) is OK and root_hash has 32 bytes; a violation is a
// programming error and aborts rather than sign a note nobody could parse.
std::string SignCheckpoint(const Checkpoint& checkpoint, const SigningKey& key);

// The checkpoint in `note`, checking the syntax only (no signature!).
// INVALID_ARGUMENT naming the first thing that is wrong.
absl::StatusOr<Checkpoint> ParseCheckpoint(absl::string_view note);

// ParseCheckpoint plus the signature: DATA_LOSS if the note's key id is not
// `key`'s or the signature does not verify; INVALID_ARGUMENT if malformed.
absl::StatusOr<Checkpoint> VerifyCheckpoint(absl::string_view note,
                                            const VerifyingKey& key);

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_CHECKPOINT_H_
