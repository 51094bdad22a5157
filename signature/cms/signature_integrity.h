// Integrity of a PDF signature's CMS over the bytes its /ByteRange selects
// (EN 319 102-1 cryptographic verification, no path validation): the
// messageDigest or encapsulated digest against the data, the signature
// value with the signer certificate's key, and the ESS signing-certificate
// binding. Works for adbe.pkcs7.detached, adbe.pkcs7.sha1 and
// ETSI.CAdES.detached, with or without SignedAttributes, RSA (PKCS#1 v1.5,
// PSS), ECDSA (any curve OpenSSL knows, incl. brainpool) and BSI plain-ECDSA.
// Pure functions; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_SIGNATURE_INTEGRITY_H_
#define DOCINTAKE_SIGNATURE_CMS_SIGNATURE_INTEGRITY_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace docintake::signature {

// The /SubFilter of a signature (not of a document timestamp).
enum class SubFilter { kAdbePkcs7Detached, kAdbePkcs7Sha1, kEtsiCadesDetached };
// "adbe.pkcs7.detached" etc.; nullopt for other names.
std::optional<SubFilter> SubFilterFromName(absl::string_view name);

enum class Integrity {
  kIntact,            // digest matches and the signature value verifies
  kHashFailure,       // the signed data's digest does not match
  kSigCryptoFailure,  // the signature value does not verify
  kFormatFailure,     // not evaluable: no/garbled CMS, no signer cert, ...
};
const char* IntegrityName(Integrity integrity);

// The ESS signing-certificate(-v2) attribute against the signer certificate.
enum class EssBinding { kAbsent, kMatches, kMismatch, kMalformed };

struct IntegrityResult {
  Integrity integrity = Integrity::kFormatFailure;
  std::string detail;  // plain English, for the report
  // With SignedAttributes: is their received encoding DER (sorted SET OF,
  // definite minimal lengths) as RFC 5652 §5.4 wants, and does the
  // signature verify over the DER re-encoding? kIntact means it verifies
  // over the encoding as received (or over the DER one).
  bool signed_attributes_der = true;
  bool verifies_over_der = true;
  EssBinding ess = EssBinding::kAbsent;
  std::string ess_detail;
};

// Verifies the CMS at the start of `contents` (the whole decoded /Contents)
// over the concatenation of `signed_ranges` (the ByteRange pieces, in
// order). Never fails: every problem is a result with a detail.
IntegrityResult VerifySignatureIntegrity(
    absl::string_view contents, SubFilter sub_filter,
    absl::Span<const absl::string_view> signed_ranges);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_CMS_SIGNATURE_INTEGRITY_H_
