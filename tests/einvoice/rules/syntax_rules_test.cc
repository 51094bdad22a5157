// The syntax rule families ("UBL syntax", "CII syntax") against every
// finding of the corpus labels, at every level: for each instance of
// verdicts.tsv (the unit fragments with expected-unit-fragments-all.tsv.gz)
// the multiset of (rule id, original flag, location) of the ids these
// families implement must equal the oracle's EN 16931 findings. Exceptions
// come from exceptions.tsv beside this file (file + rule id). Also small
// hand-made documents for the path helper and single rules.
#include <zlib.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/rules/internal/syntax_table.h"
#include "intake/einvoice/rules/rule_engine.h"
#include "intake/einvoice/validate_invoice.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

const char* const kFamilies[] = {"UBL syntax", "CII syntax"};

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

std::set<std::string> FamilyRuleIds() {
  std::set<std::string> ids;
  for (const RuleFamily* family : RuleFamilies()) {
    for (const char* name : kFamilies) {
      if (absl::string_view(family->name) != name) continue;
      for (const RuleDefinition& rule : family->rules) ids.insert(rule.id);
    }
  }
  return ids;
}

std::set<std::pair<std::string, std::string>> Exceptions() {
  std::set<std::pair<std::string, std::string>> out;
  const std::string text = testing::ReadFileOrDie(
      std::string(DOCINTAKE_RULES_TEST_DIR) + "/exceptions.tsv");
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() >= 2) out.insert({cols[0], cols[1]});
  }
  return out;
}

std::string Key(absl::string_view id, absl::string_view flag,
                absl::string_view location) {
  return absl::StrCat(id, " ", flag, " ", location);
}

TEST(SyntaxRulesTest, AllFindingsAgreeWithTheLabels) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const std::set<std::string> ids = FamilyRuleIds();
  ASSERT_GT(ids.size(), 500u);
  const auto exceptions = Exceptions();

  // file -> oracle keys of our ids (EN 16931 rule set only).
  // expected.tsv repeats the tested rule's findings of the unit fragments,
  // whose complete findings are in the .gz file.
  std::map<std::string, std::multiset<std::string>> oracle;
  auto load = [&](const std::string& text, bool fragments) {
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      std::vector<std::string> cols = absl::StrSplit(line, '\t');
      // file syntax profile rule_id flag_after flag_original rule_set location
      if (cols.size() < 8 || ids.count(cols[3]) == 0) continue;
      if (cols[6] != "EN16931-1.3.15") continue;
      if (absl::StartsWith(cols[0], "en16931/unit/") != fragments) continue;
      oracle[cols[0]].insert(Key(cols[3], cols[5], cols[7]));
    }
  };
  load(testing::ReadFileOrDie(dir + "/expected.tsv"), false);
  load(Gunzip(dir + "/expected-unit-fragments-all.tsv.gz"), true);

  const testing::Manifest verdicts =
      testing::ReadManifest(dir + "/verdicts.tsv");
  int instances = 0, agree = 0, findings = 0;
  for (const auto& row : verdicts.rows) {
    const std::string file = verdicts.Get(row, "file");
    std::string bytes = testing::ReadFileOrDie(dir + "/" + file);
    if (absl::EndsWith(file, ".pdf")) {
      absl::StatusOr<PdfInvoiceFacts> facts = ReadPdfInvoice(bytes);
      if (!facts.ok() || facts->invoice() == nullptr) continue;
      bytes = facts->invoice()->bytes;
    }
    const InvoiceReport report = ValidateInvoiceXml(bytes);
    std::multiset<std::string> ours;
    for (const Finding& f : report.en16931_findings) {
      if (ids.count(f.rule_id) == 0) continue;
      if (exceptions.count({file, f.rule_id}) != 0) continue;
      ours.insert(
          Key(f.rule_id, SeverityName(f.original_severity), f.location));
    }
    std::multiset<std::string> theirs;
    for (const std::string& k : oracle[file]) {
      const std::string id = k.substr(0, k.find(' '));
      if (exceptions.count({file, id}) == 0) theirs.insert(k);
    }
    ++instances;
    findings += static_cast<int>(theirs.size());
    if (ours == theirs) {
      ++agree;
      continue;
    }
    for (const std::string& k : ours) {
      if (theirs.count(k) < ours.count(k)) {
        ADD_FAILURE() << file << ": extra " << k;
      }
    }
    for (const std::string& k : theirs) {
      if (ours.count(k) < theirs.count(k)) {
        ADD_FAILURE() << file << ": missing " << k;
      }
    }
  }
  std::printf(
      "[syntax] %d / %d instances agree (%d oracle findings, %zu rule ids)\n",
      agree, instances, findings, ids.size());
  EXPECT_GT(instances, 1100);
  EXPECT_GT(findings, 250);
}

