#include "tests/cli/fake_docintake_server.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "base/document_id.h"
#include "base/sha256.h"
#include "docintake/v1/archive.grpc.pb.h"
#include "docintake/v1/intake.grpc.pb.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace docintake::cli::testing {
namespace {

constexpr size_t kContentChunk = 4096;

void SetNow(google::protobuf::Timestamp* timestamp) {
  const absl::Time now = absl::Now();
  timestamp->set_seconds(absl::ToUnixSeconds(now));
  timestamp->set_nanos(0);
}

}  // namespace

struct FakeDocintakeServer::State {
  mutable absl::Mutex mu;
  std::vector<ReceivedSubmit> submits ABSL_GUARDED_BY(mu);
  std::vector<v1::ListDocumentsRequest> list_requests ABSL_GUARDED_BY(mu);
  std::map<std::string, grpc::Status> rejected_filenames ABSL_GUARDED_BY(mu);
  int fail_next = 0 ABSL_GUARDED_BY(mu);
  grpc::Status fail_status ABSL_GUARDED_BY(mu);
  std::vector<v1::DocumentState> watch_states ABSL_GUARDED_BY(mu) = {
      v1::QUEUED, v1::PROCESSING, v1::ARCHIVED};
  size_t break_content_after = SIZE_MAX ABSL_GUARDED_BY(mu);
  // Documents in arrival order, their content, and idempotency keys.
  std::vector<std::string> order ABSL_GUARDED_BY(mu);
  std::map<std::string, v1::Record> records ABSL_GUARDED_BY(mu);
  std::map<std::string, std::string> contents ABSL_GUARDED_BY(mu);
  std::map<std::string, std::string> keys ABSL_GUARDED_BY(mu);  // key -> id
};

