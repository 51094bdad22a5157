// Qualification of a signature (EN 319 102-1 / TS 119 615 style): from the
// signer certificate's QCStatements and certificate policies, and the
// trusted-list service that issued it — its status at the relevant times,
// its qualifiers (Qualifications extension) and additional service
// information — decide QESIG / QESEAL / AdES-QC / AdES with plain-English
// reasons. Stateless functions; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_TRUST_QUALIFICATION_H_
#define DOCINTAKE_SIGNATURE_TRUST_QUALIFICATION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "signature/trust/trust_store.h"

namespace docintake::signature {

// What a certificate says about itself (ETSI EN 319 412-5 and the pre-eIDAS
// QC policies of ETSI TS 101 456 / EN 319 411-2).
struct QcStatements {
  bool has_qc_statements_extension = false;
  bool qc_compliance = false;  // 0.4.0.1862.1.1
  bool qc_sscd = false;        // 0.4.0.1862.1.4
  bool type_esign = false;     // 0.4.0.1862.1.6.1
  bool type_eseal = false;     // 0.4.0.1862.1.6.2
  bool type_web = false;       // 0.4.0.1862.1.6.3
  // Qualified-certificate policies in certificatePolicies: QCP (public,
  // 0.4.0.1456.1.2), QCP+ (with SSCD, 0.4.0.1456.1.1), QCP-n/-l(-qscd)
  // (0.4.0.194112.1.0-3).
  bool policy_qc = false;
  bool policy_qscd = false;
  std::vector<std::string> policy_oids;  // all certificatePolicies OIDs
  bool key_usage_present = false;
  bool non_repudiation = false;
  bool digital_signature = false;
};

// InvalidArgument if `cert_der` is not a certificate or its qcStatements
// extension is malformed.
absl::StatusOr<QcStatements> ParseQcStatements(absl::string_view cert_der);

enum class SignatureQualification {
  kQesig,     // qualified electronic signature
  kQeseal,    // qualified electronic seal
  kAdesigQc,  // AdES signature with a qualified certificate (no QSCD, or
              // the qualified status cannot be confirmed)
  kAdesealQc,
  kAdesig,  // AdES signature, certificate not (shown to be) qualified
  kAdeseal,
  kIndeterminate,  // the AdES validation was indeterminate
  kNotAdes,        // the AdES validation failed
};
// "QESIG", "QESEAL", "ADESIG_QC", "ADESEAL_QC", "ADESIG", "ADESEAL",
// "INDETERMINATE", "NOT_ADES".
const char* SignatureQualificationName(SignatureQualification q);

enum class AdesOutcome { kPassed, kIndeterminate, kFailed };

struct QualificationInput {
  AdesOutcome ades = AdesOutcome::kPassed;
  // The signer certificate and its path as validated (leaf first, DER);
  // chain[0] is the signer certificate. The issuing trust service is
  // searched among the issuers (chain[1..]).
  std::vector<std::string> chain;
  // Best signing time (POE); the certificate's notBefore is the issuance
  // time.
  absl::Time signing_time;
};

struct QualificationResult {
  SignatureQualification qualification = SignatureQualification::kNotAdes;
  std::vector<std::string> reasons;
  // The trusted-list service used, if any (pointers into the store).
  TrustServiceRef service;
  QcStatements certificate;
};

// Decides the qualification with the trusted lists in `store`. Without a
// matching CA/QC service (e.g. a plain PEM anchor) the best outcome is
// ADESIG_QC / ADESEAL_QC when the certificate claims QcCompliance.
// InvalidArgument if the chain is empty or not DER certificates.
absl::StatusOr<QualificationResult> DetermineQualification(
    const QualificationInput& input, const TrustStore& store);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_QUALIFICATION_H_
