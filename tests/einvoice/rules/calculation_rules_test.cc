// The calculation rules at their edges, on small hand-written UBL invoices:
// BR-CO-10 with sums that binary floating point gets wrong, BR-CO-16 with
// paid and rounding amounts, BR-CO-17 at its tolerance of 1.00 (positive
// and negative amounts), BR-DEC on lexical decimals. Expected outcomes are
// computed by hand in the comments.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "intake/einvoice/validate_invoice.h"

namespace docintake::einvoice {
namespace {

// A UBL invoice whose amounts are filled from the arguments.
std::string Invoice(const std::string& line1, const std::string& line2,
                    const std::string& line_total, const std::string& taxable,
                    const std::string& rate, const std::string& tax,
                    const std::string& with_vat, const std::string& prepaid,
                    const std::string& rounding, const std::string& payable) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
 <cbc:ID>R-1</cbc:ID><cbc:IssueDate>2024-01-31</cbc:IssueDate>
 <cbc:DueDate>2024-02-29</cbc:DueDate>
 <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
 <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
 <cac:AccountingSupplierParty><cac:Party>
  <cac:PostalAddress><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyLegalEntity><cbc:RegistrationName>Seller</cbc:RegistrationName></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingSupplierParty>
 <cac:AccountingCustomerParty><cac:Party>
  <cac:PostalAddress><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyLegalEntity><cbc:RegistrationName>Buyer</cbc:RegistrationName></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingCustomerParty>
 <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">$TAX</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">$TAXABLE</cbc:TaxableAmount>
   <cbc:TaxAmount currencyID="EUR">$TAX</cbc:TaxAmount>
   <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>$RATE</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
  </cac:TaxSubtotal></cac:TaxTotal>
 <cac:LegalMonetaryTotal>
  <cbc:LineExtensionAmount currencyID="EUR">$LINES</cbc:LineExtensionAmount>
  <cbc:TaxExclusiveAmount currencyID="EUR">$LINES</cbc:TaxExclusiveAmount>
  <cbc:TaxInclusiveAmount currencyID="EUR">$WITHVAT</cbc:TaxInclusiveAmount>
  $PREPAID $ROUNDING
  <cbc:PayableAmount currencyID="EUR">$PAYABLE</cbc:PayableAmount>
 </cac:LegalMonetaryTotal>
 $LINE1 $LINE2
</Invoice>)";
  const auto line = [&](const std::string& id, const std::string& amount) {
    return absl::StrCat(
        "<cac:InvoiceLine><cbc:ID>", id,
        "</cbc:ID><cbc:InvoicedQuantity "
        "unitCode=\"C62\">1</cbc:InvoicedQuantity>"
        "<cbc:LineExtensionAmount currencyID=\"EUR\">",
        amount,
        "</cbc:LineExtensionAmount><cac:Item><cbc:Name>Item</cbc:Name>"
        "<cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>",
        rate,
        "</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>"
        "</cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount "
        "currencyID=\"EUR\">1</cbc:PriceAmount></cac:Price></cac:InvoiceLine>");
  };
  return absl::StrReplaceAll(
      xml,
      {{"$TAXABLE", taxable},
       {"$TAX", tax},
       {"$RATE", rate},
       {"$LINES", line_total},
       {"$WITHVAT", with_vat},
       {"$PREPAID", prepaid.empty() ? ""
                                    : "<cbc:PrepaidAmount currencyID=\"EUR\">" +
                                          prepaid + "</cbc:PrepaidAmount>"},
       {"$ROUNDING", rounding.empty()
                         ? ""
                         : "<cbc:PayableRoundingAmount currencyID=\"EUR\">" +
                               rounding + "</cbc:PayableRoundingAmount>"},
       {"$PAYABLE", payable},
       {"$LINE1", line("1", line1)},
       {"$LINE2", line2.empty() ? "" : line("2", line2)}});
}

int Count(const InvoiceReport& report, const std::string& rule_id) {
  int n = 0;
  for (const Finding& f : report.en16931_findings) n += f.rule_id == rule_id;
  return n;
}

// A consistent invoice: 629.72 at 7 % gives 44.0804 -> 44.08.
std::string Taxed(const std::string& tax, const std::string& with_vat) {
  return Invoice("629.72", "", "629.72", "629.72", "7", tax, with_vat, "", "",
                 with_vat);
}

