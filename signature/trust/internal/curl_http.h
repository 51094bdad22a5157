// The signature module's small HTTP client (libcurl) for fetching
// revocation data: plain http:// only, also after redirects; bounded
// connect time, total time and response size; proxies only when configured
// (environment variables are ignored). Each call uses its own curl handle,
// so calls may run on several threads at once.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_CURL_HTTP_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_CURL_HTTP_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::signature::trust_internal {

struct HttpLimits {
  absl::Duration connect_timeout = absl::Seconds(5);
  absl::Duration total_timeout = absl::Seconds(10);
  size_t max_response_bytes = size_t{10} << 20;
  long max_redirects = 3;  // http:// targets only; 0 = none followed
  std::string proxy;       // "" = direct connections
};

struct HttpRequest {
  std::string url;
  // POST `body` with `content_type` if non-empty, else GET.
  std::string content_type;
  std::string body;
  std::string accept;  // Accept header; "" = none
};

// OK unless `url` is an absolute http:// URL (scheme case-insensitive):
// InvalidArgument naming the scheme otherwise.
absl::Status CheckHttpUrl(absl::string_view url);

// The body of a 200 answer. InvalidArgument: the URL or a redirect target
// is not http://; DeadlineExceeded: a timeout; ResourceExhausted: the body
// exceeds max_response_bytes; Unavailable: no connection, a transfer error,
// too many redirects or another HTTP status.
absl::StatusOr<std::string> HttpFetch(const HttpRequest& request,
                                      const HttpLimits& limits);

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_CURL_HTTP_H_
