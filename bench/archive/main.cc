// bench_archive: durable archive puts of 4 KiB, 100 KiB and 1 MiB records
// (one writer, then several) beside the floors measured in the same run, then
// RecordStore::Scrub() beside sha256sum over the same objects. Run by hand;
// see bench/archive/README.md.
#include <iostream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "archive/record_store.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "base/status_macros.h"
#include "bench/archive/file_floor.h"
#include "bench/archive/object_files.h"
#include "bench/archive/options.h"
#include "bench/archive/payload.h"
#include "bench/archive/put_load.h"
#include "bench/archive/report.h"
#include "bench/archive/scratch_dir.h"
#include "bench/archive/scrub_timing.h"
#include "bench/archive/sha256sum_timing.h"
#include "bench/archive/sqlite_floor.h"

namespace docintake::bench {
namespace {

// The warm-up's payload tag space, after every size's.
constexpr int kWarmupPhase = 1000;
// Payload tag spaces of one record size's phases.
enum Phase : int {
  kPutSingle,
  kPutBatched,
  kFileFloor,
  kFileRenameFloor,
  kPhasesPerSize
};

// Progress goes to stderr so that stdout holds only the result.
void Progress(absl::string_view message) {
  std::cerr << "bench_archive: " << message << std::endl;
}

absl::StatusOr<SizeFigures> MeasureSize(const BenchOptions& options,
                                        size_t size_index,
                                        archive::RecordStore& store,
                                        const ScratchDir& scratch) {
  const RecordSize& size = kRecordSizes[size_index];
  const int count = options.counts[size_index];
  const int phase = static_cast<int>(size_index) * kPhasesPerSize;
  const std::string block = RandomBlock(size.bytes);
  const std::string floor_prefix =
      scratch.Sub(absl::StrCat("floor-", size.bytes));
  SizeFigures figures;
  figures.label = size.label;
  figures.record_bytes = size.bytes;

  Progress(absl::StrCat(size.label, ": ", count, " puts, 1 writer"));
  RETURN_IF_ERROR(scratch.SyncFileSystem());
  ASSIGN_OR_RETURN(figures.put_single,
                   RunPuts(store, block, {count, 1, phase + kPutSingle}));
  Progress(absl::StrCat(size.label, ": ", count, " puts, ", options.writers,
                        " writers"));
  RETURN_IF_ERROR(scratch.SyncFileSystem());
  ASSIGN_OR_RETURN(
      figures.put_batched,
      RunPuts(store, block, {count, options.writers, phase + kPutBatched}));
  Progress(absl::StrCat(size.label, ": floor, write + fdatasync"));
  RETURN_IF_ERROR(scratch.SyncFileSystem());
  ASSIGN_OR_RETURN(
      figures.file_fdatasync,
      MeasureFileFloor(absl::StrCat(floor_prefix, "-fdatasync"), block, count,
                       phase + kFileFloor, FileFloorKind::kFdatasync));
  Progress(absl::StrCat(size.label, ": floor, + rename + dir fsync"));
  RETURN_IF_ERROR(scratch.SyncFileSystem());
  ASSIGN_OR_RETURN(figures.file_rename_dirsync,
                   MeasureFileFloor(absl::StrCat(floor_prefix, "-rename"),
                                    block, count, phase + kFileRenameFloor,
                                    FileFloorKind::kFdatasyncRenameDirSync));
  Progress(absl::StrCat(size.label, ": floor, SQLite commits"));
  RETURN_IF_ERROR(scratch.SyncFileSystem());
  ASSIGN_OR_RETURN(
      figures.sqlite_commit,
      MeasureSqliteFloor(absl::StrCat(floor_prefix, "-sqlite.db"), count));
  return figures;
}

// Both rounds of Scrub() and sha256sum over every object the run archived.
absl::Status MeasureScrub(archive::RecordStore& store,
                          const ScratchDir& scratch, uint64_t puts,
                          BenchReport& report) {
  Progress("checkpoint, then scrub and sha256sum, twice");
  RETURN_IF_ERROR(store.CreateCheckpoint().status());
  ASSIGN_OR_RETURN(const ObjectFiles files,
                   ListObjectFiles(scratch.Sub("archive")));
  if (files.paths.size() != puts) {
    return absl::DataLossError(
        absl::StrCat("the archive holds ", files.paths.size(),
                     " objects after ", puts, " distinct puts"));
  }
  RETURN_IF_ERROR(scratch.SyncFileSystem());
  RETURN_IF_ERROR(EvictFromPageCache(files));
  ASSIGN_OR_RETURN(report.evicted.scrub, TimeScrub(store, files, puts));
  RETURN_IF_ERROR(EvictFromPageCache(files));
  ASSIGN_OR_RETURN(report.evicted.sha256sum, TimeSha256sum(files));
  ASSIGN_OR_RETURN(report.warm.scrub, TimeScrub(store, files, puts));
  ASSIGN_OR_RETURN(report.warm.sha256sum, TimeSha256sum(files));
  return absl::OkStatus();
}

absl::StatusOr<BenchReport> RunInScratch(const BenchOptions& options,
                                         const ScratchDir& scratch) {
  BenchReport report;
  report.work_dir = scratch.path();
  report.writers = options.writers;
  ASSIGN_OR_RETURN(report.file_system, FileSystemName(scratch.path()));
  if (IsMemoryBacked(report.file_system)) {
    Progress(absl::StrCat("WARNING: ", scratch.path(), " is on ",
                          report.file_system,
                          "; the floors measure memory, not a disk"));
  }
  archive::RecordStoreOptions store_options;
  store_options.dir = scratch.Sub("archive");
  ASSIGN_OR_RETURN(
      std::unique_ptr<archive::RecordStore> store,
      archive::RecordStore::Open(base::FileSystem::Default(),
                                 base::Clock::Real(), store_options));
  uint64_t puts = 0;
  if (options.warmup_puts > 0) {
    Progress(
        absl::StrCat("warm-up: ", options.warmup_puts, " untimed 4 KiB puts"));
    ASSIGN_OR_RETURN(const Measurement warmup,
                     RunPuts(*store, RandomBlock(kRecordSizes[0].bytes),
                             {options.warmup_puts, 1, kWarmupPhase}));
    puts += static_cast<uint64_t>(warmup.operations);
  }
  report.warmup_puts = options.warmup_puts;
  for (size_t i = 0; i < kRecordSizes.size(); ++i) {
    ASSIGN_OR_RETURN(SizeFigures figures,
                     MeasureSize(options, i, *store, scratch));
    puts += static_cast<uint64_t>(figures.put_single.operations +
                                  figures.put_batched.operations);
    report.sizes.push_back(std::move(figures));
  }
  RETURN_IF_ERROR(MeasureScrub(*store, scratch, puts, report));
  return report;
}

absl::Status Run(const BenchOptions& options) {
  std::string parent = options.work_dir;
  if (parent.empty()) {
    ASSIGN_OR_RETURN(parent, DefaultScratchParent());
  }
  ASSIGN_OR_RETURN(ScratchDir scratch, ScratchDir::Create(parent));
  Progress(absl::StrCat("work dir ", scratch.path()));

  absl::StatusOr<BenchReport> report = RunInScratch(options, scratch);
  if (!report.ok()) {
    Progress(absl::StrCat("left ", scratch.path(), " for inspection"));
    return report.status();
  }
  if (options.keep_work_dir) {
    Progress(absl::StrCat("kept ", scratch.path()));
  } else if (absl::Status removed = scratch.Remove(); !removed.ok()) {
    Progress(absl::StrCat("WARNING: ", removed.ToString()));
  }
  if (options.json) {
    std::cout << FormatJson(*report) << std::endl;
  } else {
    std::cout << FormatTable(*report) << std::flush;
  }
  return absl::OkStatus();
}

}  // namespace
}  // namespace docintake::bench

int main(int argc, char** argv) {
  absl::StatusOr<docintake::bench::BenchOptions> options =
      docintake::bench::ParseOptions(argc, argv);
  if (!options.ok()) {
    std::cerr << "bench_archive: " << options.status().message() << "\n";
    return 2;
  }
  if (options->help) {
    std::cout << docintake::bench::Usage();
    return 0;
  }
  const absl::Status status = docintake::bench::Run(*options);
  if (!status.ok()) {
    std::cerr << "bench_archive: FAILED: " << status << "\n";
    return 1;
  }
  return 0;
}
