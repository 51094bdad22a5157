// In-memory files: a WritableFile that appends to a borrowed string and a
// SequentialFile over a borrowed string, for code that streams into or out of
// memory (bundles built in memory, tests). Not thread-safe.
#ifndef DOCINTAKE_BASE_STRING_FILE_H_
#define DOCINTAKE_BASE_STRING_FILE_H_

#include <string>

#include "base/file_system.h"

namespace docintake::base {

class StringWritableFile final : public WritableFile {
 public:
  explicit StringWritableFile(std::string& out) : out_(out) {}
  absl::Status Append(absl::string_view data) override {
    out_.append(data.data(), data.size());
    return absl::OkStatus();
  }
  absl::Status Sync() override { return absl::OkStatus(); }
  absl::Status Close() override { return absl::OkStatus(); }

 private:
  std::string& out_;
};

class StringSequentialFile final : public SequentialFile {
 public:
  explicit StringSequentialFile(absl::string_view data) : data_(data) {}
  absl::StatusOr<std::string> Read(size_t n) override {
    const absl::string_view piece = data_.substr(0, n);
    data_.remove_prefix(piece.size());
    return std::string(piece);
  }

 private:
  absl::string_view data_;
};

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_STRING_FILE_H_
