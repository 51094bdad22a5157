// RecordStore: the audit trail — each event is a log leaf (so it is covered
// by the signed checkpoints) with query keys in the MetadataStore.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "archive/record_store.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

constexpr int kMaxPageSize = 1000;

}  // namespace

absl::StatusOr<uint64_t> RecordStore::RecordAuditEvent(
    v1::AuditEventEntry event) {
  if (!event.has_at()) *event.mutable_at() = base::ToProtoTime(clock_.Now());
  v1::LogLeaf leaf;
  *leaf.mutable_audit_event() = event;
  absl::MutexLock lock(&mu_);
  const LeafRow row = log_->NextLeaf(leaf.SerializeAsString());
  RETURN_IF_ERROR(metadata_->AppendAuditEvent(
      event.document_id(), base::FromProtoTime(event.at()), row));
  log_->Appended(row);
  return row.index;
}

absl::StatusOr<v1::ListAuditEventsReply> RecordStore::ListAuditEvents(
    const v1::ListAuditEventsRequest& request) {
  int64_t after_index = -1;
  if (!request.page_token().empty() &&
      (!absl::SimpleAtoi(request.page_token(), &after_index) ||
       after_index < 0)) {
    return absl::InvalidArgumentError("malformed page token");
  }
  if (request.page_size() < 0) {
    return absl::InvalidArgumentError("page_size must not be negative");
  }
  const int page_size = request.page_size() == 0
                            ? 100
                            : std::min(request.page_size(), kMaxPageSize);
  ASSIGN_OR_RETURN(
      std::vector<LeafRow> leaves,
      metadata_->AuditLeaves(
          request.document_id(),
          request.has_after() ? base::FromProtoTime(request.after())
                              : absl::InfinitePast(),
          request.has_before() ? base::FromProtoTime(request.before())
                               : absl::InfiniteFuture(),
          after_index, page_size + 1));
  v1::ListAuditEventsReply reply;
  for (LeafRow& row : leaves) {
    if (reply.events_size() == page_size) {
      reply.set_next_page_token(
          absl::StrCat(reply.events(page_size - 1).log_index()));
      break;
    }
    v1::LogLeaf leaf;
    if (!leaf.ParseFromString(row.data) || !leaf.has_audit_event()) {
      return absl::DataLossError(absl::StrCat(
          "log leaf ", row.index, " is not a readable audit event"));
    }
    v1::AuditEvent& event = *reply.add_events();
    event.set_log_index(row.index);
    *event.mutable_event() = std::move(*leaf.mutable_audit_event());
  }
  return reply;
}

}  // namespace docintake::archive
