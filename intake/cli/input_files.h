// ExpandInputs: turns the PATH arguments of `submit` into the list of
// documents to send — files as given, directories walked recursively with
// their regular files sorted by path, and "-" for standard input (at most
// once). Thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_INPUT_FILES_H_
#define DOCINTAKE_INTAKE_CLI_INPUT_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace docintake::cli {

struct InputFile {
  std::string path;  // as printed; "-" for standard input
  bool is_stdin = false;
  uint64_t size = 0;  // 0 for standard input (unknown)
};

// The inputs in argument order. NOT_FOUND for a path that does not exist,
// INVALID_ARGUMENT for "-" given twice or a path that is neither a file nor
// a directory; errors name the path.
absl::StatusOr<std::vector<InputFile>> ExpandInputs(
    const std::vector<std::string>& args);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_INPUT_FILES_H_
