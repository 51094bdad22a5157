// End-to-end: the archive's verifiable log through the real docintaked and
// the docintake CLI — checkpoints, proofs, verification, tampering.
#include <sys/stat.h>

#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "base/sqlite.h"
#include "gmock/gmock.h"
#include "tests/e2e/service_fixture.h"
#include "tests/support/command.h"
#include "tests/support/test_tsa.h"

namespace docintake::testing {
namespace {

using ::testing::HasSubstr;

class ArchiveE2eTest : public ServiceFixture {
 protected:
  void SetUp() override { StartServer({"--checkpoint-interval", "100ms"}); }

  CommandResult Cli(const std::string& args) {
    return RunCommand(absl::StrCat(DOCINTAKE_CLI_BINARY, " ", args,
                                   " --server ", server_->address(), " 2>&1"));
  }

  // Submits a small PNG with `tag` in it and waits until it is archived and
  // covered by a checkpoint.
  std::string ArchiveOne(const std::string& tag) {
    v1::SubmitReply reply;
    const std::string png = TinyDocument(tag);
    EXPECT_TRUE(Submit(png, &reply).ok());
    v1::Record record = WaitForState(reply.document_id(), v1::ARCHIVED);
    WaitForCheckpointOf(record.archive().log_index() + 1);
    return reply.document_id();
  }

