// Cryptographically strong random values (OpenSSL's RAND_bytes). Thread-safe.
#ifndef DOCINTAKE_BASE_RANDOM_H_
#define DOCINTAKE_BASE_RANDOM_H_

#include <string>

namespace docintake::base {

// `n` random bytes.
std::string RandomBytes(size_t n);
// `n` random bytes as 2n lower-case hex digits.
std::string RandomHex(size_t n);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_RANDOM_H_
