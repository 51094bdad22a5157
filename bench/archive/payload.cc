#include "bench/archive/payload.h"

#include <cassert>

#include "base/random.h"

namespace docintake::bench {

std::string RandomBlock(size_t size) {
  assert(size >= kTagBytes);
  return base::RandomBytes(size);
}

uint64_t PayloadTag(int phase, int64_t index) {
  return (static_cast<uint64_t>(phase) << 40) | static_cast<uint64_t>(index);
}

void StampPayload(uint64_t tag, std::string& payload) {
  assert(payload.size() >= kTagBytes);
  for (size_t i = 0; i < kTagBytes; ++i) {
    payload[i] = static_cast<char>((tag >> (8 * i)) & 0xff);
  }
}

}  // namespace docintake::bench
