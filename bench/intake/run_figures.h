// RunFigures: what one timed run produced (documents, bytes, wall time), and
// the rates derived from it. A plain value; shared by the load and the floor.
#ifndef DOCINTAKE_BENCH_INTAKE_RUN_FIGURES_H_
#define DOCINTAKE_BENCH_INTAKE_RUN_FIGURES_H_

#include <cstdint>

namespace docintake::bench {

struct RunFigures {
  int64_t documents = 0;
  uint64_t bytes = 0;
  double seconds = 0;

  double DocumentsPerSecond() const {
    return seconds > 0 ? static_cast<double>(documents) / seconds : 0;
  }
  // Decimal megabytes (10^6 bytes) per second.
  double MegabytesPerSecond() const {
    return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  }
};

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_RUN_FIGURES_H_
