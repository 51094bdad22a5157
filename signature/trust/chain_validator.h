// Certificate path validation of a signer (or timestamp/OCSP signer)
// certificate against a TrustStore at a given time, with revocation checks
// from supplied OCSP responses and CRLs (offline). The outcome maps onto the
// EN 319 102-1 X.509 validation sub-indications. The validator keeps a
// reference to the store, which must outlive it; Validate is const and may
// be called from several threads at once.
#ifndef DOCINTAKE_SIGNATURE_TRUST_CHAIN_VALIDATOR_H_
#define DOCINTAKE_SIGNATURE_TRUST_CHAIN_VALIDATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "signature/trust/revocation.h"
#include "signature/trust/revocation_fetcher.h"
#include "signature/trust/trust_store.h"

namespace docintake::signature {

enum class CertificatePurpose {
  kSigning,       // keyUsage must allow nonRepudiation (contentCommitment)
  kTimestamping,  // extendedKeyUsage must contain timeStamping
  kOcspSigning,   // extendedKeyUsage must contain OCSPSigning
  kAny,
};

enum class ChainStatus {
  kValid,
  kNoCertificateChainFound,  // no trust anchor reached
  kChainConstraintsFailure,  // key usage/EKU, basicConstraints, path length
  kRevoked,                  // revoked before a proven time (POE)
  kRevokedNoPoe,             // signer revoked at/before the validation time
  kRevokedCaNoPoe,           // a CA of the path revoked
  kOutOfBoundsNotRevoked,    // expired/not yet valid, revocation data "good"
  kOutOfBoundsNoPoe,         // expired/not yet valid at the validation time
  kTryLater,                 // no revocation data covers a certificate
};

// EN 319 102-1 name: "PASSED" for kValid, else the sub-indication
// ("NO_CERTIFICATE_CHAIN_FOUND", ..., "TRY_LATER").
const char* ChainStatusName(ChainStatus status);
// "TOTAL-PASSED", "TOTAL-FAILED" (kRevoked) or "INDETERMINATE".
const char* ChainIndication(ChainStatus status);

struct ChainOptions {
  CertificatePurpose purpose = CertificatePurpose::kSigning;
  // Control time: the current time, or the best proof of existence of the
  // signature (e.g. a timestamp's genTime).
  absl::Time validation_time;
  // validation_time is a proven time (POE): revocation before it is
  // TOTAL-FAILED/REVOKED rather than INDETERMINATE/REVOKED_NO_POE.
  bool time_is_proof_of_existence = false;
  // Missing revocation data for a non-anchor certificate is TRY_LATER
  // (the corpus's DSS default policy); false reports it only in findings.
  bool require_revocation_data = true;
  // The same for CA certificates below the anchor. Off by default: the
  // corpus's expected verdicts pass B-LT signatures whose DSS carries OCSP
  // data for the signer only (findings still say UNKNOWN for the CA).
  bool require_revocation_data_for_ca = false;
  // Trusted-list anchors count only while their service is granted (or a
  // pre-eIDAS equivalent) at validation_time. Off by default, as in DSS:
  // the service status then only matters for the qualification.
  bool require_active_tl_service = false;
  // Tolerance when comparing revocation data times with validation_time.
  absl::Duration clock_skew = absl::Minutes(1);
  // Online revocation data; null (the default) = none, no network access.
  // A certificate below the anchor that `revocation` leaves UNKNOWN is
  // looked up through the fetcher (OCSP, then CRL) and the answer checked
  // like offline data; a deciding answer has the source "OCSP (online)" or
  // "CRL (online)", failures (timeouts, ...) become notes of the finding.
  // Not used for the paths of OCSP responders. Not owned; thread-safe.
  RevocationFetcher* fetcher = nullptr;
};

// One certificate of the path, leaf first.
struct ChainCertificate {
  std::string der;
  std::string subject;  // RFC 2253
  std::string issuer;
  std::string serial_hex;
  absl::Time not_before;
  absl::Time not_after;
  std::string sha256_hex;
  bool is_anchor = false;
  std::vector<AnchorSource> anchor_sources;
  RevocationFinding revocation;
};

struct ChainResult {
  ChainStatus status = ChainStatus::kNoCertificateChainFound;
  std::vector<std::string> reasons;  // plain English, most important first
  // The path as built (leaf first; ends at the anchor when one was reached).
  std::vector<ChainCertificate> chain;
};

class ChainValidator {
 public:
  explicit ChainValidator(const TrustStore& store);
  ~ChainValidator();
  ChainValidator(const ChainValidator&) = delete;
  ChainValidator& operator=(const ChainValidator&) = delete;

  // Validates `certificate_der` with the help of `untrusted_pool` (DER;
  // certificates from the CMS, the DSS dictionary, ...; unparseable entries
  // are skipped and mentioned in reasons) and `revocation`.
  // InvalidArgument only if `certificate_der` is not a certificate.
  absl::StatusOr<ChainResult> Validate(
      absl::string_view certificate_der,
      const std::vector<std::string>& untrusted_pool,
      const RevocationData& revocation, const ChainOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_CHAIN_VALIDATOR_H_
