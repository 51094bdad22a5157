#include "bench/intake/submission.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "absl/strings/str_cat.h"

namespace docintake::bench {
namespace {

v1::SubmitRequest HeaderRequest(const CorpusFile& file,
                                const std::string& run_id, int64_t index) {
  v1::SubmitRequest request;
  v1::SubmitHeader& header = *request.mutable_header();
  header.set_channel(v1::API);
  header.mutable_submitter()->set_identifier("bench_intake");
  header.mutable_submitter()->set_display_name("intake benchmark");
  header.set_declared_media_type("application/pdf");
  header.set_filename(file.filename);
  header.set_idempotency_key(absl::StrCat("bench-", run_id, "-", index));
  (*header.mutable_metadata())["bench_submission"] =
      absl::StrCat(run_id, "/", index);
  return request;
}

absl::Status FromGrpc(const grpc::Status& status, absl::string_view context) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(context, ": ", status.error_message()));
}

absl::Status CheckReply(const v1::SubmitReply& reply, const CorpusFile& file,
                        absl::string_view context) {
  if (reply.size() != file.bytes.size() || reply.sha256() != file.sha256_hex) {
    return absl::DataLossError(
        absl::StrCat(context, ": acknowledged ", reply.size(),
                     " bytes with SHA-256 ", reply.sha256(), ", sent ",
                     file.bytes.size(), " with ", file.sha256_hex));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SubmissionOutcome> Submit(v1::IntakeService::Stub& stub,
                                         const CorpusFile& file,
                                         const std::string& run_id,
                                         int64_t index,
                                         absl::Duration timeout) {
  const std::string context =
      absl::StrCat("submission ", index, " (", file.relative_path, ")");
  grpc::ClientContext call;
  call.set_deadline(std::chrono::system_clock::now() +
                    absl::ToChronoMilliseconds(timeout));
  v1::SubmitReply reply;

  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<grpc::ClientWriter<v1::SubmitRequest>> writer =
      stub.Submit(&call, &reply);
  bool ok = writer->Write(HeaderRequest(file, run_id, index));
  v1::SubmitRequest chunk;
  for (size_t offset = 0; ok && offset < file.bytes.size();
       offset += kChunkBytes) {
    const size_t n = std::min(kChunkBytes, file.bytes.size() - offset);
    chunk.set_chunk(file.bytes.data() + offset, n);
    ok = writer->Write(chunk);
  }
  // A failed write means the call is over; Finish() says why.
  if (ok) writer->WritesDone();
  const grpc::Status status = writer->Finish();
  const auto end = std::chrono::steady_clock::now();

  if (!status.ok()) return FromGrpc(status, context);
  absl::Status checked = CheckReply(reply, file, context);
  if (!checked.ok()) return checked;
  SubmissionOutcome outcome;
  outcome.ack_latency = absl::FromChrono(end - start);
  outcome.duplicate = !reply.duplicate_of().empty();
  outcome.replayed = reply.replayed();
  return outcome;
}

}  // namespace docintake::bench
