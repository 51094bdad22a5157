#include "tests/cli/cli_test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_split.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "gtest/gtest.h"
#include "intake/cli/cli.h"

namespace docintake::cli::testing {

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  out.close();
  ASSERT_TRUE(out.good()) << "writing " << path;
}

void AppendFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << data;
  out.close();
  ASSERT_TRUE(out.good()) << "appending to " << path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "<missing>";
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

std::vector<std::string> ListNames(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

CliResult RunCliForTest(const std::vector<std::string>& args,
                        const std::string& stdin_data,
                        const std::atomic<bool>* stop) {
  std::istringstream in(stdin_data);
  std::ostringstream out;
  std::ostringstream err;
  CommandIo io{in,
               out,
               err,
               base::FileSystem::Default(),
               base::Clock::Real(),
               /*err_is_terminal=*/false,
               stop};
  CliResult result;
  result.exit_code = RunCli(args, io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace docintake::cli::testing
