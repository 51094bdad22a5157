#include "signature/trust/qualification.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/der/der.h"
#include "signature/trust/internal/x509_util.h"

namespace docintake::signature {
namespace {

using trust_internal::X509Ptr;

constexpr char kQcCompliance[] = "0.4.0.1862.1.1";
constexpr char kQcSscd[] = "0.4.0.1862.1.4";
constexpr char kQcType[] = "0.4.0.1862.1.6";
constexpr char kQcTypeEsign[] = "0.4.0.1862.1.6.1";
constexpr char kQcTypeEseal[] = "0.4.0.1862.1.6.2";
constexpr char kQcTypeWeb[] = "0.4.0.1862.1.6.3";

bool IsQcPolicy(const std::string& oid, bool* qscd) {
  if (oid == "0.4.0.1456.1.1" || oid == "0.4.0.194112.1.2" ||
      oid == "0.4.0.194112.1.3") {
    *qscd = true;
    return true;
  }
  return oid == "0.4.0.1456.1.2" || oid == "0.4.0.194112.1.0" ||
         oid == "0.4.0.194112.1.1";
}

absl::Status ParseStatementsExtension(absl::string_view extension,
                                      QcStatements& qc) {
  der::DerReader outer(extension);
  ASSIGN_OR_RETURN(const der::Tlv statements,
                   outer.Expect(der::kTagSequence, "QCStatements"));
  der::DerReader list(statements.value);
  while (!list.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv statement,
                     list.Expect(der::kTagSequence, "QCStatement"));
    der::DerReader fields(statement.value);
    ASSIGN_OR_RETURN(const std::string id, fields.ExpectOid("statementId"));
    if (id == kQcCompliance) qc.qc_compliance = true;
    if (id == kQcSscd) qc.qc_sscd = true;
    if (id == kQcType && !fields.AtEnd()) {
      ASSIGN_OR_RETURN(const der::Tlv types,
                       fields.Expect(der::kTagSequence, "QcType"));
      der::DerReader type_list(types.value);
      while (!type_list.AtEnd()) {
        ASSIGN_OR_RETURN(const std::string type,
                         type_list.ExpectOid("QcType element"));
        if (type == kQcTypeEsign) qc.type_esign = true;
        if (type == kQcTypeEseal) qc.type_eseal = true;
        if (type == kQcTypeWeb) qc.type_web = true;
      }
    }
  }
  return absl::OkStatus();
}

QcStatements CertificateFacts(X509* cert) {
  QcStatements qc;
  const trust_internal::KeyUsage ku = trust_internal::GetKeyUsage(cert);
  qc.key_usage_present = ku.present;
  qc.non_repudiation = ku.present && (ku.bits & KU_NON_REPUDIATION) != 0;
  qc.digital_signature = ku.present && (ku.bits & KU_DIGITAL_SIGNATURE) != 0;
  auto* policies = static_cast<CERTIFICATEPOLICIES*>(
      X509_get_ext_d2i(cert, NID_certificate_policies, nullptr, nullptr));
  for (int i = 0; policies != nullptr && i < sk_POLICYINFO_num(policies); ++i) {
    char buf[128];
    const POLICYINFO* info = sk_POLICYINFO_value(policies, i);
    if (OBJ_obj2txt(buf, sizeof(buf), info->policyid, 1) > 0) {
      qc.policy_oids.push_back(buf);
      if (IsQcPolicy(buf, &qc.policy_qscd)) qc.policy_qc = true;
    }
  }
  if (policies != nullptr) CERTIFICATEPOLICIES_free(policies);
  ERR_clear_error();
  return qc;
}

bool KeyUsageBit(const QcStatements& qc, X509* cert, const std::string& name) {
  static const std::pair<const char*, uint32_t> kBits[] = {
      {"digitalSignature", KU_DIGITAL_SIGNATURE},
      {"nonRepudiation", KU_NON_REPUDIATION},
      {"contentCommitment", KU_NON_REPUDIATION},
      {"keyEncipherment", KU_KEY_ENCIPHERMENT},
      {"dataEncipherment", KU_DATA_ENCIPHERMENT},
      {"keyAgreement", KU_KEY_AGREEMENT},
      {"keyCertSign", KU_KEY_CERT_SIGN},
      {"crlSign", KU_CRL_SIGN},
      {"encipherOnly", KU_ENCIPHER_ONLY},
      {"decipherOnly", KU_DECIPHER_ONLY}};
  if (!qc.key_usage_present) return false;
  const uint32_t bits = trust_internal::GetKeyUsage(cert).bits;
  for (const auto& [bit_name, mask] : kBits) {
    if (name == bit_name) return (bits & mask) != 0;
  }
  return false;
}

bool CriteriaMatch(const QualificationCriteria& criteria,
                   const QcStatements& qc, X509* cert) {
  if (criteria.has_unsupported_criteria) return false;
  std::vector<bool> results;
  for (const KeyUsageCriterion& ku : criteria.key_usages) {
    bool all = true;
    for (const KeyUsageCriterion::Bit& bit : ku.bits) {
      if (KeyUsageBit(qc, cert, bit.name) != bit.value) all = false;
    }
    results.push_back(all);
  }
  for (const std::vector<std::string>& set : criteria.policy_sets) {
    bool all = true;
    for (const std::string& oid : set) {
      if (std::find(qc.policy_oids.begin(), qc.policy_oids.end(), oid) ==
          qc.policy_oids.end()) {
        all = false;
      }
    }
    results.push_back(all);
  }
  for (const QualificationCriteria& nested : criteria.nested) {
    results.push_back(CriteriaMatch(nested, qc, cert));
  }
  if (results.empty()) return true;
  const auto count = std::count(results.begin(), results.end(), true);
  if (criteria.assert_mode == "atLeastOne") return count > 0;
  if (criteria.assert_mode == "none") return count == 0;
  return count == static_cast<long>(results.size());
}

std::string FormatUtc(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

bool IsCaQcType(const TrustService& service) {
  if (service.current.service_type == kServiceTypeCaQc) return true;
  for (const ServiceStatusEntry& e : service.history) {
    if (e.service_type == kServiceTypeCaQc) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<QcStatements> ParseQcStatements(absl::string_view cert_der) {
  ASSIGN_OR_RETURN(X509Ptr cert, trust_internal::ParseCertificateDer(cert_der));
  QcStatements qc = CertificateFacts(cert.get());
  const int index = X509_get_ext_by_NID(cert.get(), NID_qcStatements, -1);
  if (index < 0) return qc;
  qc.has_qc_statements_extension = true;
  const ASN1_OCTET_STRING* value =
      X509_EXTENSION_get_data(X509_get_ext(cert.get(), index));
  const absl::string_view der(
      reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
      static_cast<size_t>(ASN1_STRING_length(value)));
  absl::Status status = ParseStatementsExtension(der, qc);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed qcStatements: ", status.message()));
  }
  return qc;
}

const char* SignatureQualificationName(SignatureQualification q) {
  switch (q) {
    case SignatureQualification::kQesig:
      return "QESIG";
    case SignatureQualification::kQeseal:
      return "QESEAL";
    case SignatureQualification::kAdesigQc:
      return "ADESIG_QC";
    case SignatureQualification::kAdesealQc:
      return "ADESEAL_QC";
    case SignatureQualification::kAdesig:
      return "ADESIG";
    case SignatureQualification::kAdeseal:
      return "ADESEAL";
    case SignatureQualification::kIndeterminate:
      return "INDETERMINATE";
    case SignatureQualification::kNotAdes:
      return "NOT_ADES";
  }
  return "INDETERMINATE";
}

absl::StatusOr<QualificationResult> DetermineQualification(
    const QualificationInput& input, const TrustStore& store) {
  if (input.chain.empty()) {
    return absl::InvalidArgumentError("no signer certificate");
  }
  QualificationResult result;
  ASSIGN_OR_RETURN(result.certificate, ParseQcStatements(input.chain[0]));
  ASSIGN_OR_RETURN(X509Ptr cert,
                   trust_internal::ParseCertificateDer(input.chain[0]));
  const QcStatements& qc = result.certificate;
  if (input.ades == AdesOutcome::kFailed) {
    result.qualification = SignatureQualification::kNotAdes;
    result.reasons.push_back("the AdES validation failed");
    return result;
  }
  if (input.ades == AdesOutcome::kIndeterminate) {
    result.qualification = SignatureQualification::kIndeterminate;
    result.reasons.push_back("the AdES validation is indeterminate");
    return result;
  }
  for (size_t i = 1;
       i < input.chain.size() && result.service.service == nullptr; ++i) {
    ASSIGN_OR_RETURN(std::vector<TrustServiceRef> services,
                     store.FindServices(input.chain[i]));
    for (const TrustServiceRef& ref : services) {
      if (IsCaQcType(*ref.service)) {
        result.service = ref;
        break;
      }
    }
  }
  const absl::Time issued =
      trust_internal::AsnTimeToTime(X509_get0_notBefore(cert.get()))
          .value_or(absl::InfinitePast());
  bool seal = qc.type_eseal && !qc.type_esign;
  bool is_qc = qc.qc_compliance;
  if (qc.qc_compliance) {
    result.reasons.push_back("the certificate claims QcCompliance");
  } else if (qc.policy_qc) {
    is_qc = true;
    result.reasons.push_back(
        "the certificate carries a qualified-certificate policy");
  } else {
    result.reasons.push_back("the certificate does not claim to be qualified");
  }
  auto unconfirmed = [&](std::string why) {
    result.reasons.push_back(std::move(why));
    result.qualification = is_qc ? (seal ? SignatureQualification::kAdesealQc
                                         : SignatureQualification::kAdesigQc)
                                 : (seal ? SignatureQualification::kAdeseal
                                         : SignatureQualification::kAdesig);
    return result;
  };
  if (result.service.service == nullptr) {
    return unconfirmed(
        "no trusted-list CA/QC service issued the certificate, so its "
        "qualified status cannot be confirmed");
  }
  const TrustService& service = *result.service.service;
  result.reasons.push_back(
      absl::StrCat("issued under '", service.current.service_name, "' of the ",
                   result.service.list->territory, " trusted list"));
  const ServiceStatusEntry* at_issuance = ServiceStatusAt(service, issued);
  const ServiceStatusEntry* at_signing =
      ServiceStatusAt(service, input.signing_time);
  if (at_issuance == nullptr ||
      !IsGrantedStatusAt(at_issuance->status, issued)) {
    return unconfirmed(absl::StrCat(
        "the service was not granted when the certificate was issued (",
        FormatUtc(issued), ": ",
        at_issuance == nullptr ? "not listed"
                               : ShortUriName(at_issuance->status),
        ")"));
  }
  if (at_signing == nullptr ||
      !IsGrantedStatusAt(at_signing->status, input.signing_time)) {
    return unconfirmed(absl::StrCat(
        "the service was not granted at the signing time (",
        FormatUtc(input.signing_time), ": ",
        at_signing == nullptr ? "not listed" : ShortUriName(at_signing->status),
        ")"));
  }
  result.reasons.push_back(
      absl::StrCat("service status ", ShortUriName(at_signing->status),
                   " since ", FormatUtc(at_signing->status_start)));

  std::set<std::string> qualifiers;
  for (const Qualification& q : at_signing->qualifications) {
    if (!CriteriaMatch(q.criteria, qc, cert.get())) continue;
    for (const std::string& uri : q.qualifier_uris) {
      qualifiers.insert(ShortUriName(uri));
    }
  }
  for (const std::string& q : qualifiers) {
    result.reasons.push_back(absl::StrCat("trusted-list qualifier ", q));
  }
  if (qualifiers.count("QCStatement")) is_qc = true;
  if (qualifiers.count("NotQualified")) is_qc = false;
  bool esign = qc.type_esign;
  bool eseal = qc.type_eseal;
  bool web = qc.type_web;
  if (qualifiers.count("QCForESig") || qualifiers.count("QCForESeal") ||
      qualifiers.count("QCForWSA")) {
    esign = qualifiers.count("QCForESig") > 0;
    eseal = qualifiers.count("QCForESeal") > 0;
    web = qualifiers.count("QCForWSA") > 0;
  } else if (!esign && !eseal && !web) {
    // No QcType: pre-eIDAS certificates are for signatures (EN 319 412-5),
    // those for legal persons count as seals.
    eseal = qualifiers.count("QCForLegalPerson") > 0;
    esign = !eseal;
  }
  seal = eseal && !esign;
  // The service must be qualified for that use (additional service info).
  const auto& info = at_signing->additional_info;
  auto lists = [&](const char* name) {
    return std::find(info.begin(), info.end(),
                     absl::StrCat(kSvcInfoExtPrefix, name)) != info.end();
  };
  if (!info.empty()) {
    const bool allowed = (esign && lists("ForeSignatures")) ||
                         (seal && lists("ForeSeals")) ||
                         (web && lists("ForWebSiteAuthentication"));
    if (!allowed) is_qc = false;
    result.reasons.push_back(
        allowed ? "the service's additional information covers this use"
                : "the service's additional information does not cover this "
                  "use");
  }
  bool qscd =
      qc.qc_sscd || (issued < absl::FromCivil(absl::CivilDay(2016, 7, 1),
                                              absl::UTCTimeZone()) &&
                     qc.policy_qscd);
  if (qualifiers.count("QCWithSSCD") || qualifiers.count("QCWithQSCD") ||
      qualifiers.count("QCQSCDManagedOnBehalf")) {
    qscd = true;
  } else if (qualifiers.count("QCNoSSCD") || qualifiers.count("QCNoQSCD")) {
    qscd = false;
  }
  if (!is_qc) {
    result.qualification = seal ? SignatureQualification::kAdeseal
                                : SignatureQualification::kAdesig;
    result.reasons.push_back("the certificate is not qualified");
    return result;
  }
  if (!esign && !eseal) {
    result.qualification = SignatureQualification::kAdesig;
    result.reasons.push_back(
        "a qualified certificate for website authentication is not one for "
        "signatures or seals");
    return result;
  }
  result.reasons.push_back(qscd ? "the private key resides in a QSCD"
                                : "the private key is not shown to reside "
                                  "in a QSCD");
  if (seal) {
    result.qualification = qscd ? SignatureQualification::kQeseal
                                : SignatureQualification::kAdesealQc;
  } else {
    result.qualification = qscd ? SignatureQualification::kQesig
                                : SignatureQualification::kAdesigQc;
  }
  return result;
}

}  // namespace docintake::signature
