// Fuzz target: signed checkpoint notes (ParseCheckpoint, VerifyCheckpoint)
// and the public keys that check them (VerifyingKey::FromPem). Notes that
// parse are signed again with fixed keys: the signed note must verify and
// parse back to the same checkpoint, and no single flipped bit may survive
// verification.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "archive/checkpoint.h"
#include "archive/signing_key.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::archive {
namespace {

struct KeyPair {
  std::unique_ptr<SigningKey> signing;
  VerifyingKey verifying;
};

KeyPair MakeKeyPair(KeyAlgorithm algorithm) {
  std::unique_ptr<SigningKey> key = SigningKey::Generate(algorithm);
  absl::StatusOr<VerifyingKey> verifying =
      VerifyingKey::FromPem(key->PublicKeyPem());
  FUZZ_CHECK(verifying.ok(), verifying.status().ToString());
  return KeyPair{std::move(key), *std::move(verifying)};
}

// One key per algorithm for the whole process.
const KeyPair& Keys(KeyAlgorithm algorithm) {
  static const KeyPair* const ed25519 =
      new KeyPair(MakeKeyPair(KeyAlgorithm::kEd25519));
  static const KeyPair* const p256 =
      new KeyPair(MakeKeyPair(KeyAlgorithm::kEcdsaP256));
  return algorithm == KeyAlgorithm::kEd25519 ? *ed25519 : *p256;
}

bool SameCheckpoint(const Checkpoint& a, const Checkpoint& b) {
  return a.origin == b.origin && a.tree_size == b.tree_size &&
         a.root_hash == b.root_hash && a.time == b.time;
}

uint64_t Hash(absl::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211;
  return h;
}

// Signs `parsed` with `keys` and checks the round trip and that a bit flip
// chosen by `choice` breaks the signature.
void CheckResigned(const Checkpoint& parsed, const KeyPair& keys,
                   uint64_t choice) {
  const std::string note = SignCheckpoint(parsed, *keys.signing);
  const absl::StatusOr<Checkpoint> verified =
      VerifyCheckpoint(note, keys.verifying);
  FUZZ_CHECK(verified.ok(), absl::StrCat(verified.status().ToString(), "\n",
                                         absl::CHexEscape(note)));
  FUZZ_CHECK(SameCheckpoint(*verified, parsed),
             "signing and parsing change the checkpoint");

  std::string tampered = note;
  const size_t at = static_cast<size_t>(choice % tampered.size());
  tampered[at] = static_cast<char>(tampered[at] ^ (1 << (choice >> 32) % 8));
  const absl::StatusOr<Checkpoint> forged =
      VerifyCheckpoint(tampered, keys.verifying);
  FUZZ_CHECK(!forged.ok(),
             absl::StrCat("a note with one bit of byte ", at,
                          " flipped verifies:\n", absl::CHexEscape(tampered)));
}

void FuzzOne(absl::string_view bytes) {
  const absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(bytes);
  for (KeyAlgorithm algorithm :
       {KeyAlgorithm::kEd25519, KeyAlgorithm::kEcdsaP256}) {
    const KeyPair& keys = Keys(algorithm);
    const absl::StatusOr<Checkpoint> verified =
        VerifyCheckpoint(bytes, keys.verifying);
    if (!parsed.ok()) {
      FUZZ_CHECK(parsed.status().code() == absl::StatusCode::kInvalidArgument,
                 parsed.status().ToString());
      FUZZ_CHECK(!verified.ok() && verified.status().code() ==
                                       absl::StatusCode::kInvalidArgument,
                 "VerifyCheckpoint accepts what ParseCheckpoint refuses");
      continue;
    }
    // The input cannot carry a signature by a key made in this process.
    FUZZ_CHECK(!verified.ok() &&
                   verified.status().code() == absl::StatusCode::kDataLoss,
               verified.status().ToString());
    CheckResigned(*parsed, keys, Hash(bytes));
  }

  // The input as a public key PEM.
  const absl::StatusOr<VerifyingKey> key = VerifyingKey::FromPem(bytes);
  if (key.ok()) {
    FUZZ_CHECK(key->KeyId("docintake/fuzz").size() == 4, "key id size");
    // The key is the input's, so any verdict is possible; it must not crash.
    (void)key->Verify("message", std::string(64, '\0'));
  } else {
    FUZZ_CHECK(key.status().code() == absl::StatusCode::kInvalidArgument,
               key.status().ToString());
  }
}

}  // namespace
}  // namespace docintake::archive

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::archive::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
