// The XMLDSig digest and signature algorithms docintake verifies, looked up
// by their URIs (RFC 6931, XMLDSig 1.1), and the SignatureValue check with
// OpenSSL: RSA PKCS#1 v1.5, RSA-PSS and ECDSA (whose XMLDSig value is r||s,
// converted to DER here). SHA-1 is accepted only where the caller allows it
// (certificate identification), never for references or signatures.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_XMLDSIG_ALGORITHMS_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_XMLDSIG_ALGORITHMS_H_

#include <libxml/tree.h>
#include <openssl/evp.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature::trust_internal {

inline constexpr char kXmlDsigNamespace[] =
    "http://www.w3.org/2000/09/xmldsig#";

// The digest named by a DigestMethod URI (SHA-256/384/512, and SHA-1 if
// `allow_sha1`); nullptr if unsupported.
const EVP_MD* DigestFromUri(absl::string_view uri, bool allow_sha1);

// The digest of `data`; Internal on OpenSSL failure.
absl::StatusOr<std::string> ComputeDigest(const EVP_MD* md,
                                          absl::string_view data);

struct SignatureAlgorithm {
  enum class Kind { kRsaPkcs1, kRsaPss, kEcdsa };
  Kind kind = Kind::kRsaPkcs1;
  const EVP_MD* md = nullptr;
  const EVP_MD* mgf1_md = nullptr;  // kRsaPss
  int salt_length = 0;              // kRsaPss, bytes
};

// The algorithm of a ds:SignatureMethod element (its Algorithm URI and, for
// RSA-PSS with parameters, its RSAPSSParams child). Unimplemented for an
// unsupported algorithm, InvalidArgument for malformed parameters.
absl::StatusOr<SignatureAlgorithm> SignatureAlgorithmOf(
    const xmlNode* signature_method);

// Checks `signature` (the decoded ds:SignatureValue) over `data` with `key`.
// OK if it verifies; InvalidArgument with the reason otherwise (wrong key
// type for the algorithm, malformed value, no match).
absl::Status VerifySignatureValue(const SignatureAlgorithm& algorithm,
                                  EVP_PKEY* key, absl::string_view data,
                                  absl::string_view signature);

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_XMLDSIG_ALGORITHMS_H_
