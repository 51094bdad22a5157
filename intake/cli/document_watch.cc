#include "intake/cli/document_watch.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "grpcpp/client_context.h"
#include "intake/cli/errors.h"

namespace docintake::cli {

bool IsFinalState(v1::DocumentState state) {
  return state == v1::ARCHIVED || state == v1::FAILED || state == v1::REVIEW;
}

absl::StatusOr<v1::DocumentEvent> FollowDocument(
    v1::IntakeService::StubInterface& stub, const std::string& document_id,
    const std::function<void(const v1::DocumentEvent&)>& on_event) {
  grpc::ClientContext context;
  v1::WatchDocumentRequest request;
  request.set_document_id(document_id);
  std::unique_ptr<grpc::ClientReaderInterface<v1::DocumentEvent>> reader =
      stub.WatchDocument(&context, request);
  v1::DocumentEvent event;
  v1::DocumentEvent last;
  bool final_seen = false;
  while (reader->Read(&event)) {
    if (on_event) on_event(event);
    last = event;
    if (IsFinalState(event.state())) {
      final_seen = true;
      break;
    }
  }
  if (final_seen) {
    context.TryCancel();  // the server may keep the stream open
    (void)reader->Finish();
    return last;
  }
  absl::Status status = FromGrpcStatus(reader->Finish());
  if (!status.ok()) return status;
  return absl::UnavailableError(
      absl::StrCat("the watch ended before a final state (last state ",
                   v1::DocumentState_Name(last.state()), ")"));
}

}  // namespace docintake::cli
