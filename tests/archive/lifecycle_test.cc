// Retention, legal hold and disposition of archived records, with an
// injected clock.
#include "absl/strings/str_cat.h"
#include "archive/record_store.h"
#include "base/time_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

class LifecycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RecordStoreOptions options;
    options.dir = dir_.Path("archive");
    auto store =
        RecordStore::Open(base::FileSystem::Default(), clock_, options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Archives an invoice received now: retained until the start of the year
  // after next-year-plus-eight.
  std::string ArchiveInvoice(const std::string& id, const std::string& bytes) {
    v1::Record record;
    record.set_document_id(id);
    record.mutable_intake()->set_declared_document_type("invoice");
    *record.mutable_intake()->mutable_received_at() =
        base::ToProtoTime(clock_.Now());
    EXPECT_TRUE(store_->Archive(record, bytes).ok());
    EXPECT_TRUE(store_->CreateCheckpoint().ok());
    return id;
  }

  void PassRetention() { clock_.Advance(absl::Hours(24 * 365 * 10)); }

  std::string Message(const absl::Status& status) {
    return std::string(status.message());
  }

  testing::TempDir dir_;
  base::FakeClock clock_{
      absl::FromCivil(absl::CivilDay(2024, 3, 15), absl::UTCTimeZone())};
  std::unique_ptr<RecordStore> store_;
};

TEST_F(LifecycleTest, ArchivedRecordCarriesItsRetention) {
  ArchiveInvoice("D1", "bytes");
  v1::Record record = *store_->GetRecord("D1");
  EXPECT_EQ(base::FromProtoTime(record.archive().retain_until()),
            absl::FromCivil(absl::CivilDay(2033, 1, 1), absl::UTCTimeZone()));
  EXPECT_THAT(record.archive().retention_rule(), HasSubstr("invoice = 8y"));
  EXPECT_EQ(record.archive().reason(), v1::ArchiveFacts::ORIGINAL);
}

TEST_F(LifecycleTest, DispositionIsRefusedBeforeRetentionEnds) {
  ArchiveInvoice("D1", "bytes");
  absl::Status s = store_->ProposeDisposition("D1", "done", "ann").status();
  EXPECT_TRUE(absl::IsFailedPrecondition(s));
  EXPECT_THAT(Message(s), HasSubstr("retained until 2033-01-01"));
}

TEST_F(LifecycleTest, LegalHoldSuspendsRetentionAndIsVersioned) {
  ArchiveInvoice("D1", "bytes");
  ASSERT_TRUE(store_->SetLegalHold("D1", "tax audit 2031", "ann").ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(
      store_->SetLegalHold("D1", "again", "ann").status()));
  PassRetention();
  absl::Status s = store_->ProposeDisposition("D1", "done", "ann").status();
  EXPECT_TRUE(absl::IsFailedPrecondition(s));
  EXPECT_THAT(Message(s), HasSubstr("legal hold"));
  EXPECT_THAT(Message(s), HasSubstr("tax audit 2031"));
  ASSERT_TRUE(store_->ClearLegalHold("D1").ok());
  EXPECT_TRUE(store_->ProposeDisposition("D1", "done", "ann").ok());

  std::vector<v1::Record> versions = *store_->ListVersions("D1");
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[1].archive().reason(), v1::ArchiveFacts::LEGAL_HOLD_SET);
  EXPECT_EQ(versions[1].archive().legal_hold().set_by(), "ann");
  EXPECT_EQ(versions[2].archive().reason(),
            v1::ArchiveFacts::LEGAL_HOLD_CLEARED);
  EXPECT_FALSE(versions[2].archive().has_legal_hold());
  EXPECT_EQ(versions[2].archive().version(), 3u);
}

