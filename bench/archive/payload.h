// Record contents. One random block per record size is made before anything
// is timed; each put (and each floor file) then stamps a tag into the first
// 8 bytes of its own copy, so that every put stores distinct bytes and the
// content-addressed archive never deduplicates, at the cost of an 8-byte
// write. Pure functions; thread-safe.
#ifndef DOCINTAKE_BENCH_ARCHIVE_PAYLOAD_H_
#define DOCINTAKE_BENCH_ARCHIVE_PAYLOAD_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace docintake::bench {

// Bytes a tag occupies at the start of a payload; blocks are at least this.
inline constexpr size_t kTagBytes = 8;

// `size` random bytes; `size` must be at least kTagBytes.
std::string RandomBlock(size_t size);

// The tag of operation `index` of phase `phase`; distinct for every pair
// with index < 2^40.
uint64_t PayloadTag(int phase, int64_t index);

// Overwrites the first kTagBytes of `payload` with `tag`.
void StampPayload(uint64_t tag, std::string& payload);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_PAYLOAD_H_
