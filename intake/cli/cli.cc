#include "intake/cli/cli.h"

#include <ostream>

#include "absl/strings/str_cat.h"
#include "intake/cli/errors.h"

namespace docintake::cli {
namespace {

struct CommandEntry {
  const char* name;
  int (*run)(const std::vector<std::string>&, CommandIo&);
  const char* summary;
};

constexpr CommandEntry kCommands[] = {
    {"submit", RunSubmit, "submit files, directories or stdin"},
    {"get", RunGet, "show one document's record"},
    {"list", RunList, "list documents"},
    {"watch", RunWatch, "follow a document until its final state"},
    {"content", RunContent, "download a document's archived bytes"},
    {"watch-folder", RunWatchFolder, "submit files dropped into a hot folder"},
    {"archive", RunArchive, "checkpoints, proofs, key, verification, export"},
    {"verify-bundle", RunVerifyBundle, "check an evidence bundle offline"},
    {"ocr", RunOcr, "recognise the text of a scan (in the server or --local)"},
    {"verify", RunVerify, "validate a PDF's signatures (server or --local)"},
};

}  // namespace

std::string CliHelp() {
  std::string out =
      "usage: docintake COMMAND [flags] [args]\n\n"
      "The command-line client of docintaked.\n\ncommands:\n";
  for (const CommandEntry& command : kCommands) {
    absl::StrAppend(&out, "  ", command.name,
                    std::string(14 - std::string(command.name).size(), ' '),
                    command.summary, "\n");
  }
  absl::StrAppend(&out, "\nEvery command takes --server HOST:PORT (default ",
                  kDefaultServer,
                  ") and --json.\n"
                  "Exit codes: 0 success, 1 failure, 2 usage error.\n"
                  "'docintake COMMAND --help' describes a command.\n");
  return out;
}

int RunCli(const std::vector<std::string>& args, CommandIo& io) {
  if (args.empty()) {
    io.err << CliHelp() << std::flush;
    return kExitUsage;
  }
  const std::string& name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    io.out << CliHelp() << std::flush;
    return kExitOk;
  }
  for (const CommandEntry& command : kCommands) {
    if (name == command.name) {
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()),
                         io);
    }
  }
  io.err << "docintake: unknown command \"" << name
         << "\" (see 'docintake --help')" << std::endl;
  return kExitUsage;
}

}  // namespace docintake::cli
