// The VAT category rules (BR-S/Z/E/AE/IC/G/O/AF/AG):
// - against the corpus, finer than corpus_rules_test: every finding of the
//   family with its location, for the complete instances (all their rows in
//   expected.tsv) and for the EN 16931 unit fragments (the rows of the rule
//   the fragment tests);
// - BR-x-08 / BR-x-09 at their tolerance edges in both syntaxes, on small
//   hand-written documents; the expected outcome of each case is worked out
//   in its comment from the rule's definition.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "intake/einvoice/rules/rule_engine.h"
#include "intake/einvoice/validate_invoice.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

std::set<std::string> FamilyRuleIds() {
  std::set<std::string> ids;
  for (const RuleFamily* family : RuleFamilies()) {
    if (absl::string_view(family->name) != "VAT categories") continue;
    for (const RuleDefinition& rule : family->rules) ids.insert(rule.id);
  }
  return ids;
}

using Rows = std::multiset<std::pair<std::string, std::string>>;

Rows OurRows(const std::string& bytes, const std::set<std::string>& ids,
             const std::string& only_rule) {
  Rows out;
  for (const Finding& f : ValidateInvoiceXml(bytes).en16931_findings) {
    if (ids.count(f.rule_id) == 0) continue;
    if (!only_rule.empty() && f.rule_id != only_rule) continue;
    out.emplace(f.rule_id, f.location);
  }
  return out;
}

TEST(VatCategoriesTest, FindingsAndLocationsAgreeWithTheCorpus) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const std::set<std::string> ids = FamilyRuleIds();
  ASSERT_EQ(ids.size(), 96u);
  const testing::Manifest expected =
      testing::ReadManifest(dir + "/expected.tsv");
  std::map<std::string, Rows> oracle;
  for (const auto& row : expected.rows) {
    const std::string id = expected.Get(row, "rule_id");
    if (ids.count(id) == 0) continue;
    oracle[expected.Get(row, "file")].emplace(id,
                                              expected.Get(row, "location"));
  }
  const testing::Manifest verdicts =
      testing::ReadManifest(dir + "/verdicts.tsv");
  int files = 0, agree = 0;
  for (const auto& row : verdicts.rows) {
    const std::string file = verdicts.Get(row, "file");
    if (!absl::EndsWith(file, ".xml")) continue;
    std::string only_rule;
    if (absl::StartsWith(file, "en16931/unit/")) {
      // Fragments list only the findings of the rule they test.
      const std::string rule = verdicts.Get(row, "expected_rule");
      if (ids.count(rule) == 0) continue;
      only_rule = rule;
    }
    ++files;
    const Rows ours =
        OurRows(testing::ReadFileOrDie(dir + "/" + file), ids, only_rule);
    const Rows& theirs = oracle[file];
    if (ours == theirs) {
      ++agree;
      continue;
    }
    std::string diff;
    for (const auto& r : ours) {
      if (theirs.count(r) != ours.count(r)) {
        diff += "\n  ours:   " + r.first + " " + r.second;
      }
    }
    for (const auto& r : theirs) {
      if (theirs.count(r) != ours.count(r)) {
        diff += "\n  oracle: " + r.first + " " + r.second;
      }
    }
    ADD_FAILURE() << file << diff;
  }
  std::printf("[vat] findings with locations agree on %d / %d files\n", agree,
              files);
  EXPECT_GT(files, 700);
}

// --- Edge cases ------------------------------------------------------------

std::multiset<std::string> Fired(const std::string& xml) {
  const std::set<std::string> ids = FamilyRuleIds();
  std::multiset<std::string> out;
  for (const Finding& f : ValidateInvoiceXml(xml).en16931_findings) {
    if (ids.count(f.rule_id) != 0) out.insert(f.rule_id);
  }
  return out;
}

