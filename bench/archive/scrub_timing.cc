#include "bench/archive/scrub_timing.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"

namespace docintake::bench {

absl::StatusOr<Measurement> TimeScrub(archive::RecordStore& store,
                                      const ObjectFiles& files,
                                      uint64_t expected_versions) {
  const Stopwatch stopwatch;
  ASSIGN_OR_RETURN(const v1::ScrubReport report, store.Scrub());
  const double seconds = stopwatch.Seconds();

  if (!report.ok()) {
    const std::string first =
        report.failures().empty()
            ? std::string("no failure listed")
            : absl::StrCat(report.failures(0).name(), ": ",
                           report.failures(0).detail());
    return absl::DataLossError(absl::StrCat(
        "scrub found ", report.failures_size(), " failures; first: ", first));
  }
  if (report.objects_checked() != files.paths.size() ||
      report.versions_checked() != expected_versions) {
    return absl::DataLossError(absl::StrCat(
        "scrub checked ", report.objects_checked(), " objects and ",
        report.versions_checked(), " versions; the run archived ",
        expected_versions, " records in ", files.paths.size(), " objects"));
  }
  return Measurement{static_cast<int64_t>(files.paths.size()), files.bytes,
                     seconds};
}

}  // namespace docintake::bench
