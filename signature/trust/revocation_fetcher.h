// Optional online revocation data, off unless a fetcher is set in
// ChainOptions::fetcher: an OCSP response from a certificate's AIA responder
// (HTTP POST, application/ocsp-request) or a CRL from its CRL distribution
// points (HTTP GET), plain http:// only. What is fetched is not trusted
// here: the chain validator verifies it like the document's own data.
// Implementations must be safe to call from several threads at once.
#ifndef DOCINTAKE_SIGNATURE_TRUST_REVOCATION_FETCHER_H_
#define DOCINTAKE_SIGNATURE_TRUST_REVOCATION_FETCHER_H_

#include <cstddef>
#include <map>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace docintake::signature {

class RevocationFetcher {
 public:
  virtual ~RevocationFetcher() = default;

  // One DER OCSPResponse with status successful about `cert_der` (issued by
  // `issuer_der`), from the certificate's OCSP responder.
  virtual absl::StatusOr<std::string> FetchOcsp(
      absl::string_view cert_der, absl::string_view issuer_der) = 0;
  // One DER CRL from the certificate's CRL distribution points.
  virtual absl::StatusOr<std::string> FetchCrl(absl::string_view cert_der) = 0;
};

struct RevocationFetchOptions {
  // Per HTTP request. A certificate costs at most
  // 2 * max_urls * total_timeout (OCSP, then CRL) when nothing answers.
  absl::Duration connect_timeout = absl::Seconds(5);
  absl::Duration total_timeout = absl::Seconds(10);
  size_t max_response_bytes = size_t{10} << 20;  // larger answers are refused
  int max_redirects = 3;  // followed to http:// targets only
  int max_urls = 2;       // URLs tried per certificate, for OCSP and for CRLs
  // Send a random 16-byte nonce; a response echoing another one is refused
  // (one without a nonce is accepted: RFC 5019 responders pre-produce).
  bool ocsp_nonce = true;
  std::string proxy;  // e.g. "http://proxy:3128"; "" = direct connections
};

// RevocationFetcher over libcurl. Each fetch tries the certificate's http://
// URLs in order until one gives a usable answer. Errors: InvalidArgument (a
// certificate is not DER, or it names only non-http URLs such as ldap:// or
// file://, a non-http redirect, an answer that is not OCSP/CRL), NotFound
// (no URL at all), DeadlineExceeded (timeout), ResourceExhausted (answer
// too large), Unavailable (no connection, HTTP error, OCSP tryLater, ...);
// with several URLs the message names each failure. Thread-safe.
class CurlRevocationFetcher final : public RevocationFetcher {
 public:
  explicit CurlRevocationFetcher(RevocationFetchOptions options = {});

  absl::StatusOr<std::string> FetchOcsp(absl::string_view cert_der,
                                        absl::string_view issuer_der) override;
  absl::StatusOr<std::string> FetchCrl(absl::string_view cert_der) override;

 private:
  const RevocationFetchOptions options_;
};

// Remembers the answers (data and errors alike) of another fetcher, so
// that validating one document asks each URL once even when several
// signatures, timestamps or validation times share certificates. Meant to
// live as long as one document's validation; never expires entries.
// `inner` must outlive it. Thread-safe; concurrent first requests for the
// same certificate may both reach `inner`.
class CachingRevocationFetcher final : public RevocationFetcher {
 public:
  explicit CachingRevocationFetcher(RevocationFetcher& inner);

  absl::StatusOr<std::string> FetchOcsp(absl::string_view cert_der,
                                        absl::string_view issuer_der) override;
  absl::StatusOr<std::string> FetchCrl(absl::string_view cert_der) override;

 private:
  RevocationFetcher& inner_;
  absl::Mutex mu_;
  // OCSP by (certificate DER, issuer DER); CRLs by certificate DER.
  std::map<std::pair<std::string, std::string>, absl::StatusOr<std::string>>
      ocsp_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, absl::StatusOr<std::string>> crls_ ABSL_GUARDED_BY(mu_);
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_TRUST_REVOCATION_FETCHER_H_
