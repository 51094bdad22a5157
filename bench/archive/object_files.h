// ObjectFiles: the archive's object files, `<archive>/objects/sha256/<2 hex>/
// <64 hex>`, each named by the SHA-256 of its bytes. The scrub phase times
// RecordStore::Scrub() and sha256sum over exactly these. A plain value.
#ifndef DOCINTAKE_BENCH_ARCHIVE_OBJECT_FILES_H_
#define DOCINTAKE_BENCH_ARCHIVE_OBJECT_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace docintake::bench {

struct ObjectFiles {
  // Sorted.
  std::vector<std::string> paths;
  uint64_t bytes = 0;
};

// Every object file below `archive_dir`/objects/sha256, skipping temporary
// files (names starting with '.').
absl::StatusOr<ObjectFiles> ListObjectFiles(const std::string& archive_dir);

// Asks the kernel to drop the files' pages from the page cache
// (posix_fadvise DONTNEED). Best effort: it works without root, but only on
// clean pages, and a virtual machine's host may still cache the disk.
absl::Status EvictFromPageCache(const ObjectFiles& files);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_OBJECT_FILES_H_
