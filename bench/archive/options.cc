#include "bench/archive/options.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/status_macros.h"

namespace docintake::bench {
namespace {

// An integer of at least `min`.
absl::StatusOr<int> IntAtLeast(int min, absl::string_view flag,
                               absl::string_view value) {
  int n = 0;
  if (!absl::SimpleAtoi(value, &n) || n < min) {
    return absl::InvalidArgumentError(absl::StrCat(
        flag, " wants an integer >= ", min, ", got \"", value, "\""));
  }
  return n;
}

// Applies a flag that takes a value. NOT_FOUND if `flag` is none such.
absl::Status ApplyValueFlag(absl::string_view flag, absl::string_view value,
                            BenchOptions& options) {
  for (size_t i = 0; i < kRecordSizes.size(); ++i) {
    if (flag == kRecordSizes[i].flag) {
      ASSIGN_OR_RETURN(options.counts[i], IntAtLeast(1, flag, value));
      return absl::OkStatus();
    }
  }
  if (flag == "--writers") {
    ASSIGN_OR_RETURN(options.writers, IntAtLeast(1, flag, value));
  } else if (flag == "--warmup") {
    ASSIGN_OR_RETURN(options.warmup_puts, IntAtLeast(0, flag, value));
  } else if (flag == "--work-dir") {
    if (value.empty()) {
      return absl::InvalidArgumentError("--work-dir needs a value");
    }
    options.work_dir = std::string(value);
  } else {
    return absl::NotFoundError(flag);
  }
  return absl::OkStatus();
}

// Applies a flag without a value; false if `flag` is none such.
bool ApplySwitch(absl::string_view flag, BenchOptions& options) {
  if (flag == "--json") {
    options.json = true;
  } else if (flag == "--keep-work-dir") {
    options.keep_work_dir = true;
  } else if (flag == "--help" || flag == "-h") {
    options.help = true;
  } else {
    return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<BenchOptions> ParseOptions(int argc, char** argv) {
  BenchOptions options;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (ApplySwitch(arg, options)) continue;
    const size_t eq = arg.find('=');
    const absl::string_view flag = arg.substr(0, eq);
    absl::string_view value;
    if (eq != absl::string_view::npos) {
      value = arg.substr(eq + 1);
    } else if (absl::StartsWith(flag, "--") && i + 1 < argc) {
      value = argv[++i];
    }
    const absl::Status applied = ApplyValueFlag(flag, value, options);
    if (absl::IsNotFound(applied)) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown argument \"", arg, "\" (see --help)"));
    }
    RETURN_IF_ERROR(applied);
  }
  return options;
}

std::string Usage() {
  return R"(bench_archive: durable archive puts and scrub against the floor.

Usage: bench_archive [options]

  --count-4k N      puts of 4 KiB records per phase (default 500)
  --count-100k N    puts of 100 KiB records per phase (default 300)
  --count-1m N      puts of 1 MiB records per phase (default 100)
  --writers W       writer threads of the batched phase (default 4)
  --warmup N        untimed 4 KiB puts before the first phase (default 400;
                    0 measures a fresh archive)
  --work-dir DIR    parent of the run's scratch folder; default: the build
                    tree, or /var/tmp if that is tmpfs
  --json            print one JSON object instead of the table
  --keep-work-dir   leave the scratch folder (archive, floor files) behind
)";
}

}  // namespace docintake::bench
