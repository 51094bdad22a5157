// Both schema validators over every UBL / CII instance of the corpus's
// verdicts.tsv (PDFs: the embedded invoice), against its xsd_valid column:
// - XsdDirectorySchemaValidator with the corpus folder's xsd/ must agree on
//   every instance and report the XSD-SCHEMA locations ("line N element X")
//   of expected.tsv and expected-unit-fragments-all.tsv.gz;
// - StructuralSchemaValidator (no schema files) must agree except for the
//   instances listed in structural_exceptions.tsv beside this file, and at
//   least at the agreement rate asserted below.
#include <zlib.h>

#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/schema/structural_schema_validator.h"
#include "intake/einvoice/schema/xsd_directory_schema_validator.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

// Agreement floor of the structural validator (instances with xsd_valid
// yes/no); 100 % minus the listed exceptions.
constexpr double kStructuralAgreementFloor = 1.0;

struct Instance {
  std::string file;
  bool xsd_valid;
};

std::vector<Instance> SchemaInstances(const std::string& dir) {
  const testing::Manifest verdicts =
      testing::ReadManifest(dir + "/verdicts.tsv");
  std::vector<Instance> out;
  for (const auto& row : verdicts.rows) {
    const std::string valid = verdicts.Get(row, "xsd_valid");
    if (valid != "yes" && valid != "no") continue;
    out.push_back({verdicts.Get(row, "file"), valid == "yes"});
  }
  return out;
}

// The invoice XML of a corpus file (PDFs: the embedded one).
std::string InvoiceBytes(const std::string& dir, const std::string& file) {
  std::string bytes = testing::ReadFileOrDie(dir + "/" + file);
  if (!absl::EndsWith(file, ".pdf")) return bytes;
  absl::StatusOr<PdfInvoiceFacts> facts = ReadPdfInvoice(bytes);
  if (!facts.ok() || facts->invoice() == nullptr) return "";
  return facts->invoice()->bytes;
}

std::string Gunzip(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr) return "";
  std::string out;
  char buf[65536];
  int n;
  while ((n = gzread(in, buf, sizeof buf)) > 0) out.append(buf, buf + n);
  gzclose(in);
  return out;
}

// file -> the XSD-SCHEMA locations of the oracle.
std::map<std::string, std::multiset<std::string>> OracleLocations(
    const std::string& dir) {
  std::map<std::string, std::multiset<std::string>> out;
  const std::string text = testing::ReadFileOrDie(dir + "/expected.tsv") +
                           Gunzip(dir + "/expected-unit-fragments-all.tsv.gz");
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    // file syntax profile rule_id flag_after flag_original rule_set location
    if (cols.size() < 8 || cols[3] != "XSD-SCHEMA") continue;
    out[cols[0]].insert(cols[7]);
  }
  return out;
}

struct Outcome {
  bool ok = false;  // validation ran
  std::vector<Finding> findings;
};

Outcome ValidateBytes(const SchemaValidator& validator,
                      const std::string& bytes) {
  Outcome outcome;
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(bytes);
  if (!doc.ok()) return outcome;
  const Syntax syntax = Detect(*doc).syntax;
  absl::StatusOr<std::vector<Finding>> findings =
      validator.Validate(*doc, syntax);
  if (!findings.ok()) return outcome;
  outcome.ok = true;
  outcome.findings = std::move(*findings);
  return outcome;
}

std::set<std::string> StructuralExceptions() {
  std::set<std::string> out;
  const std::string text = testing::ReadFileOrDie(
      std::string(DOCINTAKE_SCHEMA_TEST_DIR) + "/structural_exceptions.tsv");
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 2 || cols[0] == "file") continue;
    out.insert(cols[0]);
  }
  return out;
}

