// Access to the shared test corpus (read-only), whose folder ctest passes in
// DOCINTAKE_CORPUS_DIR (CMake cache variable of the same name, default
// ../shared/corpus). Without it a test skips — except under CI (CI set), where
// a missing corpus is a failure.
#ifndef DOCINTAKE_TESTS_SUPPORT_CORPUS_H_
#define DOCINTAKE_TESTS_SUPPORT_CORPUS_H_

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace docintake::testing {

// The corpus folder, or "" if it is not there.
std::string CorpusDir();

// A tab-separated manifest: the header names the columns.
struct Manifest {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // The value of `column` in `row`; "" if there is no such column.
  std::string Get(const std::vector<std::string>& row,
                  const std::string& column) const;
};
Manifest ReadManifest(const std::string& path);

std::string ReadFileOrDie(const std::string& path);

}  // namespace docintake::testing

// In a test body: binds `var` to the corpus folder, or skips (fails in CI).
#define DOCINTAKE_REQUIRE_CORPUS(var)                                    \
  const std::string var = ::docintake::testing::CorpusDir();             \
  if (var.empty()) {                                                     \
    if (std::getenv("CI") != nullptr) {                                  \
      FAIL() << "the shared corpus is missing (DOCINTAKE_CORPUS_DIR) "   \
                "and CI is set: corpus tests must not be skipped in CI"; \
    }                                                                    \
    GTEST_SKIP() << "shared corpus not found; set DOCINTAKE_CORPUS_DIR"; \
  }

#endif  // DOCINTAKE_TESTS_SUPPORT_CORPUS_H_
