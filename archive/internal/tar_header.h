// The POSIX ustar header (IEEE Std 1003.1, "pax" interchange format, ustar
// subset): one 512-byte block per member, numbers in octal, names split into
// prefix (155) and name (100). Shared by TarWriter and the tar reader, which
// is why it also holds the rules for member names. Pure functions; thread-safe.
#ifndef DOCINTAKE_ARCHIVE_INTERNAL_TAR_HEADER_H_
#define DOCINTAKE_ARCHIVE_INTERNAL_TAR_HEADER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::archive::internal {

inline constexpr size_t kTarBlockSize = 512;
// GNU and BSD tar write archives in records of 20 blocks; so do we.
inline constexpr size_t kTarRecordSize = 20 * kTarBlockSize;
// The largest size an 11-digit octal size field holds: 8 GiB - 1.
inline constexpr uint64_t kTarMaxMemberSize = (uint64_t{1} << 33) - 1;

struct TarHeader {
  // Relative path with '/' separators; no trailing '/' (also for folders).
  std::string name;
  bool is_directory = false;
  uint64_t size = 0;
  uint32_t mode = 0644;
  int64_t mtime = 0;  // seconds since the epoch
};

// OK if `name` is a safe relative member name: 1 to 255 bytes of printable
// ASCII (no backslash), components separated by single '/', none empty, "."
// or "..", not starting with '/'. INVALID_ARGUMENT naming the problem.
absl::Status ValidateMemberName(absl::string_view name);

// The 512-byte header block. INVALID_ARGUMENT if the name is not valid or does
// not fit ustar's prefix/name split, or the size exceeds kTarMaxMemberSize.
absl::StatusOr<std::string> EncodeTarHeader(const TarHeader& header);

// Parses and checks one header block (exactly kTarBlockSize bytes): DATA_LOSS
// if the checksum is wrong; INVALID_ARGUMENT if it is not a ustar header, a
// number field is malformed, the name is unsafe, or the entry is of a type
// other than a regular file or a folder (links, devices, pax and GNU
// extension headers are refused).
absl::StatusOr<TarHeader> DecodeTarHeader(absl::string_view block);

// True if `block` consists of zero bytes only (end-of-archive marker).
bool IsZeroBlock(absl::string_view block);

// `size` rounded up to whole blocks.
inline uint64_t TarPaddedSize(uint64_t size) {
  return (size + kTarBlockSize - 1) / kTarBlockSize * kTarBlockSize;
}

}  // namespace docintake::archive::internal

#endif  // DOCINTAKE_ARCHIVE_INTERNAL_TAR_HEADER_H_
