// The DER SubjectPublicKeyInfo inside a public-key PEM, for comparing keys
// byte for byte and printing fingerprints that `openssl pkey -pubin -outform
// DER | sha256sum` reproduces. Pure functions (OpenSSL); thread-safe.
#ifndef DOCINTAKE_ARCHIVE_INTERNAL_PUBLIC_KEY_DER_H_
#define DOCINTAKE_ARCHIVE_INTERNAL_PUBLIC_KEY_DER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::archive::internal {

// The DER of the first "PUBLIC KEY" PEM block in `pem`; INVALID_ARGUMENT if
// there is none or it does not parse.
absl::StatusOr<std::string> PublicKeyDer(absl::string_view pem);

// `pem`'s key re-encoded as OpenSSL writes it (64-column base64, "\n" line
// ends), to tell an altered file from the one the archive wrote.
// INVALID_ARGUMENT as above.
absl::StatusOr<std::string> CanonicalPublicKeyPem(absl::string_view pem);

// Lower-case hex SHA-256 of PublicKeyDer(pem); INVALID_ARGUMENT as above.
absl::StatusOr<std::string> PublicKeyFingerprint(absl::string_view pem);

}  // namespace docintake::archive::internal

#endif  // DOCINTAKE_ARCHIVE_INTERNAL_PUBLIC_KEY_DER_H_
