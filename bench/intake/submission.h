// Submit: one document through IntakeService.Submit (header, then 64 KiB
// chunks), checked against what was sent. Thread-safe as far as the stub is.
#ifndef DOCINTAKE_BENCH_INTAKE_SUBMISSION_H_
#define DOCINTAKE_BENCH_INTAKE_SUBMISSION_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/intake/corpus.h"
#include "docintake/v1/intake.grpc.pb.h"

namespace docintake::bench {

inline constexpr size_t kChunkBytes = 64 * 1024;

struct SubmissionOutcome {
  // From the start of the call to the reply.
  absl::Duration ack_latency;
  bool duplicate = false;
  bool replayed = false;
};

// Submits `file` as submission `index` of run `run_id`; the idempotency key
// and a metadata value are unique per (run_id, index). Fails with the RPC's
// status, or DATA_LOSS if the reply's size or SHA-256 differ from `file`.
absl::StatusOr<SubmissionOutcome> Submit(v1::IntakeService::Stub& stub,
                                         const CorpusFile& file,
                                         const std::string& run_id,
                                         int64_t index, absl::Duration timeout);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_SUBMISSION_H_
