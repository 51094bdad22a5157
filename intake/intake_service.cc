#include "intake/intake_service.h"

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "base/log.h"
#include "base/random.h"
#include "base/time_util.h"
#include "intake/grpc_status.h"

namespace docintake::intake {
namespace {

constexpr absl::Duration kWatchPoll = absl::Milliseconds(500);

// States after which the machine does nothing more with a document.
bool IsSettled(v1::DocumentState state) {
  return state == v1::ARCHIVED || state == v1::FAILED || state == v1::REVIEW;
}

// The caller's x-request-id metadata, else a fresh random id, so that log
// lines of one call can be found together.
std::string RequestId(const grpc::ServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("x-request-id");
  if (it != metadata.end() && it->second.size() <= 128) {
    return std::string(it->second.data(), it->second.size());
  }
  return base::RandomHex(8);
}

v1::DocumentEvent EventFor(const v1::Record& record) {
  v1::DocumentEvent event;
  event.set_document_id(record.document_id());
  event.set_state(record.state());
  *event.mutable_at() = record.updated_at();
  *event.mutable_record() = record;
  return event;
}

}  // namespace

grpc::Status IntakeServiceImpl::Submit(
    grpc::ServerContext* context, grpc::ServerReader<v1::SubmitRequest>* reader,
    v1::SubmitReply* reply) {
  if (uploads_.fetch_add(1) >= max_uploads_) {
    uploads_.fetch_sub(1);
    return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        absl::StrCat("more than ", max_uploads_,
                                     " concurrent uploads; try again later"));
  }
  absl::Cleanup release = [this] { uploads_.fetch_sub(1); };

  v1::SubmitRequest request;
  if (!reader->Read(&request)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "the stream ended before a header was sent");
  }
  if (!request.has_header()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "the first message must be a SubmitHeader");
  }
  const v1::SubmitHeader header = request.header();
  ChunkSource next_chunk = [&]() -> absl::StatusOr<std::optional<std::string>> {
    if (!reader->Read(&request)) {
      if (context->IsCancelled()) {
        return absl::CancelledError("the client cancelled the upload");
      }
      return std::nullopt;
    }
    if (!request.has_chunk()) {
      return absl::InvalidArgumentError(
          "only the first message may be a header; later ones carry chunks");
    }
    return std::move(*request.mutable_chunk());
  };
  const std::string request_id = RequestId(*context);
  absl::StatusOr<v1::SubmitReply> result = intake_.Submit(header, next_chunk);
  if (!result.ok()) {
    base::LogInfo("submission refused",
                  {{"request_id", request_id},
                   {"peer", context->peer()},
                   {"error", result.status().ToString()}});
    return ToGrpcStatus(result.status());
  }
  base::LogInfo(result->replayed() ? "submission replayed (idempotency key)"
                                   : "document acknowledged",
                {{"request_id", request_id},
                 {"document_id", result->document_id()},
                 {"channel", v1::Channel_Name(header.channel())},
                 {"media_type", result->media_type()},
                 {"size", absl::StrCat(result->size())}});
  if (context->IsCancelled()) {
    // Durable already: the document stays; the client may resubmit with the
    // same idempotency key to learn its id.
    base::LogInfo(
        "client went away after the document was made durable",
        {{"request_id", request_id}, {"document_id", result->document_id()}});
  }
  *reply = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status IntakeServiceImpl::GetDocument(
    grpc::ServerContext*, const v1::GetDocumentRequest* request,
    v1::Record* reply) {
  absl::StatusOr<v1::Record> record = queue_.Get(request->document_id());
  if (!record.ok()) return ToGrpcStatus(record.status());
  *reply = *std::move(record);
  return grpc::Status::OK;
}

grpc::Status IntakeServiceImpl::ListDocuments(
    grpc::ServerContext*, const v1::ListDocumentsRequest* request,
    v1::ListDocumentsReply* reply) {
  ListFilter filter;
  filter.state = request->state();
  filter.channel = request->channel();
  if (request->has_received_after()) {
    filter.received_after = base::FromProtoTime(request->received_after());
  }
  if (request->has_received_before()) {
    filter.received_before = base::FromProtoTime(request->received_before());
  }
  if (request->page_size() < 0) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "page_size must not be negative");
  }
  filter.page_size = request->page_size();
  filter.page_token = request->page_token();
  absl::StatusOr<ListPage> page = queue_.List(filter);
  if (!page.ok()) return ToGrpcStatus(page.status());
  for (v1::Record& record : page->records) {
    record.mutable_text()->clear_pages();
    *reply->add_documents() = std::move(record);
  }
  reply->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status IntakeServiceImpl::WatchDocument(
    grpc::ServerContext* context, const v1::WatchDocumentRequest* request,
    grpc::ServerWriter<v1::DocumentEvent>* writer) {
  uint64_t seen = changes_.generation();
  absl::StatusOr<v1::Record> record = queue_.Get(request->document_id());
  if (!record.ok()) return ToGrpcStatus(record.status());
  if (!writer->Write(EventFor(*record))) return grpc::Status::CANCELLED;
  v1::DocumentState last = record->state();
  while (!IsSettled(last)) {
    if (context->IsCancelled()) return grpc::Status::CANCELLED;
    if (shutting_down_) {
      return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                          "the server is shutting down; watch again later");
    }
    changes_.WaitForChange(seen, kWatchPoll);
    seen = changes_.generation();
    record = queue_.Get(request->document_id());
    if (!record.ok()) return ToGrpcStatus(record.status());
    if (record->state() != last) {
      last = record->state();
      if (!writer->Write(EventFor(*record))) return grpc::Status::CANCELLED;
    }
  }
  return grpc::Status::OK;
}

}  // namespace docintake::intake
