#include "tests/e2e/service_fixture.h"

#include "absl/time/clock.h"

namespace docintake::testing {

std::string TinyDocument(const std::string& tag) {
  static const char kPng[] =
      "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x08\x00\x00\x00"
      "\x08\x08\x00\x00\x00\x00\xe1\x64\xe1\x57\x00\x00\x00\x0eIDAT\x78\x9c"
      "\x63\xf8\x0f\x05\x0c\x94\x31\x00\xf7\xc0\x3f\xc1\xb2\x34\x41\xbb\x00"
      "\x00\x00\x00IEND\xae\x42\x60\x82";
  return std::string(kPng, sizeof(kPng) - 1) + tag;
}

void ServiceFixture::StartServer(std::vector<std::string> extra_args) {
  ServerProcessOptions config;
  config.binary = DOCINTAKED_BINARY;
  config.data_dir = dir_.Path("var");
  config.port_file = dir_.Path("port");
  config.log_file = dir_.Path("docintaked.log");
  config.workers = 2;
  config.extra_args = std::move(extra_args);
  absl::StatusOr<std::unique_ptr<ServerProcess>> server =
      ServerProcess::Start(config);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  channel_ = grpc::CreateChannel(server_->address(),
                                 grpc::InsecureChannelCredentials());
  intake_ = v1::IntakeService::NewStub(channel_);
  archive_ = v1::ArchiveService::NewStub(channel_);
}

grpc::Status ServiceFixture::Submit(const std::string& content,
                                    v1::SubmitReply* reply,
                                    const std::string& idempotency_key,
                                    const std::string& filename) {
  v1::SubmitHeader header;
  header.set_channel(v1::PORTAL);
  header.set_filename(filename);
  header.set_idempotency_key(idempotency_key);
  return SubmitWith(header, content, reply);
}

grpc::Status ServiceFixture::SubmitWith(const v1::SubmitHeader& header,
                                        const std::string& content,
                                        v1::SubmitReply* reply) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  auto writer = intake_->Submit(&context, reply);
  v1::SubmitRequest request;
  *request.mutable_header() = header;
  writer->Write(request);
  constexpr size_t kChunk = 64 << 10;
  for (size_t pos = 0; pos < content.size(); pos += kChunk) {
    request.set_chunk(content.substr(pos, kChunk));
    if (!writer->Write(request)) break;
  }
  writer->WritesDone();
  return writer->Finish();
}

v1::Record ServiceFixture::WaitForState(const std::string& document_id,
                                        v1::DocumentState state,
                                        absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  v1::Record record;
  while (absl::Now() < deadline) {
    grpc::ClientContext context;
    v1::GetDocumentRequest request;
    request.set_document_id(document_id);
    grpc::Status status = intake_->GetDocument(&context, request, &record);
    if (status.ok() && record.state() == state) return record;
    absl::SleepFor(absl::Milliseconds(50));
  }
  ADD_FAILURE() << document_id << " did not reach "
                << v1::DocumentState_Name(state)
                << "; last record: " << record.ShortDebugString();
  return record;
}

std::string ServiceFixture::ArchivedContent(const std::string& document_id,
                                            bool rendition) {
  grpc::ClientContext context;
  v1::GetContentRequest request;
  request.set_document_id(document_id);
  request.set_rendition(rendition);
  auto reader = archive_->GetContent(&context, request);
  std::string content;
  v1::ContentChunk chunk;
  while (reader->Read(&chunk)) content += chunk.data();
  grpc::Status status = reader->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  return content;
}

}  // namespace docintake::testing
