// The pieces every `docintake` command shares: CommandIo (the streams, file
// system, clock and stop flag a command may use, so tests can run commands
// in-process), the --server/--json flags, and the command entry points. A
// command returns the process exit code (errors.h). Not thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_COMMAND_H_
#define DOCINTAKE_INTAKE_CLI_COMMAND_H_

#include <atomic>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "intake/cli/client.h"
#include "intake/cli/flags.h"

namespace docintake::cli {

struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  base::FileSystem& fs;
  const base::Clock& clock;
  // Progress bars are drawn on `err` only when it is a terminal.
  bool err_is_terminal = false;
  // Long-running commands stop when this becomes true. If null, they install
  // SIGINT/SIGTERM handlers that set a flag of their own.
  const std::atomic<bool>* stop = nullptr;
};

// --server HOST:PORT and --json, accepted by every command.
struct CommonFlags {
  void Register(FlagSet& flags);

  std::string server = kDefaultServer;
  bool json = false;
};

// Parses `args` with `flags`. Returns an exit code if the command is done:
// kExitOk after printing the help for --help, kExitUsage after printing a
// usage error; std::nullopt with `positional` filled otherwise.
std::optional<int> ParseCommandLine(FlagSet& flags, absl::string_view command,
                                    const std::vector<std::string>& args,
                                    CommandIo& io,
                                    std::vector<std::string>& positional);

// Prints a one-line usage error with a hint to --help; returns kExitUsage.
int UsageError(CommandIo& io, absl::string_view command,
               absl::string_view message);

// The commands; `args` are the arguments after the command name.
int RunSubmit(const std::vector<std::string>& args, CommandIo& io);
int RunGet(const std::vector<std::string>& args, CommandIo& io);
int RunList(const std::vector<std::string>& args, CommandIo& io);
int RunWatch(const std::vector<std::string>& args, CommandIo& io);
int RunContent(const std::vector<std::string>& args, CommandIo& io);
int RunArchive(const std::vector<std::string>& args, CommandIo& io);
// Offline: needs no server.
int RunVerifyBundle(const std::vector<std::string>& args, CommandIo& io);
// --local runs without a server.
int RunOcr(const std::vector<std::string>& args, CommandIo& io);
int RunVerify(const std::vector<std::string>& args, CommandIo& io);
int RunWatchFolder(const std::vector<std::string>& args, CommandIo& io);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_COMMAND_H_
