// Intake: accepts one document — validates the header, streams the bytes into
// the spool (hashing, sniffing, enforcing the size limit), applies
// idempotency and duplicate detection, and makes it durable (spool file
// fdatasync'ed and renamed, job row committed) before it returns: durability
// point 1. Knows nothing of gRPC. Thread-safe.
#ifndef DOCINTAKE_INTAKE_INTAKE_H_
#define DOCINTAKE_INTAKE_INTAKE_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "base/clock.h"
#include "docintake/v1/intake.pb.h"
#include "intake/change_notifier.h"
#include "intake/job_queue.h"
#include "intake/spool.h"

namespace docintake::intake {

// Returns the next chunk, nullopt at the end, or an error if the upload broke.
using ChunkSource = std::function<absl::StatusOr<std::optional<std::string>>()>;

class Intake {
 public:
  // Every reference must outlive the Intake.
  Intake(uint64_t max_document_bytes, const base::Clock& clock, JobQueue& queue,
         Spool& spool, ChangeNotifier& changes)
      : max_document_bytes_(max_document_bytes),
        clock_(clock),
        queue_(queue),
        spool_(spool),
        changes_(changes) {}

  // INVALID_ARGUMENT for a bad header, empty or unsupported content;
  // RESOURCE_EXHAUSTED past the size limit; ALREADY_EXISTS when the
  // idempotency key was used with other bytes; the chunk source's error if
  // the upload broke. Nothing is kept unless it returns OK.
  // `origin`, if given, marks a document split off a scan batch (set by the
  // pipeline, never by clients).
  absl::StatusOr<v1::SubmitReply> Submit(
      const v1::SubmitHeader& header, const ChunkSource& next_chunk,
      const v1::BatchOrigin* origin = nullptr);

 private:
  // The reply for a key already used: same bytes -> the earlier document.
  absl::StatusOr<v1::SubmitReply> Replay(const v1::Record& earlier,
                                         const std::string& sha256);

  const uint64_t max_document_bytes_;
  const base::Clock& clock_;
  JobQueue& queue_;
  Spool& spool_;
  ChangeNotifier& changes_;
};

// INVALID_ARGUMENT naming the first field of `header` that is out of bounds.
absl::Status ValidateHeader(const v1::SubmitHeader& header);

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_INTAKE_H_