// A UBL invoice fragment with one line of category $CAT (rate $RATE) of net
// amount $LINE and a breakdown $TAXABLE / $TAX for the same category.
std::string Ubl(const std::string& cat, const std::string& rate,
                const std::string& line, const std::string& taxable,
                const std::string& tax, const std::string& extra = "") {
  std::string xml =
      R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>
  <cbc:CompanyID>DE123456789</cbc:CompanyID>
  <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
 </cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>
 <cac:TaxTotal><cac:TaxSubtotal>
  <cbc:TaxableAmount currencyID="EUR">$TAXABLE</cbc:TaxableAmount>
  <cbc:TaxAmount currencyID="EUR">$TAX</cbc:TaxAmount>
  <cac:TaxCategory><cbc:ID>$CAT</cbc:ID>$RATE$EXTRA
   <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
 </cac:TaxSubtotal></cac:TaxTotal>
 <cac:InvoiceLine>
  <cbc:LineExtensionAmount currencyID="EUR">$LINE</cbc:LineExtensionAmount>
  <cac:Item><cac:ClassifiedTaxCategory><cbc:ID>$CAT</cbc:ID>$RATE
   <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
  </cac:ClassifiedTaxCategory></cac:Item>
 </cac:InvoiceLine>
</Invoice>)";
  const std::string percent =
      rate.empty() ? "" : "<cbc:Percent>" + rate + "</cbc:Percent>";
  return absl::StrReplaceAll(xml, {{"$CAT", cat},
                                   {"$RATE", percent},
                                   {"$LINE", line},
                                   {"$TAXABLE", taxable},
                                   {"$TAX", tax},
                                   {"$EXTRA", extra}});
}

TEST(VatCategoriesTest, UblStandardRateTolerancesAreBelowOne) {
  // 100.00 at 19 %: tax 19.00. Taxable and tax may differ by less than 1.
  EXPECT_EQ(Fired(Ubl("S", "19", "100.00", "100.00", "19.00")).size(), 0u);
  EXPECT_EQ(Fired(Ubl("S", "19", "100.00", "100.99", "19.99")).size(), 0u);
  EXPECT_EQ(Fired(Ubl("S", "19", "100.00", "99.01", "18.01")).size(), 0u);
  // A difference of exactly 1.00 fails both rules.
  EXPECT_EQ(Fired(Ubl("S", "19", "100.00", "101.00", "19.00")),
            std::multiset<std::string>{"BR-S-08"});
  EXPECT_EQ(Fired(Ubl("S", "19", "100.00", "100.00", "20.00")),
            std::multiset<std::string>{"BR-S-09"});
  // Negative amounts: BR-S-09 compares absolute values, -100.00 x 19 % ->
  // |tax| 19.00.
  EXPECT_EQ(Fired(Ubl("S", "19", "-100.00", "-100.00", "-19.00")).size(), 0u);
  EXPECT_EQ(Fired(Ubl("S", "19", "-100.00", "-100.00", "-20.00")),
            std::multiset<std::string>{"BR-S-09"});
  // Rates compare numerically (19 = 19.00); 7 % of 0.50 = 0.035 -> 0.04
  // (half up), tax 0.04 +- 0.99 passes.
  EXPECT_EQ(Fired(Ubl("S", "19.00", "100.00", "100.00", "19.00")).size(), 0u);
  EXPECT_EQ(Fired(Ubl("S", "7", "0.50", "0.50", "1.03")).size(), 0u);
  EXPECT_EQ(Fired(Ubl("S", "7", "0.50", "0.50", "1.04")),
            std::multiset<std::string>{"BR-S-09"});
}

TEST(VatCategoriesTest, UblZeroCategoriesAreExact) {
  // Zero rated: taxable must equal the line amount exactly, tax must be 0.
  EXPECT_EQ(Fired(Ubl("Z", "0", "100.00", "100.00", "0.00")).size(), 0u);
  EXPECT_EQ(Fired(Ubl("Z", "0", "100.00", "100.01", "0.00")),
            std::multiset<std::string>{"BR-Z-08"});
  EXPECT_EQ(Fired(Ubl("Z", "0", "100.00", "100.00", "0.01")),
            std::multiset<std::string>{"BR-Z-09"});
  // Exempt needs a reason; 100 = 100.00.
  EXPECT_EQ(Fired(Ubl("E", "0", "100", "100.00", "0")),
            std::multiset<std::string>{"BR-E-10"});
  EXPECT_EQ(Fired(Ubl("E", "0", "100", "100.00", "0",
                      "<cbc:TaxExemptionReason>x</cbc:TaxExemptionReason>"))
                .size(),
            0u);
  // A standard-rate line with rate 0 fires BR-S-05 at the line.
  EXPECT_EQ(Fired(Ubl("S", "0", "100.00", "100.00", "0.00")).count("BR-S-05"),
            1u);
}

