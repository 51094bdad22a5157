// The `docintake` binary: wires the process's streams, file system and clock
// into RunCli.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/file_system.h"
#include "base/openmp_env.h"
#include "intake/cli/cli.h"

int main(int argc, char** argv) {
  // Only `ocr --local` runs Tesseract; the other commands skip the re-exec
  // (it costs a process start).
  if (argc > 1 && std::string(argv[1]) == "ocr") {
    docintake::base::EnsureSingleThreadedOpenMp(argv);
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  docintake::cli::CommandIo io{std::cin,
                               std::cout,
                               std::cerr,
                               docintake::base::FileSystem::Default(),
                               docintake::base::Clock::Real(),
                               /*err_is_terminal=*/::isatty(STDERR_FILENO) == 1,
                               /*stop=*/nullptr};
  return docintake::cli::RunCli(args, io);
}
