#include "intake/cli/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace docintake::cli {
namespace {

namespace fs = std::filesystem;

absl::Status PathError(const std::error_code& ec, const std::string& path) {
  return absl::ErrnoToStatus(ec.value(), path);
}

absl::Status AddDirectory(const std::string& dir,
                          std::vector<InputFile>& inputs) {
  std::error_code ec;
  std::vector<InputFile> found;
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    const uint64_t size = it->file_size(entry_ec);
    if (entry_ec) return PathError(entry_ec, it->path().string());
    found.push_back(InputFile{it->path().string(), false, size});
  }
  if (ec) return PathError(ec, dir);
  std::sort(
      found.begin(), found.end(),
      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  inputs.insert(inputs.end(), found.begin(), found.end());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<InputFile>> ExpandInputs(
    const std::vector<std::string>& args) {
  std::vector<InputFile> inputs;
  bool stdin_seen = false;
  for (const std::string& arg : args) {
    if (arg == "-") {
      if (stdin_seen) {
        return absl::InvalidArgumentError("\"-\" (standard input) given twice");
      }
      stdin_seen = true;
      inputs.push_back(InputFile{"-", true, 0});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec) return PathError(ec, arg);
    if (fs::is_directory(status)) {
      absl::Status added = AddDirectory(arg, inputs);
      if (!added.ok()) return added;
    } else if (fs::is_regular_file(status)) {
      const uint64_t size = fs::file_size(arg, ec);
      if (ec) return PathError(ec, arg);
      inputs.push_back(InputFile{arg, false, size});
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(arg, " is neither a file nor a directory"));
    }
  }
  return inputs;
}

}  // namespace docintake::cli