TEST(CalculationRulesTest, ConsistentInvoiceIsAccepted) {
  const InvoiceReport r = ValidateInvoiceXml(Taxed("44.08", "673.80"));
  EXPECT_TRUE(r.accept_en16931);
  for (const Finding& f : r.en16931_findings) ADD_FAILURE() << f.rule_id;
}

TEST(CalculationRulesTest, CategoryTaxAcceptsDifferencesBelowOne) {
  EXPECT_EQ(Count(ValidateInvoiceXml(Taxed("45.07", "674.79")), "BR-CO-17"),
            0);  // +0.99
  EXPECT_EQ(Count(ValidateInvoiceXml(Taxed("43.09", "672.81")), "BR-CO-17"),
            0);  // -0.99
  EXPECT_EQ(Count(ValidateInvoiceXml(Taxed("45.08", "674.80")), "BR-CO-17"),
            1);  // +1.00 (UBL: strictly below 1)
  EXPECT_EQ(Count(ValidateInvoiceXml(Taxed("43.00", "672.72")), "BR-CO-17"),
            1);  // -1.08
}

TEST(CalculationRulesTest, CategoryTaxOnNegativeAmounts) {
  // -72.50 x 19 % = -13.775; round half towards +infinity: -13.77.
  const auto credit = [](const std::string& tax, const std::string& total) {
    return Invoice("-72.50", "", "-72.50", "-72.50", "19", tax, total, "", "",
                   total);
  };
  EXPECT_EQ(Count(ValidateInvoiceXml(credit("-13.77", "-86.27")), "BR-CO-17"),
            0);
  EXPECT_EQ(Count(ValidateInvoiceXml(credit("-14.76", "-87.26")), "BR-CO-17"),
            0);  // -0.99
  EXPECT_EQ(Count(ValidateInvoiceXml(credit("-14.77", "-87.27")), "BR-CO-17"),
            1);  // -1.00
}

TEST(CalculationRulesTest, LineSumUsesExactDecimals) {
  // 336.9 + 0.01 = 336.91 exactly (a double sum gives 336.90999...).
  const std::string ok = Invoice("336.9", "0.01", "336.91", "336.91", "0", "0",
                                 "336.91", "", "", "336.91");
  EXPECT_EQ(Count(ValidateInvoiceXml(ok), "BR-CO-10"), 0);
  const std::string bad = Invoice("336.9", "0.01", "336.92", "336.92", "0", "0",
                                  "336.92", "", "", "336.92");
  EXPECT_EQ(Count(ValidateInvoiceXml(bad), "BR-CO-10"), 1);
}

TEST(CalculationRulesTest, AmountDueWithPaidAndRoundingAmounts) {
  // 673.80 - 600.00 + 0.01 = 73.81.
  const auto due = [](const std::string& payable) {
    return Invoice("629.72", "", "629.72", "629.72", "7", "44.08", "673.80",
                   "600.00", "0.01", payable);
  };
  EXPECT_EQ(Count(ValidateInvoiceXml(due("73.81")), "BR-CO-16"), 0);
  EXPECT_EQ(Count(ValidateInvoiceXml(due("73.80")), "BR-CO-16"), 1);
}

TEST(CalculationRulesTest, DecimalPlacesAreCountedLexically) {
  // 629.720 equals 629.72 but is written with three decimals.
  const std::string xml = Invoice("629.72", "", "629.720", "629.72", "7",
                                  "44.08", "673.80", "", "", "673.80");
  const InvoiceReport r = ValidateInvoiceXml(xml);
  EXPECT_EQ(Count(r, "BR-DEC-09"), 1);
  EXPECT_EQ(Count(r, "BR-DEC-12"), 1);
  EXPECT_EQ(Count(r, "BR-CO-10"), 0);
}

TEST(CalculationRulesTest, ScenarioAndVersionsAreReported) {
  const InvoiceReport r = ValidateInvoiceXml(Taxed("44.08", "673.80"));
  EXPECT_EQ(r.scenario, Scenario::kEn16931UblInvoice);
  EXPECT_TRUE(r.accept);
  ASSERT_EQ(r.rule_versions.size(), 3u);
  EXPECT_NE(r.rule_versions[0].find("1.3.15"), std::string::npos);
  const InvoiceReport broken = ValidateInvoiceXml("<Invoice");
  EXPECT_FALSE(broken.accept);
  ASSERT_EQ(broken.findings.size(), 1u);
  EXPECT_EQ(broken.findings[0].rule_id, "XML-NOT-WELLFORMED");
}

}  // namespace
}  // namespace docintake::einvoice
