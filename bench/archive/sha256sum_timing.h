// TimeSha256sum: the system's sha256sum over the archive's object files, the
// yardstick for RecordStore::Scrub(). Runs sha256sum as child processes, one
// after another, from the calling thread.
#ifndef DOCINTAKE_BENCH_ARCHIVE_SHA256SUM_TIMING_H_
#define DOCINTAKE_BENCH_ARCHIVE_SHA256SUM_TIMING_H_

#include "absl/status/statusor.h"
#include "bench/archive/measurement.h"
#include "bench/archive/object_files.h"

namespace docintake::bench {

// Times `sha256sum` (found on PATH) over `files`, in batches that keep the
// command line short. Every printed digest must equal its file's name, as
// the archive names objects by their SHA-256: DATA_LOSS otherwise. The
// errno's status if sha256sum cannot be started, INTERNAL if it fails.
absl::StatusOr<Measurement> TimeSha256sum(const ObjectFiles& files);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_SHA256SUM_TIMING_H_
