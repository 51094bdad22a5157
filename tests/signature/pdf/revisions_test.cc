#include "signature/pdf/revisions.h"

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::signature {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<size_t> Ends(const std::string& pdf) {
  absl::StatusOr<std::vector<size_t>> ends = RevisionEnds(pdf);
  EXPECT_TRUE(ends.ok()) << ends.status();
  return ends.ok() ? *ends : std::vector<size_t>{};
}

TEST(RevisionEndsTest, IncludesTheEndOfLineAfterEachMarker) {
  // "%%EOF" at 9, then LF; at 23, then CRLF; at 39, then CR.
  const std::string pdf =
      "%PDF-1.7\n%%EOF\n1 0 obj\n%%EOF\r\n2 0 obj\r\n%%EOF\rtail";
  ASSERT_EQ(pdf.find("%%EOF"), 9u);
  ASSERT_EQ(pdf.find("%%EOF", 10), 23u);
  ASSERT_EQ(pdf.find("%%EOF", 24), 39u);
  EXPECT_THAT(Ends(pdf), ElementsAre(15u, 30u, 45u));
}

TEST(RevisionEndsTest, TakesOnlyOneEndOfLine) {
  // LF then CRLF: the revision ends after the LF.
  EXPECT_THAT(Ends("%%EOF\n\r\n"), ElementsAre(6u));
  EXPECT_THAT(Ends("%%EOF\r\n\r\n"), ElementsAre(7u));
}

TEST(RevisionEndsTest, MarkerAtTheEndOfTheFileWithoutEndOfLine) {
  EXPECT_THAT(Ends("%PDF-1.4\n%%EOF"), ElementsAre(14u));
}

TEST(RevisionEndsTest, IgnoresMarkersInStringsAndStreams) {
  const std::string pdf =
      "%PDF-1.4\n1 0 obj\n(text\n%%EOF\n)\nendobj\n"
      "2 0 obj\n<< /Length 7 >>\nstream\n%%EOF\n\nendstream\nendobj\n"
      "3 0 obj\n<< /Length 4 0 R >>\nstream\n%%EOF\nendstream\nendobj\n"
      "%%EOF\n";
  EXPECT_THAT(Ends(pdf), ElementsAre(pdf.size()));
}

TEST(RevisionEndsTest, NoMarker) {
  EXPECT_THAT(Ends("%PDF-1.4\n1 0 obj << >> endobj\n"), IsEmpty());
  EXPECT_THAT(Ends(""), IsEmpty());
}

}  // namespace
}  // namespace docintake::signature