// A CII fragment with one line of category $CAT, a document level charge of
// 10.00 of the same category, and a breakdown $BASIS / $TAX.
std::string Cii(const std::string& cat, const std::string& rate,
                const std::string& line, const std::string& basis,
                const std::string& tax) {
  std::string xml = R"(<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
 <rsm:SupplyChainTradeTransaction>
  <ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement>
   <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>
    <ram:CategoryCode>$CAT</ram:CategoryCode>$RATE</ram:ApplicableTradeTax>
   <ram:SpecifiedTradeSettlementLineMonetarySummation>
    <ram:LineTotalAmount>$LINE</ram:LineTotalAmount>
   </ram:SpecifiedTradeSettlementLineMonetarySummation>
  </ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>
  <ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty>
   <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID>
   </ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeSettlement>
   <ram:ApplicableTradeTax><ram:CalculatedAmount>$TAX</ram:CalculatedAmount>
    <ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>$BASIS</ram:BasisAmount>
    <ram:CategoryCode>$CAT</ram:CategoryCode>$EXEMPT$RATE</ram:ApplicableTradeTax>
   <ram:SpecifiedTradeAllowanceCharge>
    <ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator>
    <ram:ActualAmount>10.00</ram:ActualAmount>
    <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode>
     <ram:CategoryCode>$CAT</ram:CategoryCode>$RATE</ram:CategoryTradeTax>
   </ram:SpecifiedTradeAllowanceCharge>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>)";
  const std::string percent = rate.empty()
                                  ? ""
                                  : "<ram:RateApplicablePercent>" + rate +
                                        "</ram:RateApplicablePercent>";
  const std::string exempt =
      cat == "E" ? "<ram:ExemptionReason>x</ram:ExemptionReason>" : "";
  return absl::StrReplaceAll(xml, {{"$CAT", cat},
                                   {"$RATE", percent},
                                   {"$LINE", line},
                                   {"$BASIS", basis},
                                   {"$TAX", tax},
                                   {"$EXEMPT", exempt}});
}

TEST(VatCategoriesTest, CiiTaxableAmountsAndTolerances) {
  // Standard rate: basis = line 100.00 + charge 10.00 = 110.00, exactly;
  // tax 19 % of 110.00 = 20.90 within less than 1.
  EXPECT_EQ(Fired(Cii("S", "19", "100.00", "110.00", "20.90")).size(), 0u);
  EXPECT_EQ(Fired(Cii("S", "19", "100.00", "110.01", "20.90")),
            std::multiset<std::string>{"BR-S-08"});
  EXPECT_EQ(Fired(Cii("S", "19", "100.00", "110.00", "21.89")).size(), 0u);
  EXPECT_EQ(Fired(Cii("S", "19", "100.00", "110.00", "21.90")),
            std::multiset<std::string>{"BR-S-09"});
  // The line sum is rounded to cents first: 99.995 -> 100.00.
  EXPECT_EQ(Fired(Cii("S", "19", "99.995", "110.00", "20.90")).size(), 0u);
  // Exempt: the taxable amount may differ by less than 1; tax must be 0.
  EXPECT_EQ(Fired(Cii("E", "0", "100.00", "110.99", "0")).size(), 0u);
  EXPECT_EQ(Fired(Cii("E", "0", "100.00", "111.00", "0")),
            std::multiset<std::string>{"BR-E-08"});
  EXPECT_EQ(Fired(Cii("E", "0", "100.00", "110.00", "0.01")),
            std::multiset<std::string>{"BR-E-09"});
}

}  // namespace
}  // namespace docintake::einvoice
