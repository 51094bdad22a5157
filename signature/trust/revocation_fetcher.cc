#include "signature/trust/revocation_fetcher.h"

#include <openssl/rand.h>

#include <functional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "signature/trust/internal/curl_http.h"
#include "signature/trust/internal/revocation_request.h"
#include "signature/trust/internal/x509_util.h"

namespace docintake::signature {
namespace {

using trust_internal::X509Ptr;

constexpr size_t kNonceBytes = 16;

trust_internal::HttpLimits Limits(const RevocationFetchOptions& options) {
  trust_internal::HttpLimits limits;
  limits.connect_timeout = options.connect_timeout;
  limits.total_timeout = options.total_timeout;
  limits.max_response_bytes = options.max_response_bytes;
  limits.max_redirects = options.max_redirects;
  limits.proxy = options.proxy;
  return limits;
}

// Fetches `request` from each http URL of `urls` (at most `max_urls`) until
// `accept` turns an answer into data. `what` names the kind in errors.
absl::StatusOr<std::string> FetchFirst(
    absl::string_view what, const std::vector<std::string>& urls, int max_urls,
    trust_internal::HttpRequest request,
    const trust_internal::HttpLimits& limits,
    const std::function<absl::StatusOr<std::string>(std::string)>& accept) {
  if (urls.empty()) {
    return absl::NotFoundError(
        absl::StrCat("the certificate names no ", what, " URL"));
  }
  std::vector<std::string> errors;
  absl::Status last;
  int tried = 0;
  for (const std::string& url : urls) {
    if (absl::Status s = trust_internal::CheckHttpUrl(url); !s.ok()) {
      errors.push_back(std::string(s.message()));
      if (last.ok()) last = s;
      continue;
    }
    if (tried++ == max_urls) {
      errors.push_back(
          absl::StrCat(url, ": not tried (limit of ", max_urls, " URLs)"));
      break;
    }
    request.url = url;
    absl::StatusOr<std::string> body =
        trust_internal::HttpFetch(request, limits);
    if (body.ok()) {
      absl::StatusOr<std::string> data = accept(*std::move(body));
      if (data.ok()) return data;
      body = absl::Status(data.status().code(),
                          absl::StrCat(url, ": ", data.status().message()));
    }
    errors.push_back(std::string(body.status().message()));
    last = body.status();
  }
  if (last.ok()) last = absl::FailedPreconditionError("no URL was tried");
  return absl::Status(
      last.code(),
      absl::StrCat(what, " fetch failed: ", absl::StrJoin(errors, "; ")));
}

}  // namespace

CurlRevocationFetcher::CurlRevocationFetcher(RevocationFetchOptions options)
    : options_(std::move(options)) {}

absl::StatusOr<std::string> CurlRevocationFetcher::FetchOcsp(
    absl::string_view cert_der, absl::string_view issuer_der) {
  ASSIGN_OR_RETURN(X509Ptr cert, trust_internal::ParseCertificateDer(cert_der));
  ASSIGN_OR_RETURN(X509Ptr issuer,
                   trust_internal::ParseCertificateDer(issuer_der));
  std::string nonce;
  if (options_.ocsp_nonce) {
    nonce.resize(kNonceBytes);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()),
                   static_cast<int>(nonce.size())) != 1) {
      return absl::InternalError(absl::StrCat(
          "no random OCSP nonce: ", trust_internal::TakeOpenSslErrors()));
    }
  }
  ASSIGN_OR_RETURN(
      trust_internal::OcspRequestPtr ocsp_request,
      trust_internal::MakeOcspRequest(cert.get(), issuer.get(), nonce));
  trust_internal::HttpRequest request;
  request.content_type = "application/ocsp-request";
  request.accept = "application/ocsp-response";
  request.body = trust_internal::OcspRequestDer(ocsp_request.get());
  if (request.body.empty()) {
    return absl::InternalError("encoding the OCSP request failed");
  }
  OCSP_REQUEST* sent = ocsp_request.get();
  return FetchFirst(
      "OCSP", trust_internal::OcspUrls(cert.get()), options_.max_urls,
      std::move(request), Limits(options_),
      [sent](std::string body) -> absl::StatusOr<std::string> {
        RETURN_IF_ERROR(trust_internal::CheckOcspResponse(body, sent));
        return body;
      });
}

absl::StatusOr<std::string> CurlRevocationFetcher::FetchCrl(
    absl::string_view cert_der) {
  ASSIGN_OR_RETURN(X509Ptr cert, trust_internal::ParseCertificateDer(cert_der));
  trust_internal::HttpRequest request;
  request.accept = "application/pkix-crl";
  return FetchFirst("CRL", trust_internal::CrlUrls(cert.get()),
                    options_.max_urls, std::move(request), Limits(options_),
                    [](std::string body) -> absl::StatusOr<std::string> {
                      return trust_internal::CrlToDer(body);
                    });
}

CachingRevocationFetcher::CachingRevocationFetcher(RevocationFetcher& inner)
    : inner_(inner) {}

absl::StatusOr<std::string> CachingRevocationFetcher::FetchOcsp(
    absl::string_view cert_der, absl::string_view issuer_der) {
  std::pair<std::string, std::string> key(cert_der, issuer_der);
  {
    absl::MutexLock lock(&mu_);
    auto it = ocsp_.find(key);
    if (it != ocsp_.end()) return it->second;
  }
  absl::StatusOr<std::string> answer = inner_.FetchOcsp(cert_der, issuer_der);
  absl::MutexLock lock(&mu_);
  return ocsp_.emplace(std::move(key), std::move(answer)).first->second;
}

absl::StatusOr<std::string> CachingRevocationFetcher::FetchCrl(
    absl::string_view cert_der) {
  std::string key(cert_der);
  {
    absl::MutexLock lock(&mu_);
    auto it = crls_.find(key);
    if (it != crls_.end()) return it->second;
  }
  absl::StatusOr<std::string> answer = inner_.FetchCrl(cert_der);
  absl::MutexLock lock(&mu_);
  return crls_.emplace(std::move(key), std::move(answer)).first->second;
}

}  // namespace docintake::signature
