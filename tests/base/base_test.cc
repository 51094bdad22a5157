#include <set>

#include "absl/strings/str_cat.h"
#include "base/document_id.h"
#include "base/file_system.h"
#include "base/json_escape.h"
#include "base/sha256.h"
#include "gtest/gtest.h"
#include "tests/support/faulty_file_system.h"
#include "tests/support/temp_dir.h"

namespace docintake::base {
namespace {

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(DocumentIdTest, IdsAreValidUniqueAndSortByTime) {
  std::set<std::string> ids;
  std::string previous;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewDocumentId(absl::FromUnixMillis(1700000000000 + i));
    EXPECT_TRUE(IsValidDocumentId(id)) << id;
    EXPECT_GT(id, previous);
    previous = id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_FALSE(IsValidDocumentId("../../etc/passwd"));
  EXPECT_FALSE(IsValidDocumentId("01ARZ3NDEKTSV4RRFFQ69G5FAU"));  // U invalid
}

TEST(JsonQuoteTest, EscapesControlCharacters) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST(WriteFileDurablyTest, WritesAndLeavesNoTempOnFailure) {
  testing::TempDir dir;
  testing::FaultyFileSystem fs;
  ASSERT_TRUE(WriteFileDurably(fs, dir.path(), "a", "one").ok());
  EXPECT_EQ(*fs.ReadFile(dir.Path("a"), 100), "one");
  fs.fail_sync = true;
  EXPECT_FALSE(WriteFileDurably(fs, dir.path(), "b", "two").ok());
  EXPECT_EQ(fs.ListDir(dir.path())->size(), 1u);
}

TEST(FileSystemTest, ReadFileEnforcesItsLimit) {
  testing::TempDir dir;
  FileSystem& fs = FileSystem::Default();
  ASSERT_TRUE(WriteFileDurably(fs, dir.path(), "f", "0123456789").ok());
  EXPECT_TRUE(
      absl::IsResourceExhausted(fs.ReadFile(dir.Path("f"), 5).status()));
  EXPECT_TRUE(absl::IsNotFound(fs.ReadFile(dir.Path("missing"), 5).status()));
}

}  // namespace
}  // namespace docintake::base
