// The XRechnung rule families against the XRechnung Schematron's own test
// expectations (test-expectations.tsv, test_source "xr"): for every
// materialised XML-Mutate case that names one of our rules, the rule fires
// at any level ("invalid") or does not fire ("valid"), as the oracle says.
// The rule set is applied whatever scenario the mutated document selects,
// as the labels do.
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "intake/einvoice/invoice_parser.h"
#include "intake/einvoice/rules/rule_engine.h"
#include "intake/einvoice/validate_invoice.h"
#include "intake/einvoice/xml_document.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

std::set<std::string> OurXRechnungIds() {
  std::set<std::string> ids;
  for (const std::string& id : ImplementedRuleIds(RuleSet::kXRechnung)) {
    ids.insert(id);
  }
  return ids;
}

TEST(XRechnungExpectationsTest, MutatedCasesFireAsTheOracleSays) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const testing::Manifest tests =
      testing::ReadManifest(dir + "/test-expectations.tsv");
  const std::set<std::string> ours = OurXRechnungIds();
  int checked = 0, agree = 0;
  for (const auto& row : tests.rows) {
    if (tests.Get(row, "test_source") != "xr") continue;
    const std::string rule = tests.Get(row, "expected_rule");
    if (ours.count(rule) == 0) continue;
    const std::string file = tests.Get(row, "file");
    const std::string outcome = tests.Get(row, "oracle_outcome");
    absl::StatusOr<XmlDocument> doc =
        XmlDocument::Parse(testing::ReadFileOrDie(dir + "/" + file));
    ASSERT_TRUE(doc.ok()) << file;
    absl::StatusOr<Invoice> invoice = ParseInvoice(*doc);
    ASSERT_TRUE(invoice.ok()) << file;
    const RuleContext context{*invoice, *doc};
    bool fired = false;
    for (const Finding& f : RunRuleSet(RuleSet::kXRechnung, context)) {
      fired |= f.rule_id == rule;
    }
    ++checked;
    if (fired == (outcome == "invalid")) {
      ++agree;
    } else {
      ADD_FAILURE() << file << ": " << rule << " oracle " << outcome
                    << ", ours " << (fired ? "fires" : "does not fire");
    }
  }
  std::printf("[xrechnung] xr test expectations agree %d / %d\n", agree,
              checked);
  EXPECT_GT(checked, 50);
}

// Warnings and information of our XRechnung rules (which the error-level
// corpus test does not look at) agree with expected.tsv on every XML
// instance that selects an XRechnung scenario.
TEST(XRechnungExpectationsTest, WarningsAgreeWithExpectedTsv) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const testing::Manifest verdicts =
      testing::ReadManifest(dir + "/verdicts.tsv");
  const testing::Manifest expected =
      testing::ReadManifest(dir + "/expected.tsv");
  const std::set<std::string> ours = OurXRechnungIds();
  std::map<std::string, std::multiset<std::string>> oracle;
  for (const auto& row : expected.rows) {
    const std::string id = expected.Get(row, "rule_id");
    const std::string flag = expected.Get(row, "flag_after_scenario");
    if (ours.count(id) == 0 || flag == "fatal") continue;
    oracle[expected.Get(row, "file")].insert(id + " " + flag);
  }
  int instances = 0, agree = 0;
  for (const auto& row : verdicts.rows) {
    const std::string file = verdicts.Get(row, "file");
    if (absl::EndsWith(file, ".pdf") ||
        absl::StartsWith(file, "en16931/unit/")) {
      continue;
    }
    const InvoiceReport report =
        ValidateInvoiceXml(testing::ReadFileOrDie(dir + "/" + file));
    if (!IsXRechnungScenario(report.scenario)) continue;
    ++instances;
    std::multiset<std::string> mine;
    for (const Finding& f : report.findings) {
      if (ours.count(f.rule_id) == 0 || f.severity == Severity::kFatal) {
        continue;
      }
      if (f.rule_id.rfind("DOCINTAKE-", 0) == 0) continue;
      mine.insert(f.rule_id + " " + std::string(SeverityName(f.severity)));
    }
    if (mine == oracle[file]) {
      ++agree;
    } else {
      std::string a, b;
      for (const std::string& x : mine) a += x + ", ";
      for (const std::string& x : oracle[file]) b += x + ", ";
      ADD_FAILURE() << file << ": ours {" << a << "} oracle {" << b << "}";
    }
  }
  std::printf("[xrechnung] warnings/information agree %d / %d instances\n",
              agree, instances);
  EXPECT_GT(instances, 100);
}

int Count(const InvoiceReport& report, absl::string_view id) {
  int n = 0;
  for (const Finding& f : report.findings) {
    if (f.rule_id != id) continue;
    EXPECT_EQ(f.severity, Severity::kWarning) << id;
    ++n;
  }
  return n;
}

// The docintake checks on an accepted XRechnung sample: its Leitweg-ID
// 04011000-12345-03 and IBAN DE75 5121 0800 1245 1261 99 are valid (MOD 97
// checked by hand), its seller VAT id "DE 123456789" is not (the MOD 11,10
// check digit of 12345678 is 8). Wrong digits become warnings only.
TEST(DocintakeChecksTest, WarnWithoutChangingTheVerdict) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  std::string xml = testing::ReadFileOrDie(
      corpus +
      "/einvoice/xrechnung-testsuite/business-cases/standard/"
      "01.01a-INVOICE_ubl.xml");
  const InvoiceReport original = ValidateInvoiceXml(xml);
  EXPECT_TRUE(original.accept);
  EXPECT_EQ(Count(original, "DOCINTAKE-LEITWEG-ID"), 0);
  EXPECT_EQ(Count(original, "DOCINTAKE-IBAN"), 0);
  EXPECT_EQ(Count(original, "DOCINTAKE-VAT-ID"), 1);

  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"04011000-12345-03",
                                            "04011000-12345-04"},
        {"DE75512108001245126199", "DE75512108001245126198"}}) {
    const size_t at = xml.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    xml.replace(at, from.size(), to);
  }
  const InvoiceReport mutated = ValidateInvoiceXml(xml);
  EXPECT_TRUE(mutated.accept);
  EXPECT_EQ(Count(mutated, "DOCINTAKE-LEITWEG-ID"), 1);
  EXPECT_EQ(Count(mutated, "DOCINTAKE-IBAN"), 1);
}

}  // namespace
}  // namespace docintake::einvoice