using internal::SyntaxScope;

XmlDocument Parse(absl::string_view xml) {
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(xml);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return std::move(*doc);
}

TEST(SyntaxRulesTest, ScopeCountsPathsAttributesChoicesAndDescendants) {
  const XmlDocument doc = Parse(
      "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'"
      " xmlns:cac='urn:oasis:names:specification:ubl:schema:xsd:"
      "CommonAggregateComponents-2'"
      " xmlns:cbc='urn:oasis:names:specification:ubl:schema:xsd:"
      "CommonBasicComponents-2'>"
      "<cac:InvoiceLine><cbc:ID schemeID='x'>1</cbc:ID></cac:InvoiceLine>"
      "<cac:InvoiceLine><cbc:ID>2</cbc:ID>"
      "<cac:SubInvoiceLine><cbc:ID>2.1</cbc:ID></cac:SubInvoiceLine>"
      "</cac:InvoiceLine>"
      "<cac:CreditNoteLine><cbc:ID>3</cbc:ID></cac:CreditNoteLine>"
      "</Invoice>");
  const SyntaxScope scope(doc);
  const XmlElement& root = scope.root();
  EXPECT_EQ(scope.Count(root, "cac:InvoiceLine"), 2);
  EXPECT_EQ(scope.Count(root, "cac:InvoiceLine/cbc:ID"), 2);
  EXPECT_EQ(scope.Count(root, "cac:InvoiceLine/cbc:ID/@schemeID"), 1);
  EXPECT_EQ(scope.Count(root, "(cac:InvoiceLine|cac:CreditNoteLine)/cbc:ID"),
            3);
  EXPECT_EQ(scope.Count(root, "//cbc:ID"), 4);
  EXPECT_EQ(scope.Count(root, "//@schemeID"), 1);
  EXPECT_EQ(scope.Count(root, "cac:SubInvoiceLine"), 0);
  EXPECT_EQ(scope.all().size(), 9u);
}

// Rule ids `family` reports for `xml`, each with its own flag.
std::multiset<std::string> Fired(absl::string_view xml) {
  const InvoiceReport report = ValidateInvoiceXml(xml);
  const std::set<std::string> ids = FamilyRuleIds();
  std::multiset<std::string> out;
  for (const Finding& f : report.en16931_findings) {
    if (ids.count(f.rule_id) != 0) out.insert(f.rule_id);
  }
  return out;
}

constexpr char kCiiHead[] =
    "<rsm:CrossIndustryInvoice"
    " xmlns:rsm='urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100'"
    " xmlns:ram='urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100'"
    " xmlns:udt='urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100'>"
    "<rsm:ExchangedDocumentContext><ram:"
    "GuidelineSpecifiedDocumentContextParameter>"
    "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>"
    "</ram:GuidelineSpecifiedDocumentContextParameter>"
    "</rsm:ExchangedDocumentContext>"
    "<rsm:ExchangedDocument><ram:TypeCode>380</ram:TypeCode>";

