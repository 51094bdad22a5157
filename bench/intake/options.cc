#include "bench/intake/options.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"

#ifndef DOCINTAKE_BENCH_CORPUS_DIR
#define DOCINTAKE_BENCH_CORPUS_DIR "../shared/corpus"
#endif

namespace docintake::bench {
namespace {

absl::StatusOr<std::string> NonEmpty(absl::string_view flag,
                                     absl::string_view value) {
  if (value.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(flag, " needs a value"));
  }
  return std::string(value);
}

absl::StatusOr<int> ParsePositive(absl::string_view flag,
                                  absl::string_view value) {
  int n = 0;
  if (!absl::SimpleAtoi(value, &n) || n <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, " wants a positive integer, got \"", value, "\""));
  }
  return n;
}

absl::StatusOr<absl::Duration> ParseDuration(absl::string_view flag,
                                             absl::string_view value) {
  absl::Duration d;
  if (!absl::ParseDuration(value, &d) || d <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        flag, " wants a duration such as 30s, got \"", value, "\""));
  }
  return d;
}

// Sets the flag `name` that takes a value; NOT_FOUND if there is none such.
absl::Status SetValueFlag(absl::string_view name, absl::string_view value,
                          BenchOptions& o) {
  if (name == "--server-binary") {
    ASSIGN_OR_RETURN(o.server_binary, NonEmpty(name, value));
  } else if (name == "--server") {
    ASSIGN_OR_RETURN(o.server_address, NonEmpty(name, value));
  } else if (name == "--work-dir") {
    ASSIGN_OR_RETURN(o.work_dir, NonEmpty(name, value));
  } else if (name == "--corpus") {
    ASSIGN_OR_RETURN(o.corpus_dir, NonEmpty(name, value));
  } else if (name == "--count") {
    ASSIGN_OR_RETURN(o.count, ParsePositive(name, value));
  } else if (name == "--clients") {
    ASSIGN_OR_RETURN(o.clients, ParsePositive(name, value));
  } else if (name == "--workers") {
    ASSIGN_OR_RETURN(o.workers, ParsePositive(name, value));
  } else if (name == "--rpc-timeout") {
    ASSIGN_OR_RETURN(o.rpc_timeout, ParseDuration(name, value));
  } else if (name == "--startup-timeout") {
    ASSIGN_OR_RETURN(o.startup_timeout, ParseDuration(name, value));
  } else {
    return absl::NotFoundError(name);
  }
  return absl::OkStatus();
}

// Flags without a value; false if `name` is none of them.
bool SetSwitch(absl::string_view name, BenchOptions& options) {
  if (name == "--json") {
    options.json = true;
  } else if (name == "--keep-work-dir") {
    options.keep_work_dir = true;
  } else if (name == "--help" || name == "-h") {
    options.help = true;
  } else {
    return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<BenchOptions> ParseOptions(int argc, char** argv) {
  BenchOptions options;
  options.corpus_dir = DOCINTAKE_BENCH_CORPUS_DIR;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (SetSwitch(arg, options)) continue;
    const absl::string_view name = arg.substr(0, arg.find('='));
    absl::string_view value;
    if (name.size() < arg.size()) {
      value = arg.substr(name.size() + 1);
    } else if (i + 1 < argc && absl::StartsWith(name, "--")) {
      value = argv[++i];
    }
    const absl::Status set = SetValueFlag(name, value, options);
    if (absl::IsNotFound(set)) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown argument \"", arg, "\" (see --help)"));
    }
    RETURN_IF_ERROR(set);
  }
  if (options.help) return options;
  if (options.server_binary.empty() == options.server_address.empty()) {
    return absl::InvalidArgumentError(
        "give exactly one of --server-binary PATH and --server HOST:PORT");
  }
  if (!options.server_address.empty() && options.workers > 0) {
    return absl::InvalidArgumentError(
        "--workers only applies to a server started with --server-binary");
  }
  return options;
}

std::string Usage() {
  return R"(bench_intake: intake throughput against the fdatasync floor.

Usage: bench_intake (--server-binary PATH | --server HOST:PORT) [options]

  --server-binary PATH  start this docintaked with a fresh data dir, stop it
                        (SIGTERM) before the floor is measured
  --server HOST:PORT    use a running server; put --work-dir on the file
                        system of its data dir for a fair floor
  --work-dir DIR        parent of the run's scratch folder (server data dir,
                        floor files); default: the build tree, or /var/tmp
                        if that is tmpfs
  --corpus DIR          corpus root; every *.pdf below DIR/signatures/pdf
                        (default: )" DOCINTAKE_BENCH_CORPUS_DIR R"()
  --count N             submissions in total (default 400)
  --clients C           concurrent clients, one channel each (default 8)
  --workers N           passed on to a started docintaked
  --rpc-timeout D       deadline per submission (default 60s)
  --startup-timeout D   wait this long for the server's port (default 30s)
  --json                print one JSON object instead of the table
  --keep-work-dir       leave the scratch folder behind
)";
}

}  // namespace docintake::bench
