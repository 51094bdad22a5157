// Helpers for the CLI tests: small file helpers and RunCli with captured
// stdin/stdout/stderr. (Temporary directories: tests/support/temp_dir.h.)
// Not thread-safe unless stated.
#ifndef DOCINTAKE_TESTS_CLI_CLI_TEST_SUPPORT_H_
#define DOCINTAKE_TESTS_CLI_CLI_TEST_SUPPORT_H_

#include <atomic>
#include <string>
#include <vector>

namespace docintake::cli::testing {

// Creates or replaces `path` with `data`; fails the test on error.
void WriteFile(const std::string& path, const std::string& data);
// Appends `data` to `path`; fails the test on error. Thread-safe.
void AppendFile(const std::string& path, const std::string& data);
// The whole file, or "<missing>" if it cannot be read.
std::string ReadFile(const std::string& path);
// Entry names of `dir`, sorted; empty if it does not exist.
std::vector<std::string> ListNames(const std::string& dir);
// Splits `text` into its non-empty lines.
std::vector<std::string> Lines(const std::string& text);

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs RunCli in-process with the real file system and clock.
CliResult RunCliForTest(const std::vector<std::string>& args,
                        const std::string& stdin_data = "",
                        const std::atomic<bool>* stop = nullptr);

}  // namespace docintake::cli::testing

#endif  // DOCINTAKE_TESTS_CLI_CLI_TEST_SUPPORT_H_
