// FakeDocintakeServer: an in-process IntakeService + ArchiveService on
// 127.0.0.1 with a kernel-chosen port, for the CLI tests. It records every
// Submit stream it receives, implements idempotency keys (same key and bytes:
// same document, `replayed`; other bytes: ALREADY_EXISTS), and can be told to
// reject or fail calls. Thread-safe; the gRPC server runs its own threads.
#ifndef DOCINTAKE_TESTS_CLI_FAKE_DOCINTAKE_SERVER_H_
#define DOCINTAKE_TESTS_CLI_FAKE_DOCINTAKE_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "docintake/v1/archive.pb.h"
#include "docintake/v1/intake.pb.h"
#include "docintake/v1/record.pb.h"
#include "grpcpp/server.h"
#include "grpcpp/support/status.h"

namespace docintake::cli::testing {

// One Submit stream as the server saw it.
struct ReceivedSubmit {
  bool header_first = false;
  int header_count = 0;
  v1::SubmitHeader header;
  std::string content;
  int chunk_count = 0;
  absl::Time finished_at;
  // The document id it was answered with; empty if the call failed.
  std::string document_id;
};

class FakeDocintakeServer {
 public:
  // Starts listening; check ok() or address().
  FakeDocintakeServer();
  ~FakeDocintakeServer();
  FakeDocintakeServer(const FakeDocintakeServer&) = delete;
  FakeDocintakeServer& operator=(const FakeDocintakeServer&) = delete;

  // "127.0.0.1:<port>".
  std::string address() const;

  // Submits declaring `filename` fail with `status` (after reading them).
  void RejectFilename(const std::string& filename, grpc::Status status);
  // The next `n` submits fail with `status`, before anything is stored.
  void FailNextSubmits(int n, grpc::Status status);
  // The states WatchDocument reports for every document, in order. Default:
  // QUEUED, PROCESSING, ARCHIVED. A FAILED state carries a record error.
  void SetWatchStates(std::vector<v1::DocumentState> states);
  // Stores `record` (and its content for GetContent) as if submitted.
  void AddDocument(const v1::Record& record, const std::string& content);
  // GetContent sends at most `bytes` bytes, then fails with UNAVAILABLE.
  void BreakContentAfter(size_t bytes);

  std::vector<ReceivedSubmit> submits() const;
  std::vector<v1::ListDocumentsRequest> list_requests() const;
  // Distinct documents stored.
  int document_count() const;
  absl::StatusOr<v1::Record> record(const std::string& document_id) const;

 private:
  struct State;
  class IntakeImpl;
  class ArchiveImpl;

  std::unique_ptr<State> state_;
  std::unique_ptr<IntakeImpl> intake_;
  std::unique_ptr<ArchiveImpl> archive_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace docintake::cli::testing

#endif  // DOCINTAKE_TESTS_CLI_FAKE_DOCINTAKE_SERVER_H_
