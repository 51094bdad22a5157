#include "tests/support/temp_dir.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace docintake::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string pattern =
      std::string(base != nullptr
                      ? base
                      : std::filesystem::temp_directory_path().string()) +
      "/docintake-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Archived objects are read-only files; their directories are not, so
  // remove_all works.
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Path(const std::string& name) const {
  return path_ + "/" + name;
}

}  // namespace docintake::testing
