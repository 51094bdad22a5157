// MeasureFileFloor: what making a put's bytes durable costs with nothing but
// the file system in between. One writer creates `count` files of the record
// size, one after the other, each create + write + fdatasync + close; the
// rename variant writes under a temporary name, renames and fsyncs the
// folder, as the archive's object store does.
#ifndef DOCINTAKE_BENCH_ARCHIVE_FILE_FLOOR_H_
#define DOCINTAKE_BENCH_ARCHIVE_FILE_FLOOR_H_

#include <string>

#include "absl/status/statusor.h"
#include "bench/archive/measurement.h"

namespace docintake::bench {

enum class FileFloorKind {
  kFdatasync,
  kFdatasyncRenameDirSync,
};

// Creates `dir`, which must not hold the files yet, and times `count` files
// made from `block` (each stamped with a tag of `phase`). Fails with the
// first I/O error.
absl::StatusOr<Measurement> MeasureFileFloor(const std::string& dir,
                                             const std::string& block,
                                             int count, int phase,
                                             FileFloorKind kind);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_FILE_FLOOR_H_
