#include "bench/archive/report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "base/json_escape.h"

namespace docintake::bench {
namespace {

// A row of a size's table; floors (`ratios_of` null) have no ratio columns.
std::string SizeRow(absl::string_view label, const Measurement& m,
                    const SizeFigures* ratios_of) {
  const std::string megabytes =
      m.bytes > 0 ? absl::StrFormat("%.2f", m.MegabytesPerSecond()) : "-";
  std::string row =
      absl::StrFormat("  %-36s %9.1f %9s %9.3f", label, m.OperationsPerSecond(),
                      megabytes, m.seconds);
  if (ratios_of != nullptr) {
    absl::StrAppend(
        &row, absl::StrFormat(" %7.2f %9.2f", RateRatio(m, ratios_of->Floor()),
                              RateRatio(m, ratios_of->FloorWithRename())));
  }
  return absl::StrCat(row, "\n");
}

std::string SizeTable(const SizeFigures& s, int writers) {
  std::string out = absl::StrFormat(
      "%-38s %9s %9s %9s %7s %9s\n",
      absl::StrCat(s.label, " records, ", s.put_single.operations, " each"),
      "puts/s", "MB/s", "seconds", "/floor", "/floor+rn");
  absl::StrAppend(
      &out, SizeRow("archive put, 1 writer", s.put_single, &s),
      SizeRow(absl::StrCat("archive put, batched (", writers, " writers)"),
              s.put_batched, &s),
      SizeRow("file: write + fdatasync", s.file_fdatasync, nullptr),
      SizeRow("file: + rename + dir fsync", s.file_rename_dirsync, nullptr),
      SizeRow("SQLite: WAL FULL commit", s.sqlite_commit, nullptr),
      SizeRow("floor: fdatasync, then commit", s.Floor(), nullptr),
      SizeRow("floor+rn: + rename + dir fsync", s.FloorWithRename(), nullptr),
      "\n");
  return out;
}

std::string ScrubRows(absl::string_view title, const ScrubRound& round) {
  constexpr absl::string_view kFormat = "    %-34s %9.1f %9.3f\n";
  return absl::StrCat(
      "  ", title, "\n",
      absl::StrFormat(kFormat, "RecordStore::Scrub()",
                      round.scrub.MegabytesPerSecond(), round.scrub.seconds),
      absl::StrFormat(kFormat, "sha256sum",
                      round.sha256sum.MegabytesPerSecond(),
                      round.sha256sum.seconds),
      absl::StrFormat("    %-34s %9.2f\n", "Scrub / sha256sum", round.Ratio()));
}

std::string MeasurementJson(const Measurement& m) {
  return absl::StrFormat(
      R"({"operations":%d,"bytes":%d,"seconds":%.4f,"per_s":%.2f,)"
      R"("mb_per_s":%.3f})",
      m.operations, m.bytes, m.seconds, m.OperationsPerSecond(),
      m.MegabytesPerSecond());
}

std::string SizeJson(const SizeFigures& s) {
  return absl::StrCat(
      "{\"label\":", base::JsonQuote(s.label),
      ",\"record_bytes\":", s.record_bytes,
      ",\"put_single\":", MeasurementJson(s.put_single),
      ",\"put_batched\":", MeasurementJson(s.put_batched),
      ",\"file_fdatasync\":", MeasurementJson(s.file_fdatasync),
      ",\"file_rename_dirsync\":", MeasurementJson(s.file_rename_dirsync),
      ",\"sqlite_commit\":", MeasurementJson(s.sqlite_commit),
      ",\"floor\":", MeasurementJson(s.Floor()),
      ",\"floor_with_rename\":", MeasurementJson(s.FloorWithRename()),
      absl::StrFormat(
          R"(,"single_to_floor":%.4f,"single_to_floor_with_rename":%.4f)"
          R"(,"batched_to_floor":%.4f,"batched_to_floor_with_rename":%.4f})",
          RateRatio(s.put_single, s.Floor()),
          RateRatio(s.put_single, s.FloorWithRename()),
          RateRatio(s.put_batched, s.Floor()),
          RateRatio(s.put_batched, s.FloorWithRename())));
}

std::string WorstLabel(const BenchReport& r) {
  const SizeFigures* worst = r.WorstPutSize();
  return worst != nullptr ? worst->label : std::string();
}

std::string ScrubRoundJson(const ScrubRound& round) {
  return absl::StrCat("{\"scrub\":", MeasurementJson(round.scrub),
                      ",\"sha256sum\":", MeasurementJson(round.sha256sum),
                      absl::StrFormat(R"(,"ratio":%.4f})", round.Ratio()));
}

}  // namespace

double RateRatio(const Measurement& a, const Measurement& b) {
  const double rate = b.OperationsPerSecond();
  return rate > 0 ? a.OperationsPerSecond() / rate : 0;
}

const SizeFigures* BenchReport::WorstPutSize() const {
  const SizeFigures* worst = nullptr;
  for (const SizeFigures& s : sizes) {
    if (worst == nullptr ||
        s.SingleWriterRatio() < worst->SingleWriterRatio()) {
      worst = &s;
    }
  }
  return worst;
}

std::string FormatTable(const BenchReport& r) {
  std::string out = absl::StrFormat(
      "bench_archive: work dir %s (%s)\n"
      "a put is one RecordStore::Archive: object written, fdatasync, rename, "
      "dir fsync,\nthen one SQLite WAL FULL transaction; batched = %d writer "
      "threads at once;\n%d untimed 4 KiB puts warmed the archive up "
      "first\n\n",
      r.work_dir, r.file_system, r.writers, r.warmup_puts);
  for (const SizeFigures& s : r.sizes) {
    absl::StrAppend(&out, SizeTable(s, r.writers));
  }
  absl::StrAppend(
      &out,
      "floor = 1 / (1/fdatasync rate + 1/commit rate): the two one after the "
      "other,\nas a put needs them; floor+rn uses the rename + dir fsync file "
      "rate. The floors\nare single-threaded, so batched puts may beat them "
      "(ratio > 1).\n",
      absl::StrFormat("target: 1-writer puts >= %.2f of the floor at every "
                      "size: %s (lowest %.3f, %s)\n\n",
                      kPutTargetRatio, r.PutsMeetTarget() ? "met" : "NOT met",
                      r.LowestPutRatio(), WorstLabel(r)));
  absl::StrAppend(
      &out,
      absl::StrFormat(
          "%-38s %9s %9s\n",
          absl::StrFormat("scrub: %d objects, %.1f MB", r.warm.scrub.operations,
                          static_cast<double>(r.warm.scrub.bytes) / 1e6),
          "MB/s", "seconds"),
      ScrubRows("round 1, after posix_fadvise(DONTNEED) (best effort)",
                r.evicted),
      ScrubRows("round 2, warm (page cache filled by round 1)", r.warm),
      absl::StrFormat("target: warm Scrub() >= %.2f of sha256sum: %s\n",
                      kScrubTargetRatio,
                      r.ScrubMeetsTarget() ? "met" : "NOT met"));
  return out;
}

std::string FormatJson(const BenchReport& r) {
  std::string sizes;
  for (const SizeFigures& s : r.sizes) {
    absl::StrAppend(&sizes, sizes.empty() ? "" : ",", SizeJson(s));
  }
  return absl::StrCat(
      "{\"work_dir\":", base::JsonQuote(r.work_dir),
      ",\"file_system\":", base::JsonQuote(r.file_system),
      ",\"writers\":", r.writers, ",\"warmup_puts\":", r.warmup_puts,
      ",\"sizes\":[", sizes, "]",
      ",\"scrub_evicted\":", ScrubRoundJson(r.evicted),
      ",\"scrub_warm\":", ScrubRoundJson(r.warm),
      absl::StrFormat(R"(,"put_target_ratio":%.2f,"lowest_put_ratio":%.4f)",
                      kPutTargetRatio, r.LowestPutRatio()),
      ",\"lowest_put_ratio_size\":", base::JsonQuote(WorstLabel(r)),
      ",\"put_target_met\":", r.PutsMeetTarget() ? "true" : "false",
      absl::StrFormat(R"(,"scrub_target_ratio":%.2f)", kScrubTargetRatio),
      ",\"scrub_target_met\":", r.ScrubMeetsTarget() ? "true" : "false", "}");
}

}  // namespace docintake::bench
