// The few fields of an X.509 certificate the CMS code needs, read with our
// own lenient DER walker (a serial number with superfluous padding, which
// OpenSSL's strict parser rejects, still yields its key), and the lookup of
// a SignerInfo's certificate. Views point into the caller's buffer.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_CERTIFICATE_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_CERTIFICATE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "signature/cms/internal/signed_data.h"

namespace docintake::signature::internal {

struct CertificateView {
  absl::string_view encoding;
  absl::string_view serial;    // contents of the serialNumber INTEGER
  absl::string_view issuer;    // encoding of the issuer Name
  absl::string_view spki;      // encoding of subjectPublicKeyInfo
  std::string subject_key_id;  // extension 2.5.29.14, "" if absent
};

// INVALID_ARGUMENT if `encoding` is not a certificate.
absl::StatusOr<CertificateView> ParseCertificate(absl::string_view encoding);

// Whether two encoded Names are equal: by encoding, else (re-encodings by
// other software) by OpenSSL's canonical comparison.
bool SameName(absl::string_view a, absl::string_view b);

// Index into `certificates` of the one `signer` names; nullopt if none.
std::optional<size_t> FindSignerCertificate(
    const SignerInfoView& signer,
    const std::vector<absl::string_view>& certificates);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_CERTIFICATE_H_
