// BenchReport: the figures of one bench_archive run, the targets, and
// the two renderings: a table for people and one JSON object for scripts.
// Plain values.
#ifndef DOCINTAKE_BENCH_ARCHIVE_REPORT_H_
#define DOCINTAKE_BENCH_ARCHIVE_REPORT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "bench/archive/measurement.h"

namespace docintake::bench {

// Single-writer puts per second at least this share of the floor's, at
// every record size.
inline constexpr double kPutTargetRatio = 0.5;
// Warm Scrub() MB/s at least this share of sha256sum's.
inline constexpr double kScrubTargetRatio = 0.8;

// `a`'s operations per second over `b`'s; zero if `b` has no rate.
double RateRatio(const Measurement& a, const Measurement& b);

// One record size: the archive's puts and the floors, same size and count.
struct SizeFigures {
  std::string label;
  size_t record_bytes = 0;
  Measurement put_single;
  Measurement put_batched;
  Measurement file_fdatasync;
  Measurement file_rename_dirsync;
  Measurement sqlite_commit;

  // What a put needs at least: one file fdatasync, then one SQLite commit.
  Measurement Floor() const {
    return OneAfterTheOther(file_fdatasync, sqlite_commit);
  }
  // The same with the rename and directory fsync the object store also does.
  Measurement FloorWithRename() const {
    return OneAfterTheOther(file_rename_dirsync, sqlite_commit);
  }
  // The ratio the put target is judged on.
  double SingleWriterRatio() const { return RateRatio(put_single, Floor()); }
};

// Scrub() and sha256sum over the same object files, one after the other.
struct ScrubRound {
  Measurement scrub;
  Measurement sha256sum;

  double Ratio() const {
    const double yardstick = sha256sum.MegabytesPerSecond();
    return yardstick > 0 ? scrub.MegabytesPerSecond() / yardstick : 0;
  }
};

struct BenchReport {
  std::string work_dir;
  std::string file_system;
  int writers = 0;
  // Untimed 4 KiB puts before the first phase; their objects are scrubbed.
  int warmup_puts = 0;
  std::vector<SizeFigures> sizes;
  // First round: each reader after the files were evicted from the page
  // cache (best effort). Second round: warm, the page cache filled by the
  // first round. The scrub target is judged on the second.
  ScrubRound evicted;
  ScrubRound warm;

  // The size whose single-writer puts are furthest below its floor; null if
  // there are no sizes.
  const SizeFigures* WorstPutSize() const;
  double LowestPutRatio() const {
    const SizeFigures* worst = WorstPutSize();
    return worst != nullptr ? worst->SingleWriterRatio() : 0;
  }
  bool PutsMeetTarget() const { return LowestPutRatio() >= kPutTargetRatio; }
  bool ScrubMeetsTarget() const { return warm.Ratio() >= kScrubTargetRatio; }
};

std::string FormatTable(const BenchReport& report);
// One line, no trailing newline.
std::string FormatJson(const BenchReport& report);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_REPORT_H_