  void WaitForCheckpointOf(uint64_t size) {
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    while (absl::Now() < deadline) {
      grpc::ClientContext context;
      v1::SignedCheckpoint checkpoint;
      if (archive_
              ->GetCheckpoint(&context, v1::GetCheckpointRequest(), &checkpoint)
              .ok() &&
          checkpoint.tree_size() >= size) {
        return;
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
    ADD_FAILURE() << "no checkpoint of size " << size;
  }
};

TEST_F(ArchiveE2eTest, ProofsAndVerificationPassForAnUntouchedArchive) {
  const std::string first = ArchiveOne("one");
  const std::string second = ArchiveOne("two");

  CommandResult proof = Cli("archive proof " + first);
  EXPECT_EQ(proof.exit_code, 0) << proof.out;
  EXPECT_THAT(proof.out, HasSubstr("proof verified"));
  CommandResult verify = Cli("archive verify " + second);
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  EXPECT_THAT(verify.out, HasSubstr("verified"));
  // Reads are audit events, which are log leaves too: wait for them.
  grpc::ClientContext list_context;
  v1::ListAuditEventsReply audit;
  ASSERT_TRUE(
      archive_
          ->ListAuditEvents(&list_context, v1::ListAuditEventsRequest(), &audit)
          .ok());
  ASSERT_EQ(audit.events_size(), 2);  // the proof read and the verification
  WaitForCheckpointOf(audit.events(1).log_index() + 1);
  const std::string latest = absl::StrCat(audit.events(1).log_index() + 1);
  CommandResult consistency = Cli("archive consistency 1 " + latest);
  EXPECT_EQ(consistency.exit_code, 0) << consistency.out;
  CommandResult checkpoint = Cli("archive checkpoint");
  EXPECT_EQ(checkpoint.exit_code, 0) << checkpoint.out;
  EXPECT_THAT(checkpoint.out, HasSubstr("docintake/archive\n" + latest + "\n"));
  CommandResult get = Cli("archive get " + first);
  EXPECT_EQ(get.exit_code, 0) << get.out;
  EXPECT_THAT(get.out, HasSubstr(first));
  CommandResult key = Cli("archive key");
  EXPECT_THAT(key.out, HasSubstr("BEGIN PUBLIC KEY"));
  CommandResult scrub = Cli("archive scrub");
  EXPECT_EQ(scrub.exit_code, 0) << scrub.out;
  EXPECT_THAT(scrub.out, HasSubstr("2 record versions"));
}

TEST_F(ArchiveE2eTest, EveryReadIsAnAuditEventWithWhoAndWhere) {
  const std::string id = ArchiveOne("audited");
  grpc::ClientContext context;
  context.AddMetadata("x-docintake-actor", "archivist.meier");
  v1::GetRecordRequest request;
  request.set_document_id(id);
  v1::Record record;
  ASSERT_TRUE(archive_->GetRecord(&context, request, &record).ok());
  ArchivedContent(id);
  CommandResult audit = Cli("archive audit " + id);
  ASSERT_EQ(audit.exit_code, 0) << audit.out;
  EXPECT_THAT(audit.out, HasSubstr("READ_RECORD  " + id + "  archivist.meier"));
  EXPECT_THAT(audit.out, HasSubstr("READ_CONTENT  " + id + "  anonymous"));
  EXPECT_THAT(audit.out, HasSubstr("127.0.0.1"));
  CommandResult other = Cli("archive audit 01AAAAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(other.out, "");
}

TEST_F(ArchiveE2eTest, KeyFileIsCreatedPrivate) {
  struct stat st;
  ASSERT_EQ(::stat(dir_.Path("var/archive/archive-key.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 077, 0u);
}

TEST_F(ArchiveE2eTest, FlippedObjectByteFailsVerificationNamingTheObject) {
  const std::string id = ArchiveOne("tamper-me");
  grpc::ClientContext context;
  v1::GetRecordRequest request;
  request.set_document_id(id);
  v1::Record record;
  ASSERT_TRUE(archive_->GetRecord(&context, request, &record).ok());
  const std::string hex = record.intake().sha256();
  const std::string path = dir_.Path(
      absl::StrCat("var/archive/objects/sha256/", hex.substr(0, 2), "/", hex));
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(9);
    file.put('X');
  }
  CommandResult verify = Cli("archive verify " + id);
  EXPECT_NE(verify.exit_code, 0) << verify.out;
  EXPECT_THAT(verify.out, HasSubstr("FAILED  content"));
  EXPECT_THAT(verify.out, HasSubstr("sha256:" + hex));
  CommandResult scrub = Cli("archive scrub");
  EXPECT_NE(scrub.exit_code, 0) << scrub.out;
  EXPECT_THAT(scrub.out, HasSubstr("FAILED  content: document " + id));
}

TEST_F(ArchiveE2eTest, FlippedLeafAndCheckpointRowsFailTheScrub) {
  ArchiveOne("first");
  ArchiveOne("second");
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  {
    auto db = base::Database::Open(dir_.Path("var/archive/archive.db"));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("DROP TRIGGER log_leaves_no_update; "
                           "UPDATE log_leaves SET leaf_data = leaf_data || "
                           "x'00' WHERE log_index = 0; "
                           "DROP TRIGGER checkpoints_no_update; "
                           "UPDATE checkpoints SET note = replace(note, "
                           "'docintake/archive', 'docintake/archivX') "
                           "WHERE tree_size = 2")
                    .ok());
  }
  StartServer({"--checkpoint-interval", "100ms"});
  CommandResult scrub = Cli("archive scrub");
  EXPECT_NE(scrub.exit_code, 0) << scrub.out;
  EXPECT_THAT(scrub.out, HasSubstr("FAILED  leaf: log leaf 0"));
  EXPECT_THAT(scrub.out, HasSubstr("FAILED  checkpoint-signature: checkpoint "
                                   "of size 2"));
}

TEST_F(ArchiveE2eTest, RewrittenRecordRowFailsVerification) {
  const std::string id = ArchiveOne("rewrite-me");
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  {
    // An attacker with file access drops the guard and edits the row.
    auto db = base::Database::Open(dir_.Path("var/archive/archive.db"));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("DROP TRIGGER record_versions_no_update; "
                           "UPDATE record_versions SET record = record || "
                           "x'00'")
                    .ok());
  }
  StartServer({"--checkpoint-interval", "100ms"});
  CommandResult verify = Cli("archive verify " + id);
  EXPECT_NE(verify.exit_code, 0) << verify.out;
  EXPECT_THAT(verify.out, HasSubstr("FAILED  record"));
}

TEST_F(ArchiveE2eTest, ProofBeforeAnyCheckpointIsAClearError) {
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  StartServer({"--checkpoint-interval", "1h"});
  v1::SubmitReply reply;
  ASSERT_TRUE(Submit(TinyDocument("late"), &reply).ok());
  WaitForState(reply.document_id(), v1::ARCHIVED);
  CommandResult proof = Cli("archive proof " + reply.document_id());
  EXPECT_NE(proof.exit_code, 0);
  EXPECT_THAT(proof.out, HasSubstr("FAILED_PRECONDITION"));
}

TEST_F(ArchiveE2eTest, CheckpointsAreTimestampedOnceTheTsaAnswers) {
  auto tsa = TestTsa::Create();
  ASSERT_TRUE(tsa.ok()) << tsa.status();
  ASSERT_TRUE((*tsa)->StartHttp().ok());
  (*tsa)->set_mode(TestTsa::Mode::kHttp503);  // down at first
  const std::string ca = dir_.Path("tsa-ca.pem");
  std::ofstream(ca) << (*tsa)->ca_pem();
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  StartServer({"--checkpoint-interval", "100ms", "--tsa-url", (*tsa)->url(),
               "--tsa-ca", ca});
  ArchiveOne("stamp-me");
  auto latest = [&] {
    grpc::ClientContext context;
    v1::SignedCheckpoint checkpoint;
    EXPECT_TRUE(
        archive_
            ->GetCheckpoint(&context, v1::GetCheckpointRequest(), &checkpoint)
            .ok());
    return checkpoint;
  };
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_TRUE(latest().timestamp_token().empty());  // queued, not lost
  (*tsa)->set_mode(TestTsa::Mode::kGrant);
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (latest().timestamp_token().empty() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_FALSE(latest().timestamp_token().empty());
  CommandResult checkpoint = Cli("archive checkpoint");
  EXPECT_THAT(checkpoint.out, HasSubstr("(RFC 3161 timestamped)"));
}

TEST_F(ArchiveE2eTest, HoldAndTwoPersonDispositionThroughTheCli) {
  // Retention that ends at receipt, so that disposition is possible at once.
  const std::string policy = dir_.Path("retention.conf");
  std::ofstream(policy) << "* = 0y from=receipt\n";
  ASSERT_TRUE(server_->Stop(absl::Seconds(30)).ok());
  StartServer({"--checkpoint-interval", "100ms", "--retention-policy", policy});
  const std::string id = ArchiveOne("dispose-me");

  EXPECT_THAT(Cli("archive hold " + id + " --reason audit").out,
              HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(Cli("archive hold " + id +
                " --reason 'tax audit' --actor carl --role archivist")
                .exit_code,
            0);
  CommandResult held = Cli("archive dispose-propose " + id +
                           " --reason done --actor ann --role archivist");
  EXPECT_NE(held.exit_code, 0);
  EXPECT_THAT(held.out, HasSubstr("legal hold"));
  EXPECT_EQ(Cli("archive release " + id +
                " --reason 'audit closed' --actor carl --role archivist")
                .exit_code,
            0);
  EXPECT_EQ(Cli("archive dispose-propose " + id +
                " --reason 'retention over' --actor ann --role archivist")
                .exit_code,
            0);
  CommandResult same =
      Cli("archive dispose-approve " + id + " --actor ann --role admin");
  EXPECT_THAT(same.out, HasSubstr("second person"));
  CommandResult no_admin =
      Cli("archive dispose-approve " + id + " --actor bob --role archivist");
  EXPECT_THAT(no_admin.out, HasSubstr("PERMISSION_DENIED"));
  CommandResult approved =
      Cli("archive dispose-approve " + id + " --actor bob --role admin");
  ASSERT_EQ(approved.exit_code, 0) << approved.out;
  EXPECT_THAT(approved.out, HasSubstr("DISPOSED"));

  EXPECT_THAT(Cli("content " + id + " -o " + dir_.Path("gone")).out,
              HasSubstr("FAILED_PRECONDITION"));
  CommandResult versions = Cli("archive versions " + id);
  EXPECT_THAT(versions.out, HasSubstr("v4  DISPOSED"));
  EXPECT_THAT(versions.out, HasSubstr("approved by bob"));
  CommandResult audit = Cli("archive audit " + id);
  EXPECT_THAT(audit.out, HasSubstr("DISPOSITION_APPROVED  " + id + "  bob"));
  EXPECT_THAT(audit.out, HasSubstr("LEGAL_HOLD_SET  " + id + "  carl"));
  WaitForCheckpointOf(1);
  absl::SleepFor(absl::Milliseconds(300));  // a checkpoint after the changes
  CommandResult scrub = Cli("archive scrub");
  EXPECT_EQ(scrub.exit_code, 0) << scrub.out;
  CommandResult verify = Cli("archive verify " + id);
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

}  // namespace
}  // namespace docintake::testing
