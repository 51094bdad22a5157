#include "signature/trust/internal/curl_http.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/owned.h"
#include "base/status_macros.h"

namespace docintake::signature::trust_internal {
namespace {

using CurlPtr = base::Owned<CURL, curl_easy_cleanup>;
using CurlListPtr = base::Owned<curl_slist, curl_slist_free_all>;

constexpr char kUserAgent[] = "docintake-revocation-fetcher";

// curl_global_init once per process (thread-safe in this libcurl).
absl::Status InitCurlOnce() {
  static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) {
    return absl::InternalError(
        absl::StrCat("curl_global_init: ", curl_easy_strerror(rc)));
  }
  return absl::OkStatus();
}

struct Body {
  std::string data;
  size_t limit = 0;
  bool too_large = false;
};

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  const size_t n = size * count;
  if (n > body->limit - body->data.size()) {
    body->too_large = true;
    return 0;  // makes curl abort the transfer
  }
  body->data.append(data, n);
  return n;
}

absl::StatusOr<CurlListPtr> Headers(const HttpRequest& request) {
  std::vector<std::string> lines = {"Expect:"};
  if (!request.content_type.empty()) {
    lines.push_back(absl::StrCat("Content-Type: ", request.content_type));
  }
  if (!request.accept.empty()) {
    lines.push_back(absl::StrCat("Accept: ", request.accept));
  }
  CurlListPtr list;
  for (const std::string& line : lines) {
    curl_slist* head = curl_slist_append(list.get(), line.c_str());
    if (head == nullptr) {
      return absl::ResourceExhaustedError("curl_slist_append failed");
    }
    (void)list.release();  // `head` is the same list, possibly new
    list.reset(head);
  }
  return list;
}

long Milliseconds(absl::Duration d) {
  return static_cast<long>(std::max<int64_t>(1, absl::ToInt64Milliseconds(d)));
}

}  // namespace

absl::Status CheckHttpUrl(absl::string_view url) {
  for (const char ch : url) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte <= 0x20 || byte >= 0x7f) {
      return absl::InvalidArgumentError(
          "a URL with spaces, control or non-ASCII bytes is refused");
    }
  }
  const size_t colon = url.find("://");
  if (colon == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", url, "' is not an absolute URL"));
  }
  if (!absl::EqualsIgnoreCase(url.substr(0, colon), "http")) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", url, "': scheme '", url.substr(0, colon),
                     "' refused, only http:// is fetched"));
  }
  if (url.size() == colon + 3 || url[colon + 3] == '/') {
    return absl::InvalidArgumentError(
        absl::StrCat("'", url, "' names no host"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> HttpFetch(const HttpRequest& request,
                                      const HttpLimits& limits) {
  RETURN_IF_ERROR(CheckHttpUrl(request.url));
  RETURN_IF_ERROR(InitCurlOnce());
  CurlPtr curl(curl_easy_init());
  if (curl == nullptr) {
    return absl::ResourceExhaustedError("curl_easy_init failed");
  }
  ASSIGN_OR_RETURN(CurlListPtr headers, Headers(request));
  Body body;
  body.limit = limits.max_response_bytes;
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  CURLcode rc = CURLE_OK;
  const auto set = [&rc](CURLcode result) {
    if (rc == CURLE_OK) rc = result;
  };
  set(curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error));
  set(curl_easy_setopt(c, CURLOPT_URL, request.url.c_str()));
  set(curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http"));
  set(curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http"));
  set(curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION,
                       limits.max_redirects > 0 ? 1L : 0L));
  set(curl_easy_setopt(c, CURLOPT_MAXREDIRS, limits.max_redirects));
  if (limits.proxy.empty()) {
    set(curl_easy_setopt(c, CURLOPT_PROXY, ""));
    set(curl_easy_setopt(c, CURLOPT_NOPROXY, "*"));
  } else {
    set(curl_easy_setopt(c, CURLOPT_PROXY, limits.proxy.c_str()));
  }
  set(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                       Milliseconds(limits.connect_timeout)));
  set(curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                       Milliseconds(limits.total_timeout)));
  set(curl_easy_setopt(c, CURLOPT_USERAGENT, kUserAgent));
  set(curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get()));
  set(curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                       static_cast<curl_off_t>(limits.max_response_bytes)));
  set(curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &AppendBody));
  set(curl_easy_setopt(c, CURLOPT_WRITEDATA, &body));
  if (!request.content_type.empty()) {
    set(curl_easy_setopt(c, CURLOPT_POST, 1L));
    set(curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data()));
    set(curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size())));
    // A redirected POST stays a POST (curl turns 301-303 into GET).
    set(curl_easy_setopt(c, CURLOPT_POSTREDIR,
                         static_cast<long>(CURL_REDIR_POST_ALL)));
  }
  if (rc != CURLE_OK) {
    return absl::InternalError(absl::StrCat("setting up the request to ",
                                            request.url, ": ",
                                            curl_easy_strerror(rc)));
  }
  rc = curl_easy_perform(c);
  const char* effective = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
  const std::string where =
      effective != nullptr && request.url != effective
          ? absl::StrCat(request.url, " (redirected to ", effective, ")")
          : request.url;
  const std::string detail = error[0] != '\0' ? error : curl_easy_strerror(rc);
  if (body.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    return absl::ResourceExhaustedError(
        absl::StrCat(where, ": the response exceeds ",
                     limits.max_response_bytes, " bytes; refused"));
  }
  switch (rc) {
    case CURLE_OK:
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": ", detail, " (only http:// is fetched)"));
    case CURLE_OPERATION_TIMEDOUT:
      return absl::DeadlineExceededError(absl::StrCat(where, ": ", detail));
    default:
      return absl::UnavailableError(absl::StrCat(where, ": ", detail));
  }
  long http_status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http_status);
  if (http_status != 200) {
    return absl::UnavailableError(
        absl::StrCat(where, ": HTTP status ", http_status, ", not 200"));
  }
  return std::move(body.data);
}

}  // namespace docintake::signature::trust_internal
