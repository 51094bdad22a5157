// Revocation data handed to path validation (DER bytes from the PDF's DSS /
// VRI dictionaries and the CMS) and what was concluded from it per
// certificate. Plain values; safe to copy and share.
#ifndef DOCINTAKE_SIGNATURE_TRUST_REVOCATION_H_
#define DOCINTAKE_SIGNATURE_TRUST_REVOCATION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::signature {

struct RevocationData {
  std::vector<std::string> ocsp_responses;  // DER OCSPResponse
  std::vector<std::string> crls;            // DER CertificateList
};

enum class RevocationState {
  kNotChecked,  // trust anchor, or no chain to check against
  kGood,        // data covering the validation time says "not revoked"
  kRevoked,     // revoked at or before the validation time
  kUnknown,     // no usable data covers the validation time
};

// The evidence behind a RevocationState. For kGood/kRevoked the fields
// describe the response or CRL that decided; `notes` explains data that
// was present but not usable (bad signature, stale, unauthorised, ...).
struct RevocationFinding {
  RevocationState state = RevocationState::kNotChecked;
  std::string source;  // "OCSP", "CRL" or ""
  std::string issuer;  // OCSP responder / CRL issuer subject (RFC 2253)
  std::optional<absl::Time> produced_at;  // OCSP producedAt
  std::optional<absl::Time> this_update;
  std::optional<absl::Time> next_update;
  // Set when the data lists the certificate as revoked (also when the
  // revocation lies after the validation time and the state is kGood).
  std::optional<absl::Time> revocation_time;
  int revocation_reason = -1;  // CRLReason, -1 if absent
  std::vector<std::string> notes;
  // For OCSP: the responder is the certificate's CA or its delegate
  // (kIssuer), or its own path reached an anchor from a trusted list or
  // only from a configured certificate file.
  enum class ResponderTrust { kNone, kIssuer, kTrustedList, kCertificateFile };
  ResponderTrust responder_trust = ResponderTrust::kNone;
};

// Whether `data` holds revocation information about the certificate: an
// OCSP response about its issuer name and serial, or a CRL of its issuer.
// Nothing is verified (no signature, no time): this is what EN 319 142-1
// asks of a B-LT signature's validation data, even when its chain is not
// trusted. False for a `cert_der` that is not a certificate.
bool HasRevocationDataFor(absl::string_view cert_der,
                          const RevocationData& data);

// "NOT_CHECKED", "GOOD", "REVOKED", "UNKNOWN".
const char* RevocationStateName(RevocationState state);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_REVOCATION_H_
