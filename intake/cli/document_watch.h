// FollowDocument: IntakeService.WatchDocument until the document reaches a
// final state. For `watch` and `submit --wait`. Thread-compatible.
#ifndef DOCINTAKE_INTAKE_CLI_DOCUMENT_WATCH_H_
#define DOCINTAKE_INTAKE_CLI_DOCUMENT_WATCH_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "docintake/v1/intake.grpc.pb.h"

namespace docintake::cli {

// ARCHIVED, FAILED and REVIEW: nothing more happens without a person.
bool IsFinalState(v1::DocumentState state);

// Calls `on_event` (may be empty) for each event of `document_id` and
// returns the last one, whose state is final. The server's status if the
// call fails; UNAVAILABLE if the stream ends before a final state.
absl::StatusOr<v1::DocumentEvent> FollowDocument(
    v1::IntakeService::StubInterface& stub, const std::string& document_id,
    const std::function<void(const v1::DocumentEvent&)>& on_event);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_DOCUMENT_WATCH_H_
