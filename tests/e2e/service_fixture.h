// ServiceFixture: a real docintaked started for a test (own temp data dir,
// port 0) with gRPC stubs, plus helpers to submit files and wait for states.
#ifndef DOCINTAKE_TESTS_E2E_SERVICE_FIXTURE_H_
#define DOCINTAKE_TESTS_E2E_SERVICE_FIXTURE_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "docintake/v1/archive.grpc.pb.h"
#include "docintake/v1/intake.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/support/server_process.h"
#include "tests/support/temp_dir.h"

namespace docintake::testing {

// A tiny valid PNG (8 x 8 white pixels) followed by `tag`: a document that
// goes through the whole pipeline quickly (a blank page for OCR) and is
// archived, for tests about storage rather than content.
std::string TinyDocument(const std::string& tag);

class ServiceFixture : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(); }

  // (Re)starts docintaked on the fixture's data dir.
  void StartServer(std::vector<std::string> extra_args = {});

  // Submits `content` in chunks; returns the call's status and the reply.
  grpc::Status Submit(const std::string& content, v1::SubmitReply* reply,
                      const std::string& idempotency_key = "",
                      const std::string& filename = "document.pdf");
  // The same with any header (channel, station, batch...).
  grpc::Status SubmitWith(const v1::SubmitHeader& header,
                          const std::string& content, v1::SubmitReply* reply);
  // Polls GetDocument until the document reaches `state` (or fails the test
  // after `timeout`); returns the record.
  v1::Record WaitForState(const std::string& document_id,
                          v1::DocumentState state,
                          absl::Duration timeout = absl::Minutes(1));
  // The archived bytes (or rendition) through ArchiveService.GetContent.
  std::string ArchivedContent(const std::string& document_id,
                              bool rendition = false);

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::ArchiveService::Stub> archive_;
};

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_E2E_SERVICE_FIXTURE_H_
