#include "bench/intake/corpus.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::bench {
namespace {

namespace fs = std::filesystem;

// Larger files would not be corpus PDFs but an accident.
constexpr uint64_t kMaxFileBytes = uint64_t{256} << 20;

absl::StatusOr<std::vector<fs::path>> FindPdfs(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return absl::NotFoundError(
        absl::StrCat("corpus folder ", root.string(), " does not exist"));
  }
  std::vector<fs::path> paths;
  fs::recursive_directory_iterator it(
      root, fs::directory_options::follow_directory_symlink, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    if (it->is_regular_file(ec) &&
        absl::EndsWith(absl::AsciiStrToLower(path.filename().string()),
                       ".pdf")) {
      paths.push_back(path);
    }
  }
  if (ec) {
    return absl::ErrnoToStatus(ec.value(),
                               absl::StrCat("list ", root.string()));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Readers accept the "%PDF-" header anywhere in the first 1024 bytes.
bool HasPdfHeader(absl::string_view bytes) {
  return absl::StrContains(bytes.substr(0, 1024), "%PDF-");
}

}  // namespace

absl::StatusOr<std::vector<CorpusFile>> LoadCorpus(
    const std::string& corpus_dir, std::vector<std::string>* skipped) {
  const fs::path root = fs::path(corpus_dir) / "signatures" / "pdf";
  ASSIGN_OR_RETURN(std::vector<fs::path> paths, FindPdfs(root));
  std::vector<CorpusFile> files;
  files.reserve(paths.size());
  for (const fs::path& path : paths) {
    CorpusFile file;
    file.relative_path = path.lexically_relative(root).string();
    file.filename = path.filename().string();
    ASSIGN_OR_RETURN(file.bytes, base::FileSystem::Default().ReadFile(
                                     path.string(), kMaxFileBytes));
    if (!HasPdfHeader(file.bytes)) {
      if (skipped != nullptr) skipped->push_back(file.relative_path);
      continue;
    }
    file.sha256_hex = base::Sha256Hex(file.bytes);
    files.push_back(std::move(file));
  }
  if (files.empty()) {
    return absl::NotFoundError(absl::StrCat("no PDF below ", root.string()));
  }
  return files;
}

const CorpusFile& FileForSubmission(const std::vector<CorpusFile>& files,
                                    int64_t index) {
  return files[static_cast<size_t>(index) % files.size()];
}

uint64_t BytesForSubmissions(const std::vector<CorpusFile>& files,
                             int64_t count) {
  uint64_t total = 0;
  for (int64_t i = 0; i < count; ++i) {
    total += FileForSubmission(files, i).bytes.size();
  }
  return total;
}

}  // namespace docintake::bench
