#include "tests/support/faulty_file_system.h"

namespace docintake::testing {
namespace {

class FaultyWritableFile final : public base::WritableFile {
 public:
  FaultyWritableFile(std::unique_ptr<base::WritableFile> file,
                     const std::atomic<bool>& fail_sync)
      : file_(std::move(file)), fail_sync_(fail_sync) {}
  absl::Status Append(absl::string_view data) override {
    return file_->Append(data);
  }
  absl::Status Sync() override {
    if (fail_sync_) return absl::DataLossError("injected fdatasync failure");
    return file_->Sync();
  }
  absl::Status Close() override { return file_->Close(); }

 private:
  std::unique_ptr<base::WritableFile> file_;
  const std::atomic<bool>& fail_sync_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<base::WritableFile>>
FaultyFileSystem::NewWritableFile(const std::string& path) {
  absl::StatusOr<std::unique_ptr<base::WritableFile>> file =
      real().NewWritableFile(path);
  if (!file.ok()) return file.status();
  return std::make_unique<FaultyWritableFile>(*std::move(file), fail_sync);
}

}  // namespace docintake::testing
