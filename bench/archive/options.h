// BenchOptions: the command line of bench_archive, parsed once by main(), and
// the three record sizes it measures. Plain values.
#ifndef DOCINTAKE_BENCH_ARCHIVE_OPTIONS_H_
#define DOCINTAKE_BENCH_ARCHIVE_OPTIONS_H_

#include <array>
#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace docintake::bench {

struct RecordSize {
  const char* label;  // "4 KiB"
  const char* flag;   // "--count-4k"
  size_t bytes;
  int default_count;
};

inline constexpr std::array<RecordSize, 3> kRecordSizes = {{
    {"4 KiB", "--count-4k", 4 * 1024, 500},
    {"100 KiB", "--count-100k", 100 * 1024, 300},
    {"1 MiB", "--count-1m", 1024 * 1024, 100},
}};

struct BenchOptions {
  // Parent of the run's scratch folder; empty means the build tree, or
  // /var/tmp when the build tree is on tmpfs.
  std::string work_dir;
  // Puts per phase for each of kRecordSizes, in order.
  std::array<int, kRecordSizes.size()> counts = {kRecordSizes[0].default_count,
                                                 kRecordSizes[1].default_count,
                                                 kRecordSizes[2].default_count};
  // Concurrent writer threads of the batched phase.
  int writers = 4;
  // Untimed 4 KiB puts before the first phase, so that the archive's SQLite
  // WAL has grown and been checkpointed once, as in a running service.
  int warmup_puts = 400;
  bool json = false;
  // Leave the scratch folder (archive, floor files) behind.
  bool keep_work_dir = false;
  bool help = false;
};

// Parses argv (flags as "--name value" or "--name=value"). INVALID_ARGUMENT,
// naming the flag, for unknown flags and missing or malformed values.
absl::StatusOr<BenchOptions> ParseOptions(int argc, char** argv);

// The --help text.
std::string Usage();

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_OPTIONS_H_
