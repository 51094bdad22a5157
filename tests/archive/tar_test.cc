// TarWriter and the tar reader: round trips, and refusal of every kind of
// malformed or hostile archive with a clear status (never a crash).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "archive/tar_reader.h"
#include "archive/tar_writer.h"
#include "base/string_file.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

// A ustar header built by hand (independently of the code under test).
std::string RawHeader(const std::string& name, uint64_t size,
                      char typeflag = '0', const std::string& size_field = "") {
  std::string block(512, '\0');
  block.replace(0, name.size(), name);
  block.replace(100, 8, "0000644", 8);
  block.replace(108, 8, "0000000", 8);
  block.replace(116, 8, "0000000", 8);
  const std::string size_text =
      size_field.empty() ? absl::StrFormat("%011o", size) : size_field;
  block.replace(124, size_text.size(), size_text);
  block.replace(136, 12, "00000000000", 12);
  block[156] = typeflag;
  block.replace(257, 8,
                std::string("ustar\0"
                            "00",
                            8));
  block.replace(148, 8, "        ");
  unsigned sum = 0;
  for (unsigned char c : block) sum += c;
  const std::string checksum = absl::StrFormat("%06o", sum);
  block.replace(148, 6, checksum);
  block[154] = '\0';
  return block;
}

// One member with `data`, then the end marker.
std::string RawArchive(const std::string& header, const std::string& data) {
  std::string out = header + data;
  out.append((512 - data.size() % 512) % 512, '\0');
  out.append(1024, '\0');
  return out;
}

absl::StatusOr<std::vector<TarMember>> List(const std::string& bytes) {
  return ListTarMembers(*TarSourceFromBytes(bytes), TarLimits());
}

class TarTest : public ::testing::Test {
 protected:
  std::string Sample() {
    std::string bytes;
    base::StringWritableFile out(bytes);
    TarWriter tar(out, absl::FromUnixSeconds(1700000000));
    EXPECT_TRUE(tar.AddDirectory("doc").ok());
    EXPECT_TRUE(tar.AddFile("doc/empty", "").ok());
    EXPECT_TRUE(tar.AddFile("doc/block", std::string(512, 'b')).ok());
    EXPECT_TRUE(tar.BeginFile("doc/" + long_name_, 5).ok());
    EXPECT_TRUE(tar.Write("ab").ok());
    EXPECT_TRUE(tar.Write("cde").ok());
    EXPECT_TRUE(tar.EndFile().ok());
    EXPECT_TRUE(tar.Finish().ok());
    return bytes;
  }

  // Needs ustar's prefix field: longer than 100 bytes.
  const std::string long_name_ =
      std::string(60, 'p') + "/" + std::string(60, 'q') + ".txt";
};

TEST_F(TarTest, RoundTripsFilesFoldersAndLongNames) {
  const std::string bytes = Sample();
  EXPECT_EQ(bytes.size() % 10240, 0u);
  auto source = TarSourceFromBytes(bytes);
  absl::StatusOr<std::vector<TarMember>> members =
      ListTarMembers(*source, TarLimits());
  ASSERT_TRUE(members.ok()) << members.status();
  ASSERT_EQ(members->size(), 4u);
  EXPECT_EQ((*members)[0].name, "doc");
  EXPECT_TRUE((*members)[0].is_directory);
  EXPECT_EQ((*members)[1].name, "doc/empty");
  EXPECT_EQ((*members)[1].size, 0u);
  EXPECT_EQ(*ReadTarMember(*source, (*members)[2], 1024),
            std::string(512, 'b'));
  EXPECT_EQ((*members)[3].name, "doc/" + long_name_);
  EXPECT_EQ(*ReadTarMember(*source, (*members)[3], 1024), "abcde");
  EXPECT_TRUE(absl::IsInvalidArgument(
      ReadTarMember(*source, (*members)[2], 100).status()));
}

TEST_F(TarTest, WriterRefusesUnsafeNamesAndWrongSizes) {
  std::string bytes;
  base::StringWritableFile out(bytes);
  TarWriter tar(out, absl::UnixEpoch());
  for (const char* name : {"../x", "/abs", "a//b", "a/./b", "", "a\\b"}) {
    EXPECT_TRUE(absl::IsInvalidArgument(tar.AddFile(name, "x"))) << name;
  }
  ASSERT_TRUE(tar.BeginFile("f", 2).ok());
  EXPECT_TRUE(absl::IsDataLoss(tar.Write("abc")));
  EXPECT_TRUE(absl::IsFailedPrecondition(tar.AddFile("g", "")));
  EXPECT_TRUE(absl::IsDataLoss(tar.EndFile()));
}

TEST_F(TarTest, EveryTruncationIsRefused) {
  const std::string bytes = Sample();
  auto members = List(bytes);
  ASSERT_TRUE(members.ok());
  // The end marker ends two blocks after the last member's data.
  const TarMember& last = members->back();
  const size_t end = last.data_offset + 512 + 1024;
  for (size_t cut = 0; cut < end; ++cut) {
    absl::Status status = List(bytes.substr(0, cut)).status();
    EXPECT_TRUE(absl::IsDataLoss(status)) << cut << ": " << status;
  }
  EXPECT_TRUE(List(bytes.substr(0, end)).ok());
}

