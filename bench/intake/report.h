// BenchReport: the figures of one benchmark run, and their two renderings: a
// table for people and one JSON object for scripts. A plain value.
#ifndef DOCINTAKE_BENCH_INTAKE_REPORT_H_
#define DOCINTAKE_BENCH_INTAKE_REPORT_H_

#include <string>

#include "bench/intake/run_figures.h"
#include "bench/intake/submit_load.h"

namespace docintake::bench {

// The target: acknowledged throughput at least half the fdatasync
// floor. Judged against the plain fdatasync floor, the stricter of the two.
inline constexpr double kTargetRatio = 0.5;

struct BenchReport {
  int corpus_files = 0;
  int clients = 0;
  std::string server_address;
  // True if bench_intake started the server itself.
  bool server_started = false;
  std::string work_dir;
  std::string file_system;
  LoadResult load;
  RunFigures floor_fdatasync;
  RunFigures floor_fdatasync_dirsync;

  // docintake's documents/s over the floor's; zero if the floor took no time.
  double RatioTo(const RunFigures& floor) const;
  bool MeetsTarget() const;
};

std::string FormatTable(const BenchReport& report);
// One line, no trailing newline.
std::string FormatJson(const BenchReport& report);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_REPORT_H_
