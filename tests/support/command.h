// Running shell commands from tests, and the poppler-utils tools that serve
// as the independent reference for PDF text (pdfinfo, pdftotext).
#ifndef DOCINTAKE_TESTS_SUPPORT_COMMAND_H_
#define DOCINTAKE_TESTS_SUPPORT_COMMAND_H_

#include <string>
#include <vector>

namespace docintake::testing {

struct CommandResult {
  int exit_code;    // -1 if the command did not exit normally
  std::string out;  // its standard output
};

// Runs `command` with /bin/sh.
CommandResult RunCommand(const std::string& command);

// The white-space separated words of `text`, for comparisons that ignore
// layout.
std::vector<std::string> Words(const std::string& text);

// Page count by `pdfinfo`; 0 if it cannot tell.
int PdfinfoPages(const std::string& pdf_path);
// Text of page `page` (1-based) by `pdftotext`.
std::string PdftotextPage(const std::string& pdf_path, int page);

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_COMMAND_H_
