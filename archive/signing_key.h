// The archive's signing key (Ed25519 or ECDSA P-256), kept as an unencrypted
// PKCS#8 PEM file readable by its owner only, and the matching VerifyingKey
// built from the public key alone. Key ids follow c2sp.org/signed-note, so
// Ed25519 checkpoints verify with Go's golang.org/x/mod/sumdb/note. Both types
// are immutable and thread-safe after construction.
#ifndef DOCINTAKE_ARCHIVE_SIGNING_KEY_H_
#define DOCINTAKE_ARCHIVE_SIGNING_KEY_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::archive {

enum class KeyAlgorithm { kEd25519, kEcdsaP256 };

// Key id of `key_name` and a key (4 bytes, c2sp.org/signed-note):
//   Ed25519:    SHA-256(key_name || 0x0A || 0x01 || 32-byte public key)[:4]
//   ECDSA P-256: SHA-256(DER SubjectPublicKeyInfo)[:4] (type 0x02; the name
//                is not part of it, as the signed-note spec prescribes).
// Both key classes below compute it this way.

class SigningKey {
 public:
  // Loads the PKCS#8 PEM private key at `path`, or creates a new key of
  // `algorithm_if_created` there (mode 0600, never replacing a file, durable:
  // file and directory are fsynced). FAILED_PRECONDITION if the file grants
  // group/other access or holds an unsupported key type; DATA_LOSS if it is
  // not a readable unencrypted PKCS#8 key; other codes for I/O errors.
  static absl::StatusOr<std::unique_ptr<SigningKey>> LoadOrCreate(
      const std::string& path, KeyAlgorithm algorithm_if_created);
  // A fresh key that lives in memory only.
  static std::unique_ptr<SigningKey> Generate(KeyAlgorithm algorithm);

  ~SigningKey();
  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;

  // Ed25519: pure EdDSA over `message` (64 bytes). ECDSA P-256: over
  // SHA-256(message), DER-encoded. Aborts only if OpenSSL itself fails.
  std::string Sign(absl::string_view message) const;
  // SubjectPublicKeyInfo, PEM.
  std::string PublicKeyPem() const;
  // The 4-byte key id under `key_name` (see above).
  std::string KeyId(absl::string_view key_name) const;
  KeyAlgorithm algorithm() const;

 private:
  struct Impl;
  explicit SigningKey(std::unique_ptr<Impl> impl);
  const std::unique_ptr<Impl> impl_;
};

// A public key that checks signatures made by a SigningKey. Cheap to copy.
class VerifyingKey {
 public:
  // From a SubjectPublicKeyInfo PEM; INVALID_ARGUMENT if it is not one of an
  // Ed25519 or P-256 key.
  static absl::StatusOr<VerifyingKey> FromPem(absl::string_view pem);

  // OK if `signature` is this key's signature over `message`; DATA_LOSS
  // otherwise.
  absl::Status Verify(absl::string_view message,
                      absl::string_view signature) const;
  // Equals SigningKey::KeyId(key_name) of the matching private key.
  std::string KeyId(absl::string_view key_name) const;
  KeyAlgorithm algorithm() const;

 private:
  struct Impl;
  explicit VerifyingKey(std::shared_ptr<const Impl> impl)
      : impl_(std::move(impl)) {}
  // Shared so that copies stay cheap; the key is immutable.
  std::shared_ptr<const Impl> impl_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_SIGNING_KEY_H_
