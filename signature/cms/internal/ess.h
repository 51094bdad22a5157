// The ESS signing-certificate attributes (RFC 2634 §5.4 v1 with SHA-1,
// RFC 5035 v2 with any hash): does the first ESSCertID name the signer
// certificate (hash, and issuer/serial where given)? Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_ESS_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_ESS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace docintake::signature::internal {

inline constexpr absl::string_view kOidSigningCertificate =
    "1.2.840.113549.1.9.16.2.12";
inline constexpr absl::string_view kOidSigningCertificateV2 =
    "1.2.840.113549.1.9.16.2.47";

// OK if the attribute value `value` (a SigningCertificate when `v2` is
// false, else SigningCertificateV2) identifies `certificate_der`;
// FAILED_PRECONDITION naming the mismatch; INVALID_ARGUMENT if malformed.
absl::Status CheckSigningCertificate(absl::string_view value, bool v2,
                                     absl::string_view certificate_der);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_ESS_H_
