// TimeScrub: one timed RecordStore::Scrub(), which re-reads and re-hashes
// every object and record version and recomputes the Merkle tree, checked
// against what the run archived. Runs on the calling thread.
#ifndef DOCINTAKE_BENCH_ARCHIVE_SCRUB_TIMING_H_
#define DOCINTAKE_BENCH_ARCHIVE_SCRUB_TIMING_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "archive/record_store.h"
#include "bench/archive/measurement.h"
#include "bench/archive/object_files.h"

namespace docintake::bench {

// Times store.Scrub(); operations and bytes are those of `files`. DATA_LOSS
// if the report is not ok (naming its first failure) or did not check one
// object per file and `expected_versions` record versions.
absl::StatusOr<Measurement> TimeScrub(archive::RecordStore& store,
                                      const ObjectFiles& files,
                                      uint64_t expected_versions);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_SCRUB_TIMING_H_
