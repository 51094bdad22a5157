#include "signature/cms/timestamp_token.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/cms/internal/algorithms.h"
#include "signature/cms/internal/asn1_time.h"
#include "signature/cms/internal/certificate.h"
#include "signature/cms/internal/signed_data.h"
#include "signature/cms/internal/signer_verification.h"
#include "signature/der/der.h"

namespace docintake::signature {
namespace {

using der::DerReader;
using der::Tlv;

// TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber,
// genTime, accuracy OPTIONAL, ordering, nonce, tsa [0], extensions [1] }.
absl::Status ReadTstInfo(absl::string_view tst_info, TimestampToken& out) {
  ASSIGN_OR_RETURN(const Tlv info, der::ParseTlv(tst_info));
  if (info.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("TSTInfo is not a SEQUENCE");
  }
  DerReader reader(info.value);
  RETURN_IF_ERROR(reader.Expect(der::kTagInteger, "TSTInfo.version").status());
  ASSIGN_OR_RETURN(out.policy_oid, reader.ExpectOid("TSTInfo.policy"));
  ASSIGN_OR_RETURN(const Tlv imprint,
                   reader.Expect(der::kTagSequence, "messageImprint"));
  DerReader imprint_reader(imprint.value);
  ASSIGN_OR_RETURN(const Tlv alg,
                   imprint_reader.Expect(der::kTagSequence, "hashAlgorithm"));
  DerReader alg_reader(alg.value);
  ASSIGN_OR_RETURN(out.imprint_algorithm_oid,
                   alg_reader.ExpectOid("hashAlgorithm"));
  out.imprint_algorithm = internal::DigestName(out.imprint_algorithm_oid);
  ASSIGN_OR_RETURN(const Tlv hashed, imprint_reader.Expect(der::kTagOctetString,
                                                           "hashedMessage"));
  out.imprint = std::string(hashed.value);
  ASSIGN_OR_RETURN(const Tlv serial,
                   reader.Expect(der::kTagInteger, "serialNumber"));
  out.serial_number = std::string(der::IntegerMagnitude(serial.value));
  ASSIGN_OR_RETURN(const Tlv gen_time,
                   reader.Expect(der::kTagGeneralizedTime, "genTime"));
  ASSIGN_OR_RETURN(out.gen_time, internal::ParseAsn1Time(gen_time));
  return absl::OkStatus();
}

absl::Status Named(const absl::Status& status) {
  if (status.ok()) return status;
  return absl::InvalidArgumentError(
      absl::StrCat("not a timestamp token: ", status.message()));
}

// A token's SignedData and the TSTInfo it encapsulates.
struct TokenData {
  internal::SignedDataView view;
  std::string tst_info;
  TimestampToken token;
};

absl::StatusOr<TokenData> ParseTokenData(absl::string_view der) {
  TokenData out;
  absl::StatusOr<internal::SignedDataView> view =
      internal::ParseSignedData(der);
  RETURN_IF_ERROR(Named(view.status()));
  if (!view->is_signed_data) {
    return Named(absl::InvalidArgumentError("content type is not SignedData"));
  }
  if (view->econtent_type != internal::kOidTstInfo ||
      !view->econtent.has_value()) {
    return Named(absl::InvalidArgumentError(absl::StrCat(
        "encapsulated content is not a TSTInfo (", view->econtent_type, ")")));
  }
  out.tst_info = view->econtent.value_or(std::string());
  out.view = *std::move(view);
  RETURN_IF_ERROR(Named(ReadTstInfo(out.tst_info, out.token)));
  return out;
}

}  // namespace

absl::StatusOr<TimestampToken> ParseTimestampToken(absl::string_view der) {
  ASSIGN_OR_RETURN(TokenData data, ParseTokenData(der));
  TimestampToken out = std::move(data.token);
  for (absl::string_view cert : data.view.certificates) {
    out.certificates.emplace_back(cert);
  }
  if (data.view.signer_infos.size() == 1) {
    const std::optional<size_t> index = internal::FindSignerCertificate(
        data.view.signer_infos[0], data.view.certificates);
    if (index.has_value()) out.tsa_certificate = out.certificates[*index];
  }
  return out;
}

IntegrityResult VerifyTimestampToken(
    absl::string_view der, absl::Span<const absl::string_view> covered) {
  IntegrityResult result;
  absl::StatusOr<TokenData> data = ParseTokenData(der);
  if (!data.ok()) {
    result.detail = std::string(data.status().message());
    return result;
  }
  const TimestampToken& token = data->token;
  const EVP_MD* md = internal::DigestForOid(token.imprint_algorithm_oid);
  if (md == nullptr) {
    result.detail = absl::StrCat("unsupported imprint hash algorithm ",
                                 token.imprint_algorithm_oid);
    return result;
  }
  absl::StatusOr<std::string> digest = internal::Digest(md, covered);
  if (!digest.ok()) {
    result.detail = std::string(digest.status().message());
    return result;
  }
  if (*digest != token.imprint) {
    result.integrity = Integrity::kHashFailure;
    result.detail = absl::StrCat(
        "timestamp imprint ", absl::BytesToHexString(token.imprint),
        " does not match the covered data's ", token.imprint_algorithm, " ",
        absl::BytesToHexString(*digest));
    return result;
  }
  result = internal::VerifySigner(data->view, {data->tst_info});
  if (result.integrity == Integrity::kIntact) {
    result.detail = absl::StrCat("imprint matches; ", result.detail);
  }
  return result;
}

}  // namespace docintake::signature
