// The input layout of timestamp_fuzzer, shared with the seed generator:
//   2 bytes  big-endian length L of the CA section (clamped to what is there)
//   L bytes  PEM CA certificate(s) to trust (empty: no CA from the input)
//   rest     DER TimeStampResp or TimeStampToken
// and the digest and nonce the target verifies against. Pure; thread-safe.
#ifndef DOCINTAKE_TESTS_FUZZ_TIMESTAMP_FUZZ_INPUT_H_
#define DOCINTAKE_TESTS_FUZZ_TIMESTAMP_FUZZ_INPUT_H_

#include <algorithm>
#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "base/sha256.h"

namespace docintake::fuzz {

// The nonce of the request every response is checked against.
inline constexpr absl::string_view kTimestampNonce = "\x01\x23\x45\x67\x89";

// SHA-256 of a fixed message: the imprint of every token checked.
inline std::string TimestampDigest() {
  base::Sha256 hasher;
  hasher.Update("docintake timestamp fuzz target\n");
  return hasher.Finish();
}

struct TimestampInput {
  absl::string_view ca_pems;
  absl::string_view der;
};

inline TimestampInput SplitTimestampInput(absl::string_view bytes) {
  if (bytes.size() < 2) return {{}, bytes};
  const size_t length =
      std::min(bytes.size() - 2,
               static_cast<size_t>(static_cast<unsigned char>(bytes[0]) << 8 |
                                   static_cast<unsigned char>(bytes[1])));
  return {bytes.substr(2, length), bytes.substr(2 + length)};
}

inline std::string JoinTimestampInput(absl::string_view ca_pems,
                                      absl::string_view der) {
  std::string out;
  out.push_back(static_cast<char>(ca_pems.size() >> 8 & 0xff));
  out.push_back(static_cast<char>(ca_pems.size() & 0xff));
  out.append(ca_pems.data(), ca_pems.size());
  out.append(der.data(), der.size());
  return out;
}

}  // namespace docintake::fuzz

#endif  // DOCINTAKE_TESTS_FUZZ_TIMESTAMP_FUZZ_INPUT_H_
