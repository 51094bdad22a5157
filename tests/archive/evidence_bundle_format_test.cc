// The evidence bundle as a file: its members and their bytes, additions,
// incomplete and hostile tars refused cleanly, and the round trip through
// the system tar (which lists, extracts and repacks what we write).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "archive/evidence_bundle.h"
#include "archive/tar_writer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/archive/evidence_bundle_fixture.h"
#include "tests/support/command.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

using EvidenceBundleFormatTest = EvidenceBundleTest;

TEST_F(EvidenceBundleFormatTest,
       HoldsTheDocumentedMembersWithTheArchivedBytes) {
  const std::string bundle = Build();
  auto source = TarSourceFromBytes(bundle);
  auto members = ListTarMembers(*source, TarLimits());
  ASSERT_TRUE(members.ok()) << members.status();
  std::vector<std::string> names;
  for (const TarMember& m : *members) names.push_back(m.name);
  const std::string d = id_ + "/";
  EXPECT_EQ(names, (std::vector<std::string>{
                       id_, d + "README.txt", d + "record.json",
                       d + "record.binpb", d + "salt.bin", d + "leaf.binpb",
                       d + "inclusion-proof.binpb", d + "checkpoint.txt",
                       d + "public-key.pem", d + "original.pdf"}));
  auto read = [&](size_t i) {
    return *ReadTarMember(*source, (*members)[i], 16 << 20);
  };
  EXPECT_EQ(read(3), material_.record_bytes);
  EXPECT_EQ(read(4), material_.salt);
  EXPECT_EQ(read(5), material_.proof.leaf_data());
  EXPECT_EQ(read(7), material_.proof.checkpoint().note());
  EXPECT_EQ(read(8), material_.public_key.pem());
  EXPECT_EQ(read(9), content_);
  const std::string readme = read(1);
  EXPECT_THAT(readme, HasSubstr(base::Sha256Hex(content_)));
  EXPECT_THAT(readme, HasSubstr("sha256sum original.pdf"));
  EXPECT_THAT(readme, HasSubstr("docintake verify-bundle"));
}

TEST_F(EvidenceBundleFormatTest, OriginalKeepsTheFilenameExtension) {
  v1::Record record;
  record.mutable_intake()->set_filename("Antrag.Final.DOCX");
  EXPECT_EQ(OriginalMemberName(record), "original.docx");
  record.mutable_intake()->set_filename("scan");
  record.mutable_intake()->set_media_kind(v1::TIFF);
  EXPECT_EQ(OriginalMemberName(record), "original.tif");
  record.mutable_intake()->set_filename("weird.ext/../x");
  record.mutable_intake()->set_media_kind(v1::MEDIA_KIND_UNSPECIFIED);
  EXPECT_EQ(OriginalMemberName(record), "original");
}

TEST_F(EvidenceBundleFormatTest, AdditionsAreListedButNotChecked) {
  EvidenceBundleOptions options;
  options.attachments.push_back({"renditions/pdfa.pdf", "%PDF-1.7 pdf/a"});
  options.attachments.push_back({"reports/validation.xml", "<report/>"});
  v1::VerificationReport report = Verify(Build(options), WithKey());
  EXPECT_TRUE(report.ok()) << Describe(report);
  EXPECT_THAT(FindCheck(report, "bundle")->detail(),
              HasSubstr("not checked by this verifier: renditions/pdfa.pdf"));
  options.attachments = {{"elsewhere/x", "x"}};
  EXPECT_TRUE(absl::IsInvalidArgument(
      BuildEvidenceBundle(material_, content_, options).status()));
}

TEST_F(EvidenceBundleFormatTest, MissingOrForeignMembersFailTheMemberSet) {
  // Rebuild the bundle without salt.bin and with an extra member.
  const std::string bundle = Build();
  auto source = TarSourceFromBytes(bundle);
  auto members = ListTarMembers(*source, TarLimits());
  ASSERT_TRUE(members.ok());
  std::string rebuilt;
  {
    StringSink sink(rebuilt);
    TarWriter tar(sink, absl::UnixEpoch());
    for (const TarMember& m : *members) {
      if (m.is_directory) {
        ASSERT_TRUE(tar.AddDirectory(m.name).ok());
      } else if (m.name != id_ + "/salt.bin") {
        ASSERT_TRUE(
            tar.AddFile(m.name, *ReadTarMember(*source, m, 16 << 20)).ok());
      }
    }
    ASSERT_TRUE(tar.AddFile(id_ + "/notes.txt", "hello").ok());
    ASSERT_TRUE(tar.Finish().ok());
  }
  v1::VerificationReport report = Verify(rebuilt, WithKey());
  EXPECT_FALSE(report.ok());
  const v1::VerificationCheck* set = FindCheck(report, "bundle");
  EXPECT_FALSE(set->ok());
  EXPECT_THAT(set->detail(), HasSubstr("missing: salt.bin"));
  EXPECT_THAT(set->detail(), HasSubstr("unexpected: notes.txt"));
}

