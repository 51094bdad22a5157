// End-to-end: evidence bundles through the real docintaked and the docintake
// CLI — export, offline verification without the server, tampering.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "tests/e2e/service_fixture.h"
#include "tests/support/command.h"

namespace docintake::testing {
namespace {

using ::testing::HasSubstr;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class EvidenceE2eTest : public ServiceFixture {
 protected:
  void SetUp() override { StartServer({"--checkpoint-interval", "100ms"}); }

  // The CLI against the fixture's server.
  CommandResult Cli(const std::string& args) {
    return RunCommand(absl::StrCat(DOCINTAKE_CLI_BINARY, " ", args,
                                   " --server ", server_->address(), " 2>&1"));
  }
  // The CLI on its own (verify-bundle needs no server).
  CommandResult Offline(const std::string& args) {
    return RunCommand(absl::StrCat(DOCINTAKE_CLI_BINARY, " ", args, " 2>&1"));
  }

  // Submits a PNG of ~200 KiB holding `marker_` and waits until it is
  // archived and covered by a checkpoint.
  std::string ArchiveOne() {
    v1::SubmitReply reply;
    content_ = TinyDocument(absl::StrCat(marker_, std::string(200 << 10, 'z')));
    EXPECT_TRUE(Submit(content_, &reply, "", "scan.png").ok());
    v1::Record record = WaitForState(reply.document_id(), v1::ARCHIVED);
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    while (absl::Now() < deadline) {
      grpc::ClientContext context;
      v1::SignedCheckpoint checkpoint;
      if (archive_
              ->GetCheckpoint(&context, v1::GetCheckpointRequest(), &checkpoint)
              .ok() &&
          checkpoint.tree_size() > record.archive().log_index()) {
        return reply.document_id();
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
    ADD_FAILURE() << "no checkpoint covers " << reply.document_id();
    return reply.document_id();
  }

  const std::string marker_ = "evidence-e2e-marker";
  std::string content_;
};

TEST_F(EvidenceE2eTest, ExportedBundleVerifiesOfflineAndTamperingFails) {
  const std::string id = ArchiveOne();
  const std::string bundle = dir_.Path("bundle.tar");
  CommandResult exported = Cli("archive export " + id + " -o " + bundle);
  ASSERT_EQ(exported.exit_code, 0) << exported.out;
  EXPECT_THAT(exported.out, HasSubstr("verified offline"));
  CommandResult key = Cli("archive key");
  ASSERT_EQ(key.exit_code, 0) << key.out;
  WriteAll(dir_.Path("archive-key.pem"), key.out);

  // No server from here on.
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  CommandResult verified = Offline("verify-bundle " + bundle + " --key " +
                                   dir_.Path("archive-key.pem"));
  EXPECT_EQ(verified.exit_code, 0) << verified.out;
  EXPECT_THAT(verified.out, HasSubstr("ok         inclusion"));
  EXPECT_THAT(verified.out, HasSubstr(id + " verified"));
  CommandResult json = Offline("verify-bundle --json " + bundle);
  EXPECT_EQ(json.exit_code, 0) << json.out;
  EXPECT_THAT(json.out, HasSubstr("\"documentId\":\"" + id + "\""));

  // One byte of the original, inside the bundle.
  std::string bytes = ReadAll(bundle);
  const size_t at = bytes.find(marker_);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 3] ^= 0x01;
  WriteAll(bundle, bytes);
  CommandResult tampered = Offline("verify-bundle " + bundle);
  EXPECT_NE(tampered.exit_code, 0) << tampered.out;
  EXPECT_THAT(tampered.out, HasSubstr("FAILED     content: original.png"));
  EXPECT_THAT(tampered.out, HasSubstr("VERIFICATION FAILED: content"));

  // Cut short.
  WriteAll(bundle, bytes.substr(0, bytes.size() / 2));
  CommandResult truncated = Offline("verify-bundle " + bundle);
  EXPECT_NE(truncated.exit_code, 0) << truncated.out;
  EXPECT_THAT(truncated.out, HasSubstr("DATA_LOSS"));
}

TEST_F(EvidenceE2eTest, BundleStreamsIn64KiBChunks) {
  const std::string id = ArchiveOne();
  grpc::ClientContext context;
  v1::ExportEvidenceRequest request;
  request.set_document_id(id);
  auto reader = archive_->ExportEvidence(&context, request);
  std::vector<size_t> sizes;
  std::string bundle;
  v1::ContentChunk chunk;
  while (reader->Read(&chunk)) {
    sizes.push_back(chunk.data().size());
    bundle += chunk.data();
  }
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_GE(sizes.size(), 4u);
  for (size_t i = 0; i + 1 < sizes.size(); ++i) EXPECT_EQ(sizes[i], 64u << 10);
  EXPECT_EQ(bundle.size() % 10240, 0u);
  EXPECT_NE(bundle.find(content_), std::string::npos);
}

TEST_F(EvidenceE2eTest, ExportBeforeACheckpointLeavesNoFile) {
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  StartServer({"--checkpoint-interval", "1h"});
  v1::SubmitReply reply;
  ASSERT_TRUE(Submit(TinyDocument("late"), &reply).ok());
  WaitForState(reply.document_id(), v1::ARCHIVED);
  const std::string bundle = dir_.Path("early.tar");
  CommandResult exported =
      Cli("archive export " + reply.document_id() + " -o " + bundle);
  EXPECT_NE(exported.exit_code, 0);
  EXPECT_THAT(exported.out, HasSubstr("FAILED_PRECONDITION"));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_THAT(entry.path().filename().string(),
                ::testing::Not(HasSubstr("early.tar")));
  }
  CommandResult unknown = Cli("archive export NOPE -o " + bundle);
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_THAT(unknown.out, HasSubstr("NOT_FOUND"));
}

}  // namespace
}  // namespace docintake::testing
