// FUZZ_CHECK: a property that a fuzz target asserts about the code it drives.
// A violation prints the condition, where it is and a detail, then aborts, so
// that libFuzzer and the standalone runner treat it as a crash and keep the
// input. Unlike assert() it stays on in release builds. Thread-safe.
#ifndef DOCINTAKE_TESTS_FUZZ_FUZZ_CHECK_H_
#define DOCINTAKE_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"

namespace docintake::fuzz {

[[noreturn]] inline void FuzzCheckFailed(const char* condition,
                                         const char* file, int line,
                                         const std::string& detail) {
  std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n  %s\n", file, line,
               condition, detail.c_str());
  std::abort();
}

// True if `status` has one of the codes a function documents.
inline bool HasCode(const absl::Status& status,
                    std::initializer_list<absl::StatusCode> codes) {
  for (absl::StatusCode code : codes) {
    if (status.code() == code) return true;
  }
  return false;
}

}  // namespace docintake::fuzz

#define FUZZ_CHECK(condition, detail)                                    \
  do {                                                                   \
    if (!(condition)) {                                                  \
      ::docintake::fuzz::FuzzCheckFailed(#condition, __FILE__, __LINE__, \
                                         (detail));                      \
    }                                                                    \
  } while (false)

#endif  // DOCINTAKE_TESTS_FUZZ_FUZZ_CHECK_H_
