#include "signature/internal/summaries.h"

#include "absl/strings/str_join.h"
#include "base/time_util.h"

namespace docintake::signature {

v1::CertificateSummary Summary(const ChainCertificate& c) {
  v1::CertificateSummary out;
  out.set_subject(c.subject);
  out.set_issuer(c.issuer);
  out.set_serial(c.serial_hex);
  *out.mutable_not_before() = base::ToProtoTime(c.not_before);
  *out.mutable_not_after() = base::ToProtoTime(c.not_after);
  out.set_sha256(c.sha256_hex);
  out.set_trust_anchor(c.is_anchor);
  std::vector<std::string> sources;
  for (const AnchorSource& source : c.anchor_sources) {
    sources.push_back(source.description.empty() ? source.path
                                                 : source.description);
  }
  out.set_anchor_source(absl::StrJoin(sources, "; "));
  return out;
}

v1::RevocationStatus Revocation(const ChainCertificate& c) {
  v1::RevocationStatus out;
  out.set_subject(c.subject);
  const RevocationFinding& r = c.revocation;
  switch (r.state) {
    case RevocationState::kGood:
      out.set_status(v1::RevocationStatus::GOOD);
      break;
    case RevocationState::kRevoked:
      out.set_status(v1::RevocationStatus::REVOKED);
      break;
    default:
      out.set_status(v1::RevocationStatus::UNKNOWN);
  }
  out.set_source(r.source);
  if (r.produced_at.has_value()) {
    *out.mutable_produced_at() = base::ToProtoTime(*r.produced_at);
  }
  if (r.revocation_time.has_value()) {
    *out.mutable_revoked_at() = base::ToProtoTime(*r.revocation_time);
  }
  out.set_detail(absl::StrJoin(r.notes, "; "));
  return out;
}

void AddChain(
    const ChainResult& chain,
    google::protobuf::RepeatedPtrField<v1::CertificateSummary>& out,
    google::protobuf::RepeatedPtrField<v1::RevocationStatus>* revocation) {
  for (const ChainCertificate& c : chain.chain) {
    *out.Add() = Summary(c);
    if (revocation != nullptr &&
        c.revocation.state != RevocationState::kNotChecked) {
      *revocation->Add() = Revocation(c);
    }
  }
}

v1::Indication ChainIndicationOf(ChainStatus status) {
  switch (status) {
    case ChainStatus::kValid:
      return v1::TOTAL_PASSED;
    case ChainStatus::kRevoked:
      return v1::TOTAL_FAILED;
    default:
      return v1::INDETERMINATE;
  }
}

v1::SubIndication ChainSubIndicationOf(ChainStatus status) {
  switch (status) {
    case ChainStatus::kValid:
      return v1::SUBINDICATION_UNSPECIFIED;
    case ChainStatus::kNoCertificateChainFound:
      return v1::NO_CERTIFICATE_CHAIN_FOUND;
    case ChainStatus::kChainConstraintsFailure:
      return v1::CHAIN_CONSTRAINTS_FAILURE;
    case ChainStatus::kRevoked:
      return v1::REVOKED;
    case ChainStatus::kRevokedNoPoe:
      return v1::REVOKED_NO_POE;
    case ChainStatus::kRevokedCaNoPoe:
      return v1::REVOKED_CA_NO_POE;
    case ChainStatus::kOutOfBoundsNotRevoked:
      return v1::OUT_OF_BOUNDS_NOT_REVOKED;
    case ChainStatus::kOutOfBoundsNoPoe:
      return v1::OUT_OF_BOUNDS_NO_POE;
    case ChainStatus::kTryLater:
      return v1::TRY_LATER;
  }
  return v1::CERTIFICATE_CHAIN_GENERAL_FAILURE;
}

v1::SignatureValidation::Qualification ToProto(SignatureQualification q) {
  using Validation = v1::SignatureValidation;
  switch (q) {
    case SignatureQualification::kQesig:
      return Validation::QESIG;
    case SignatureQualification::kQeseal:
      return Validation::QESEAL;
    case SignatureQualification::kAdesigQc:
      return Validation::ADESIG_QC;
    case SignatureQualification::kAdesealQc:
      return Validation::ADESEAL_QC;
    case SignatureQualification::kAdesig:
      return Validation::ADESIG;
    case SignatureQualification::kAdeseal:
      return Validation::ADESEAL;
    case SignatureQualification::kIndeterminate:
      return Validation::QUALIFICATION_INDETERMINATE;
    case SignatureQualification::kNotAdes:
      return Validation::NOT_ADES;
  }
  return Validation::QUALIFICATION_INDETERMINATE;
}

}  // namespace docintake::signature
