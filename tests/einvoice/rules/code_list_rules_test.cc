// The code-list family "BR-CL" and the split-payment family "BR-B":
// - the 1.3.15 code list tables (sorted, unique, members as the release
//   writes them, binding differences);
// - the Schematron value semantics (normalize-space, the ICD list without
//   its last code, xs:boolean);
// - hand-written documents for the contexts (first matching rule, the SEPA
//   exception, the BR-CL-08 substring test, BR-B);
// - every corpus instance: the (rule id, location) pairs of both families
//   equal expected.tsv's EN 16931 rows (unit fragments: the tested rule).
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/rules/internal/br_cl_checks.h"
#include "intake/einvoice/rules/internal/code_lists.h"
#include "intake/einvoice/validate_invoice.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

using internal::CodeList;

bool IsFamilyRule(absl::string_view id) {
  return absl::StartsWith(id, "BR-CL-") || absl::StartsWith(id, "BR-B-");
}

// "RULE@location" for the findings of both families, sorted.
std::vector<std::string> Ours(const std::vector<Finding>& findings,
                              absl::string_view only_rule = "") {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    if (!IsFamilyRule(f.rule_id)) continue;
    if (!only_rule.empty() && f.rule_id != only_rule) continue;
    out.push_back(absl::StrCat(f.rule_id, "@", f.location));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> FamilyFindings(absl::string_view xml) {
  return Ours(ValidateInvoiceXml(xml).en16931_findings);
}

TEST(CodeListTablesTest, AreSortedAndUnique) {
  const CodeList* lists[] = {&internal::Iso4217Currencies(),
                             &internal::Iso3166CountriesUbl(),
                             &internal::Iso3166CountriesCii(),
                             &internal::Untdid1001InvoiceUbl(),
                             &internal::Untdid1001CreditNoteUbl(),
                             &internal::Untdid1001Cii(),
                             &internal::Untdid2005TaxPointDate(),
                             &internal::Untdid2475DueDateType(),
                             &internal::Untdid1153(),
                             &internal::Untdid4451Ubl(),
                             &internal::Untdid4451Cii(),
                             &internal::Untdid4461(),
                             &internal::Untdid5305(),
                             &internal::Untdid5189(),
                             &internal::Untdid7161(),
                             &internal::Untdid7143(),
                             &internal::Iso6523Icd(),
                             &internal::CefEas(),
                             &internal::CefVatex(),
                             &internal::UneceRec20Rec21(),
                             &internal::AttachmentMimeCodes()};
  for (const CodeList* list : lists) {
    ASSERT_FALSE(list->codes.empty()) << list->name;
    for (size_t i = 1; i < list->codes.size(); ++i) {
      EXPECT_LT(list->codes[i - 1], list->codes[i]) << list->name;
    }
  }
}

TEST(CodeListTablesTest, HoldTheCodesOfRelease1315) {
  EXPECT_TRUE(internal::Iso4217Currencies().Contains("EUR"));
  EXPECT_TRUE(internal::Iso4217Currencies().Contains("ZWG"));
  EXPECT_FALSE(internal::Iso4217Currencies().Contains("HRK"));  // withdrawn
  EXPECT_FALSE(internal::Iso4217Currencies().Contains("eur"));
  // The bindings differ: UBL lists South Sudan, CII the old Antilles code.
  EXPECT_TRUE(internal::Iso3166CountriesUbl().Contains("SS"));
  EXPECT_FALSE(internal::Iso3166CountriesCii().Contains("SS"));
  EXPECT_TRUE(internal::Iso3166CountriesCii().Contains("AN"));
  EXPECT_FALSE(internal::Iso3166CountriesUbl().Contains("AN"));
  EXPECT_TRUE(internal::Iso3166CountriesUbl().Contains("1A"));
  EXPECT_TRUE(internal::Iso3166CountriesCii().Contains("XI"));
  EXPECT_TRUE(internal::Untdid1001InvoiceUbl().Contains("380"));
  EXPECT_FALSE(internal::Untdid1001InvoiceUbl().Contains("381"));
  EXPECT_TRUE(internal::Untdid1001CreditNoteUbl().Contains("381"));
  EXPECT_TRUE(internal::Untdid1001Cii().Contains("381"));
  EXPECT_EQ(internal::Untdid5305().codes.size(), 10u);
  EXPECT_TRUE(internal::Untdid5305().Contains("B"));
  EXPECT_FALSE(internal::Untdid5305().Contains("A"));
  EXPECT_TRUE(internal::Iso6523Icd().Contains("0088"));
  EXPECT_TRUE(internal::Iso6523Icd().Contains("0241"));
  EXPECT_FALSE(internal::Iso6523Icd().Contains("0092"));
  EXPECT_FALSE(internal::Iso6523Icd().Contains("0245"));
  EXPECT_TRUE(internal::CefEas().Contains("9930"));
  EXPECT_TRUE(internal::CefEas().Contains("EM"));
  EXPECT_FALSE(internal::CefEas().Contains("0003"));
  EXPECT_TRUE(internal::UneceRec20Rec21().Contains("C62"));
  EXPECT_TRUE(internal::UneceRec20Rec21().Contains("H87"));
  EXPECT_TRUE(internal::UneceRec20Rec21().Contains("XPP"));
  EXPECT_FALSE(internal::UneceRec20Rec21().Contains("PCE"));
  EXPECT_TRUE(internal::CefVatex().Contains("VATEX-EU-AE"));
  EXPECT_TRUE(internal::Untdid4451Cii().Contains("BMH"));
  EXPECT_FALSE(internal::Untdid4451Ubl().Contains("BMH"));
  EXPECT_TRUE(internal::Untdid4451Ubl().Contains("AAK"));
  EXPECT_TRUE(internal::Untdid2475DueDateType().Contains("72"));
  EXPECT_TRUE(internal::Untdid2005TaxPointDate().Contains("432"));
}

TEST(CodeValueTest, FollowsTheSchematronTests) {
  const CodeList& cur = internal::Iso4217Currencies();
  EXPECT_TRUE(internal::IsListedCode(cur, " EUR\n"));
  EXPECT_FALSE(internal::IsListedCode(cur, "EU R"));
  EXPECT_FALSE(internal::IsListedCode(cur, ""));
  EXPECT_FALSE(internal::IsListedCode(cur, "EUR USD"));
  EXPECT_EQ(internal::NormalizeSpace("\t a \n\n b  "), "a b");
  // The ICD list string of the artefacts ends in "0244'" without a blank.
  EXPECT_TRUE(internal::IsListedIcdCode("0243"));
  EXPECT_FALSE(internal::IsListedIcdCode("0244"));
  EXPECT_TRUE(internal::IsListedCode(internal::CefEas(), "0244"));
  EXPECT_EQ(internal::XsBoolean(" true "), true);
  EXPECT_EQ(internal::XsBoolean("0"), false);
  EXPECT_EQ(internal::XsBoolean("yes"), std::nullopt);
}

constexpr char kUblHead[] =
    "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
    " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:"
    "CommonAggregateComponents-2\""
    " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:"
    "CommonBasicComponents-2\">";

constexpr char kCiiHead[] =
    "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:"
    "standard:CrossIndustryInvoice:100\" xmlns:ram=\"urn:un:unece:uncefact:"
    "data:standard:ReusableAggregateBusinessInformationEntity:100\" "
    "xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:"
    "100\">";

TEST(BrClContextsTest, UblCodesAnywhereInTheDocument) {
  const std::string xml = absl::StrCat(
      kUblHead, "<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>",
      "<cbc:DocumentCurrencyCode> EUR </cbc:DocumentCurrencyCode>",
      "<cac:AccountingSupplierParty><cac:Party>",
      "<cac:PartyIdentification><cbc:ID schemeID=\"SEPA\">x</cbc:ID>",
      "</cac:PartyIdentification>",
      "<cac:PartyLegalEntity><cbc:CompanyID schemeID=\"0244\">1",
      "</cbc:CompanyID></cac:PartyLegalEntity>",
      "</cac:Party></cac:AccountingSupplierParty>",
      "<cac:AccountingCustomerParty><cac:Party>",
      "<cac:PartyIdentification><cbc:ID schemeID=\"SEPA\">y</cbc:ID>",
      "</cac:PartyIdentification>",
      "<cac:PostalAddress><cac:Country><cbc:IdentificationCode>XK",
      "</cbc:IdentificationCode></cac:Country></cac:PostalAddress>",
      "</cac:Party></cac:AccountingCustomerParty>",
      "<cac:AllowanceCharge><cbc:ChargeIndicator>1</cbc:ChargeIndicator>",
      "<cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>",
      "<cbc:Amount>1</cbc:Amount></cac:AllowanceCharge>", "</Invoice>");
  EXPECT_EQ(FamilyFindings(xml),
            (std::vector<std::string>{
                "BR-CL-01@/ubl:Invoice[1]/cbc:InvoiceTypeCode[1]",
                "BR-CL-03@/ubl:Invoice[1]/cac:AllowanceCharge[1]/cbc:Amount[1]",
                "BR-CL-10@/ubl:Invoice[1]/cac:AccountingCustomerParty[1]/"
                "cac:Party[1]/cac:PartyIdentification[1]/cbc:ID[1]",
                "BR-CL-11@/ubl:Invoice[1]/cac:AccountingSupplierParty[1]/"
                "cac:Party[1]/cac:PartyLegalEntity[1]/cbc:CompanyID[1]",
                "BR-CL-14@/ubl:Invoice[1]/cac:AccountingCustomerParty[1]/"
                "cac:Party[1]/cac:PostalAddress[1]/cac:Country[1]/"
                "cbc:IdentificationCode[1]",
                "BR-CL-20@/ubl:Invoice[1]/cac:AllowanceCharge[1]/"
                "cbc:AllowanceChargeReasonCode[1]",
            }));
}

TEST(BrClContextsTest, UblNoteSubjectIsASubstringTest) {
  // "#A A#" occurs in " AAA AAB ..." and passes; "#aaa#" does not.
  const std::string xml = absl::StrCat(
      kUblHead, "<cbc:Note>#A A#x</cbc:Note><cbc:Note>#aaa#x</cbc:Note>",
      "<cbc:Note>no code</cbc:Note><cbc:Note>#AAAA#</cbc:Note></Invoice>");
  EXPECT_EQ(FamilyFindings(xml),
            (std::vector<std::string>{"BR-CL-08@/ubl:Invoice[1]/cbc:Note[2]"}));
}

TEST(BrClContextsTest, CiiFirstMatchingContextWins) {
  const std::string xml = absl::StrCat(
      kCiiHead, "<rsm:SupplyChainTransaction>",
      "<ram:OriginTradeCountry><ram:ID schemeID=\"0088\">ZZ</ram:ID>",
      "<ram:ID>ZZ</ram:ID></ram:OriginTradeCountry>",
      "<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">1</ram:ID>",
      "</ram:SpecifiedTaxRegistration>",
      "<ram:SpecifiedTradeProduct><ram:GlobalID schemeID=\"0244\">1",
      "</ram:GlobalID></ram:SpecifiedTradeProduct>",
      "<ram:CountryID>SS</ram:CountryID>",
      "<ram:ExemptionReasonCode>vatex-eu-ae</ram:ExemptionReasonCode>",
      "</rsm:SupplyChainTransaction></rsm:CrossIndustryInvoice>");
  const std::string t =
      "/rsm:CrossIndustryInvoice[1]/"
      "rsm:SupplyChainTransaction[1]/";
  EXPECT_EQ(FamilyFindings(xml),
            (std::vector<std::string>{
                "BR-CL-14@" + t + "ram:CountryID[1]",
                "BR-CL-15@" + t + "ram:OriginTradeCountry[1]/ram:ID[2]",
                "BR-CL-21@" + t +
                    "ram:SpecifiedTradeProduct[1]/"
                    "ram:GlobalID[1]",
            }));
}

TEST(BrBTest, SplitPaymentOutsideItalyAndWithStandardRate) {
  const std::string ubl = absl::StrCat(
      kUblHead, "<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress>",
      "<cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode>",
      "</cac:Country></cac:PostalAddress></cac:Party>",
      "</cac:AccountingSupplierParty>",
      "<cac:InvoiceLine><cac:Item><cac:ClassifiedTaxCategory><cbc:ID>B",
      "</cbc:ID></cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>",
      "<cac:InvoiceLine><cac:Item><cac:ClassifiedTaxCategory><cbc:ID>S",
      "</cbc:ID></cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>",
      "</Invoice>");
  EXPECT_EQ(FamilyFindings(ubl), (std::vector<std::string>{
                                     "BR-B-01@/ubl:Invoice[1]",
                                     "BR-B-02@/ubl:Invoice[1]",
                                 }));
  const std::string cii = absl::StrCat(
      kCiiHead, "<ram:CountryID>IT</ram:CountryID>",
      "<ram:CategoryCode>B</ram:CategoryCode></rsm:CrossIndustryInvoice>");
  EXPECT_TRUE(FamilyFindings(cii).empty());
}

// Our findings for a corpus file (PDFs: the embedded invoice).
bool FindingsFor(const std::string& dir, const std::string& file,
                 std::vector<Finding>* findings) {
  std::string bytes = testing::ReadFileOrDie(dir + "/" + file);
  if (absl::EndsWith(file, ".pdf")) {
    absl::StatusOr<PdfInvoiceFacts> facts = ReadPdfInvoice(bytes);
    if (!facts.ok() || facts->invoice() == nullptr) return false;
    bytes = facts->invoice()->bytes;
  }
  *findings = ValidateInvoiceXml(bytes).en16931_findings;
  return true;
}

TEST(BrClCorpusTest, RuleIdsAndLocationsAgreeWithExpectedTsv) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice";
  const testing::Manifest verdicts =
      testing::ReadManifest(dir + "/verdicts.tsv");
  const testing::Manifest expected =
      testing::ReadManifest(dir + "/expected.tsv");
  std::map<std::string, std::vector<std::string>> oracle;
  for (const auto& row : expected.rows) {
    const std::string id = expected.Get(row, "rule_id");
    if (!IsFamilyRule(id)) continue;
    if (expected.Get(row, "rule_set") != "EN16931-1.3.15") continue;
    oracle[expected.Get(row, "file")].push_back(
        absl::StrCat(id, "@", expected.Get(row, "location")));
  }
  int files = 0, agree = 0;
  for (const auto& row : verdicts.rows) {
    const std::string file = verdicts.Get(row, "file");
    std::vector<Finding> findings;
    // Unit fragments are labelled for their tested rule only.
    std::string only;
    if (absl::StartsWith(file, "en16931/unit/")) {
      const size_t slash = file.rfind('/');
      only = file.substr(slash + 1, file.find("__") - slash - 1);
      if (!IsFamilyRule(only)) continue;
    }
    if (!FindingsFor(dir, file, &findings)) continue;
    ++files;
    std::vector<std::string> theirs = oracle[file];
    std::sort(theirs.begin(), theirs.end());
    const std::vector<std::string> ours = Ours(findings, only);
    if (ours == theirs) {
      ++agree;
    } else {
      ADD_FAILURE() << file << "\n ours:   " << absl::StrJoin(ours, " ")
                    << "\n oracle: " << absl::StrJoin(theirs, " ");
    }
  }
  std::printf("[rules] BR-CL/BR-B locations agree %d / %d files\n", agree,
              files);
  EXPECT_GT(files, 250);
}

}  // namespace
}  // namespace docintake::einvoice
