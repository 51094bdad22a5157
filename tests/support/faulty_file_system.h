// FaultyFileSystem: the real file system with injectable failures, for tests
// of what happens when fdatasync or rename fails. Thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_FAULTY_FILE_SYSTEM_H_
#define DOCINTAKE_TESTS_SUPPORT_FAULTY_FILE_SYSTEM_H_

#include <atomic>

#include "base/file_system.h"

namespace docintake::testing {

class FaultyFileSystem final : public base::FileSystem {
 public:
  // While set, every WritableFile::Sync fails with EIO.
  std::atomic<bool> fail_sync{false};
  // While set, every Rename fails.
  std::atomic<bool> fail_rename{false};

  absl::StatusOr<std::unique_ptr<base::WritableFile>> NewWritableFile(
      const std::string& path) override;
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> NewSequentialFile(
      const std::string& path) override {
    return real().NewSequentialFile(path);
  }
  absl::StatusOr<std::string> ReadFile(const std::string& path,
                                       uint64_t max_bytes) override {
    return real().ReadFile(path, max_bytes);
  }
  absl::StatusOr<uint64_t> FileSize(const std::string& path) override {
    return real().FileSize(path);
  }
  absl::Status Rename(const std::string& from, const std::string& to) override {
    if (fail_rename) return absl::InternalError("injected rename failure");
    return real().Rename(from, to);
  }
  absl::Status SyncDir(const std::string& dir) override {
    if (fail_sync) return absl::DataLossError("injected fsync failure");
    return real().SyncDir(dir);
  }
  absl::Status Remove(const std::string& path) override {
    return real().Remove(path);
  }
  absl::Status CreateDirs(const std::string& path) override {
    return real().CreateDirs(path);
  }
  absl::StatusOr<std::vector<std::string>> ListDir(
      const std::string& dir) override {
    return real().ListDir(dir);
  }
  bool Exists(const std::string& path) override { return real().Exists(path); }
  absl::Status MakeReadOnly(const std::string& path) override {
    return real().MakeReadOnly(path);
  }

 private:
  static base::FileSystem& real() { return base::FileSystem::Default(); }
};

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_FAULTY_FILE_SYSTEM_H_
