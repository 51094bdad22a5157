// Signatures through the real service and CLI: SignatureService.VerifyPdf
// (over gRPC and `docintake verify`) reports what the corpus manifest
// expects; the pipeline's signature stage puts the report and the
// written-form decision into the record and sends failed signatures to
// review; `docintake verify --local` needs no server. Expected values come
// from the corpus manifests (signatures/expected.tsv, files.tsv).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/time_util.h"
#include "docintake/v1/signature.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_fixture.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"

namespace docintake::testing {
namespace {

constexpr char kCorpusTime[] = "2023-10-05T12:00:00Z";

class SignatureE2eTest : public ServiceFixture {
 protected:
  void SetUp() override {
    corpus_ = CorpusDir();
    if (corpus_.empty()) return;  // the test body skips or fails
    StartServer({"--trust", corpus_ + "/signatures/trust"});
  }

  std::string Pdf(const std::string& file) const {
    return corpus_ + "/signatures/pdf/" + file;
  }

  // The manifest's rows for `file`, in sig_index order.
  std::vector<std::vector<std::string>> Expected(const std::string& file,
                                                 Manifest& manifest) const {
    manifest = ReadManifest(corpus_ + "/signatures/expected.tsv");
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : manifest.rows) {
      if (manifest.Get(row, "file") == "pdf/" + file) rows.push_back(row);
    }
    return rows;
  }

  std::string corpus_;
};

TEST_F(SignatureE2eTest, VerifyPdfReportsTheManifestsVerdicts) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string file = "siva/pades-baseline-lta-live-aj.pdf";
  Manifest manifest;
  const auto rows = Expected(file, manifest);
  ASSERT_EQ(rows.size(), 2u);

  auto stub = v1::SignatureService::NewStub(channel_);
  grpc::ClientContext context;
  v1::VerifyPdfReply reply;
  auto stream = stub->VerifyPdf(&context, &reply);
  v1::VerifyPdfRequest request;
  absl::Time at;
  std::string error;
  ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full, kCorpusTime, &at, &error));
  *request.mutable_header()->mutable_validation_time() = base::ToProtoTime(at);
  request.mutable_header()->set_etsi_xml(true);
  ASSERT_TRUE(stream->Write(request));
  request.set_chunk(ReadFileOrDie(Pdf(file)));
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());

  const v1::SignatureReport& report = reply.report();
  ASSERT_EQ(report.signatures_size(), 2);
  EXPECT_EQ(manifest.Get(rows[0], "expected_indication"), "TOTAL-PASSED");
  EXPECT_EQ(report.signatures(0).indication(), v1::TOTAL_PASSED);
  EXPECT_EQ(manifest.Get(rows[0], "pades_level"), "B-LTA");
  EXPECT_EQ(report.signatures(0).level(), v1::SignatureValidation::B_LTA);
  EXPECT_EQ(report.signatures(1).kind(),
            v1::SignatureValidation::DOCUMENT_TIMESTAMP);
  // files.tsv: accept (QES).
  EXPECT_EQ(report.written_form().decision(), v1::WrittenForm::SATISFIED);
  EXPECT_EQ(report.written_form().satisfied_by(), v1::WrittenForm::QES);
  EXPECT_NE(
      reply.etsi_xml().find("urn:etsi:019102:mainindication:total-passed"),
      std::string::npos);
}

TEST_F(SignatureE2eTest, CliVerifyPrintsJsonWithTheDocumentedFields) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string file = "pyhanko/coverage-anomalies/tail-uncovered.pdf";
  Manifest manifest;
  const auto rows = Expected(file, manifest);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(manifest.Get(rows[0], "coverage"), "partial");
  const CommandResult result = RunCommand(absl::StrCat(
      DOCINTAKE_CLI_BINARY, " verify --server ", server_->address(), " --at ",
      kCorpusTime, " --json '", Pdf(file), "'"));
  EXPECT_EQ(result.exit_code, 1) << result.out;
  for (const char* field :
       {"\"signatures\":[", "\"indication\":\"TOTAL_FAILED\"",
        "\"subindication\":\"FORMAT_FAILURE\"", "\"level\":\"PKCS7\"",
        "\"coverage\":\"PARTIAL\"", "\"integrity\":", "\"later_changes\":",
        "\"written_form\":", "\"decision\":\"NOT_SATISFIED\""}) {
    EXPECT_NE(result.out.find(field), std::string::npos)
        << field << " missing in " << result.out;
  }
}

TEST_F(SignatureE2eTest, CliVerifyLocalNeedsNoServer) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string file = "pyhanko/minimal-two-fields-signed-twice.pdf";
  Manifest manifest;
  const auto rows = Expected(file, manifest);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    ASSERT_EQ(manifest.Get(row, "expected_indication"), "TOTAL-PASSED");
  }
  const CommandResult result = RunCommand(absl::StrCat(
      DOCINTAKE_CLI_BINARY, " verify --local --server 127.0.0.1:1 --trust '",
      corpus_, "/signatures/trust' --at ", kCorpusTime, " '", Pdf(file), "'"));
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("1. SIGNATURE"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2. SIGNATURE"), std::string::npos) << result.out;
  // Passed, but not a QES under a test anchor: files.tsv says manual review.
  EXPECT_NE(result.out.find("written form: NEEDS_REVIEW"), std::string::npos)
      << result.out;
}

TEST_F(SignatureE2eTest, FailedSignatureSendsTheDocumentToReview) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string file = "pyhanko/pdf-sig-with-econtent.pdf";
  Manifest manifest;
  const auto rows = Expected(file, manifest);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(manifest.Get(rows[0], "expected_indication"), "TOTAL-FAILED");
  v1::SubmitReply reply;
  ASSERT_TRUE(Submit(ReadFileOrDie(Pdf(file)), &reply, "", "signed.pdf").ok());
  const v1::Record record = WaitForState(reply.document_id(), v1::REVIEW);
  ASSERT_EQ(record.signatures().signatures_size(), 1);
  EXPECT_EQ(record.signatures().signatures(0).indication(), v1::TOTAL_FAILED);
  EXPECT_EQ(
      v1::SubIndication_Name(record.signatures().signatures(0).subindication()),
      manifest.Get(rows[0], "expected_subindication"));
  EXPECT_EQ(record.signatures().written_form().decision(),
            v1::WrittenForm::NOT_SATISFIED);
  EXPECT_NE(record.error().find("signature"), std::string::npos)
      << record.error();
}

TEST_F(SignatureE2eTest, EidPortalSubmissionSatisfiesTheWrittenForm) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  v1::SubmitHeader header;
  header.set_channel(v1::PORTAL);
  header.set_assurance_level(v1::HIGH);
  header.set_filename("antrag.png");
  v1::SubmitReply reply;
  ASSERT_TRUE(SubmitWith(header, TinyDocument("eid"), &reply).ok());
  const v1::Record record = WaitForState(reply.document_id(), v1::ARCHIVED);
  EXPECT_EQ(record.signatures().signatures_size(), 0);
  EXPECT_EQ(record.signatures().written_form().decision(),
            v1::WrittenForm::SATISFIED);
  EXPECT_EQ(record.signatures().written_form().satisfied_by(),
            v1::WrittenForm::EID_FORM);
}

}  // namespace
}  // namespace docintake::testing
