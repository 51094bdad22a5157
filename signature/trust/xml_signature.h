// Verification of the enveloped XML signature (W3C XMLDSig with XAdES
// signed properties) that signs an ETSI TS 119 612 trusted list: exactly
// one ds:Signature, a child of the document element; one Reference to the
// whole document (URI "" or "#<root Id>") with the enveloped-signature
// transform and C14N 1.0/1.1 or Exclusive C14N; optionally one Reference of
// Type SignedProperties to the XAdES SignedProperties inside the signature;
// SHA-256/384/512 digests; RSA PKCS#1 v1.5, RSA-PSS or ECDSA with the key of
// a KeyInfo X509Certificate. Anything else (other references, XPath/XSLT
// transforms, SHA-1) is refused as unsupported. This says who signed; it
// does not say whether that signer is trusted (see TrustStore).
// Stateless and thread-safe.
#ifndef DOCINTAKE_SIGNATURE_TRUST_XML_SIGNATURE_H_
#define DOCINTAKE_SIGNATURE_TRUST_XML_SIGNATURE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::signature {

enum class XmlSignatureVerdict {
  kValid,
  kMissing,           // the document has no ds:Signature
  kMalformed,         // malformed XML, or a signature structure that is
                      // incomplete, ambiguous (duplicate Ids, several
                      // signatures) or not enveloped in the document element
  kUnsupported,       // an algorithm, transform or reference form not listed
                      // above
  kDigestMismatch,    // a Reference's DigestValue does not match its content
  kSignatureInvalid,  // SignatureValue does not verify over SignedInfo
};

// "valid", "missing", "malformed", "unsupported", "digest-mismatch",
// "signature-invalid".
absl::string_view XmlSignatureVerdictName(XmlSignatureVerdict verdict);

struct XmlSignatureVerification {
  XmlSignatureVerdict verdict = XmlSignatureVerdict::kMalformed;
  std::string detail;  // the reason, for reports ("" when valid)
  // Filled as far as the signature was read.
  std::string signature_method;         // SignatureMethod URI
  std::string canonicalization_method;  // CanonicalizationMethod URI
  // Only when valid: the KeyInfo certificate whose key verified the
  // SignatureValue, and whether a XAdES SignedProperties reference was
  // present (and, like every reference, verified).
  std::string signer_certificate_der;
  bool signed_properties_verified = false;
  // XAdES SigningTime as claimed by the signer (only from verified
  // SignedProperties).
  std::optional<absl::Time> signing_time;

  bool valid() const { return verdict == XmlSignatureVerdict::kValid; }
  // OK when valid, else InvalidArgument "XML signature <verdict name>:
  // <detail>".
  absl::Status ToStatus() const;
};

// Limit on the size of a document accepted for verification.
inline constexpr size_t kMaxSignedXmlBytes = 32u << 20;

// Verifies the enveloped signature of `xml` (parsed without network, DTD or
// entities). When SignedProperties hold a XAdES SigningCertificate(V2), the
// signer certificate must match one of its CertDigests. Never fails
// otherwise than through the verdict.
XmlSignatureVerification VerifyEnvelopedXmlSignature(absl::string_view xml);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_XML_SIGNATURE_H_
