#include "bench/intake/fsync_floor.h"

#include <chrono>
#include <memory>

#include "absl/strings/str_cat.h"
#include "base/file_system.h"
#include "base/status_macros.h"

namespace docintake::bench {
namespace {

absl::Status WriteOne(base::FileSystem& fs, const std::string& dir,
                      int64_t index, const CorpusFile& file, DirSync dir_sync) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::WritableFile> out,
                   fs.NewWritableFile(absl::StrCat(dir, "/", index, ".pdf")));
  RETURN_IF_ERROR(out->Append(file.bytes));
  RETURN_IF_ERROR(out->Sync());
  RETURN_IF_ERROR(out->Close());
  if (dir_sync == DirSync::kEveryFile) RETURN_IF_ERROR(fs.SyncDir(dir));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RunFigures> MeasureFsyncFloor(
    const std::vector<CorpusFile>& files, int count, const std::string& dir,
    DirSync dir_sync) {
  base::FileSystem& fs = base::FileSystem::Default();
  RETURN_IF_ERROR(fs.CreateDirs(dir));

  const auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < count; ++i) {
    RETURN_IF_ERROR(
        WriteOne(fs, dir, i, FileForSubmission(files, i), dir_sync));
  }
  const auto end = std::chrono::steady_clock::now();

  RunFigures figures;
  figures.documents = count;
  figures.bytes = BytesForSubmissions(files, count);
  figures.seconds = std::chrono::duration<double>(end - start).count();
  return figures;
}

}  // namespace docintake::bench
