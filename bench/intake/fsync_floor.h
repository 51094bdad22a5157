// MeasureFsyncFloor: what durability costs without any service in between.
// Writes the load's files (same count, same order) one by one into a folder,
// each as create + write + fdatasync + close, optionally with an fsync of the
// folder after every file (what makes a server's rename durable).
#ifndef DOCINTAKE_BENCH_INTAKE_FSYNC_FLOOR_H_
#define DOCINTAKE_BENCH_INTAKE_FSYNC_FLOOR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/intake/corpus.h"
#include "bench/intake/run_figures.h"

namespace docintake::bench {

enum class DirSync { kNever, kEveryFile };

// Creates `dir` (which must not hold the files yet) and times the writes of
// submissions 0 .. count-1 into it. Fails with the first I/O error.
absl::StatusOr<RunFigures> MeasureFsyncFloor(
    const std::vector<CorpusFile>& files, int count, const std::string& dir,
    DirSync dir_sync);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_FSYNC_FLOOR_H_
