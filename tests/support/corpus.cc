#include "tests/support/corpus.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_split.h"

namespace docintake::testing {

std::string CorpusDir() {
  const char* dir = std::getenv("DOCINTAKE_CORPUS_DIR");
  if (dir == nullptr || !std::filesystem::is_directory(dir)) return "";
  return dir;
}

std::string Manifest::Get(const std::vector<std::string>& row,
                          const std::string& column) const {
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
    if (columns[i] == column) return row[i];
  }
  return "";
}

Manifest ReadManifest(const std::string& path) {
  Manifest m;
  std::ifstream in(path);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells = absl::StrSplit(line, '\t');
    if (header) {
      m.columns = std::move(cells);
      header = false;
    } else {
      m.rows.push_back(std::move(cells));
    }
  }
  return m;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace docintake::testing
