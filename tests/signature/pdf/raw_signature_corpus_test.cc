// Every signature of the shared corpus (signatures/expected.tsv): the raw scan
// finds one per row, in sig_index order, with the row's /SubFilter and
// ByteRange coverage.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "signature/pdf/byte_range.h"
#include "signature/pdf/raw_signature.h"
#include "signature/pdf/revisions.h"
#include "tests/support/corpus.h"

namespace docintake::signature {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

// Rows where the manifest is known to be wrong: "file#sig_index:column" ->
// why. Empty: the scan agrees with every row.
const std::map<std::string, std::string>& ManifestExceptions() {
  static const auto* const exceptions = new std::map<std::string, std::string>;
  return *exceptions;
}

bool IsException(const std::string& file, size_t index,
                 const std::string& column) {
  return ManifestExceptions().count(file + "#" + std::to_string(index) + ":" +
                                    column) > 0;
}

TEST(RawSignatureCorpusTest, FindsEverySignatureWithItsSubFilterAndCoverage) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/signatures";
  const testing::Manifest manifest =
      testing::ReadManifest(dir + "/expected.tsv");
  ASSERT_THAT(manifest.rows, SizeIs(67));

  std::map<std::string, std::vector<std::vector<std::string>>> by_file;
  for (const auto& row : manifest.rows) {
    by_file[manifest.Get(row, "file")].push_back(row);
  }
  ASSERT_THAT(by_file, SizeIs(42));

  for (const auto& [file, rows] : by_file) {
    SCOPED_TRACE(file);
    const std::string pdf = testing::ReadFileOrDie(dir + "/" + file);
    const absl::StatusOr<std::vector<RawSignature>> sigs =
        FindRawSignatures(pdf);
    const absl::StatusOr<std::vector<size_t>> ends = RevisionEnds(pdf);
    ASSERT_TRUE(sigs.ok()) << sigs.status();
    ASSERT_TRUE(ends.ok()) << ends.status();
    ASSERT_EQ(sigs->size(), rows.size());
    for (const auto& row : rows) {
      size_t index = 0;
      ASSERT_TRUE(absl::SimpleAtoi(manifest.Get(row, "sig_index"), &index));
      ASSERT_LT(index, sigs->size());
      SCOPED_TRACE("sig_index " + std::to_string(index));
      const RawSignature& sig = (*sigs)[index];
      if (!IsException(file, index, "subfilter")) {
        EXPECT_EQ(sig.sub_filter, manifest.Get(row, "subfilter"));
      }
      const ByteRangeCoverage check = CheckByteRange(pdf, sig, *ends);
      if (!IsException(file, index, "coverage")) {
        EXPECT_EQ(CoverageName(check.coverage), manifest.Get(row, "coverage"))
            << (check.problems.empty() ? "" : check.problems.front());
      }
    }
  }
}

// README: "the signature dictionary object was redefined in a later revision
// with another /Reason; the CMS was copied".
TEST(RawSignatureCorpusTest, FoldsTheRedefinedDictionaryOfTheSpoofingSample) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = testing::ReadFileOrDie(
      corpus + "/signatures/pdf/dss/pades-spoofing-replaced-reason.pdf");
  const absl::StatusOr<std::vector<RawSignature>> sigs = FindRawSignatures(pdf);
  ASSERT_TRUE(sigs.ok()) << sigs.status();
  ASSERT_THAT(*sigs, SizeIs(1));
  EXPECT_THAT((*sigs)[0].redefinitions, SizeIs(1));
}

// README: the second signature's /ByteRange "was edited to equal the first
// one's ... its own /Contents lies outside the gap".
TEST(RawSignatureCorpusTest, SeesTheCopiedByteRangeOfTheEditedSample) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string pdf = testing::ReadFileOrDie(
      corpus + "/signatures/pdf/dss/hello_signed_INCSAVE_signed_EDITED.pdf");
  const absl::StatusOr<std::vector<RawSignature>> sigs = FindRawSignatures(pdf);
  ASSERT_TRUE(sigs.ok()) << sigs.status();
  ASSERT_THAT(*sigs, SizeIs(2));
  EXPECT_EQ((*sigs)[0].byte_range, (*sigs)[1].byte_range);
  EXPECT_THAT((*sigs)[0].redefinitions, IsEmpty());
  EXPECT_NE((*sigs)[0].contents_begin, (*sigs)[1].contents_begin);
}

}  // namespace
}  // namespace docintake::signature
