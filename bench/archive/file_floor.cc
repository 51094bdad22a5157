#include "bench/archive/file_floor.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "base/file_system.h"
#include "base/status_macros.h"
#include "bench/archive/payload.h"

namespace docintake::bench {
namespace {

absl::Status WriteAndSync(base::FileSystem& fs, const std::string& path,
                          const std::string& content) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::WritableFile> file,
                   fs.NewWritableFile(path));
  RETURN_IF_ERROR(file->Append(content));
  RETURN_IF_ERROR(file->Sync());
  return file->Close();
}

absl::Status WriteOne(base::FileSystem& fs, const std::string& dir,
                      int64_t index, const std::string& content,
                      FileFloorKind kind) {
  const std::string path = absl::StrCat(dir, "/", index);
  if (kind == FileFloorKind::kFdatasync) {
    return WriteAndSync(fs, path, content);
  }
  const std::string temp = absl::StrCat(dir, "/.", index, ".tmp");
  RETURN_IF_ERROR(WriteAndSync(fs, temp, content));
  RETURN_IF_ERROR(fs.Rename(temp, path));
  return fs.SyncDir(dir);
}

}  // namespace

absl::StatusOr<Measurement> MeasureFileFloor(const std::string& dir,
                                             const std::string& block,
                                             int count, int phase,
                                             FileFloorKind kind) {
  base::FileSystem& fs = base::FileSystem::Default();
  RETURN_IF_ERROR(fs.CreateDirs(dir));
  std::string content = block;

  const Stopwatch stopwatch;
  for (int64_t i = 0; i < count; ++i) {
    StampPayload(PayloadTag(phase, i), content);
    RETURN_IF_ERROR(WriteOne(fs, dir, i, content, kind));
  }
  const double seconds = stopwatch.Seconds();

  return Measurement{count, static_cast<uint64_t>(count) * block.size(),
                     seconds};
}

}  // namespace docintake::bench
