// The facts of a PDF signature's CMS (the decoded /Contents of a signature
// dictionary): algorithms, signed and unsigned attributes, certificates,
// embedded revocation data and signature timestamps. Parsing checks
// structure only; VerifySignatureIntegrity (signature_integrity.h) checks the
// cryptography. Certificates, CRLs, OCSP responses and timestamp tokens are
// DER byte strings. Plain data; ParseCmsSignature is thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_CMS_SIGNATURE_H_
#define DOCINTAKE_SIGNATURE_CMS_CMS_SIGNATURE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::signature {

enum class SignatureAlgorithm {
  kUnknown,
  kRsaPkcs1v15,  // rsaEncryption, sha*WithRSAEncryption
  kRsaPss,       // id-RSASSA-PSS
  kEcdsa,        // ecdsa-with-SHA*, DER Ecdsa-Sig-Value
  kPlainEcdsa,   // BSI TR-03111 ecdsa-plain-* (0.4.0.127.0.7.1.1.4.1.x): r‖s
  kDsa,
  kEd25519,
};
const char* SignatureAlgorithmName(SignatureAlgorithm algorithm);

// Where an embedded CRL or OCSP response was found.
enum class RevocationSource {
  kSignedDataCrls,         // SignedData.crls (CRLs; OCSP per RFC 5940)
  kAdobeArchival,          // signed attribute adbe-revocationInfoArchival
  kCadesRevocationValues,  // unsigned attribute id-aa-ets-revocationValues
};

struct EmbeddedRevocation {
  enum class Kind { kCrl, kOcspResponse };
  Kind kind = Kind::kCrl;
  RevocationSource source = RevocationSource::kSignedDataCrls;
  // A CertificateList, or a complete OCSPResponse (BasicOCSPResponses from
  // CAdES revocation values are wrapped into a successful OCSPResponse).
  std::string der;
};

struct CmsSignature {
  std::string content_type_oid;  // ContentInfo.contentType
  bool is_signed_data = false;   // the fields below are empty unless set
  int signer_info_count = 0;     // a PDF signature must have exactly one

  // The first SignerInfo.
  std::string digest_algorithm_oid;
  std::string digest_algorithm;  // "SHA256" etc.; "" if unknown
  std::string signature_algorithm_oid;
  SignatureAlgorithm signature_algorithm = SignatureAlgorithm::kUnknown;
  std::string signature_value;  // SignerInfo.signature (the TST imprint
                                // of a signature timestamp hashes these)
  bool has_signed_attributes = false;
  std::string content_type_attribute;         // OID; "" if absent
  std::optional<std::string> message_digest;  // raw digest bytes
  std::optional<absl::Time> signing_time;
  bool has_ess_signing_certificate = false;       // ESS v1 (SHA-1)
  bool has_ess_signing_certificate_v2 = false;    // ESS v2
  std::vector<std::string> signature_timestamps;  // DER TimeStampTokens

  std::string econtent_type_oid;
  std::optional<std::string> econtent;  // encapsulated content, if any
  std::optional<std::string> signer_certificate;  // DER, found by the sid
  std::vector<std::string> certificates;          // all, DER, in CMS order
  std::vector<EmbeddedRevocation> revocation;
  // Oddities that do not stop parsing ("signingTime is malformed",
  // "signer certificate is not strict DER", ...), for findings.
  std::vector<std::string> anomalies;
};

// Parses the CMS ContentInfo at the start of `contents` (the whole decoded
// /Contents; the zero padding after the object is ignored). INVALID_ARGUMENT
// with the failing field for bytes that are not a ContentInfo or a
// malformed SignedData; a ContentInfo of another type gives
// is_signed_data == false.
absl::StatusOr<CmsSignature> ParseCmsSignature(absl::string_view contents);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_CMS_CMS_SIGNATURE_H_
