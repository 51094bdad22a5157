#include "tests/support/command.h"

#include <sys/wait.h>

#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace docintake::testing {

CommandResult RunCommand(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::vector<std::string> Words(const std::string& text) {
  return absl::StrSplit(text, absl::ByAnyChar(" \t\r\n\f"), absl::SkipEmpty());
}

int PdfinfoPages(const std::string& pdf_path) {
  int pages = 0;
  const std::string info = RunCommand("pdfinfo '" + pdf_path + "'").out;
  for (absl::string_view line : absl::StrSplit(info, '\n')) {
    if (absl::ConsumePrefix(&line, "Pages:") &&
        !absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &pages)) {
      return 0;
    }
  }
  return pages;
}

std::string PdftotextPage(const std::string& pdf_path, int page) {
  return RunCommand(absl::StrCat("pdftotext -f ", page, " -l ", page, " '",
                                 pdf_path, "' -"))
      .out;
}

}  // namespace docintake::testing
