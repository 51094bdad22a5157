// Fuzz target: RFC 3161 timestamp responses and stored tokens
// (VerifyTimestampResponse, VerifyTimestampToken) over a fixed digest and
// nonce, trusting the CA certificates the input carries (as an evidence
// bundle's tsa-ca.pem is) and, separately, a CA of our own, so that the DER
// is parsed even when the input's PEM is garbage. Input layout:
// timestamp_fuzz_input.h.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "archive/timestamp.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/timestamp_fuzz_input.h"
#include "tests/support/test_tsa.h"

namespace docintake::archive {
namespace {

// The CA of a TSA made for this process: no input token chains to it.
const std::vector<std::string>& OwnCa() {
  static const std::vector<std::string>* const pems = [] {
    absl::StatusOr<std::unique_ptr<testing::TestTsa>> tsa =
        testing::TestTsa::Create();
    FUZZ_CHECK(tsa.ok(), tsa.status().ToString());
    return new std::vector<std::string>{(*tsa)->ca_pem()};
  }();
  return *pems;
}

void CheckToken(const absl::StatusOr<TimestampToken>& token, bool response) {
  if (token.ok()) {
    FUZZ_CHECK(!token->token_der.empty(), "a verified token without DER");
    return;
  }
  const absl::Status& status = token.status();
  FUZZ_CHECK(
      fuzz::HasCode(status, {absl::StatusCode::kInvalidArgument,
                             absl::StatusCode::kDataLoss}) ||
          (response && status.code() == absl::StatusCode::kFailedPrecondition),
      status.ToString());
}

void FuzzOne(absl::string_view bytes) {
  static const std::string* const digest =
      new std::string(fuzz::TimestampDigest());
  const fuzz::TimestampInput input = fuzz::SplitTimestampInput(bytes);

  std::vector<std::vector<std::string>> trust_lists = {OwnCa()};
  if (!input.ca_pems.empty()) {
    trust_lists.push_back({std::string(input.ca_pems)});
  }
  for (const std::vector<std::string>& trusted : trust_lists) {
    const absl::StatusOr<TimestampToken> from_response =
        VerifyTimestampResponse(input.der, *digest, fuzz::kTimestampNonce,
                                trusted);
    CheckToken(from_response, /*response=*/true);
    const bool own_ca = &trusted == &trust_lists[0];
    FUZZ_CHECK(!own_ca || !from_response.ok(),
               "a response verifies against a CA that signed nothing");
    if (from_response.ok()) {
      // The token of a good response is a storable token; its chain is
      // checked at genTime instead, so either verdict is possible.
      CheckToken(
          VerifyTimestampToken(from_response->token_der, *digest, trusted),
          /*response=*/false);
    }
    const absl::StatusOr<TimestampToken> token =
        VerifyTimestampToken(input.der, *digest, trusted);
    CheckToken(token, /*response=*/false);
    FUZZ_CHECK(!own_ca || !token.ok(),
               "a token verifies against a CA that signed nothing");
  }
}

}  // namespace
}  // namespace docintake::archive

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::archive::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
