#include "signature/trust/internal/online_revocation.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace docintake::signature::trust_internal {

RevocationFinding CheckOnline(RevocationFetcher& fetcher, X509* cert,
                              X509* issuer, const std::vector<X509*>& pool,
                              const ResponderTrustFn& trust,
                              absl::Time validation_time, absl::Duration skew,
                              RevocationFinding offline) {
  const std::string cert_der = CertificateDer(cert);
  const std::string issuer_der = CertificateDer(issuer);
  std::vector<std::string> online_notes;
  for (const bool ocsp : {true, false}) {
    const char* kind = ocsp ? "OCSP" : "CRL";
    absl::StatusOr<std::string> der =
        ocsp ? fetcher.FetchOcsp(cert_der, issuer_der)
             : fetcher.FetchCrl(cert_der);
    if (!der.ok()) {
      online_notes.push_back(
          absl::StrCat("online ", kind, ": ", der.status().ToString()));
      continue;
    }
    RevocationData data;
    (ocsp ? data.ocsp_responses : data.crls).push_back(*std::move(der));
    RevocationChecker checker(data, trust, validation_time, skew);
    RevocationFinding found = checker.Check(cert, issuer, pool);
    if (found.state == RevocationState::kGood ||
        found.state == RevocationState::kRevoked) {
      found.source = absl::StrCat(kind, " (online)");
      found.notes.push_back(
          "fetched online: the document's revocation data did not cover "
          "this certificate");
      for (const std::string& note : online_notes) found.notes.push_back(note);
      for (std::string& note : offline.notes) {
        found.notes.push_back(absl::StrCat("offline: ", note));
      }
      return found;
    }
    for (const std::string& note : checker.parse_notes()) {
      online_notes.push_back(absl::StrCat("online ", kind, ": ", note));
    }
    for (const std::string& note : found.notes) {
      online_notes.push_back(absl::StrCat("online ", kind, ": ", note));
    }
  }
  for (std::string& note : online_notes) {
    offline.notes.push_back(std::move(note));
  }
  return offline;
}

}  // namespace docintake::signature::trust_internal
