#include "bench/intake/report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/json_escape.h"

namespace docintake::bench {
namespace {

double Millis(absl::Duration d) { return absl::ToDoubleMilliseconds(d); }

std::string TableRow(absl::string_view label, const RunFigures& figures,
                     absl::string_view latencies) {
  return absl::StrFormat(
      "%-30s %9.1f %9.2f %9.2f  %s\n", label, figures.DocumentsPerSecond(),
      figures.MegabytesPerSecond(), figures.seconds, latencies);
}

std::string FiguresJson(const RunFigures& figures) {
  return absl::StrFormat(
      R"({"documents":%d,"bytes":%d,"seconds":%.4f,"docs_per_s":%.2f,)"
      R"("mb_per_s":%.3f})",
      figures.documents, figures.bytes, figures.seconds,
      figures.DocumentsPerSecond(), figures.MegabytesPerSecond());
}

}  // namespace

double BenchReport::RatioTo(const RunFigures& floor) const {
  const double floor_rate = floor.DocumentsPerSecond();
  return floor_rate > 0 ? load.figures.DocumentsPerSecond() / floor_rate : 0;
}

bool BenchReport::MeetsTarget() const {
  return RatioTo(floor_fdatasync) >= kTargetRatio;
}

std::string FormatTable(const BenchReport& r) {
  const RunFigures& f = r.load.figures;
  std::string out = absl::StrFormat(
      "bench_intake: %d submissions of %d corpus PDFs (%.1f MB), %d clients\n"
      "server %s (%s), work dir %s (%s)\n\n",
      f.documents, r.corpus_files, static_cast<double>(f.bytes) / 1e6,
      r.clients, r.server_address,
      r.server_started ? "started by bench_intake" : "already running",
      r.work_dir, r.file_system);
  absl::StrAppend(
      &out, absl::StrFormat("%-30s %9s %9s %9s  %s\n", "", "docs/s", "MB/s",
                            "seconds", "ack latency ms p50 / p99 / max"));
  absl::StrAppend(
      &out,
      TableRow(absl::StrCat("docintake, ", r.clients, " clients"), f,
               absl::StrFormat("%.2f / %.2f / %.2f",
                               Millis(Quantile(r.load.latencies, 0.50)),
                               Millis(Quantile(r.load.latencies, 0.99)),
                               Millis(Quantile(r.load.latencies, 1.0)))),
      TableRow("floor: fdatasync", r.floor_fdatasync, "-"),
      TableRow("floor: fdatasync + dir fsync", r.floor_fdatasync_dirsync, "-"));
  absl::StrAppend(
      &out, "\n",
      absl::StrFormat("docintake / floor (fdatasync):              %5.2f\n",
                      r.RatioTo(r.floor_fdatasync)),
      absl::StrFormat("docintake / floor (fdatasync + dir fsync):  %5.2f\n",
                      r.RatioTo(r.floor_fdatasync_dirsync)),
      absl::StrFormat("target >= %.2f of the fdatasync floor:       %s\n",
                      kTargetRatio, r.MeetsTarget() ? "met" : "NOT met"),
      absl::StrFormat("server replies: %d duplicate_of (expected, the corpus "
                      "repeats), %d replayed\n",
                      r.load.duplicates, r.load.replayed));
  return out;
}

std::string FormatJson(const BenchReport& r) {
  const std::vector<absl::Duration>& lat = r.load.latencies;
  return absl::StrCat(
      "{\"corpus_files\":", r.corpus_files, ",\"clients\":", r.clients,
      ",\"server\":", base::JsonQuote(r.server_address),
      ",\"server_started\":", r.server_started ? "true" : "false",
      ",\"work_dir\":", base::JsonQuote(r.work_dir),
      ",\"file_system\":", base::JsonQuote(r.file_system),
      ",\"docintake\":", FiguresJson(r.load.figures),
      absl::StrFormat(R"(,"ack_latency_ms":{"p50":%.3f,"p99":%.3f,"max":%.3f})",
                      Millis(Quantile(lat, 0.50)), Millis(Quantile(lat, 0.99)),
                      Millis(Quantile(lat, 1.0))),
      ",\"duplicates\":", r.load.duplicates, ",\"replayed\":", r.load.replayed,
      ",\"floor_fdatasync\":", FiguresJson(r.floor_fdatasync),
      ",\"floor_fdatasync_dirsync\":", FiguresJson(r.floor_fdatasync_dirsync),
      absl::StrFormat(R"(,"ratio_to_fdatasync":%.4f)",
                      r.RatioTo(r.floor_fdatasync)),
      absl::StrFormat(R"(,"ratio_to_fdatasync_dirsync":%.4f)",
                      r.RatioTo(r.floor_fdatasync_dirsync)),
      absl::StrFormat(R"(,"target_ratio":%.2f)", kTargetRatio),
      ",\"target_met\":", r.MeetsTarget() ? "true" : "false", "}");
}

}  // namespace docintake::bench