TEST(SyntaxRulesTest, CiiDatesAmountsAndTaxPointDates) {
  const std::string xml = absl::StrCat(
      kCiiHead,
      "<ram:IssueDateTime><udt:DateTimeString format='102'>2016-04-04"
      "</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>"
      "<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>"
      "<ram:ApplicableTradeTax><ram:TaxPointDate/></ram:ApplicableTradeTax>"
      "<ram:ApplicableTradeTax><ram:TaxPointDate/></ram:ApplicableTradeTax>"
      "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
      "<ram:LineTotalAmount currencyID='EUR'>1</ram:LineTotalAmount>"
      "<ram:TaxTotalAmount currencyID='EUR'>1</ram:TaxTotalAmount>"
      "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
      "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>"
      "</rsm:CrossIndustryInvoice>");
  const std::multiset<std::string> fired = Fired(xml);
  EXPECT_EQ(fired.count("CII-DT-097"), 1u);  // 2016-04-04 is not YYYYMMDD
  EXPECT_EQ(fired.count("CII-DT-031"), 1u);  // TaxTotalAmount is exempt
  EXPECT_EQ(fired.count("CII-SR-461"), 1u);  // two TaxPointDates
  EXPECT_EQ(fired.count("CII-SR-009"), 0u);
  EXPECT_EQ(fired.count("CII-SR-014"), 0u);
}

TEST(SyntaxRulesTest, UblPartyTaxSchemeAndPaymentMeansCodes) {
  const std::string xml =
      "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'"
      " xmlns:cac='urn:oasis:names:specification:ubl:schema:xsd:"
      "CommonAggregateComponents-2'"
      " xmlns:cbc='urn:oasis:names:specification:ubl:schema:xsd:"
      "CommonBasicComponents-2'>"
      "<cac:AccountingSupplierParty><cac:Party>"
      "<cac:PartyTaxScheme><cbc:CompanyID>DE1</cbc:CompanyID>"
      "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>"
      "<cac:PartyTaxScheme><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>"
      "</cac:PartyTaxScheme>"
      "</cac:Party></cac:AccountingSupplierParty>"
      "<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>"
      "</cac:PaymentMeans>"
      "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
      "</cac:PaymentMeans>"
      "<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID='EUR'>1.005"
      "</cbc:PayableAmount></cac:LegalMonetaryTotal>"
      "</Invoice>";
  const std::multiset<std::string> fired = Fired(xml);
  EXPECT_EQ(fired.count("UBL-SR-53"), 1u);  // the second scheme has no id
  EXPECT_EQ(fired.count("UBL-SR-47"), 1u);  // 58 and 30
  EXPECT_EQ(fired.count("UBL-DT-01"), 1u);  // three decimals
  EXPECT_EQ(fired.count("UBL-SR-42"), 0u);  // two schemes are allowed
  EXPECT_EQ(fired.count("UBL-SR-12"), 0u);  // one VAT CompanyID
}

TEST(SyntaxRulesTest, UblAmountsInsideAPriceWithAllowanceAreNotChecked) {
  const std::string xml =
      "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'"
      " xmlns:cac='urn:oasis:names:specification:ubl:schema:xsd:"
      "CommonAggregateComponents-2'"
      " xmlns:cbc='urn:oasis:names:specification:ubl:schema:xsd:"
      "CommonBasicComponents-2'>"
      "<cac:InvoiceLine><cbc:LineExtensionAmount>1.001</"
      "cbc:LineExtensionAmount>"
      "<cac:Price><cbc:PriceAmount>1.0001</cbc:PriceAmount>"
      "<cac:AllowanceCharge><cbc:Amount>0.001</cbc:Amount>"
      "<cbc:BaseAmount>1.0011</cbc:BaseAmount></cac:AllowanceCharge>"
      "</cac:Price></cac:InvoiceLine>"
      "<cac:InvoiceLine><cac:Price><cbc:PriceAmount>2</cbc:PriceAmount>"
      "</cac:Price><cac:AllowanceCharge><cbc:Amount>0.123</cbc:Amount>"
      "</cac:AllowanceCharge></cac:InvoiceLine>"
      "</Invoice>";
  const std::multiset<std::string> fired = Fired(xml);
  // The line amount of line 1 and the line allowance of line 2; not the
  // price amounts and not the price allowance of line 1.
  EXPECT_EQ(fired.count("UBL-DT-01"), 2u);
  EXPECT_EQ(fired.count("UBL-SR-48"), 2u);  // no ClassifiedTaxCategory
}

}  // namespace
}  // namespace docintake::einvoice
