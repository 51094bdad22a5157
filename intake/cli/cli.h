// RunCli: the `docintake` command line — picks the command named by the
// first argument and runs it. The binary's main() and the tests both call
// it. Not thread-safe (one command at a time per CommandIo).
#ifndef DOCINTAKE_INTAKE_CLI_CLI_H_
#define DOCINTAKE_INTAKE_CLI_CLI_H_

#include <string>
#include <vector>

#include "intake/cli/command.h"

namespace docintake::cli {

// `args` excludes the program name. Returns the exit code: kExitOk,
// kExitFailure, or kExitUsage for an unknown command or bad flags.
int RunCli(const std::vector<std::string>& args, CommandIo& io);

// The top-level help text.
std::string CliHelp();

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_CLI_H_