class FakeDocintakeServer::IntakeImpl final
    : public v1::IntakeService::Service {
 public:
  explicit IntakeImpl(State& state) : state_(state) {}

  grpc::Status Submit(grpc::ServerContext*,
                      grpc::ServerReader<v1::SubmitRequest>* reader,
                      v1::SubmitReply* reply) override {
    ReceivedSubmit received;
    v1::SubmitRequest request;
    bool first = true;
    while (reader->Read(&request)) {
      if (first) received.header_first = request.has_header();
      first = false;
      if (request.has_header()) {
        ++received.header_count;
        received.header = request.header();
      } else {
        ++received.chunk_count;
        received.content += request.chunk();
      }
    }
    received.finished_at = absl::Now();

    absl::MutexLock lock(&state_.mu);
    grpc::Status status = Accept(received, *reply);
    if (status.ok()) received.document_id = reply->document_id();
    state_.submits.push_back(std::move(received));
    return status;
  }

  grpc::Status GetDocument(grpc::ServerContext*,
                           const v1::GetDocumentRequest* request,
                           v1::Record* record) override {
    absl::MutexLock lock(&state_.mu);
    auto it = state_.records.find(request->document_id());
    if (it == state_.records.end()) {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such document");
    }
    *record = it->second;
    return grpc::Status::OK;
  }

  grpc::Status ListDocuments(grpc::ServerContext*,
                             const v1::ListDocumentsRequest* request,
                             v1::ListDocumentsReply* reply) override {
    absl::MutexLock lock(&state_.mu);
    state_.list_requests.push_back(*request);
    std::vector<const v1::Record*> matching;
    for (const std::string& id : state_.order) {
      const v1::Record& record = state_.records.at(id);
      if (request->state() != v1::STATE_UNSPECIFIED &&
          record.state() != request->state()) {
        continue;
      }
      if (request->channel() != v1::CHANNEL_UNSPECIFIED &&
          record.intake().channel() != request->channel()) {
        continue;
      }
      matching.push_back(&record);
    }
    size_t offset = 0;
    if (!request->page_token().empty() &&
        !absl::SimpleAtoi(request->page_token(), &offset)) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page token");
    }
    const size_t page_size = request->page_size() > 0
                                 ? static_cast<size_t>(request->page_size())
                                 : 100;
    const size_t end = std::min(matching.size(), offset + page_size);
    for (size_t i = offset; i < end; ++i) {
      *reply->add_documents() = *matching[i];
    }
    if (end < matching.size()) reply->set_next_page_token(absl::StrCat(end));
    return grpc::Status::OK;
  }

  grpc::Status WatchDocument(
      grpc::ServerContext*, const v1::WatchDocumentRequest* request,
      grpc::ServerWriter<v1::DocumentEvent>* writer) override {
    std::vector<v1::DocumentEvent> events;
    {
      absl::MutexLock lock(&state_.mu);
      auto it = state_.records.find(request->document_id());
      if (it == state_.records.end()) {
        return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such document");
      }
      for (v1::DocumentState state : state_.watch_states) {
        it->second.set_state(state);
        if (state == v1::FAILED) it->second.set_error("simulated failure");
        v1::DocumentEvent& event = events.emplace_back();
        event.set_document_id(request->document_id());
        event.set_state(state);
        SetNow(event.mutable_at());
        *event.mutable_record() = it->second;
      }
    }
    for (const v1::DocumentEvent& event : events) {
      if (!writer->Write(event)) break;
    }
    return grpc::Status::OK;
  }

 private:
  grpc::Status Accept(const ReceivedSubmit& received, v1::SubmitReply& reply)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(state_.mu) {
    if (state_.fail_next > 0) {
      --state_.fail_next;
      return state_.fail_status;
    }
    if (!received.header_first || received.header_count != 1) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "the first message, and only it, must be the header");
    }
    const v1::SubmitHeader& header = received.header;
    auto rejected = state_.rejected_filenames.find(header.filename());
    if (rejected != state_.rejected_filenames.end()) return rejected->second;

    const std::string sha256 = base::Sha256Hex(received.content);
    const std::string& key = header.idempotency_key();
    if (!key.empty()) {
      auto known = state_.keys.find(key);
      if (known != state_.keys.end()) {
        const v1::Record& record = state_.records.at(known->second);
        if (record.intake().sha256() != sha256) {
          return grpc::Status(grpc::StatusCode::ALREADY_EXISTS,
                              "idempotency key used with other bytes");
        }
        FillReply(record, reply);
        reply.set_replayed(true);
        return grpc::Status::OK;
      }
    }

    v1::Record record;
    record.set_document_id(base::NewDocumentId(absl::Now()));
    record.set_state(v1::QUEUED);
    v1::IntakeFacts& intake = *record.mutable_intake();
    intake.set_channel(header.channel());
    intake.set_station_id(header.station_id());
    intake.set_filename(header.filename());
    intake.set_idempotency_key(key);
    intake.set_batch_id(header.batch_id());
    intake.set_batch_position(header.batch_position());
    *intake.mutable_metadata() = header.metadata();
    intake.set_sha256(sha256);
    intake.set_size(received.content.size());
    intake.set_media_type("application/octet-stream");
    SetNow(intake.mutable_received_at());
    for (const std::string& id : state_.order) {
      if (state_.records.at(id).intake().sha256() == sha256) {
        intake.set_duplicate_of(id);
        break;
      }
    }
    const std::string id = record.document_id();
    state_.order.push_back(id);
    state_.records[id] = record;
    state_.contents[id] = received.content;
    if (!key.empty()) state_.keys[key] = id;
    FillReply(record, reply);
    return grpc::Status::OK;
  }

  static void FillReply(const v1::Record& record, v1::SubmitReply& reply) {
    reply.set_document_id(record.document_id());
    reply.set_sha256(record.intake().sha256());
    reply.set_size(record.intake().size());
    reply.set_media_type(record.intake().media_type());
    reply.set_duplicate_of(record.intake().duplicate_of());
  }

  State& state_;
};

