#include "signature/cms/internal/certificate.h"

#include <openssl/x509.h>

#include "absl/status/status.h"
#include "base/owned.h"
#include "base/status_macros.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

using NamePtr = base::Owned<X509_NAME, X509_NAME_free>;

constexpr absl::string_view kOidSubjectKeyId = "2.5.29.14";

// The keyIdentifier of a SubjectKeyIdentifier extension in `extensions` (the
// contents of the [3] tag), "" if there is none.
absl::StatusOr<std::string> FindSubjectKeyId(absl::string_view extensions) {
  ASSIGN_OR_RETURN(const der::Tlv list, der::ParseTlv(extensions));
  der::DerReader reader(list.value);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv ext,
                     reader.Expect(der::kTagSequence, "Extension"));
    der::DerReader inner(ext.value);
    ASSIGN_OR_RETURN(const std::string oid_text, inner.ExpectOid("extnID"));
    if (oid_text != kOidSubjectKeyId) continue;
    if (inner.PeekTag(0x01)) RETURN_IF_ERROR(inner.Next().status());
    ASSIGN_OR_RETURN(const der::Tlv value,
                     inner.Expect(der::kTagOctetString, "extnValue"));
    ASSIGN_OR_RETURN(const der::Tlv key_id, der::ParseTlv(value.value));
    return std::string(key_id.value);
  }
  return std::string();
}

}  // namespace

bool SameName(absl::string_view a, absl::string_view b) {
  if (a == b) return true;
  const unsigned char* pa = reinterpret_cast<const unsigned char*>(a.data());
  const unsigned char* pb = reinterpret_cast<const unsigned char*>(b.data());
  NamePtr na(d2i_X509_NAME(nullptr, &pa, static_cast<long>(a.size())));
  NamePtr nb(d2i_X509_NAME(nullptr, &pb, static_cast<long>(b.size())));
  return na != nullptr && nb != nullptr &&
         X509_NAME_cmp(na.get(), nb.get()) == 0;
}

absl::StatusOr<CertificateView> ParseCertificate(absl::string_view encoding) {
  CertificateView cert;
  ASSIGN_OR_RETURN(const der::Tlv outer, der::ParseTlv(encoding));
  if (outer.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("certificate is not a SEQUENCE");
  }
  cert.encoding = outer.encoding;
  der::DerReader top(outer.value);
  ASSIGN_OR_RETURN(const der::Tlv tbs,
                   top.Expect(der::kTagSequence, "tbsCertificate"));
  der::DerReader reader(tbs.value);
  if (reader.PeekTag(der::ContextTag(0, true))) {
    RETURN_IF_ERROR(reader.Next().status());
  }
  ASSIGN_OR_RETURN(const der::Tlv serial,
                   reader.Expect(der::kTagInteger, "serial"));
  cert.serial = serial.value;
  RETURN_IF_ERROR(reader.Expect(der::kTagSequence, "signature").status());
  ASSIGN_OR_RETURN(const der::Tlv issuer,
                   reader.Expect(der::kTagSequence, "issuer"));
  cert.issuer = issuer.encoding;
  RETURN_IF_ERROR(reader.Expect(der::kTagSequence, "validity").status());
  RETURN_IF_ERROR(reader.Expect(der::kTagSequence, "subject").status());
  ASSIGN_OR_RETURN(const der::Tlv spki,
                   reader.Expect(der::kTagSequence, "subjectPublicKeyInfo"));
  cert.spki = spki.encoding;
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv field, reader.Next());
    if (field.tag == der::ContextTag(3, true)) {
      ASSIGN_OR_RETURN(cert.subject_key_id, FindSubjectKeyId(field.value));
    }
  }
  return cert;
}

std::optional<size_t> FindSignerCertificate(
    const SignerInfoView& signer,
    const std::vector<absl::string_view>& certificates) {
  for (size_t i = 0; i < certificates.size(); ++i) {
    absl::StatusOr<CertificateView> cert = ParseCertificate(certificates[i]);
    if (!cert.ok()) continue;
    if (signer.sid_is_key_id) {
      if (!cert->subject_key_id.empty() &&
          cert->subject_key_id == signer.sid_key_id) {
        return i;
      }
    } else if (der::IntegerMagnitude(cert->serial) ==
                   der::IntegerMagnitude(signer.sid_serial) &&
               SameName(cert->issuer, signer.sid_issuer)) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace docintake::signature::internal
