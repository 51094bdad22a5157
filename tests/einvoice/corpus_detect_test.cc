// Detection over every instance of the e-invoice corpus: syntax, BT-24 and
// KoSIT scenario as verdicts.tsv states them; and the model maps them all.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/invoice_parser.h"
#include "intake/einvoice/xml_document.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

TEST(CorpusDetectTest, EveryXmlRowAgreesWithVerdicts) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice/";
  const testing::Manifest m = testing::ReadManifest(dir + "verdicts.tsv");
  ASSERT_GT(m.rows.size(), 1000u);
  int checked = 0, not_well_formed = 0;
  for (const auto& row : m.rows) {
    const std::string file = m.Get(row, "file");
    const std::string syntax = m.Get(row, "syntax");
    if (syntax == "pdf") continue;  // covered by the PDF tests
    SCOPED_TRACE(file);
    const std::string bytes = testing::ReadFileOrDie(dir + file);
    absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(bytes);
    std::string got_syntax = "other", got_profile, got_scenario = "none";
    if (doc.ok()) {
      const Detection d = Detect(*doc);
      got_syntax = std::string(SyntaxName(d.syntax));
      got_profile = d.profile;
      got_scenario = std::string(ScenarioName(d.scenario));
      // The model maps every EN 16931 document, fragments included.
      absl::StatusOr<Invoice> inv = ParseInvoice(*doc);
      EXPECT_EQ(inv.ok(), d.syntax != Syntax::kOther) << inv.status();
      if (inv.ok()) {
        EXPECT_EQ(inv->syntax, d.syntax);
      }
    } else {
      ++not_well_formed;
      EXPECT_EQ(PseudoRuleIdOf(doc.status()), kRuleXmlNotWellFormed);
      EXPECT_NE(m.Get(row, "fatal_rule_ids").find("XML-NOT-WELLFORMED"),
                std::string::npos);
    }
    EXPECT_EQ(got_syntax, syntax);
    EXPECT_EQ(got_profile, m.Get(row, "profile"));
    EXPECT_EQ(got_scenario, m.Get(row, "scenario"));
    ++checked;
  }
  EXPECT_EQ(not_well_formed, 2);
  EXPECT_GT(checked, 1180);
}

TEST(DetectTest, ScenarioNeedsTheExactIdentifier) {
  EXPECT_EQ(SelectScenario(Syntax::kCii, kProfileXRechnung30),
            Scenario::kXRechnungCii);
  EXPECT_EQ(
      SelectScenario(Syntax::kCii, std::string(kProfileXRechnung30) + " "),
      Scenario::kNone);
  EXPECT_EQ(
      SelectScenario(Syntax::kUblCreditNote, kProfileXRechnung30Extension),
      Scenario::kNone);
  EXPECT_EQ(SelectScenario(Syntax::kUblInvoice, kProfileXRechnung30Extension),
            Scenario::kXRechnungExtensionUblInvoice);
  EXPECT_EQ(SelectScenario(Syntax::kUblCreditNote, kProfileXRechnung30Cvd),
            Scenario::kXRechnungCvdUblCreditNote);
  EXPECT_EQ(SelectScenario(Syntax::kOther, kProfileEn16931), Scenario::kNone);
  EXPECT_TRUE(IsXRechnungScenario(Scenario::kXRechnungCvdCii));
  EXPECT_FALSE(IsXRechnungScenario(Scenario::kEn16931Cii));
}

}  // namespace
}  // namespace docintake::einvoice
