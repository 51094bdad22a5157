#include "intake/cli/command.h"

#include <ostream>

#include "absl/strings/str_cat.h"
#include "intake/cli/errors.h"

namespace docintake::cli {

void CommonFlags::Register(FlagSet& flags) {
  flags.AddString(
      "server", &server,
      absl::StrCat("docintaked address (default ", kDefaultServer, ")"),
      "HOST:PORT");
  flags.AddBool("json", &json, "print protobuf JSON, one object per line");
}

int UsageError(CommandIo& io, absl::string_view command,
               absl::string_view message) {
  io.err << UsageErrorLine(command, message) << " (see 'docintake " << command
         << " --help')" << std::endl;
  return kExitUsage;
}

std::optional<int> ParseCommandLine(FlagSet& flags, absl::string_view command,
                                    const std::vector<std::string>& args,
                                    CommandIo& io,
                                    std::vector<std::string>& positional) {
  absl::StatusOr<std::vector<std::string>> parsed = flags.Parse(args);
  if (!parsed.ok()) return UsageError(io, command, parsed.status().message());
  if (flags.help_requested()) {
    io.out << flags.Help() << std::flush;
    return kExitOk;
  }
  positional = std::move(*parsed);
  return std::nullopt;
}

}  // namespace docintake::cli
