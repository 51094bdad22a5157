#include "signature/pdf/byte_range.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "signature/pdf/raw_signature.h"
#include "signature/pdf/revisions.h"

namespace docintake::signature {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::SizeIs;

// One revision with a signature dictionary. Its /ByteRange is a blank
// placeholder that SetByteRange() overwrites without moving other bytes.
std::string SignedRevision(const std::string& contents = "<308200AB0000>",
                           const std::string& eol = "\n") {
  return "%PDF-1.7\n1 0 obj\n<< /Type /Sig /SubFilter /ETSI.CAdES.detached\n"
         "/ByteRange [" +
         std::string(60, ' ') + "]\n/Contents " + contents +
         " >>\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF" + eol;
}

const std::string kUpdate = "2 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";

void SetByteRange(std::string* pdf, const std::string& values) {
  const size_t begin = pdf->find("/ByteRange [") + 11;
  const size_t end = pdf->find(']', begin) + 1;
  std::string text = "[" + values + "]";
  ASSERT_LE(text.size(), end - begin);
  text.resize(end - begin, ' ');
  pdf->replace(begin, end - begin, text);
}

// Offsets of the /Contents string: its '<' and one past its '>'.
size_t ContentsBegin(const std::string& pdf) {
  return pdf.find("/Contents <") + 10;
}
size_t ContentsEnd(const std::string& pdf) {
  return pdf.find('>', ContentsBegin(pdf)) + 1;
}

// Covers the signed revision up to `end`.
void SetProperByteRange(std::string* pdf, size_t end) {
  const size_t begin = ContentsBegin(*pdf);
  const size_t gap_end = ContentsEnd(*pdf);
  SetByteRange(pdf, absl::StrCat("0 ", begin, " ", gap_end, " ",
                                 static_cast<int64_t>(end) -
                                     static_cast<int64_t>(gap_end)));
}

ByteRangeCoverage Check(const std::string& pdf) {
  const absl::StatusOr<std::vector<RawSignature>> sigs = FindRawSignatures(pdf);
  const absl::StatusOr<std::vector<size_t>> ends = RevisionEnds(pdf);
  EXPECT_TRUE(sigs.ok() && ends.ok());
  EXPECT_THAT(*sigs, SizeIs(1));
  if (!sigs.ok() || !ends.ok() || sigs->size() != 1) return {};
  return CheckByteRange(pdf, sigs->front(), *ends);
}

TEST(CheckByteRangeTest, CoversTheEntireFile) {
  std::string pdf = SignedRevision();
  SetProperByteRange(&pdf, pdf.size());
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kEntireFile);
  EXPECT_THAT(result.problems, IsEmpty());
  EXPECT_THAT(result.signed_end, Optional(pdf.size()));
  EXPECT_THAT(result.revision, Optional(0u));
}

TEST(CheckByteRangeTest, EndsAtAnEarlierMarker) {
  std::string pdf = SignedRevision();
  const size_t revision_end = pdf.size();
  pdf += kUpdate + kUpdate;
  SetProperByteRange(&pdf, revision_end);
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kEntireRevision);
  EXPECT_THAT(result.problems, IsEmpty());
  EXPECT_THAT(result.signed_end, Optional(revision_end));
  EXPECT_THAT(result.revision, Optional(0u));
}

TEST(CheckByteRangeTest, CountsCrLfAfterTheMarker) {
  std::string pdf = SignedRevision("<308200AB0000>", "\r\n");
  const size_t revision_end = pdf.size();
  pdf += kUpdate;
  SetProperByteRange(&pdf, revision_end);
  EXPECT_EQ(Check(pdf).coverage, Coverage::kEntireRevision);
  // Ending between CR and LF leaves part of the end of line unsigned.
  SetProperByteRange(&pdf, revision_end - 1);
  EXPECT_EQ(Check(pdf).coverage, Coverage::kPartial);
}

TEST(CheckByteRangeTest, EndsInsideARevision) {
  std::string pdf = SignedRevision();
  pdf += kUpdate;
  const size_t end = pdf.find("trailer");
  SetProperByteRange(&pdf, end);
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kPartial);
  EXPECT_THAT(result.revision, Optional(0u));
  EXPECT_THAT(result.signed_end, Optional(end));
  ASSERT_THAT(result.problems, SizeIs(1));
  EXPECT_THAT(result.problems[0], HasSubstr("inside revision 1 of 2"));
}

TEST(CheckByteRangeTest, EndsAfterTheLastMarker) {
  std::string pdf = SignedRevision() + "appended junk\n";
  SetProperByteRange(&pdf, pdf.size() - 3);
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kPartial);
  EXPECT_EQ(result.revision, std::nullopt);
  ASSERT_THAT(result.problems, SizeIs(1));
  EXPECT_THAT(result.problems[0], HasSubstr("after the last %%EOF"));
}

TEST(CheckByteRangeTest, AMarkerInStreamDataEndsNoRevision) {
  std::string pdf = SignedRevision();
  const std::string stream =
      "3 0 obj\n<< /Length 6 >>\nstream\n%%EOF\n\nendstream\nendobj\n";
  pdf.insert(pdf.find("trailer"), stream);
  SetProperByteRange(&pdf, pdf.find("%%EOF") + 6);  // the one in the stream
  EXPECT_EQ(Check(pdf).coverage, Coverage::kPartial);
}

