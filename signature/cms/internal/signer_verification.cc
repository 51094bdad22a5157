#include "signature/cms/internal/signer_verification.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "signature/cms/internal/algorithms.h"
#include "signature/cms/internal/certificate.h"
#include "signature/cms/internal/ess.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

constexpr absl::string_view kOidMessageDigest = "1.2.840.113549.1.9.4";

IntegrityResult Result(Integrity integrity, std::string detail) {
  IntegrityResult result;
  result.integrity = integrity;
  result.detail = std::move(detail);
  return result;
}

// The SignedAttributes' element encodings; `der` tells whether they are in
// DER order with definite minimal lengths.
std::vector<absl::string_view> AttributeElements(const SignerInfoView& signer,
                                                 bool& der) {
  std::vector<absl::string_view> elements;
  der = signer.signed_attributes_minimal_length;
  der::DerReader reader(signer.signed_attributes_contents);
  while (!reader.AtEnd()) {
    absl::StatusOr<der::Tlv> tlv = reader.Next();
    if (!tlv.ok()) break;  // ParseSignedData already walked them
    if (!tlv->minimal_length) der = false;
    if (!elements.empty() && elements.back() > tlv->encoding) der = false;
    elements.push_back(tlv->encoding);
  }
  return elements;
}

void CheckEss(const SignerInfoView& signer, absl::string_view cert,
              IntegrityResult& result) {
  for (const bool v2 : {false, true}) {
    const Attribute* attribute =
        FindAttribute(signer.signed_attributes,
                      v2 ? kOidSigningCertificateV2 : kOidSigningCertificate);
    if (attribute == nullptr) continue;
    if (attribute->values.size() != 1) {
      result.ess = EssBinding::kMalformed;
      result.ess_detail = "signing-certificate attribute without one value";
      return;
    }
    const absl::Status status =
        CheckSigningCertificate(attribute->values[0], v2, cert);
    if (absl::IsFailedPrecondition(status)) {
      result.ess = EssBinding::kMismatch;
      result.ess_detail = std::string(status.message());
      return;
    }
    if (!status.ok()) {
      result.ess = EssBinding::kMalformed;
      result.ess_detail = std::string(status.message());
      return;
    }
    result.ess = EssBinding::kMatches;
    result.ess_detail =
        absl::StrCat("ESS signing-certificate", v2 ? "-v2" : "", " matches");
  }
}

IntegrityResult VerifyOverSignedAttributes(
    const SignerInfoView& signer, absl::string_view spki,
    absl::Span<const absl::string_view> content) {
  const Attribute* md_attr =
      FindAttribute(signer.signed_attributes, kOidMessageDigest);
  if (md_attr == nullptr || md_attr->values.size() != 1) {
    return Result(Integrity::kFormatFailure,
                  "SignedAttributes without exactly one messageDigest");
  }
  absl::StatusOr<der::Tlv> md_value = der::ParseTlv(md_attr->values[0]);
  if (!md_value.ok() || md_value->tag != der::kTagOctetString) {
    return Result(Integrity::kFormatFailure, "messageDigest is malformed");
  }
  const EVP_MD* md = DigestForOid(signer.digest_algorithm.oid);
  if (md == nullptr) {
    return Result(Integrity::kFormatFailure,
                  absl::StrCat("unsupported digest algorithm ",
                               signer.digest_algorithm.oid));
  }
  absl::StatusOr<std::string> digest = Digest(md, content);
  if (!digest.ok()) {
    return Result(Integrity::kFormatFailure,
                  std::string(digest.status().message()));
  }
  if (*digest != md_value->value) {
    return Result(
        Integrity::kHashFailure,
        absl::StrCat("messageDigest ", absl::BytesToHexString(md_value->value),
                     " does not match the signed data's ",
                     DigestName(signer.digest_algorithm.oid), " ",
                     absl::BytesToHexString(*digest)));
  }
  // The signature covers the SignedAttributes with the SET OF tag (0x31)
  // instead of the implicit [0].
  std::string received(signer.signed_attributes_encoding);
  received[0] = static_cast<char>(der::kTagSet);
  bool der = true;
  std::vector<absl::string_view> elements = AttributeElements(signer, der);
  std::sort(elements.begin(), elements.end());
  std::string sorted;
  for (absl::string_view e : elements) sorted.append(e.data(), e.size());
  const std::string der_encoding = der::EncodeTlv(der::kTagSet, sorted);

  const absl::StatusOr<bool> over_received = VerifySignatureValue(
      spki, signer.signature_algorithm, signer.digest_algorithm.oid, {received},
      signer.signature);
  if (!over_received.ok()) {
    return Result(Integrity::kFormatFailure,
                  absl::StrCat("signature cannot be verified: ",
                               over_received.status().message()));
  }
  bool over_der = *over_received;
  if (der_encoding != received) {
    const absl::StatusOr<bool> v = VerifySignatureValue(
        spki, signer.signature_algorithm, signer.digest_algorithm.oid,
        {der_encoding}, signer.signature);
    over_der = v.ok() && *v;
  }
  IntegrityResult result;
  result.signed_attributes_der = der_encoding == received && der;
  result.verifies_over_der = over_der;
  if (*over_received || over_der) {
    result.integrity = Integrity::kIntact;
    result.detail = "messageDigest matches and the signature verifies";
    if (!result.signed_attributes_der) {
      absl::StrAppend(
          &result.detail,
          *over_received ? " over the received" : " only over the DER",
          " encoding of the SignedAttributes, which is not DER",
          over_der ? "" : " (not over their DER re-encoding)");
    }
  } else {
    result.integrity = Integrity::kSigCryptoFailure;
    result.detail =
        "messageDigest matches but the signature value does not verify "
        "over the SignedAttributes";
  }
  return result;
}

}  // namespace

IntegrityResult VerifySigner(const SignedDataView& view,
                             absl::Span<const absl::string_view> content) {
  if (view.signer_infos.size() != 1) {
    return Result(Integrity::kFormatFailure,
                  absl::StrCat("SignedData has ", view.signer_infos.size(),
                               " SignerInfos; exactly one expected"));
  }
  const SignerInfoView& signer = view.signer_infos[0];
  const std::optional<size_t> index =
      FindSignerCertificate(signer, view.certificates);
  if (!index.has_value()) {
    return Result(Integrity::kFormatFailure,
                  "the signer certificate is not in the CMS");
  }
  const absl::string_view cert_der = view.certificates[*index];
  absl::StatusOr<CertificateView> cert = ParseCertificate(cert_der);
  if (!cert.ok()) {
    return Result(Integrity::kFormatFailure, "signer certificate malformed");
  }
  IntegrityResult result;
  if (signer.has_signed_attributes) {
    result = VerifyOverSignedAttributes(signer, cert->spki, content);
  } else {
    const absl::StatusOr<bool> ok = VerifySignatureValue(
        cert->spki, signer.signature_algorithm, signer.digest_algorithm.oid,
        content, signer.signature);
    if (!ok.ok()) {
      result = Result(Integrity::kFormatFailure,
                      absl::StrCat("signature cannot be verified: ",
                                   ok.status().message()));
    } else if (*ok) {
      result = Result(Integrity::kIntact,
                      "no SignedAttributes; the signature verifies over the "
                      "signed data");
    } else {
      result = Result(Integrity::kSigCryptoFailure,
                      "no SignedAttributes; the signature value does not "
                      "verify over the signed data");
    }
  }
  CheckEss(signer, cert_der, result);
  return result;
}

}  // namespace docintake::signature::internal