TEST(CorpusSchemaTest, DirectoryValidatorAgreesOnEveryInstance) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  absl::StatusOr<std::unique_ptr<XsdDirectorySchemaValidator>> validator =
      XsdDirectorySchemaValidator::Create(dir + "/xsd");
  ASSERT_TRUE(validator.ok()) << validator.status();
  const auto oracle = OracleLocations(dir);
  int agree = 0, total = 0, locations_agree = 0;
  for (const Instance& instance : SchemaInstances(dir)) {
    ++total;
    const Outcome outcome =
        ValidateBytes(**validator, InvoiceBytes(dir, instance.file));
    ASSERT_TRUE(outcome.ok) << instance.file;
    const bool valid = outcome.findings.empty();
    if (valid == instance.xsd_valid) {
      ++agree;
    } else {
      ADD_FAILURE() << instance.file << ": schema-valid here "
                    << (valid ? "yes" : "no") << ", in verdicts.tsv "
                    << (instance.xsd_valid ? "yes" : "no");
    }
    std::multiset<std::string> ours;
    for (const Finding& f : outcome.findings) {
      EXPECT_EQ(f.rule_id, kRuleXsdSchema);
      EXPECT_EQ(f.severity, Severity::kFatal);
      ours.insert(f.location);
    }
    const auto it = oracle.find(instance.file);
    const std::multiset<std::string> theirs =
        it == oracle.end() ? std::multiset<std::string>() : it->second;
    if (ours == theirs) {
      ++locations_agree;
    } else {
      ADD_FAILURE() << instance.file << ": XSD-SCHEMA locations differ from "
                    << "the oracle (" << ours.size() << " here, "
                    << theirs.size() << " there)";
    }
  }
  std::printf(
      "[schema] directory: xsd_valid agrees %d / %d, locations %d / %d\n",
      agree, total, locations_agree, total);
  EXPECT_EQ(total, 1189);  // 162 CII + 181 CreditNote + 842 Invoice + 4 PDFs
  EXPECT_EQ(agree, total);
}

TEST(CorpusSchemaTest, StructuralValidatorAgreesExceptForListedInstances) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const StructuralSchemaValidator validator;
  const std::set<std::string> exceptions = StructuralExceptions();
  const auto oracle = OracleLocations(dir);
  int agree = 0, total = 0, locations_agree = 0;
  std::map<std::string, int> by_folder_total, by_folder_agree;
  for (const Instance& instance : SchemaInstances(dir)) {
    ++total;
    const std::string folder =
        instance.file.substr(0, instance.file.find('/', 0));
    ++by_folder_total[folder];
    const Outcome outcome =
        ValidateBytes(validator, InvoiceBytes(dir, instance.file));
    ASSERT_TRUE(outcome.ok) << instance.file;
    const bool valid = outcome.findings.empty();
    std::multiset<std::string> ours;
    for (const Finding& f : outcome.findings) ours.insert(f.location);
    const auto it = oracle.find(instance.file);
    if (it == oracle.end() ? ours.empty() : ours == it->second) {
      ++locations_agree;
    }
    if (valid == instance.xsd_valid) {
      ++agree;
      ++by_folder_agree[folder];
      EXPECT_EQ(exceptions.count(instance.file), 0u)
          << instance.file << " agrees now; drop it from "
          << "structural_exceptions.tsv";
      continue;
    }
    std::string first;
    if (!outcome.findings.empty()) {
      first =
          outcome.findings[0].location + ": " + outcome.findings[0].message_en;
    }
    std::printf("[schema] structural disagrees: %s (here %s, oracle %s) %s\n",
                instance.file.c_str(), valid ? "valid" : "invalid",
                instance.xsd_valid ? "valid" : "invalid", first.c_str());
    EXPECT_EQ(exceptions.count(instance.file), 1u)
        << instance.file << " disagrees and is not in "
        << "structural_exceptions.tsv";
  }
  for (const auto& [folder, n] : by_folder_total) {
    std::printf("[schema] structural %-22s %d / %d\n", folder.c_str(),
                by_folder_agree[folder], n);
  }
  std::printf(
      "[schema] structural: xsd_valid agrees %d / %d, "
      "same locations %d / %d\n",
      agree, total, locations_agree, total);
  EXPECT_EQ(total, 1189);
  EXPECT_GE(static_cast<double>(agree),
            kStructuralAgreementFloor * total -
                static_cast<double>(exceptions.size()));
}

}  // namespace
}  // namespace docintake::einvoice