TEST_F(EvidenceBundleFormatTest, BrokenTarsAreRefusedCleanly) {
  const std::string bundle = Build();
  // Truncated anywhere before its end marker.
  for (size_t cut : {size_t{0}, size_t{100}, size_t{512}, size_t{5000},
                     bundle.size() / 2, bundle.size() - 10240}) {
    absl::Status status =
        VerifyEvidenceBundleBytes(bundle.substr(0, cut), {}).status();
    EXPECT_TRUE(absl::IsDataLoss(status) || absl::IsInvalidArgument(status))
        << cut << ": " << status;
  }
  // A damaged header.
  std::string damaged = bundle;
  damaged[600] ^= 0x20;
  EXPECT_TRUE(
      absl::IsDataLoss(VerifyEvidenceBundleBytes(damaged, {}).status()));
  // Not a tar at all, and a file that does not exist.
  EXPECT_FALSE(VerifyEvidenceBundleBytes(content_, {}).ok());
  EXPECT_TRUE(absl::IsNotFound(
      VerifyEvidenceBundleFile(dir_.Path("nope.tar"), {}).status()));
}

TEST_F(EvidenceBundleFormatTest, MembersOutsideOneFolderAreRefused) {
  std::string rebuilt;
  StringSink sink(rebuilt);
  TarWriter tar(sink, absl::UnixEpoch());
  ASSERT_TRUE(tar.AddFile("a/README.txt", "x").ok());
  ASSERT_TRUE(tar.AddFile("b/README.txt", "y").ok());
  ASSERT_TRUE(tar.Finish().ok());
  absl::Status status = VerifyEvidenceBundleBytes(rebuilt, {}).status();
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
}

TEST_F(EvidenceBundleFormatTest, OversizedEvidenceMemberIsRefused) {
  material_.salt = std::string(2 << 20, 's');
  absl::Status status = VerifyEvidenceBundleBytes(Build(), WithKey()).status();
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(status.message(), HasSubstr("salt.bin"));
}

TEST_F(EvidenceBundleFormatTest,
       ContentThatDoesNotMatchTheRecordIsNotExported) {
  EXPECT_TRUE(absl::IsDataLoss(
      BuildEvidenceBundle(material_, content_ + "x").status()));
  std::string changed = content_;
  changed[3] ^= 1;
  EXPECT_TRUE(
      absl::IsDataLoss(BuildEvidenceBundle(material_, changed).status()));
}

TEST_F(EvidenceBundleFormatTest, SystemTarListsExtractsAndRepacksTheBundle) {
  const std::string path = WriteFile("bundle.tar", Build());
  testing::CommandResult listed = testing::RunCommand("tar -tf " + path);
  ASSERT_EQ(listed.exit_code, 0) << listed.out;
  std::vector<std::string> lines =
      absl::StrSplit(listed.out, '\n', absl::SkipEmpty());
  const std::string d = id_ + "/";
  EXPECT_EQ(lines, (std::vector<std::string>{
                       d, d + "README.txt", d + "record.json",
                       d + "record.binpb", d + "salt.bin", d + "leaf.binpb",
                       d + "inclusion-proof.binpb", d + "checkpoint.txt",
                       d + "public-key.pem", d + "original.pdf"}));
  const std::string out = dir_.Path("x");
  ASSERT_EQ(testing::RunCommand("mkdir " + out + " && tar -xf " + path +
                                " -C " + out + " 2>&1")
                .exit_code,
            0);
  testing::CommandResult sum =
      testing::RunCommand("sha256sum " + out + "/" + d + "original.pdf");
  EXPECT_THAT(sum.out, HasSubstr(base::Sha256Hex(content_)));
  // What the archivist's own tar packs again still verifies.
  for (const char* format : {"ustar", "gnu"}) {
    const std::string repacked = dir_.Path(absl::StrCat(format, ".tar"));
    ASSERT_EQ(testing::RunCommand(absl::StrCat("tar --format=", format, " -cf ",
                                               repacked, " -C ", out, " ", id_,
                                               " 2>&1"))
                  .exit_code,
              0);
    absl::StatusOr<v1::VerificationReport> report =
        VerifyEvidenceBundleFile(repacked, WithKey());
    ASSERT_TRUE(report.ok()) << format << ": " << report.status();
    EXPECT_TRUE(report->ok()) << format << "\n" << Describe(*report);
  }
}

}  // namespace
}  // namespace docintake::archive
