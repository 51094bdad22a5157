// JobQueue: the durable list of documents and their processing state
// (QUEUED -> PROCESSING -> REVIEW | ARCHIVED | FAILED). Each job carries the
// document's latest Record. Workers lease jobs; a lease that runs out (the
// worker died) makes the job claimable again. Implementations are
// thread-safe; every mutating call is durable when it returns OK.
#ifndef DOCINTAKE_INTAKE_JOB_QUEUE_H_
#define DOCINTAKE_INTAKE_JOB_QUEUE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docintake/v1/record.pb.h"

namespace docintake::intake {

struct ListFilter {
  v1::DocumentState state = v1::STATE_UNSPECIFIED;  // any
  v1::Channel channel = v1::CHANNEL_UNSPECIFIED;    // any
  std::optional<absl::Time> received_after;
  std::optional<absl::Time> received_before;
  int page_size = 100;
  std::string page_token;  // from the previous ListPage
};

struct ListPage {
  std::vector<v1::Record> records;
  std::string next_page_token;  // empty on the last page
};

class JobQueue {
 public:
  virtual ~JobQueue() = default;

  // Adds `record` as a QUEUED job. ALREADY_EXISTS if its idempotency key (or
  // document id) is taken.
  virtual absl::Status Enqueue(const v1::Record& record) = 0;
  // NOT_FOUND for an unknown id.
  virtual absl::StatusOr<v1::Record> Get(const std::string& document_id) = 0;
  virtual absl::StatusOr<std::optional<v1::Record>> FindByIdempotencyKey(
      const std::string& key) = 0;
  // The first document received with these bytes, if any.
  virtual absl::StatusOr<std::optional<std::string>> FindBySha256(
      const std::string& sha256) = 0;
  // Documents in arrival order. INVALID_ARGUMENT for a bad page token.
  virtual absl::StatusOr<ListPage> List(const ListFilter& filter) = 0;

  // Leases the oldest runnable job (QUEUED and due, or PROCESSING with an
  // expired lease) to `worker` for `lease`, marks it PROCESSING and counts an
  // attempt. nullopt when there is none.
  virtual absl::StatusOr<std::optional<v1::Record>> Claim(
      const std::string& worker, absl::Duration lease) = 0;
  // Stores `record` (and its state) for a job leased by `worker`; a QUEUED
  // state releases the lease and makes the job due at `not_before`.
  // FAILED_PRECONDITION if `worker` no longer holds the lease.
  virtual absl::Status Update(const v1::Record& record,
                              const std::string& worker,
                              absl::Time not_before) = 0;
  // Returns every PROCESSING job to QUEUED. Only for start-up, when no other
  // process can hold a lease. Returns how many were returned.
  virtual absl::StatusOr<int> RequeueAll() = 0;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_JOB_QUEUE_H_
