// RFC 3161 timestamps over SHA-256 digests: building requests, verifying a
// TSA's response or a stored token against trusted CA certificates, and the
// TsaClient that carries requests to a TSA over HTTP (RFC 3161 §3.4). The
// functions are pure and thread-safe; CurlTsaClient is thread-safe too.
#ifndef DOCINTAKE_ARCHIVE_TIMESTAMP_H_
#define DOCINTAKE_ARCHIVE_TIMESTAMP_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::archive {

// A verified timestamp token.
struct TimestampToken {
  std::string token_der;  // the CMS SignedData (TimeStampToken) to store
  absl::Time gen_time;    // the TSA's genTime
  std::string tsa_name;   // tsa field of TSTInfo, else the signer's subject
};

// A DER TimeStampReq (version 1, SHA-256 imprint, `nonce` as an unsigned
// big-endian integer, certReq true, no policy). INVALID_ARGUMENT unless the
// digest has 32 bytes and the nonce 1 to 32 bytes.
absl::StatusOr<std::string> BuildTimestampRequest(
    absl::string_view sha256_digest, absl::string_view nonce);

// Verifies a TimeStampResp for the request BuildTimestampRequest(digest,
// nonce) made: status granted, imprint and nonce, the signature, and a chain
// from the TSA certificate (critical timeStamping EKU) to any of
// `trusted_ca_pems` (each PEM may hold several certificates; every one is a
// trust anchor), valid now. FAILED_PRECONDITION if the TSA did not grant the
// request (naming its status text), INVALID_ARGUMENT for bytes that are not a
// response or bad arguments, DATA_LOSS for a token that does not verify.
absl::StatusOr<TimestampToken> VerifyTimestampResponse(
    absl::string_view response_der, absl::string_view sha256_digest,
    absl::string_view nonce, const std::vector<std::string>& trusted_ca_pems);

// Verifies a stored token (TimestampToken::token_der) over `sha256_digest`:
// imprint, signature and chain as above, except that the chain is checked at
// the token's genTime, so that tokens stay verifiable after the TSA
// certificate expires (renewing them before the algorithms weaken is the
// evidence-record layer's job, RFC 4998). INVALID_ARGUMENT for garbage,
// DATA_LOSS for a token that does not verify.
absl::StatusOr<TimestampToken> VerifyTimestampToken(
    absl::string_view token_der, absl::string_view sha256_digest,
    const std::vector<std::string>& trusted_ca_pems);

// Carries a DER TimeStampReq to a TSA and returns its DER TimeStampResp.
// UNAVAILABLE means "try again later".
class TsaClient {
 public:
  virtual ~TsaClient() = default;
  virtual absl::StatusOr<std::string> Request(
      absl::string_view request_der) = 0;
};

// POSTs to `url` (http or https) with Content-Type
// application/timestamp-query; never through a proxy, never following
// redirects, replies of at most 1 MiB, the whole exchange within `timeout`.
// UNAVAILABLE (naming the URL and cause) for connection failures, timeouts,
// HTTP status other than 200 and oversized replies.
class CurlTsaClient final : public TsaClient {
 public:
  CurlTsaClient(std::string url, absl::Duration timeout)
      : url_(std::move(url)), timeout_(timeout) {}

  absl::StatusOr<std::string> Request(absl::string_view request_der) override;

 private:
  const std::string url_;
  const absl::Duration timeout_;
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_TIMESTAMP_H_
