#include "signature/cms/internal/embedded_revocation.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

constexpr absl::string_view kOidRiOcspResponse = "1.3.6.1.5.5.7.16.2";
// DER OBJECT IDENTIFIER id-pkix-ocsp-basic (1.3.6.1.5.5.7.48.1.1).
constexpr absl::string_view kDerOcspBasic =
    "\x06\x09\x2b\x06\x01\x05\x05\x07\x30\x01\x01";

using Kind = EmbeddedRevocation::Kind;

// An OCSPResponse as is; a BasicOCSPResponse wrapped into a successful one.
absl::StatusOr<std::string> AsOcspResponse(absl::string_view encoding) {
  ASSIGN_OR_RETURN(const der::Tlv outer, der::ParseTlv(encoding));
  if (outer.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("OCSP response is not a SEQUENCE");
  }
  if (der::DerReader(outer.value).PeekTag(der::kTagEnumerated)) {
    return std::string(outer.encoding);
  }
  const std::string response_bytes = der::EncodeTlv(
      der::kTagSequence,
      absl::StrCat(kDerOcspBasic,
                   der::EncodeTlv(der::kTagOctetString, outer.encoding)));
  return der::EncodeTlv(
      der::kTagSequence,
      absl::StrCat(der::EncodeTlv(der::kTagEnumerated, std::string(1, '\0')),
                   der::EncodeTlv(der::ContextTag(0, true), response_bytes)));
}

// The elements of a SEQUENCE OF inside an [n] EXPLICIT field.
absl::StatusOr<std::vector<absl::string_view>> ExplicitSequenceOf(
    const der::Tlv& field) {
  ASSIGN_OR_RETURN(const der::Tlv seq, der::ParseTlv(field.value));
  if (seq.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("expected a SEQUENCE OF");
  }
  return der::Elements(seq.value);
}

// RevocationInfoArchival (Adobe) and RevocationValues (CAdES) share the
// shape { [0] SEQUENCE OF CRL, [1] SEQUENCE OF OCSP, [2] other }.
absl::Status CollectArchival(absl::string_view value, RevocationSource source,
                             std::vector<EmbeddedRevocation>& out) {
  ASSIGN_OR_RETURN(const der::Tlv outer, der::ParseTlv(value));
  if (outer.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("not a SEQUENCE");
  }
  der::DerReader reader(outer.value);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv field, reader.Next());
    if (field.tag == der::ContextTag(0, true)) {
      ASSIGN_OR_RETURN(const std::vector<absl::string_view> crls,
                       ExplicitSequenceOf(field));
      for (absl::string_view crl : crls) {
        out.push_back({Kind::kCrl, source, std::string(crl)});
      }
    } else if (field.tag == der::ContextTag(1, true)) {
      ASSIGN_OR_RETURN(const std::vector<absl::string_view> responses,
                       ExplicitSequenceOf(field));
      for (absl::string_view response : responses) {
        ASSIGN_OR_RETURN(std::string der, AsOcspResponse(response));
        out.push_back({Kind::kOcspResponse, source, std::move(der)});
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Named(absl::Status status, absl::string_view place) {
  if (status.ok()) return status;
  return absl::InvalidArgumentError(
      absl::StrCat(place, ": ", status.message()));
}

}  // namespace

absl::Status CollectRevocation(const SignedDataView& signed_data,
                               const SignerInfoView& signer,
                               std::vector<EmbeddedRevocation>& out) {
  for (absl::string_view crl : signed_data.crls) {
    out.push_back(
        {Kind::kCrl, RevocationSource::kSignedDataCrls, std::string(crl)});
  }
  for (const OtherRevocationInfo& other : signed_data.other_revocation) {
    if (other.format_oid != kOidRiOcspResponse) continue;
    absl::StatusOr<std::string> der = AsOcspResponse(other.info);
    RETURN_IF_ERROR(Named(der.status(), "SignedData.crls OCSP response"));
    out.push_back({Kind::kOcspResponse, RevocationSource::kSignedDataCrls,
                   *std::move(der)});
  }
  if (const Attribute* adbe = FindAttribute(signer.signed_attributes,
                                            kOidAdbeRevocationInfoArchival)) {
    for (absl::string_view value : adbe->values) {
      RETURN_IF_ERROR(
          Named(CollectArchival(value, RevocationSource::kAdobeArchival, out),
                "adbe-revocationInfoArchival"));
    }
  }
  if (const Attribute* values =
          FindAttribute(signer.unsigned_attributes, kOidRevocationValues)) {
    for (absl::string_view value : values->values) {
      RETURN_IF_ERROR(Named(
          CollectArchival(value, RevocationSource::kCadesRevocationValues, out),
          "revocation-values"));
    }
  }
  return absl::OkStatus();
}

}  // namespace docintake::signature::internal
