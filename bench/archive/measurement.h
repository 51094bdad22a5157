// Measurement: what one timed phase did (operations, bytes, wall time) and the
// rates derived from it; Stopwatch: the steady clock that times the phases.
// Plain values, shared by every phase of bench_archive.
#ifndef DOCINTAKE_BENCH_ARCHIVE_MEASUREMENT_H_
#define DOCINTAKE_BENCH_ARCHIVE_MEASUREMENT_H_

#include <chrono>
#include <cstdint>

namespace docintake::bench {

struct Measurement {
  // Puts, files, commits or objects, depending on the phase.
  int64_t operations = 0;
  uint64_t bytes = 0;
  double seconds = 0;

  double OperationsPerSecond() const {
    return seconds > 0 ? static_cast<double>(operations) / seconds : 0;
  }
  // Decimal megabytes (10^6 bytes) per second.
  double MegabytesPerSecond() const {
    return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  }
};

// Two phases done one after the other for every operation: their times add.
// With equal operation counts the rate is 1 / (1/rate_a + 1/rate_b). Bytes
// are those of `a`.
inline Measurement OneAfterTheOther(const Measurement& a,
                                    const Measurement& b) {
  return Measurement{a.operations, a.bytes, a.seconds + b.seconds};
}

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_MEASUREMENT_H_
