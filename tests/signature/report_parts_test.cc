// The small pure parts of the validator: PDF dates, PAdES levels and the
// ETSI TS 119 102-2 XML report.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <string>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "signature/etsi_report.h"
#include "signature/internal/level.h"
#include "signature/internal/pdf_date.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;

absl::Time Utc(int y, int mo, int d, int h, int mi, int s) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

TEST(PdfDateTest, FullDateWithOffset) {
  EXPECT_EQ(ParsePdfDate("D:20231005140000+02'00'"),
            Utc(2023, 10, 5, 12, 0, 0));
  EXPECT_EQ(ParsePdfDate("D:20231005120000Z"), Utc(2023, 10, 5, 12, 0, 0));
  EXPECT_EQ(ParsePdfDate("D:20231005083000-03'30"), Utc(2023, 10, 5, 12, 0, 0));
}

TEST(PdfDateTest, PartsAfterTheYearAreOptional) {
  EXPECT_EQ(ParsePdfDate("D:2023"), Utc(2023, 1, 1, 0, 0, 0));
  EXPECT_EQ(ParsePdfDate("20231005"), Utc(2023, 10, 5, 0, 0, 0));
}

TEST(PdfDateTest, GarbageIsNoDate) {
  for (const char* bad : {"", "D:", "D:20x3", "D:20231305", "D:202310051",
                          "D:202310051200+", "yesterday"}) {
    EXPECT_EQ(ParsePdfDate(bad), std::nullopt) << bad;
  }
}

TEST(PadesLevelTest, BaselineLevelsBuildOnEachOther) {
  LevelFacts f;
  f.sub_filter = "ETSI.CAdES.detached";
  f.parsed = true;
  f.has_signed_attributes = true;
  f.has_ess_signing_certificate = true;
  EXPECT_EQ(PadesLevel(f), Validation::B_B);
  f.covered_by_document_timestamp = true;
  EXPECT_EQ(PadesLevel(f), Validation::B_T);
  f.has_validation_data = true;
  EXPECT_EQ(PadesLevel(f), Validation::B_LT);
  f.validation_data_timestamped = true;
  EXPECT_EQ(PadesLevel(f), Validation::B_LTA);
  f.covered_by_document_timestamp = false;
  f.has_signature_timestamp = true;
  EXPECT_EQ(PadesLevel(f), Validation::B_LTA);
  f.has_ess_signing_certificate = false;
  EXPECT_EQ(PadesLevel(f), Validation::BES);
}

TEST(PadesLevelTest, LegacyAndTimestamps) {
  LevelFacts f;
  f.sub_filter = "adbe.pkcs7.detached";
  f.parsed = true;
  EXPECT_EQ(PadesLevel(f), Validation::PDF_NOT_ETSI);
  f.has_signed_attributes = true;
  EXPECT_EQ(PadesLevel(f), Validation::PKCS7);
  f.has_signed_attributes = false;
  f.has_signature_timestamp = true;
  EXPECT_EQ(PadesLevel(f), Validation::PKCS7_T);
  f.parsed = false;
  EXPECT_EQ(PadesLevel(f), Validation::LEVEL_UNSPECIFIED);
  f.document_timestamp = true;
  EXPECT_EQ(PadesLevel(f), Validation::NO_LEVEL);
}

int CountElements(xmlNode* node, const std::string& name) {
  int n = 0;
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_ELEMENT_NODE &&
        name == reinterpret_cast<const char*>(node->name)) {
      ++n;
    }
    n += CountElements(node->children, name);
  }
  return n;
}

TEST(EtsiReportTest, OneWellFormedReportPerSignature) {
  v1::SignatureReport report;
  report.mutable_validation_time()->set_seconds(1696507200);
  Validation& passed = *report.add_signatures();
  passed.set_field_name("Sig <1> & \"co\"");
  passed.set_indication(v1::TOTAL_PASSED);
  passed.set_qualification(Validation::QESIG);
  Validation& failed = *report.add_signatures();
  failed.set_index(1);
  failed.set_indication(v1::TOTAL_FAILED);
  failed.set_subindication(v1::HASH_FAILURE);
  failed.add_errors("digest <mismatch>");
  const std::string xml = EtsiValidationReport(report);
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()),
                              "report.xml", nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr) << xml;
  xmlNode* root = xmlDocGetRootElement(doc);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href),
               "http://uri.etsi.org/19102/v1.2.1#");
  EXPECT_EQ(CountElements(root, "SignatureValidationReport"), 2);
  EXPECT_EQ(CountElements(root, "SubIndication"), 1);
  xmlFreeDoc(doc);
  EXPECT_NE(xml.find("urn:etsi:019102:mainindication:total-passed"),
            std::string::npos);
  EXPECT_NE(xml.find("urn:etsi:019102:subindication:HASH_FAILURE"),
            std::string::npos);
  EXPECT_NE(xml.find("2023-10-05T12:00:00Z"), std::string::npos);
  EXPECT_NE(xml.find("Sig &lt;1&gt; &amp; &quot;co&quot;"), std::string::npos);
}

}  // namespace
}  // namespace docintake::signature
