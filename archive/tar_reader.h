// Reading POSIX ustar archives from untrusted bytes: the member index (every
// header checked: checksum, safe relative names, no links or devices, no
// duplicates, sizes within limits and within the file, a proper end marker)
// and random access to a member's bytes, so a large member is hashed in
// pieces instead of loaded. TarSource objects are immutable and thread-safe;
// the functions are pure.
#ifndef DOCINTAKE_ARCHIVE_TAR_READER_H_
#define DOCINTAKE_ARCHIVE_TAR_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::archive {

// The bytes of an archive, read at any offset.
class TarSource {
 public:
  virtual ~TarSource() = default;
  virtual uint64_t size() const = 0;
  // Exactly `n` bytes at `offset`; DATA_LOSS if they are not all there.
  virtual absl::StatusOr<std::string> ReadAt(uint64_t offset,
                                             size_t n) const = 0;
};

// Over `bytes`, which must outlive the source.
std::unique_ptr<TarSource> TarSourceFromBytes(absl::string_view bytes);
// Over the regular file at `path` (kept open by the source).
absl::StatusOr<std::unique_ptr<TarSource>> OpenTarFile(const std::string& path);

struct TarMember {
  std::string name;  // relative, '/'-separated, no trailing '/'
  bool is_directory = false;
  uint64_t size = 0;
  uint64_t data_offset = 0;  // where its bytes start in the source
};

struct TarLimits {
  size_t max_members = 1000;
  // Larger members are refused (INVALID_ARGUMENT).
  uint64_t max_member_bytes = uint64_t{4} << 30;
};

// Every member in archive order. INVALID_ARGUMENT for what is not an
// acceptable archive (not ustar, unsafe names such as "../x" or "/etc/x",
// links, devices, extension headers, duplicate names, more members or larger
// members than `limits` allow); DATA_LOSS for damage (header checksum,
// members running past the end, a missing end-of-archive marker, data after
// it).
absl::StatusOr<std::vector<TarMember>> ListTarMembers(const TarSource& source,
                                                      const TarLimits& limits);

// The whole member; INVALID_ARGUMENT if it is larger than `max_bytes`.
absl::StatusOr<std::string> ReadTarMember(const TarSource& source,
                                          const TarMember& member,
                                          uint64_t max_bytes);

// Calls `sink` with the member's bytes in pieces of at most 1 MiB, stopping
// at the first error it returns.
absl::Status StreamTarMember(
    const TarSource& source, const TarMember& member,
    const std::function<absl::Status(absl::string_view)>& sink);

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_TAR_READER_H_
