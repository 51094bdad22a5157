#include "base/random.h"

#include <openssl/rand.h>

#include <cstdlib>

#include "absl/strings/escaping.h"

namespace docintake::base {

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()),
                 static_cast<int>(n)) != 1) {
    // Without randomness ids could collide: stopping is the only safe answer.
    std::abort();
  }
  return out;
}

std::string RandomHex(size_t n) {
  return absl::BytesToHexString(RandomBytes(n));
}

}  // namespace docintake::base
