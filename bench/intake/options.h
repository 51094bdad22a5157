// BenchOptions: the command line of bench_intake, parsed once by main().
// A plain value.
#ifndef DOCINTAKE_BENCH_INTAKE_OPTIONS_H_
#define DOCINTAKE_BENCH_INTAKE_OPTIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docintake::bench {

struct BenchOptions {
  // Exactly one of the two: start this docintaked binary, or use the server
  // already listening at this HOST:PORT.
  std::string server_binary;
  std::string server_address;
  // Parent of the run's scratch folder; empty means the build tree, or
  // /var/tmp when the build tree is on tmpfs.
  std::string work_dir;
  std::string corpus_dir;
  int count = 400;
  int clients = 8;
  // Passed on as --workers to a started server when positive.
  int workers = 0;
  absl::Duration rpc_timeout = absl::Seconds(60);
  absl::Duration startup_timeout = absl::Seconds(30);
  bool json = false;
  // Leave the scratch folder (server data, log, floor files) behind.
  bool keep_work_dir = false;
  bool help = false;
};

// Parses argv (flags as "--name value" or "--name=value"). INVALID_ARGUMENT,
// naming the flag, for unknown flags, missing or malformed values, and for
// neither or both of --server-binary and --server.
absl::StatusOr<BenchOptions> ParseOptions(int argc, char** argv);

// The --help text.
std::string Usage();

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_OPTIONS_H_
