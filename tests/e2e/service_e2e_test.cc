// End-to-end: the real docintaked, driven through gRPC.
#include <cstdio>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tests/e2e/service_fixture.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"

namespace docintake::testing {
namespace {

using ::testing::HasSubstr;

// A born-digital, unsigned two-page PDF (an accepted ZUGFeRD invoice): it
// is archived without review. Its size and hash are in einvoice/sources.tsv.
const char kManifestFolder[] = "einvoice";
const char kMultiPagePdf[] =
    "zugferd-corpus/ZUGFeRDv2/correct/symtrax/Beispiele/EN16931/"
    "zugferd_2p1_EN16931_2_Teilrechnung.pdf";

using ServiceE2eTest = ServiceFixture;

TEST_F(ServiceE2eTest, ArchivesCorpusPdfWithManifestHashPagesAndText) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string path =
      absl::StrCat(corpus, "/", kManifestFolder, "/", kMultiPagePdf);
  const std::string pdf = ReadFileOrDie(path);
  Manifest files =
      ReadManifest(absl::StrCat(corpus, "/", kManifestFolder, "/sources.tsv"));
  std::string manifest_sha, manifest_bytes;
  for (const auto& row : files.rows) {
    if (files.Get(row, "file") == kMultiPagePdf) {
      manifest_sha = files.Get(row, "sha256");
      manifest_bytes = files.Get(row, "bytes");
    }
  }
  ASSERT_FALSE(manifest_sha.empty()) << "not in files.tsv: " << kMultiPagePdf;

  v1::SubmitReply reply;
  grpc::Status status = Submit(pdf, &reply, "", "teilrechnung.pdf");
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reply.sha256(), manifest_sha);
  EXPECT_EQ(absl::StrCat(reply.size()), manifest_bytes);
  EXPECT_EQ(reply.media_kind(), v1::PDF);

  v1::Record record = WaitForState(reply.document_id(), v1::ARCHIVED);
  EXPECT_EQ(record.intake().sha256(), manifest_sha);
  EXPECT_EQ(record.archive().content_address(), "sha256:" + manifest_sha);
  const int pages = PdfinfoPages(path);
  ASSERT_GT(pages, 1);
  EXPECT_EQ(static_cast<int>(record.text().page_count()), pages);
  ASSERT_EQ(record.text().pages_size(), pages);
  for (int p : {1, pages}) {
    EXPECT_EQ(Words(record.text().pages(p - 1).text()),
              Words(PdftotextPage(path, p)))
        << "page " << p;
  }
  EXPECT_EQ(base::Sha256Hex(ArchivedContent(reply.document_id())),
            manifest_sha);

  grpc::ClientContext context;
  v1::GetRecordRequest request;
  request.set_document_id(reply.document_id());
  v1::Record archived;
  ASSERT_TRUE(archive_->GetRecord(&context, request, &archived).ok());
  EXPECT_EQ(archived.state(), v1::ARCHIVED);
  EXPECT_EQ(archived.text().page_count(), record.text().page_count());
}

TEST_F(ServiceE2eTest, IdempotencyKeyAndDuplicates) {
  const std::string pdf = "%PDF-1.4\n%%EOF\n";
  v1::SubmitReply first, again, other_key, changed;
  ASSERT_TRUE(Submit(pdf, &first, "key-1").ok());
  ASSERT_TRUE(Submit(pdf, &again, "key-1").ok());
  EXPECT_EQ(again.document_id(), first.document_id());
  EXPECT_TRUE(again.replayed());

  ASSERT_TRUE(Submit(pdf, &other_key, "key-2").ok());
  EXPECT_NE(other_key.document_id(), first.document_id());
  EXPECT_EQ(other_key.duplicate_of(), first.document_id());

  grpc::Status status = Submit(pdf + "x", &changed, "key-1");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), HasSubstr("different content"));
}

