#include "archive/sqlite_metadata_store.h"

#include "base/sqlite.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace docintake::archive {
namespace {

class SqliteMetadataStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteMetadataStore::Open(dir_.Path("archive.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  VersionRow Row(
      const std::string& id, uint64_t version, uint64_t index,
      v1::ArchiveFacts::VersionReason reason = v1::ArchiveFacts::ORIGINAL) {
    VersionRow row;
    row.document_id = id;
    row.version = version;
    row.content_address = "sha256:" + std::string(64, 'a');
    row.archived_at = absl::FromUnixSeconds(1700000000);
    row.record_bytes = "record " + id;
    row.log_index = index;
    row.reason = reason;
    return row;
  }
  LeafRow Leaf(uint64_t index) {
    return {index, "leaf " + std::to_string(index), std::string(32, 'h')};
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteMetadataStore> store_;
};

TEST_F(SqliteMetadataStoreTest, AppendIsAtomic) {
  ASSERT_TRUE(store_->AppendVersion(Row("D1", 1, 0), "salt", Leaf(0)).ok());
  // Same version again: refused, and its leaf is not left behind.
  EXPECT_TRUE(absl::IsAlreadyExists(
      store_->AppendVersion(Row("D1", 1, 1), "", Leaf(1))));
  EXPECT_EQ(store_->AllLeaves()->size(), 1u);
  EXPECT_EQ(store_->ReadVersion("D1", 0)->salt, "salt");
}

TEST_F(SqliteMetadataStoreTest, TombstoneTakesSaltAndProposalWithIt) {
  ASSERT_TRUE(store_->AppendVersion(Row("D1", 1, 0), "salt", Leaf(0)).ok());
  v1::Disposition proposal;
  proposal.set_proposed_by("ann");
  ASSERT_TRUE(store_->PutProposal("D1", proposal).ok());
  ASSERT_TRUE(store_
                  ->AppendTombstone(Row("D1", 2, 1, v1::ArchiveFacts::DISPOSED),
                                    Leaf(1))
                  .ok());
  VersionRow latest = *store_->ReadVersion("D1", 0);
  EXPECT_EQ(latest.version, 2u);
  EXPECT_TRUE(latest.disposed);
  EXPECT_EQ(latest.salt, "");
  EXPECT_FALSE(store_->GetProposal("D1")->has_value());
}

TEST_F(SqliteMetadataStoreTest, RowsCannotBeChangedBehindItsBack) {
  ASSERT_TRUE(store_->AppendVersion(Row("D1", 1, 0), "salt", Leaf(0)).ok());
  v1::SignedCheckpoint checkpoint;
  checkpoint.set_tree_size(1);
  checkpoint.set_root_hash(std::string(32, 'r'));
  checkpoint.set_note("note");
  ASSERT_TRUE(store_->AddCheckpoint(checkpoint).ok());
  store_.reset();
  auto db = base::Database::Open(dir_.Path("archive.db"));
  ASSERT_TRUE(db.ok());
  for (const char* sql : {
           "UPDATE record_versions SET record = x'00'",
           "DELETE FROM record_versions",
           "UPDATE log_leaves SET leaf_data = x'00'",
           "DELETE FROM log_leaves",
           "UPDATE checkpoints SET note = 'forged'",
           "DELETE FROM checkpoints",
           "UPDATE content_salts SET salt = x'00'",
           // No tombstone yet: the salt must stay.
           "DELETE FROM content_salts",
       }) {
    EXPECT_FALSE((*db)->Exec(sql).ok()) << sql;
  }
}

TEST_F(SqliteMetadataStoreTest, ContentStillNeededIgnoresDisposedDocuments) {
  ASSERT_TRUE(store_->AppendVersion(Row("D1", 1, 0), "s1", Leaf(0)).ok());
  ASSERT_TRUE(store_->AppendVersion(Row("D2", 1, 1), "s2", Leaf(1)).ok());
  const std::string address = Row("x", 1, 0).content_address;
  EXPECT_TRUE(*store_->ContentStillNeeded(address, "D1"));
  ASSERT_TRUE(store_
                  ->AppendTombstone(Row("D2", 2, 2, v1::ArchiveFacts::DISPOSED),
                                    Leaf(2))
                  .ok());
  EXPECT_FALSE(*store_->ContentStillNeeded(address, "D1"));
}

}  // namespace
}  // namespace docintake::archive