TEST_F(LifecycleTest, CorrectionAppendsAVersionAndRecomputesRetention) {
  ArchiveInvoice("D1", "bytes");
  v1::CorrectRecordRequest request;
  request.set_document_id("D1");
  request.set_document_type("business_letter");
  (*request.mutable_metadata())["file_number"] = "Az 12/34";
  EXPECT_TRUE(absl::IsInvalidArgument(
      store_->CorrectRecord(request, "rita").status()));  // no reason
  request.set_reason("misclassified at intake");
  absl::StatusOr<v1::Record> corrected = store_->CorrectRecord(request, "rita");
  ASSERT_TRUE(corrected.ok()) << corrected.status();
  EXPECT_EQ(corrected->archive().reason(), v1::ArchiveFacts::CORRECTED);
  EXPECT_EQ(corrected->archive().version(), 2u);
  EXPECT_EQ(corrected->archive().correction().previous_document_type(),
            "invoice");
  EXPECT_EQ(corrected->intake().metadata().at("file_number"), "Az 12/34");
  EXPECT_EQ(base::FromProtoTime(corrected->archive().retain_until()),
            absl::FromCivil(absl::CivilDay(2031, 1, 1), absl::UTCTimeZone()));
  ASSERT_TRUE(store_->CreateCheckpoint().ok());
  EXPECT_TRUE(store_->VerifyRecord("D1")->ok());
}

TEST_F(LifecycleTest, DispositionNeedsASecondPerson) {
  ArchiveInvoice("D1", "bytes");
  PassRetention();
  EXPECT_TRUE(absl::IsFailedPrecondition(
      store_->ApproveDisposition("D1", "bob").status()));  // nothing proposed
  ASSERT_TRUE(store_->ProposeDisposition("D1", "retention over", "ann").ok());
  absl::Status s = store_->ApproveDisposition("D1", "ann").status();
  EXPECT_TRUE(absl::IsFailedPrecondition(s));
  EXPECT_THAT(Message(s), HasSubstr("second person"));
}

TEST_F(LifecycleTest, HoldSetAfterTheProposalStopsTheApproval) {
  ArchiveInvoice("D1", "bytes");
  PassRetention();
  ASSERT_TRUE(store_->ProposeDisposition("D1", "retention over", "ann").ok());
  ASSERT_TRUE(store_->SetLegalHold("D1", "lawsuit", "carl").ok());
  EXPECT_THAT(Message(store_->ApproveDisposition("D1", "bob").status()),
              HasSubstr("legal hold"));
}

TEST_F(LifecycleTest, ApprovedDispositionDeletesContentKeepsTheLogValid) {
  ArchiveInvoice("D1", "bytes of D1");
  ArchiveInvoice("D2", "shared bytes");
  ArchiveInvoice("D3", "shared bytes");
  PassRetention();
  for (const char* id : {"D1", "D2"}) {
    ASSERT_TRUE(store_->ProposeDisposition(id, "retention over", "ann").ok());
    absl::StatusOr<v1::Record> tombstone =
        store_->ApproveDisposition(id, "bob");
    ASSERT_TRUE(tombstone.ok()) << tombstone.status();
    EXPECT_EQ(tombstone->state(), v1::DISPOSED);
    EXPECT_EQ(tombstone->archive().reason(), v1::ArchiveFacts::DISPOSED);
    EXPECT_EQ(tombstone->archive().disposition().proposed_by(), "ann");
    EXPECT_EQ(tombstone->archive().disposition().approved_by(), "bob");
  }
  EXPECT_THAT(Message(store_->OpenContent("D1").status()),
              HasSubstr("deleted by a disposition approved by bob"));
  // D3 has the same bytes as D2: its content must survive D2's disposition.
  EXPECT_TRUE(store_->OpenContent("D3").ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(
      store_->SetLegalHold("D1", "too late", "ann").status()));

  ASSERT_TRUE(store_->CreateCheckpoint().ok());
  absl::StatusOr<v1::ScrubReport> scrub = store_->Scrub();
  ASSERT_TRUE(scrub.ok());
  EXPECT_TRUE(scrub->ok()) << scrub->DebugString();
  for (const char* id : {"D1", "D3"}) {
    absl::StatusOr<v1::VerificationReport> report = store_->VerifyRecord(id);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok()) << report->DebugString();
  }
  EXPECT_EQ(store_->ListVersions("D1")->size(), 2u);
}

}  // namespace
}  // namespace docintake::archive
