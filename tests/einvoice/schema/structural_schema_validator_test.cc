// StructuralSchemaValidator on hand-made documents (schema_cases.h): the
// XSD-SCHEMA locations xmllint reports with the official schemas, without
// any schema file.
#include "intake/einvoice/schema/structural_schema_validator.h"

#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/einvoice/schema/schema_cases.h"

namespace docintake::einvoice {
namespace {

using schema_test::CaseDocument;
using schema_test::SchemaCase;
using schema_test::SchemaCases;

class StructuralSchemaCaseTest : public ::testing::TestWithParam<SchemaCase> {};

TEST_P(StructuralSchemaCaseTest, ReportsWhatXmllintReports) {
  const SchemaCase& c = GetParam();
  const std::string bytes = CaseDocument(c);
  ASSERT_FALSE(bytes.empty()) << "mutation did not apply";
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(bytes);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const StructuralSchemaValidator validator;
  absl::StatusOr<std::vector<Finding>> findings =
      validator.Validate(*doc, c.cii ? Syntax::kCii : Syntax::kUblInvoice);
  ASSERT_TRUE(findings.ok()) << findings.status();
  std::multiset<std::string> ours;
  for (const Finding& f : *findings) {
    EXPECT_EQ(f.rule_id, "XSD-SCHEMA");
    EXPECT_EQ(f.severity, Severity::kFatal);
    EXPECT_FALSE(f.message_en.empty());
    EXPECT_FALSE(f.message_de.empty());
    ours.insert(f.location);
  }
  EXPECT_EQ(ours,
            std::multiset<std::string>(c.locations.begin(), c.locations.end()));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StructuralSchemaCaseTest, ::testing::ValuesIn(SchemaCases()),
    [](const ::testing::TestParamInfo<SchemaCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(StructuralSchemaValidatorTest, RefusesOtherDocuments) {
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse("<a/>");
  ASSERT_TRUE(doc.ok());
  const StructuralSchemaValidator validator;
  EXPECT_EQ(validator.Validate(*doc, Syntax::kOther).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(StructuralSchemaValidatorTest, ReportsARootOfTheWrongSyntax) {
  // A CII document checked as UBL: no global declaration matches its root.
  absl::StatusOr<XmlDocument> doc =
      XmlDocument::Parse(schema_test::kCiiInvoice);
  ASSERT_TRUE(doc.ok());
  const StructuralSchemaValidator validator;
  absl::StatusOr<std::vector<Finding>> findings =
      validator.Validate(*doc, Syntax::kUblInvoice);
  ASSERT_TRUE(findings.ok());
  ASSERT_EQ(findings->size(), 1u);
  EXPECT_EQ((*findings)[0].location, "line 4 element CrossIndustryInvoice");
}

}  // namespace
}  // namespace docintake::einvoice
