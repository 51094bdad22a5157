#include "intake/media_sniffer.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace docintake::intake {
namespace {

using ::testing::HasSubstr;

TEST(MediaSnifferTest, RecognisesEachAcceptedKind) {
  struct Case {
    std::string head;
    v1::MediaKind kind;
  } cases[] = {
      {"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", v1::PDF},
      {std::string("II*\0\x08\0\0\0", 8), v1::TIFF},
      {std::string("MM\0*\0\0\0\x08", 8), v1::TIFF},
      {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", v1::PNG},
      {"\xff\xd8\xff\xe0\0\x10JFIF", v1::JPEG},
      {"<?xml version=\"1.0\"?>\n<Invoice "
       "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">",
       v1::UBL_INVOICE},
      {"\xef\xbb\xbf<!-- c --><ubl:CreditNote xmlns:cbc=\"x\" "
       "xmlns:ubl='urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2'>",
       v1::UBL_CREDIT_NOTE},
      {"<?xml version='1.0'?><rsm:CrossIndustryInvoice\n  xmlns:rsm=\"urn:un:"
       "unece:uncefact:data:standard:CrossIndustryInvoice:100\">",
       v1::CII_INVOICE},
  };
  for (const Case& c : cases) {
    absl::StatusOr<SniffedMedia> media = SniffMedia(c.head);
    ASSERT_TRUE(media.ok()) << media.status();
    EXPECT_EQ(media->kind, c.kind) << c.head;
  }
}

TEST(MediaSnifferTest, FindsPdfHeaderAfterLeadingJunk) {
  std::string head(300, ' ');
  head += "%PDF-1.4";
  EXPECT_EQ(SniffMedia(head)->kind, v1::PDF);
}

TEST(MediaSnifferTest, RejectsEmptyInput) {
  absl::Status s = SniffMedia("").status();
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  EXPECT_THAT(std::string(s.message()), HasSubstr("empty"));
}

TEST(MediaSnifferTest, NamesWhatWasFound) {
  EXPECT_THAT(std::string(SniffMedia("hello world\n").status().message()),
              HasSubstr("plain text"));
  EXPECT_THAT(
      std::string(SniffMedia("PK\x03\x04 rest of zip").status().message()),
      HasSubstr("ZIP"));
  EXPECT_THAT(
      std::string(
          SniffMedia(std::string("\x01\x02\x03\x00", 4)).status().message()),
      HasSubstr("01020300"));
}

TEST(MediaSnifferTest, RejectsXmlThatIsNotAnInvoice) {
  absl::Status s =
      SniffMedia("<?xml version=\"1.0\"?><html xmlns=\"x\"></html>").status();
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  EXPECT_THAT(std::string(s.message()), HasSubstr("<html>"));
  // The right local name in the wrong namespace is not an invoice either.
  EXPECT_FALSE(SniffMedia("<Invoice xmlns=\"urn:other\">").ok());
}

TEST(MediaSnifferTest, DeclaredTypeComparisonIgnoresCaseAndParameters) {
  EXPECT_TRUE(DeclaredTypeMatches("Application/PDF", v1::PDF));
  EXPECT_TRUE(DeclaredTypeMatches("text/xml; charset=utf-8", v1::CII_INVOICE));
  EXPECT_FALSE(DeclaredTypeMatches("image/png", v1::PDF));
  EXPECT_FALSE(DeclaredTypeMatches("application/pdf", v1::JPEG));
}

}  // namespace
}  // namespace docintake::intake
