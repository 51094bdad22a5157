// The KoSIT-style verdict over the whole e-invoice corpus: for every
// instance of einvoice/verdicts.tsv the same `accept` and `accept_en16931`,
// and for every complete instance (not an EN 16931 unit-test fragment) the
// same set of error-level rule ids as `fatal_rule_ids` (pseudo ids such as
// NO-MATCHING-SCENARIO and XSD-SCHEMA included) — once with our own
// structural schema checks and once with libxml2 and the corpus's xsd/
// folder as the configured schema directory. ZUGFeRD/Factur-X PDFs are
// validated through their embedded invoice. The (file, rule id) pairs of
// ../rules/exceptions.tsv, where we are sure the labels are wrong, are left
// out of the comparison.
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/schema/structural_schema_validator.h"
#include "intake/einvoice/schema/xsd_directory_schema_validator.h"
#include "intake/einvoice/validate_invoice.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

using testing::Manifest;

constexpr char kPdfNoEmbeddedXml[] = "PDF-NO-EMBEDDED-XML";

std::set<std::string> Ids(const std::string& cell) {
  std::set<std::string> out;
  for (absl::string_view id : absl::StrSplit(cell, ',', absl::SkipEmpty())) {
    out.insert(std::string(absl::StripAsciiWhitespace(id)));
  }
  return out;
}

std::set<std::string> ErrorIds(const InvoiceReport& report) {
  std::set<std::string> out;
  for (const Finding& f : report.findings) {
    if (f.severity == Severity::kFatal) out.insert(f.rule_id);
  }
  return out;
}

struct Outcome {
  bool accept = false;
  bool accept_en16931 = false;
  std::set<std::string> errors;
};

Outcome Validate(const std::string& path, bool pdf,
                 const SchemaValidator& schema) {
  std::string bytes = testing::ReadFileOrDie(path);
  if (pdf) {
    absl::StatusOr<PdfInvoiceFacts> facts = ReadPdfInvoice(bytes);
    if (!facts.ok() || facts->invoice() == nullptr) {
      return {false, false, {kPdfNoEmbeddedXml}};
    }
    bytes = facts->invoice()->bytes;
  }
  ValidationOptions options;
  options.schema_validator = &schema;
  const InvoiceReport report = ValidateInvoiceXml(bytes, options);
  return {report.accept, report.accept_en16931, ErrorIds(report)};
}

// file + "#" + rule id of every deliberate exception.
std::set<std::string> Exceptions() {
  const std::string text =
      testing::ReadFileOrDie(std::string(DOCINTAKE_SOURCE_DIR) +
                             "/tests/einvoice/rules/exceptions.tsv");
  std::set<std::string> out;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#' || absl::StartsWith(line, "file\t")) {
      continue;
    }
    const std::vector<absl::string_view> cells = absl::StrSplit(line, '\t');
    if (cells.size() >= 2) out.insert(absl::StrCat(cells[0], "#", cells[1]));
  }
  return out;
}

void Drop(const std::string& file, const std::set<std::string>& exceptions,
          std::set<std::string>& ids) {
  for (auto it = ids.begin(); it != ids.end();) {
    it = exceptions.count(file + "#" + *it) ? ids.erase(it) : std::next(it);
  }
}

// Runs every row with `schema`; returns the number of rows checked.
int CheckCorpus(const std::string& corpus, const SchemaValidator& schema) {
  const std::string dir = corpus + "/einvoice/";
  const std::set<std::string> exceptions = Exceptions();
  const Manifest verdicts = testing::ReadManifest(dir + "verdicts.tsv");
  EXPECT_GT(verdicts.rows.size(), 1000u);
  int checked = 0, accept_agree = 0, en16931_agree = 0, ids_agree = 0,
      complete = 0;
  for (const auto& row : verdicts.rows) {
    const std::string file = verdicts.Get(row, "file");
    SCOPED_TRACE(file);
    Outcome ours =
        Validate(dir + file, verdicts.Get(row, "syntax") == "pdf", schema);
    ++checked;
    const bool accept = verdicts.Get(row, "accept") == "yes";
    EXPECT_EQ(ours.accept, accept)
        << file << ": ours " << absl::StrJoin(ours.errors, ",");
    accept_agree += ours.accept == accept;
    const std::string en16931 = verdicts.Get(row, "accept_en16931");
    if (en16931 == "yes" || en16931 == "no") {
      EXPECT_EQ(ours.accept_en16931, en16931 == "yes") << file;
      en16931_agree += ours.accept_en16931 == (en16931 == "yes");
    }
    if (absl::StartsWith(file, "en16931/unit/")) continue;
    ++complete;
    std::set<std::string> want = Ids(verdicts.Get(row, "fatal_rule_ids"));
    Drop(file, exceptions, want);
    Drop(file, exceptions, ours.errors);
    EXPECT_EQ(ours.errors, want)
        << file << ": ours " << absl::StrJoin(ours.errors, ",") << " manifest "
        << absl::StrJoin(want, ",");
    ids_agree += ours.errors == want;
  }
  std::printf(
      "[verdict] accept %d/%d, accept_en16931 %d, error ids %d/%d complete\n",
      accept_agree, checked, en16931_agree, ids_agree, complete);
  return checked;
}

TEST(VerdictCorpusTest, WithOurStructuralSchemaChecks) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  StructuralSchemaValidator schema;
  EXPECT_GT(CheckCorpus(corpus, schema), 1000);
}

TEST(VerdictCorpusTest, WithAConfiguredSchemaDirectory) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  absl::StatusOr<std::unique_ptr<XsdDirectorySchemaValidator>> schema =
      XsdDirectorySchemaValidator::Create(corpus + "/einvoice/xsd");
  ASSERT_TRUE(schema.ok()) << schema.status();
  EXPECT_GT(CheckCorpus(corpus, **schema), 1000);
}

}  // namespace
}  // namespace docintake::einvoice