TEST(CheckByteRangeTest, RejectsThreeNumbers) {
  std::string pdf = SignedRevision();
  SetByteRange(&pdf,
               absl::StrCat("0 ", ContentsBegin(pdf), " ", ContentsEnd(pdf)));
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(result.problems, ElementsAre("ByteRange has 3 numbers, needs 4"));
  EXPECT_EQ(result.signed_end, std::nullopt);
}

TEST(CheckByteRangeTest, RejectsANegativeNumber) {
  std::string pdf = SignedRevision();
  SetByteRange(&pdf, absl::StrCat("0 ", ContentsBegin(pdf), " ",
                                  ContentsEnd(pdf), " -5"));
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(result.problems, ElementsAre("ByteRange[3] is negative (-5)"));
}

TEST(CheckByteRangeTest, RejectsAnArrayThatIsNotIntegers) {
  std::string pdf = SignedRevision();
  SetByteRange(&pdf, "0 1.0 2 3");
  EXPECT_THAT(Check(pdf).problems,
              ElementsAre("ByteRange is not an array of integers"));
}

TEST(CheckByteRangeTest, RejectsAFirstRangeNotStartingAtZero) {
  std::string pdf = SignedRevision();
  const size_t begin = ContentsBegin(pdf);
  const size_t end = ContentsEnd(pdf);
  SetByteRange(&pdf,
               absl::StrCat("1 ", begin - 1, " ", end, " ", pdf.size() - end));
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(result.problems,
              ElementsAre("ByteRange starts at 1, not at the beginning of the "
                          "file"));
}

TEST(CheckByteRangeTest, RejectsAGapThatIsNotContents) {
  std::string pdf = SignedRevision();
  const size_t begin = ContentsBegin(pdf);
  const size_t end = ContentsEnd(pdf);
  SetByteRange(&pdf,
               absl::StrCat("0 ", begin + 1, " ", end, " ", pdf.size() - end));
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  ASSERT_THAT(result.problems, SizeIs(1));
  EXPECT_THAT(result.problems[0],
              HasSubstr("gap is not this signature's /Contents"));
}

TEST(CheckByteRangeTest, RejectsOverlappingRanges) {
  std::string pdf = SignedRevision();
  const size_t end = ContentsEnd(pdf);
  SetByteRange(
      &pdf, absl::StrCat("0 ", end, " ", end - 4, " ", pdf.size() - end + 4));
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  ASSERT_THAT(result.problems, SizeIs(1));
  EXPECT_THAT(result.problems[0], HasSubstr("overlap"));
}

TEST(CheckByteRangeTest, RejectsARangeBeyondTheEndOfTheFile) {
  std::string pdf = SignedRevision();
  const size_t end = ContentsEnd(pdf);
  SetByteRange(&pdf, absl::StrCat("0 ", ContentsBegin(pdf), " ", end, " ",
                                  pdf.size() - end + 10));
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(
      result.problems,
      ElementsAre(absl::StrCat("ByteRange ends at ", pdf.size() + 10,
                               ", beyond the file's ", pdf.size(), " bytes")));
  EXPECT_THAT(result.signed_end, Optional(pdf.size() + 10));
}

TEST(CheckByteRangeTest, RejectsContentsWithOtherBytesThanHexDigits) {
  std::string pdf = SignedRevision("<3082 00AB0000>");
  SetProperByteRange(&pdf, pdf.size());
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(result.problems,
              ElementsAre("the /Contents string holds bytes other than hex "
                          "digits"));
}

TEST(CheckByteRangeTest, RejectsASecondByteRangeKey) {
  std::string pdf = SignedRevision();
  pdf.insert(pdf.find(" >>\nendobj"), " /ByteRange [0 1 2 3]");
  SetProperByteRange(&pdf, pdf.size());
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(result.problems,
              ElementsAre("the signature dictionary has /ByteRange more than "
                          "once"));
}

TEST(CheckByteRangeTest, RejectsASignatureWithoutHexContents) {
  std::string pdf = SignedRevision("(0000)");
  SetByteRange(&pdf, "0 10 20 30");
  const ByteRangeCoverage result = Check(pdf);
  EXPECT_EQ(result.coverage, Coverage::kInvalid);
  EXPECT_THAT(result.problems,
              ElementsAre("the signature dictionary has no hex string "
                          "/Contents"));
}

TEST(CoverageNameTest, UsesTheCorpusTerms) {
  EXPECT_EQ(CoverageName(Coverage::kEntireFile), "entire_file");
  EXPECT_EQ(CoverageName(Coverage::kEntireRevision), "entire_revision");
  EXPECT_EQ(CoverageName(Coverage::kPartial), "partial");
  EXPECT_EQ(CoverageName(Coverage::kInvalid), "invalid");
}

TEST(SignedBytesTest, ConcatenatesBothRanges) {
  const std::string pdf = "0123456789";
  const absl::StatusOr<std::string> bytes = SignedBytes(pdf, {0, 3, 5, 5});
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  EXPECT_EQ(*bytes, "01256789");
}

TEST(SignedBytesTest, RefusesAnInvalidByteRange) {
  const std::string pdf = "0123456789";
  for (const std::vector<int64_t>& bad :
       std::vector<std::vector<int64_t>>{{0, 3, 5},
                                         {0, 3, 5, 6},
                                         {0, 6, 5, 5},
                                         {0, -1, 5, 5},
                                         {0, 3, INT64_MAX, INT64_MAX}}) {
    EXPECT_EQ(SignedBytes(pdf, bad).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace docintake::signature
