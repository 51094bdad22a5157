// Offline revocation checking of one certificate against parsed OCSP
// responses and CRLs: signature and responder authorisation, coverage of
// the validation time, status. Responder chains are validated through a
// callback (the chain validator), so this file knows no trust store.
// Not thread-safe; one checker per validation.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_REVOCATION_CHECKER_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_REVOCATION_CHECKER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "signature/trust/internal/x509_util.h"
#include "signature/trust/revocation.h"

namespace docintake::signature::trust_internal {

// Returns how `responder` may be trusted as an OCSP responder at `at` (its
// own path reaches a trust anchor from a trusted list or a certificate
// file), or kNone and sets `why`.
using ResponderTrustFn = std::function<RevocationFinding::ResponderTrust(
    X509* responder, const std::vector<X509*>& extra_certs, absl::Time at,
    std::string* why)>;

class RevocationChecker {
 public:
  // Parses `data`; unparseable items are remembered as notes.
  RevocationChecker(const RevocationData& data, ResponderTrustFn trust,
                    absl::Time validation_time, absl::Duration skew);

  // Status of `cert` (issued by `issuer`) at the validation time. `pool`
  // offers further certificates for locating OCSP responders.
  RevocationFinding Check(X509* cert, X509* issuer,
                          const std::vector<X509*>& pool) const;

  const std::vector<std::string>& parse_notes() const { return parse_notes_; }

 private:
  bool CoversTime(const ASN1_GENERALIZEDTIME* this_update,
                  const ASN1_GENERALIZEDTIME* next_update,
                  RevocationFinding& finding, std::string* why) const;
  void CheckOcsp(X509* cert, X509* issuer, const std::vector<X509*>& pool,
                 std::vector<RevocationFinding>& out,
                 std::vector<std::string>& notes) const;
  void CheckCrls(X509* cert, X509* issuer, std::vector<RevocationFinding>& out,
                 std::vector<std::string>& notes) const;

  std::vector<OcspBasicPtr> ocsp_;
  std::vector<X509CrlPtr> crls_;
  std::vector<std::string> parse_notes_;
  ResponderTrustFn trust_;
  absl::Time time_;
  absl::Duration skew_;
};

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_REVOCATION_CHECKER_H_