TEST_F(TarTest, BadHeaderChecksumIsDataLoss) {
  std::string bytes = Sample();
  bytes[512 + 10] ^= 0x01;  // the second header's name
  absl::Status status = List(bytes).status();
  EXPECT_TRUE(absl::IsDataLoss(status)) << status;
  EXPECT_THAT(status.message(), HasSubstr("checksum"));
}

TEST_F(TarTest, RefusesPathTraversalAndAbsoluteNames) {
  for (const char* name : {"../evil", "doc/../../evil", "/etc/passwd",
                           "doc/./x", "doc//x", "c:x"}) {
    absl::Status status = List(RawArchive(RawHeader(name, 1), "x")).status();
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << name << ": " << status;
  }
}

TEST_F(TarTest, RefusesLinksDevicesAndExtensionHeaders) {
  for (char type : {'1', '2', '3', '4', '6', 'x', 'g', 'L', 'K', 'Z'}) {
    absl::Status status =
        List(RawArchive(RawHeader("doc/x", 0, type), "")).status();
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << type << ": " << status;
    EXPECT_THAT(status.message(), HasSubstr("doc/x"));
  }
}

TEST_F(TarTest, RefusesHugeAndMalformedSizes) {
  // Claims 8 GiB - 1: over the default limit; within a larger one, past the
  // end of the data.
  const std::string huge = RawArchive(RawHeader("doc/x", 077777777777), "x");
  EXPECT_TRUE(absl::IsInvalidArgument(List(huge).status()));
  TarLimits large;
  large.max_member_bytes = uint64_t{1} << 40;
  EXPECT_TRUE(absl::IsDataLoss(
      ListTarMembers(*TarSourceFromBytes(huge), large).status()));
  // Over the caller's limit.
  TarLimits small;
  small.max_member_bytes = 10;
  EXPECT_TRUE(absl::IsInvalidArgument(
      ListTarMembers(*TarSourceFromBytes(RawArchive(RawHeader("doc/x", 11),
                                                    std::string(11, 'x'))),
                     small)
          .status()));
  // Base-256 (GNU's encoding of sizes >= 8 GiB) and garbage.
  std::string base256(12, '\0');
  base256[0] = static_cast<char>(0x80);
  base256[11] = 0x01;
  EXPECT_TRUE(absl::IsInvalidArgument(
      List(RawArchive(RawHeader("doc/x", 0, '0', base256), "")).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(
      List(RawArchive(RawHeader("doc/x", 0, '0', "12x4"), "")).status()));
}

TEST_F(TarTest, RefusesDuplicatesAndFilesUsedAsFolders) {
  const std::string one = RawHeader("doc/x", 1) + "x" + std::string(511, '\0');
  EXPECT_TRUE(absl::IsInvalidArgument(
      List(one + one + std::string(1024, '\0')).status()));
  const std::string child =
      RawHeader("doc/x/y", 1) + "y" + std::string(511, '\0');
  EXPECT_TRUE(absl::IsInvalidArgument(
      List(one + child + std::string(1024, '\0')).status()));
}

TEST_F(TarTest, RefusesDataAfterTheEndAndLoneZeroBlocks) {
  std::string bytes = Sample();
  bytes.back() = 'x';
  EXPECT_TRUE(absl::IsDataLoss(List(bytes).status()));
  const std::string lone =
      std::string(512, '\0') + RawHeader("doc/x", 0) + std::string(1024, '\0');
  EXPECT_TRUE(absl::IsDataLoss(List(lone).status()));
}

TEST_F(TarTest, RefusesTooManyMembersAndNonTarBytes) {
  TarLimits limits;
  limits.max_members = 2;
  EXPECT_TRUE(absl::IsInvalidArgument(
      ListTarMembers(*TarSourceFromBytes(Sample()), limits).status()));
  EXPECT_FALSE(List("").ok());
  EXPECT_FALSE(List(std::string(4096, 'A')).ok());
  std::string v7 = RawHeader("doc/x", 0);
  v7.replace(257, 8, std::string(8, '\0'));
  EXPECT_FALSE(List(v7 + std::string(1024, '\0')).ok());
}

TEST_F(TarTest, AcceptsGnuMagic) {
  std::string header = RawHeader("doc/x", 1);
  header.replace(257, 8, std::string("ustar  \0", 8));
  header.replace(148, 8, "        ");
  unsigned sum = 0;
  for (unsigned char c : header) sum += c;
  header.replace(148, 7, absl::StrFormat("%06o", sum) + std::string(1, '\0'));
  absl::StatusOr<std::vector<TarMember>> members =
      List(RawArchive(header, "x"));
  ASSERT_TRUE(members.ok()) << members.status();
  EXPECT_EQ((*members)[0].name, "doc/x");
}

}  // namespace
}  // namespace docintake::archive
