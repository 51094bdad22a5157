// RunSubmitLoad: the timed load. `clients` threads, each with its own gRPC
// channel (and TCP connection), take the next submission index from a shared
// counter until `count` documents are acknowledged. Blocks until done.
#ifndef DOCINTAKE_BENCH_INTAKE_SUBMIT_LOAD_H_
#define DOCINTAKE_BENCH_INTAKE_SUBMIT_LOAD_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/intake/corpus.h"
#include "bench/intake/run_figures.h"

namespace docintake::bench {

struct LoadConfig {
  std::string address;
  int count = 0;
  int clients = 1;
  absl::Duration rpc_timeout = absl::Seconds(60);
  // Makes idempotency keys unique across runs against one server.
  std::string run_id;
};

struct LoadResult {
  RunFigures figures;
  // Ack latency of every submission, ascending.
  std::vector<absl::Duration> latencies;
  int duplicates = 0;
  int replayed = 0;
};

// Connects every client first (untimed), then times the submissions from the
// first call to the last reply. The first failed submission stops the run and
// is returned; UNAVAILABLE if a client cannot connect.
absl::StatusOr<LoadResult> RunSubmitLoad(const std::vector<CorpusFile>& files,
                                         const LoadConfig& config);

// The `q`-quantile (0..1, nearest rank) of ascending `sorted`; zero if empty.
absl::Duration Quantile(const std::vector<absl::Duration>& sorted, double q);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_SUBMIT_LOAD_H_
