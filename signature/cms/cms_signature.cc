#include "signature/cms/cms_signature.h"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "base/owned.h"
#include "base/status_macros.h"
#include "signature/cms/internal/algorithms.h"
#include "signature/cms/internal/asn1_time.h"
#include "signature/cms/internal/certificate.h"
#include "signature/cms/internal/embedded_revocation.h"
#include "signature/cms/internal/ess.h"
#include "signature/cms/internal/signed_data.h"
#include "signature/der/der.h"

namespace docintake::signature {
namespace {

using der::Tlv;
using internal::Attribute;
using internal::FindAttribute;
using internal::SignerInfoView;

constexpr absl::string_view kOidContentType = "1.2.840.113549.1.9.3";
constexpr absl::string_view kOidMessageDigest = "1.2.840.113549.1.9.4";
constexpr absl::string_view kOidSigningTime = "1.2.840.113549.1.9.5";
constexpr absl::string_view kOidSignatureTimeStamp =
    "1.2.840.113549.1.9.16.2.14";

// The single value of `attribute`, parsed; an anomaly if there is not
// exactly one well-formed value.
absl::StatusOr<Tlv> SingleValue(const Attribute& attribute) {
  if (attribute.values.size() != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("attribute ", attribute.oid, " has ",
                     attribute.values.size(), " values; exactly one expected"));
  }
  return der::ParseTlv(attribute.values[0]);
}

void ReadSignedAttributes(const SignerInfoView& signer, CmsSignature& out) {
  const std::vector<Attribute>& attrs = signer.signed_attributes;
  if (const Attribute* a = FindAttribute(attrs, kOidContentType)) {
    absl::StatusOr<Tlv> value = SingleValue(*a);
    absl::StatusOr<std::string> oid =
        value.ok() && value->tag == der::kTagOid
            ? der::OidToText(value->value)
            : absl::StatusOr<std::string>(
                  absl::InvalidArgumentError("not an OID"));
    if (oid.ok()) {
      out.content_type_attribute = *oid;
    } else {
      out.anomalies.push_back("contentType attribute is malformed");
    }
  }
  if (const Attribute* a = FindAttribute(attrs, kOidMessageDigest)) {
    absl::StatusOr<Tlv> value = SingleValue(*a);
    if (value.ok() && value->tag == der::kTagOctetString) {
      out.message_digest = std::string(value->value);
    } else {
      out.anomalies.push_back("messageDigest attribute is malformed");
    }
  }
  if (const Attribute* a = FindAttribute(attrs, kOidSigningTime)) {
    absl::StatusOr<Tlv> value = SingleValue(*a);
    absl::StatusOr<absl::Time> time =
        value.ok() ? internal::ParseAsn1Time(*value) : value.status();
    if (time.ok()) {
      out.signing_time = *time;
    } else {
      out.anomalies.push_back(
          absl::StrCat("signingTime is malformed: ", time.status().message()));
    }
  }
  out.has_ess_signing_certificate =
      FindAttribute(attrs, internal::kOidSigningCertificate) != nullptr;
  out.has_ess_signing_certificate_v2 =
      FindAttribute(attrs, internal::kOidSigningCertificateV2) != nullptr;
}

// Notes a signer certificate that OpenSSL's strict X.509 parser rejects
// (the lenient walker still found its key).
void CheckStrictCertificate(absl::string_view der, CmsSignature& out) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  base::Owned<X509, X509_free> cert(
      d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  ERR_clear_error();
  if (cert == nullptr) {
    out.anomalies.push_back(
        "the signer certificate is not strict DER (OpenSSL rejects it)");
  }
}

}  // namespace

const char* SignatureAlgorithmName(SignatureAlgorithm algorithm) {
  switch (algorithm) {
    case SignatureAlgorithm::kRsaPkcs1v15:
      return "RSA";
    case SignatureAlgorithm::kRsaPss:
      return "RSA-PSS";
    case SignatureAlgorithm::kEcdsa:
      return "ECDSA";
    case SignatureAlgorithm::kPlainEcdsa:
      return "PLAIN-ECDSA";
    case SignatureAlgorithm::kDsa:
      return "DSA";
    case SignatureAlgorithm::kEd25519:
      return "Ed25519";
    case SignatureAlgorithm::kUnknown:
      break;
  }
  return "unknown";
}

absl::StatusOr<CmsSignature> ParseCmsSignature(absl::string_view contents) {
  ASSIGN_OR_RETURN(const internal::SignedDataView view,
                   internal::ParseSignedData(contents));
  CmsSignature out;
  out.content_type_oid = view.content_type;
  out.is_signed_data = view.is_signed_data;
  if (!view.is_signed_data) return out;
  out.signer_info_count = static_cast<int>(view.signer_infos.size());
  out.econtent_type_oid = view.econtent_type;
  out.econtent = view.econtent;
  for (absl::string_view cert : view.certificates) {
    out.certificates.emplace_back(cert);
  }
  if (view.signer_infos.empty()) {
    out.anomalies.push_back("SignedData has no SignerInfo");
    return out;
  }
  if (view.signer_infos.size() > 1) {
    out.anomalies.push_back(absl::StrCat(
        view.signer_infos.size(), " SignerInfos; facts are of the first"));
  }
  const SignerInfoView& signer = view.signer_infos[0];
  out.digest_algorithm_oid = signer.digest_algorithm.oid;
  out.digest_algorithm = internal::DigestName(signer.digest_algorithm.oid);
  out.signature_algorithm_oid = signer.signature_algorithm.oid;
  out.signature_algorithm =
      internal::SignatureAlgorithmForOid(signer.signature_algorithm.oid);
  out.signature_value = signer.signature;
  out.has_signed_attributes = signer.has_signed_attributes;
  ReadSignedAttributes(signer, out);
  if (const Attribute* tst =
          FindAttribute(signer.unsigned_attributes, kOidSignatureTimeStamp)) {
    for (absl::string_view token : tst->values) {
      out.signature_timestamps.emplace_back(token);
    }
  }
  const std::optional<size_t> index =
      internal::FindSignerCertificate(signer, view.certificates);
  if (index.has_value()) {
    out.signer_certificate = std::string(view.certificates[*index]);
    CheckStrictCertificate(*out.signer_certificate, out);
  } else {
    out.anomalies.push_back(
        "the SignerIdentifier names no certificate of the CMS");
  }
  const absl::Status revocation =
      internal::CollectRevocation(view, signer, out.revocation);
  if (!revocation.ok()) {
    out.anomalies.push_back(
        absl::StrCat("embedded revocation data: ", revocation.message()));
  }
  return out;
}

}  // namespace docintake::signature
