// The rule engine against the corpus labels, restricted to the rule families
// implemented so far (kCheckedFamilies; the list grows with the families):
// - expected.tsv: for every complete instance (not the EN 16931 unit
//   fragments) the set of error-level rule ids of those families equals the
//   oracle's (after the scenario's overrides; for instances without a
//   scenario, the informative EN 16931 findings with their own flags);
// - test-expectations.tsv: for the EN 16931 unit fragments of implemented
//   rules, the tested rule fires (with the stated count) or does not.
// Deliberate exceptions are listed in exceptions.tsv beside this file.
// The accept / accept_en16931 verdict test comes once all families exist.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/rules/rule_engine.h"
#include "intake/einvoice/validate_invoice.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

// The families whose labels are asserted.
const char* const kCheckedFamilies[] = {
    "BR core",
    "BR-CO",
    "BR-DEC",
    "XRechnung",
    "XRechnung Peppol",
    "XRechnung Extension/CVD",
    "BR-CL",
    "BR-B",
    "UBL syntax",
    "CII syntax",
    "VAT categories",
};

struct Exception {
  std::string file, rule_id, reason;
};

std::vector<Exception> ReadExceptions() {
  std::vector<Exception> out;
  const std::string text = testing::ReadFileOrDie(
      std::string(DOCINTAKE_RULES_TEST_DIR) + "/exceptions.tsv");
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 3 || cols[0] == "file") continue;
    out.push_back({cols[0], cols[1], cols[2]});
  }
  return out;
}

bool Excepted(const std::vector<Exception>& exceptions, const std::string& file,
              const std::string& rule_id) {
  for (const Exception& e : exceptions) {
    if (e.file == file && e.rule_id == rule_id) return true;
  }
  return false;
}

// rule id -> family name, for the checked families.
std::map<std::string, std::string> CheckedRuleIds() {
  std::map<std::string, std::string> ids;
  for (const RuleFamily* family : RuleFamilies()) {
    for (const char* name : kCheckedFamilies) {
      if (absl::string_view(family->name) != name) continue;
      for (const RuleDefinition& rule : family->rules) {
        ids[rule.id] = family->name;
      }
    }
  }
  return ids;
}

// Our findings for a corpus file (PDFs: the embedded invoice).
bool ReportFor(const std::string& dir, const std::string& file,
               InvoiceReport* report) {
  std::string bytes = testing::ReadFileOrDie(dir + "/" + file);
  if (absl::EndsWith(file, ".pdf")) {
    absl::StatusOr<PdfInvoiceFacts> facts = ReadPdfInvoice(bytes);
    if (!facts.ok() || facts->invoice() == nullptr) return false;
    bytes = facts->invoice()->bytes;
  }
  *report = ValidateInvoiceXml(bytes);
  return true;
}

// The error-level ids of the rule findings that count for the comparison.
std::multiset<std::string> OurErrors(const InvoiceReport& report,
                                     Severity level) {
  const std::vector<Finding>& findings = report.scenario == Scenario::kNone
                                             ? report.en16931_findings
                                             : report.findings;
  std::multiset<std::string> out;
  for (const Finding& f : findings) {
    if (f.severity == level) out.insert(f.rule_id);
  }
  return out;
}

TEST(CorpusRulesTest, ErrorRuleIdsAgreeWithExpectedTsv) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const testing::Manifest verdicts =
      testing::ReadManifest(dir + "/verdicts.tsv");
  const testing::Manifest expected =
      testing::ReadManifest(dir + "/expected.tsv");
  const std::vector<Exception> exceptions = ReadExceptions();
  const std::map<std::string, std::string> checked = CheckedRuleIds();
  ASSERT_FALSE(checked.empty());

  std::map<std::string, std::set<std::string>> oracle;
  for (const auto& row : expected.rows) {
    const std::string id = expected.Get(row, "rule_id");
    if (checked.count(id) == 0) continue;
    if (expected.Get(row, "flag_after_scenario") != "fatal") continue;
    oracle[expected.Get(row, "file")].insert(id);
  }

  std::map<std::string, int> agree, disagree;
  int instances = 0;
  for (const auto& row : verdicts.rows) {
    const std::string file = verdicts.Get(row, "file");
    if (absl::StartsWith(file, "en16931/unit/")) continue;
    InvoiceReport report;
    if (!ReportFor(dir, file, &report)) continue;
    ++instances;
    std::set<std::string> ours;
    for (const std::string& id : OurErrors(report, Severity::kFatal)) {
      if (checked.count(id) != 0) ours.insert(id);
    }
    const std::set<std::string>& theirs = oracle[file];
    std::map<std::string, bool> family_ok;
    for (const auto& [id, family] : checked) {
      family_ok.emplace(family, true);
      if (ours.count(id) == theirs.count(id)) continue;
      if (Excepted(exceptions, file, id)) continue;
      family_ok[family] = false;
      ADD_FAILURE() << file << ": " << id
                    << (ours.count(id) ? " fires here but not in the oracle"
                                       : " fires in the oracle but not here");
    }
    for (const auto& [family, ok] : family_ok)
      ++(ok ? agree : disagree)[family];
  }
  for (const char* family : kCheckedFamilies) {
    std::printf("[rules] %-8s agree %d / %d instances\n", family, agree[family],
                agree[family] + disagree[family]);
  }
  EXPECT_GT(instances, 250);
}

TEST(CorpusRulesTest, UnitFragmentsFireAsTheOracleSays) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const testing::Manifest tests =
      testing::ReadManifest(dir + "/test-expectations.tsv");
  const std::vector<Exception> exceptions = ReadExceptions();
  const std::map<std::string, std::string> checked = CheckedRuleIds();
  std::map<std::string, int> agree, total;
  for (const auto& row : tests.rows) {
    const std::string file = tests.Get(row, "file");
    const std::string rule = tests.Get(row, "expected_rule");
    if (tests.Get(row, "test_source") != "cen") continue;
    if (!absl::StartsWith(file, "en16931/unit/")) continue;
    if (checked.count(rule) == 0 || Excepted(exceptions, file, rule)) continue;
    const std::string outcome = tests.Get(row, "oracle_outcome");
    InvoiceReport report;
    ASSERT_TRUE(ReportFor(dir, file, &report)) << file;
    int fatal = 0, warning = 0;
    for (const Finding& f : report.en16931_findings) {
      if (f.rule_id != rule) continue;
      (f.original_severity == Severity::kFatal ? fatal : warning)++;
    }
    bool ok = false;
    const std::vector<std::string> parts = absl::StrSplit(outcome, " x");
    const int count = parts.size() > 1 ? std::stoi(parts[1]) : -1;
    if (parts[0] == "success") {
      ok = fatal + warning == 0;
    } else if (parts[0] == "error") {
      ok = count < 0 ? fatal > 0 : fatal == count;
    } else if (parts[0] == "warning") {
      ok = count < 0 ? warning > 0 : warning == count;
    }
    ++total[checked.at(rule)];
    if (ok) {
      ++agree[checked.at(rule)];
    } else {
      ADD_FAILURE() << file << ": " << rule << " expected " << outcome
                    << ", fired " << fatal << " fatal / " << warning
                    << " warning";
    }
  }
  for (const char* family : kCheckedFamilies) {
    std::printf("[rules] %-8s unit fragments agree %d / %d\n", family,
                agree[family], total[family]);
  }
}

}  // namespace
}  // namespace docintake::einvoice