class FakeDocintakeServer::ArchiveImpl final
    : public v1::ArchiveService::Service {
 public:
  explicit ArchiveImpl(State& state) : state_(state) {}

  grpc::Status GetRecord(grpc::ServerContext*,
                         const v1::GetRecordRequest* request,
                         v1::Record* record) override {
    absl::MutexLock lock(&state_.mu);
    auto it = state_.records.find(request->document_id());
    if (it == state_.records.end()) {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such document");
    }
    *record = it->second;
    return grpc::Status::OK;
  }

  grpc::Status GetContent(
      grpc::ServerContext*, const v1::GetContentRequest* request,
      grpc::ServerWriter<v1::ContentChunk>* writer) override {
    std::string content;
    size_t limit = 0;
    {
      absl::MutexLock lock(&state_.mu);
      auto it = state_.contents.find(request->document_id());
      if (it == state_.contents.end()) {
        return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such document");
      }
      content = it->second;
      limit = state_.break_content_after;
    }
    const size_t sent = std::min(limit, content.size());
    for (size_t offset = 0; offset < sent; offset += kContentChunk) {
      v1::ContentChunk chunk;
      chunk.set_data(
          content.substr(offset, std::min(kContentChunk, sent - offset)));
      if (!writer->Write(chunk)) break;
    }
    if (sent < content.size()) {
      return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                          "simulated broken download");
    }
    return grpc::Status::OK;
  }

 private:
  State& state_;
};

FakeDocintakeServer::FakeDocintakeServer()
    : state_(std::make_unique<State>()),
      intake_(std::make_unique<IntakeImpl>(*state_)),
      archive_(std::make_unique<ArchiveImpl>(*state_)) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port_);
  builder.RegisterService(intake_.get());
  builder.RegisterService(archive_.get());
  server_ = builder.BuildAndStart();
}

FakeDocintakeServer::~FakeDocintakeServer() {
  if (server_ != nullptr) {
    server_->Shutdown(std::chrono::system_clock::now() +
                      std::chrono::seconds(5));
  }
}

std::string FakeDocintakeServer::address() const {
  return absl::StrCat("127.0.0.1:", port_);
}

void FakeDocintakeServer::RejectFilename(const std::string& filename,
                                         grpc::Status status) {
  absl::MutexLock lock(&state_->mu);
  state_->rejected_filenames[filename] = std::move(status);
}

void FakeDocintakeServer::FailNextSubmits(int n, grpc::Status status) {
  absl::MutexLock lock(&state_->mu);
  state_->fail_next = n;
  state_->fail_status = std::move(status);
}

void FakeDocintakeServer::SetWatchStates(
    std::vector<v1::DocumentState> states) {
  absl::MutexLock lock(&state_->mu);
  state_->watch_states = std::move(states);
}

void FakeDocintakeServer::AddDocument(const v1::Record& record,
                                      const std::string& content) {
  absl::MutexLock lock(&state_->mu);
  state_->order.push_back(record.document_id());
  state_->records[record.document_id()] = record;
  state_->contents[record.document_id()] = content;
}

void FakeDocintakeServer::BreakContentAfter(size_t bytes) {
  absl::MutexLock lock(&state_->mu);
  state_->break_content_after = bytes;
}

std::vector<ReceivedSubmit> FakeDocintakeServer::submits() const {
  absl::MutexLock lock(&state_->mu);
  return state_->submits;
}

std::vector<v1::ListDocumentsRequest> FakeDocintakeServer::list_requests()
    const {
  absl::MutexLock lock(&state_->mu);
  return state_->list_requests;
}

int FakeDocintakeServer::document_count() const {
  absl::MutexLock lock(&state_->mu);
  return static_cast<int>(state_->records.size());
}

absl::StatusOr<v1::Record> FakeDocintakeServer::record(
    const std::string& document_id) const {
  absl::MutexLock lock(&state_->mu);
  auto it = state_->records.find(document_id);
  if (it == state_->records.end()) return absl::NotFoundError(document_id);
  return it->second;
}

}  // namespace docintake::cli::testing
