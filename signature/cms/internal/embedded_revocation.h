// Revocation data a CMS signature carries: CRLs and RFC 5940 OCSP responses
// in SignedData.crls, the Adobe adbe-revocationInfoArchival signed attribute
// (1.2.840.113583.1.1.8) and the CAdES revocation-values unsigned attribute
// (1.2.840.113549.1.9.16.2.24). Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_EMBEDDED_REVOCATION_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_EMBEDDED_REVOCATION_H_

#include <vector>

#include "absl/status/status.h"
#include "signature/cms/cms_signature.h"
#include "signature/cms/internal/signed_data.h"

namespace docintake::signature::internal {

inline constexpr absl::string_view kOidAdbeRevocationInfoArchival =
    "1.2.840.113583.1.1.8";
inline constexpr absl::string_view kOidRevocationValues =
    "1.2.840.113549.1.9.16.2.24";

// Appends everything found for `signer` of `signed_data` to `out`;
// INVALID_ARGUMENT (naming the place) if one of them is malformed.
absl::Status CollectRevocation(const SignedDataView& signed_data,
                               const SignerInfoView& signer,
                               std::vector<EmbeddedRevocation>& out);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_EMBEDDED_REVOCATION_H_
