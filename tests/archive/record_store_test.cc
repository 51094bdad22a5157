#include "archive/record_store.h"

#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "base/sqlite.h"
#include "gtest/gtest.h"
#include "tests/support/faulty_file_system.h"
#include "tests/support/temp_dir.h"

namespace docintake::archive {
namespace {

class RecordStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RecordStoreOptions options;
    options.dir = dir_.Path("archive");
    auto store = RecordStore::Open(fs_, clock_, options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  v1::Record RecordFor(const std::string& id) {
    v1::Record r;
    r.set_document_id(id);
    r.set_state(v1::PROCESSING);
    r.mutable_intake()->set_filename("brief.pdf");
    return r;
  }

  std::string ReadAll(base::SequentialFile& file) {
    std::string out;
    while (true) {
      std::string part = *file.Read(3);
      if (part.empty()) return out;
      out += part;
    }
  }

  testing::TempDir dir_;
  testing::FaultyFileSystem fs_;
  base::FakeClock clock_{absl::FromUnixSeconds(1700000000)};
  std::unique_ptr<RecordStore> store_;
};

TEST_F(RecordStoreTest, ArchivesContentAndRecord) {
  absl::StatusOr<v1::ArchiveFacts> facts =
      store_->Archive(RecordFor("D1"), "content bytes");
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_EQ(facts->content_address(),
            "sha256:" + base::Sha256Hex("content bytes"));
  EXPECT_EQ(facts->version(), 1u);
  v1::Record stored = *store_->GetRecord("D1");
  EXPECT_EQ(stored.state(), v1::ARCHIVED);
  EXPECT_EQ(stored.intake().filename(), "brief.pdf");
  EXPECT_EQ(ReadAll(**store_->OpenContent("D1")), "content bytes");
}

TEST_F(RecordStoreTest, ObjectFilesAreReadOnlyAndContentAddressed) {
  ASSERT_TRUE(store_->Archive(RecordFor("D1"), "same").ok());
  ASSERT_TRUE(store_->Archive(RecordFor("D2"), "same").ok());
  const std::string hex = base::Sha256Hex("same");
  const std::string path = dir_.Path(
      absl::StrCat("archive/objects/sha256/", hex.substr(0, 2), "/", hex));
  EXPECT_TRUE(fs_.Exists(path));
  EXPECT_EQ((*fs_.ListDir(dir_.Path(
                 absl::StrCat("archive/objects/sha256/", hex.substr(0, 2)))))
                .size(),
            1u);
  EXPECT_FALSE(fs_.NewWritableFile(path).ok());
}

TEST_F(RecordStoreTest, ArchiveIsIdempotent) {
  auto first = store_->Archive(RecordFor("D1"), "a");
  clock_.Advance(absl::Hours(1));
  auto second = store_->Archive(RecordFor("D1"), "a");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->archived_at().seconds(), second->archived_at().seconds());
}

TEST_F(RecordStoreTest, ArchivedVersionsCannotBeChangedOrDeleted) {
  ASSERT_TRUE(store_->Archive(RecordFor("D1"), "a").ok());
  store_.reset();
  auto db = base::Database::Open(dir_.Path("archive/archive.db"));
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->Exec("UPDATE record_versions SET record = x'00'").ok());
  EXPECT_FALSE((*db)->Exec("DELETE FROM record_versions").ok());
}

TEST_F(RecordStoreTest, FailedFsyncMeansNotArchived) {
  fs_.fail_sync = true;
  EXPECT_FALSE(store_->Archive(RecordFor("D1"), "a").ok());
  fs_.fail_sync = false;
  EXPECT_TRUE(absl::IsNotFound(store_->GetRecord("D1").status()));
}

TEST_F(RecordStoreTest, UnknownDocumentIsNotFound) {
  EXPECT_TRUE(absl::IsNotFound(store_->GetRecord("nope").status()));
  EXPECT_TRUE(absl::IsNotFound(store_->OpenContent("nope").status()));
}

}  // namespace
}  // namespace docintake::archive
