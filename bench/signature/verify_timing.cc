// bench_signature_timing: the in-process cost of validating a PDF, for
// bench/signature/run.sh. Loads the trust store once (timed separately),
// then validates each file once untimed (warm-up) and `--runs` times timed
// with one PdfValidator, as a server does. Usage:
//   bench_signature_timing --trust PATH [--trust PATH...] --at RFC3339
//                          [--runs N] FILE.pdf...
// Prints tab-separated lines on stdout, milliseconds with three decimals:
//   load  -     median  min  max      (LoadTrustStore, --runs times)
//   file  PATH  median  min  max  INDICATION,...   (one per file)
// Exit status 1 when the trust store or a file cannot be loaded or a
// validation returns an error, 2 for a bad command line.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "docintake/v1/signature.pb.h"
#include "signature/pdf_validator.h"
#include "signature/trust/trust_store.h"

namespace docintake::bench {
namespace {

struct Options {
  std::vector<std::string> trust;
  absl::Time at;
  int runs = 5;
  std::vector<std::string> files;
};

struct Timing {
  double median_ms = 0;
  double min_ms = 0;
  double max_ms = 0;
};

int Usage(const std::string& problem) {
  std::cerr << "bench_signature_timing: " << problem << "\n"
            << "usage: bench_signature_timing --trust PATH [--trust PATH...] "
               "--at RFC3339 [--runs N] FILE.pdf...\n";
  return 2;
}

// Empty on success, else what is wrong with the command line.
std::string ParseOptions(int argc, char** argv, Options& options) {
  bool have_at = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--trust" && has_value) {
      options.trust.push_back(argv[++i]);
    } else if (arg == "--at" && has_value) {
      std::string error;
      if (!absl::ParseTime(absl::RFC3339_full, argv[++i], &options.at,
                           &error)) {
        return "--at: " + error;
      }
      have_at = true;
    } else if (arg == "--runs" && has_value) {
      if (!absl::SimpleAtoi(argv[++i], &options.runs) || options.runs < 1) {
        return "--runs wants a number >= 1";
      }
    } else if (!arg.empty() && arg[0] == '-') {
      return "unknown or incomplete option " + arg;
    } else {
      options.files.push_back(arg);
    }
  }
  if (options.trust.empty()) return "--trust is required";
  if (!have_at) return "--at is required";
  if (options.files.empty()) return "no FILE.pdf given";
  return "";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *out = bytes.str();
  return true;
}

// Runs `work` `runs` times; the first failure stops and is returned.
absl::Status Measure(int runs, const std::function<absl::Status()>& work,
                     Timing& timing) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    if (absl::Status s = work(); !s.ok()) return s;
    const auto end = std::chrono::steady_clock::now();
    ms.push_back(
        std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  const size_t n = ms.size();
  timing.median_ms = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
  timing.min_ms = ms.front();
  timing.max_ms = ms.back();
  return absl::OkStatus();
}

std::string Indications(const v1::SignatureReport& report) {
  std::vector<std::string> names;
  for (const v1::SignatureValidation& s : report.signatures()) {
    names.push_back(v1::Indication_Name(s.indication()));
  }
  return names.empty() ? "-" : absl::StrJoin(names, ",");
}

int Fail(const std::string& what, const absl::Status& status) {
  std::cerr << "bench_signature_timing: " << what << ": " << status << "\n";
  return 1;
}

int Main(int argc, char** argv) {
  Options options;
  if (std::string problem = ParseOptions(argc, argv, options);
      !problem.empty()) {
    return Usage(problem);
  }
  std::shared_ptr<const signature::TrustStore> store;
  Timing load;
  absl::Status loaded = Measure(
      options.runs,
      [&]() -> absl::Status {
        absl::StatusOr<std::shared_ptr<const signature::TrustStore>> s =
            signature::LoadTrustStore(options.trust);
        if (!s.ok()) return s.status();
        store = *std::move(s);
        return absl::OkStatus();
      },
      load);
  if (!loaded.ok()) return Fail("loading the trust store", loaded);
  std::cout << absl::StrFormat("load\t-\t%.3f\t%.3f\t%.3f\n", load.median_ms,
                               load.min_ms, load.max_ms);

  const signature::PdfValidator validator(store);
  for (const std::string& path : options.files) {
    std::string pdf;
    if (!ReadFile(path, &pdf)) {
      return Fail(path, absl::NotFoundError("cannot read the file"));
    }
    v1::SignatureReport report;
    auto validate = [&]() -> absl::Status {
      absl::StatusOr<v1::SignatureReport> r =
          validator.Validate(pdf, options.at);
      if (!r.ok()) return r.status();
      report = *std::move(r);
      return absl::OkStatus();
    };
    if (absl::Status s = validate(); !s.ok()) return Fail(path, s);  // warm-up
    Timing timing;
    if (absl::Status s = Measure(options.runs, validate, timing); !s.ok()) {
      return Fail(path, s);
    }
    std::cout << absl::StrFormat("file\t%s\t%.3f\t%.3f\t%.3f\t%s\n", path,
                                 timing.median_ms, timing.min_ms, timing.max_ms,
                                 Indications(report));
  }
  return 0;
}

}  // namespace
}  // namespace docintake::bench

int main(int argc, char** argv) { return docintake::bench::Main(argc, argv); }