TEST_F(ServiceE2eTest, NonDocumentIsInvalidArgumentNamingWhatWasFound) {
  v1::SubmitReply reply;
  grpc::Status status = Submit("PK\x03\x04zip zip zip", &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("ZIP"));
  status = Submit("", &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  grpc::ClientContext context;
  v1::ListDocumentsReply list;
  ASSERT_TRUE(
      intake_->ListDocuments(&context, v1::ListDocumentsRequest(), &list).ok());
  EXPECT_EQ(list.documents_size(), 0);
}

TEST_F(ServiceE2eTest, HeaderMustComeFirst) {
  grpc::ClientContext context;
  v1::SubmitReply reply;
  auto writer = intake_->Submit(&context, &reply);
  v1::SubmitRequest chunk;
  chunk.set_chunk("%PDF-1.4");
  writer->Write(chunk);
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServiceE2eTest, UnreadablePdfGoesToReviewWithReason) {
  v1::SubmitReply reply;
  ASSERT_TRUE(Submit("%PDF-1.7\nnot a pdf body at all\n", &reply).ok());
  v1::Record record = WaitForState(reply.document_id(), v1::REVIEW);
  EXPECT_THAT(record.error(), HasSubstr("text"));
}

TEST_F(ServiceE2eTest, WatchStreamsStatesUntilSettled) {
  v1::SubmitReply reply;
  ASSERT_TRUE(Submit("%PDF-1.4\n%%EOF\n", &reply).ok());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  v1::WatchDocumentRequest request;
  request.set_document_id(reply.document_id());
  auto reader = intake_->WatchDocument(&context, request);
  v1::DocumentEvent event;
  std::vector<v1::DocumentState> states;
  while (reader->Read(&event)) states.push_back(event.state());
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_FALSE(states.empty());
  // A minimal PDF without pages is unreadable: it ends in review.
  EXPECT_EQ(states.back(), v1::REVIEW);

  grpc::ClientContext unknown_context;
  request.set_document_id("01AAAAAAAAAAAAAAAAAAAAAAAA");
  auto unknown = intake_->WatchDocument(&unknown_context, request);
  while (unknown->Read(&event)) {
  }
  EXPECT_EQ(unknown->Finish().error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ServiceE2eTest, KillNineRightAfterAckLosesNothing) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = ReadFileOrDie(
      absl::StrCat(corpus, "/", kManifestFolder, "/", kMultiPagePdf));
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    v1::SubmitReply reply;
    ASSERT_TRUE(
        Submit(pdf + std::string(static_cast<size_t>(i), '\n'), &reply).ok());
    ids.push_back(reply.document_id());
  }
  server_->Kill();
  StartServer();
  for (size_t i = 0; i < ids.size(); ++i) {
    v1::Record record = WaitForState(ids[i], v1::ARCHIVED);
    EXPECT_EQ(ArchivedContent(ids[i]), pdf + std::string(i, '\n'));
    EXPECT_EQ(record.intake().sha256(),
              base::Sha256Hex(pdf + std::string(i, '\n')));
  }
}

TEST_F(ServiceE2eTest, OversizedUploadIsResourceExhaustedAndLeavesNothing) {
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  StartServer({"--max-document-size", "1KiB"});
  v1::SubmitReply reply;
  grpc::Status status = Submit("%PDF-1.4\n" + std::string(4096, 'x'), &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(
      base::FileSystem::Default().ListDir(dir_.Path("var/inbox/tmp"))->empty());
}

TEST_F(ServiceE2eTest, HealthCheckServesAndSigtermExitsZero) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(
      health->Check(&context, grpc::health::v1::HealthCheckRequest(), &response)
          .ok());
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_TRUE(server_->Stop(absl::Seconds(30)).ok());
}

TEST_F(ServiceE2eTest, SecondServerOnSameDataDirRefusesToStart) {
  ServerProcessOptions config;
  config.binary = DOCINTAKED_BINARY;
  config.data_dir = dir_.Path("var");
  config.port_file = dir_.Path("port2");
  config.log_file = dir_.Path("second.log");
  config.startup_timeout = absl::Seconds(10);
  absl::StatusOr<std::unique_ptr<ServerProcess>> second =
      ServerProcess::Start(config);
  EXPECT_TRUE(absl::IsUnavailable(second.status())) << second.status();
  EXPECT_THAT(ReadFileOrDie(config.log_file), HasSubstr("in use"));
}

}  // namespace
}  // namespace docintake::testing
