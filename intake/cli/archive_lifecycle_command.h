// The record-lifecycle subcommands of `docintake archive` (versions, hold,
// release, dispose-propose, dispose-approve), run by RunArchive.
#ifndef DOCINTAKE_INTAKE_CLI_ARCHIVE_LIFECYCLE_COMMAND_H_
#define DOCINTAKE_INTAKE_CLI_ARCHIVE_LIFECYCLE_COMMAND_H_

#include <optional>
#include <string>
#include <vector>

#include "intake/cli/command.h"

namespace docintake::cli {

// Runs `sub` if it is one of these subcommands and returns the exit code;
// nullopt for any other subcommand. `actor` empty means $USER.
std::optional<int> RunArchiveLifecycle(
    const std::string& sub, const std::vector<std::string>& rest,
    const std::string& server, bool json, const std::string& actor,
    const std::string& role, const std::string& reason, CommandIo& io);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_ARCHIVE_LIFECYCLE_COMMAND_H_
