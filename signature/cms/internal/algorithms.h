// Algorithm identifiers of CMS signatures: digest OIDs to OpenSSL digests,
// signature OIDs to SignatureAlgorithm, hashing of byte ranges, and
// verification of a signature value with a SubjectPublicKeyInfo (RSA
// PKCS#1 v1.5 and PSS, ECDSA incl. plain r‖s, DSA, Ed25519). Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_ALGORITHMS_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_ALGORITHMS_H_

#include <openssl/evp.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "signature/cms/cms_signature.h"
#include "signature/cms/internal/signed_data.h"

namespace docintake::signature::internal {

// The digest for a digest-algorithm OID; nullptr if unknown.
const EVP_MD* DigestForOid(absl::string_view oid);
// Its name ("SHA256"); "" if unknown.
std::string DigestName(absl::string_view oid);

SignatureAlgorithm SignatureAlgorithmForOid(absl::string_view oid);

// The digest of the concatenation of `pieces`; INTERNAL if OpenSSL fails.
absl::StatusOr<std::string> Digest(const EVP_MD* md,
                                   absl::Span<const absl::string_view> pieces);

// Whether `signature` is a valid signature over the concatenation of
// `message` under the key in `spki`, per `algorithm` and the SignerInfo
// digest algorithm `digest_oid`. An error (INVALID_ARGUMENT / UNIMPLEMENTED)
// means it cannot be evaluated: unknown algorithm, unusable key, algorithm
// and key type that do not match.
absl::StatusOr<bool> VerifySignatureValue(
    absl::string_view spki, const AlgorithmIdentifier& algorithm,
    absl::string_view digest_oid, absl::Span<const absl::string_view> message,
    absl::string_view signature);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_ALGORITHMS_H_
