#include "signature/cms/internal/ess.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/cms/internal/algorithms.h"
#include "signature/cms/internal/certificate.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

constexpr absl::string_view kOidSha1 = "1.3.14.3.2.26";
constexpr absl::string_view kOidSha256 = "2.16.840.1.101.3.4.2.1";

// IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber INTEGER }.
absl::Status CheckIssuerSerial(absl::string_view contents,
                               const CertificateView& cert) {
  der::DerReader reader(contents);
  ASSIGN_OR_RETURN(const der::Tlv names,
                   reader.Expect(der::kTagSequence, "issuer"));
  ASSIGN_OR_RETURN(const der::Tlv serial,
                   reader.Expect(der::kTagInteger, "serial"));
  if (der::IntegerMagnitude(serial.value) !=
      der::IntegerMagnitude(cert.serial)) {
    return absl::FailedPreconditionError(
        "ESS issuerSerial names another serial number");
  }
  der::DerReader general_names(names.value);
  while (!general_names.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv name, general_names.Next());
    if (name.tag != der::ContextTag(4, true)) continue;  // directoryName only
    ASSIGN_OR_RETURN(const der::Tlv dn, der::ParseTlv(name.value));
    if (!SameName(dn.encoding, cert.issuer)) {
      return absl::FailedPreconditionError(
          "ESS issuerSerial names another issuer");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckSigningCertificate(absl::string_view value, bool v2,
                                     absl::string_view certificate_der) {
  ASSIGN_OR_RETURN(const CertificateView cert,
                   ParseCertificate(certificate_der));
  ASSIGN_OR_RETURN(const der::Tlv outer, der::ParseTlv(value));
  if (outer.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("SigningCertificate is not a SEQUENCE");
  }
  der::DerReader reader(outer.value);
  ASSIGN_OR_RETURN(const der::Tlv certs,
                   reader.Expect(der::kTagSequence, "certs"));
  der::DerReader ids(certs.value);
  ASSIGN_OR_RETURN(const der::Tlv first,
                   ids.Expect(der::kTagSequence, "ESSCertID"));
  der::DerReader id(first.value);
  std::string hash_oid(v2 ? kOidSha256 : kOidSha1);
  if (v2 && id.PeekTag(der::kTagSequence)) {
    ASSIGN_OR_RETURN(const der::Tlv alg, id.Next());
    der::DerReader alg_reader(alg.value);
    ASSIGN_OR_RETURN(hash_oid, alg_reader.ExpectOid("hashAlg"));
  }
  ASSIGN_OR_RETURN(const der::Tlv hash,
                   id.Expect(der::kTagOctetString, "certHash"));
  const EVP_MD* md = DigestForOid(hash_oid);
  if (md == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("ESS certHash uses unknown hash ", hash_oid));
  }
  ASSIGN_OR_RETURN(const std::string actual, Digest(md, {cert.encoding}));
  if (actual != hash.value) {
    return absl::FailedPreconditionError(
        absl::StrCat("ESS signing-certificate", v2 ? "-v2" : "", " hash ",
                     absl::BytesToHexString(hash.value),
                     " does not match the signer certificate (",
                     absl::BytesToHexString(actual), ")"));
  }
  if (id.PeekTag(der::kTagSequence)) {
    ASSIGN_OR_RETURN(const der::Tlv issuer_serial, id.Next());
    RETURN_IF_ERROR(CheckIssuerSerial(issuer_serial.value, cert));
  }
  return absl::OkStatus();
}

}  // namespace docintake::signature::internal
