#include "base/document_id.h"

#include <cstdint>

#include "base/random.h"

namespace docintake::base {
namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kIdLength = 26;

}  // namespace

std::string NewDocumentId(absl::Time now) {
  uint64_t ms =
      static_cast<uint64_t>(absl::ToUnixMillis(now)) & ((1ULL << 48) - 1);
  std::string random = RandomBytes(10);
  // 128 bits = 48 time + 80 random, written as 26 base32 digits (130 bits,
  // the top two always zero).
  unsigned __int128 value = ms;
  for (unsigned char c : random) value = (value << 8) | c;
  std::string id(kIdLength, '0');
  for (size_t i = kIdLength; i-- > 0;) {
    id[i] = kCrockford[static_cast<size_t>(value & 31)];
    value >>= 5;
  }
  return id;
}

bool IsValidDocumentId(absl::string_view id) {
  if (id.size() != kIdLength) return false;
  for (char c : id) {
    bool ok = false;
    for (const char* p = kCrockford; *p != '\0'; ++p) ok |= (*p == c);
    if (!ok) return false;
  }
  return true;
}

}  // namespace docintake::base
