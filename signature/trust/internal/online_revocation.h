// Completes a revocation finding that the document's own data left
// UNKNOWN with data fetched online for that certificate: an OCSP response
// first, then, if that does not decide, a CRL. The fetched data is checked
// exactly like offline data (RevocationChecker). Thread-safety is that of
// the fetcher.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_ONLINE_REVOCATION_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_ONLINE_REVOCATION_H_

#include <vector>

#include "absl/time/time.h"
#include "signature/trust/internal/revocation_checker.h"
#include "signature/trust/revocation.h"
#include "signature/trust/revocation_fetcher.h"

namespace docintake::signature::trust_internal {

// A GOOD or REVOKED result from fetched data replaces `offline`: its source
// is "OCSP (online)" or "CRL (online)" and its notes keep the offline ones
// behind a note saying the data was fetched. Otherwise `offline` is
// returned with the fetch errors and the fetched data's notes appended
// (each note starting "online OCSP:" or "online CRL:").
RevocationFinding CheckOnline(RevocationFetcher& fetcher, X509* cert,
                              X509* issuer, const std::vector<X509*>& pool,
                              const ResponderTrustFn& trust,
                              absl::Time validation_time, absl::Duration skew,
                              RevocationFinding offline);

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_ONLINE_REVOCATION_H_
