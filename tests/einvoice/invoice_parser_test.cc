// The UBL and CII mappings on hand-written documents: terms beyond the
// corpus manifest, locations, present-but-empty versus absent.
#include "intake/einvoice/invoice_parser.h"

#include <string>

#include "gtest/gtest.h"

namespace docintake::einvoice {
namespace {

constexpr char kUblCreditNote[] = R"(<?xml version="1.0"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
 <cbc:ID>CN-7</cbc:ID>
 <cbc:IssueDate>2024-02-29</cbc:IssueDate>
 <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
 <cbc:Note>#ADU#Gutschrift</cbc:Note>
 <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
 <cbc:BuyerReference></cbc:BuyerReference>
 <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>R-1</cbc:ID>
  <cbc:IssueDate>2024-01-31</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>
 <cac:AccountingSupplierParty><cac:Party>
  <cbc:EndpointID schemeID="EM">s@example.org</cbc:EndpointID>
  <cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>
  <cac:PartyIdentification><cbc:ID schemeID="0088">4000001000005</cbc:ID></cac:PartyIdentification>
  <cac:PostalAddress><cbc:CityName>Bonn</cbc:CityName>
   <cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyTaxScheme><cbc:CompanyID>201/113/40209</cbc:CompanyID><cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyLegalEntity><cbc:RegistrationName>Seller AG</cbc:RegistrationName></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingSupplierParty>
 <cac:PaymentMeans><cbc:PaymentMeansCode name="SEPA">58</cbc:PaymentMeansCode>
  <cbc:PaymentDueDate>2024-03-15</cbc:PaymentDueDate>
  <cac:PayeeFinancialAccount><cbc:ID>DE75 5121 0800 1245 1261 99</cbc:ID>
   <cac:FinancialInstitutionBranch><cbc:ID>ABCDDEFFXXX</cbc:ID></cac:FinancialInstitutionBranch>
  </cac:PayeeFinancialAccount></cac:PaymentMeans>
 <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>
  <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
  <cbc:Amount currencyID="EUR">-10.00</cbc:Amount>
  <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>
   <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>
 <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>
  <cbc:Amount currencyID="EUR">5</cbc:Amount></cac:AllowanceCharge>
 <cac:AllowanceCharge><cbc:ChargeIndicator>maybe</cbc:ChargeIndicator></cac:AllowanceCharge>
 <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">19.00</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount>
   <cbc:TaxAmount currencyID="EUR">19.00</cbc:TaxAmount>
   <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>
    <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
 </cac:TaxTotal>
 <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">105.000</cbc:LineExtensionAmount>
  <cbc:PayableAmount currencyID="EUR">1e3</cbc:PayableAmount></cac:LegalMonetaryTotal>
 <cac:CreditNoteLine><cbc:ID>1</cbc:ID>
  <cbc:CreditedQuantity unitCode="H87">2</cbc:CreditedQuantity>
  <cbc:LineExtensionAmount currencyID="EUR">105.00</cbc:LineExtensionAmount>
  <cac:InvoicePeriod><cbc:StartDate>2024-01-01</cbc:StartDate></cac:InvoicePeriod>
  <cac:Item><cbc:Name>Widget</cbc:Name>
   <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>
    <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
   <cac:AdditionalItemProperty><cbc:Name>Colour</cbc:Name><cbc:Value>red</cbc:Value></cac:AdditionalItemProperty>
  </cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="EUR">52.50</cbc:PriceAmount>
   <cbc:BaseQuantity unitCode="H87">1</cbc:BaseQuantity>
   <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>
    <cbc:Amount currencyID="EUR">7.50</cbc:Amount><cbc:BaseAmount currencyID="EUR">60.00</cbc:BaseAmount>
   </cac:AllowanceCharge></cac:Price>
 </cac:CreditNoteLine>
</CreditNote>
)";

Invoice ParseOrDie(const char* xml) {
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(xml);
  EXPECT_TRUE(doc.ok()) << doc.status();
  if (!doc.ok()) return Invoice();
  absl::StatusOr<Invoice> inv = ParseInvoice(*doc);
  EXPECT_TRUE(inv.ok()) << inv.status();
  return inv.ok() ? *std::move(inv) : Invoice();
}

TEST(UblMappingTest, MapsACreditNote) {
  const Invoice inv = ParseOrDie(kUblCreditNote);
  EXPECT_TRUE(inv.IsCreditNote());
  EXPECT_EQ(inv.root_path, "/cn:CreditNote[1]");
  EXPECT_EQ(inv.type_code.text, "381");
  ASSERT_TRUE(inv.issue_date.date.has_value());
  EXPECT_EQ(*inv.issue_date.date, absl::CivilDay(2024, 2, 29));
  ASSERT_EQ(inv.notes.size(), 1u);
  EXPECT_EQ(inv.notes[0].subject_code.text, "ADU");
  EXPECT_EQ(inv.notes[0].text.text, "#ADU#Gutschrift");
  // Present but empty is not absent.
  EXPECT_TRUE(inv.buyer_reference.present);
  EXPECT_TRUE(inv.buyer_reference.IsEmpty());
  EXPECT_FALSE(inv.order_reference.present);
  EXPECT_FALSE(inv.order_reference.IsEmpty());
  ASSERT_EQ(inv.preceding_invoices.size(), 1u);
  EXPECT_EQ(inv.preceding_invoices[0].number.text, "R-1");
  // Seller: SEPA id goes to BT-90, FC to BT-32, VAT to BT-31.
  EXPECT_EQ(inv.creditor_reference_id.text, "DE98ZZZ09999999999");
  ASSERT_EQ(inv.seller.identifiers.size(), 1u);
  EXPECT_EQ(*inv.seller.identifiers[0].Attribute("schemeID"), "0088");
  EXPECT_EQ(inv.seller.vat_identifier.text, "DE123456789");
  EXPECT_EQ(inv.seller.tax_registration_id.text, "201/113/40209");
  EXPECT_EQ(inv.seller.electronic_address.AttributeAsValue("schemeID").text,
            "EM");
  EXPECT_EQ(inv.seller.address.country_code.text, "DE");
  EXPECT_FALSE(inv.buyer.present);
  // Payment: BT-9 of a credit note, BT-81/82/84/86.
  EXPECT_EQ(*inv.due_date.date, absl::CivilDay(2024, 3, 15));
  ASSERT_EQ(inv.payment_means.size(), 1u);
  const PaymentMeans& pm = inv.payment_means[0];
  EXPECT_EQ(pm.type_code.text, "58");
  EXPECT_EQ(pm.text.text, "SEPA");
  EXPECT_EQ(pm.text.path,
            "/cn:CreditNote[1]/cac:PaymentMeans[1]/cbc:PaymentMeansCode[1]/"
            "@name");
  ASSERT_EQ(pm.credit_transfers.size(), 1u);
  EXPECT_EQ(pm.credit_transfers[0].account_id.text,
            "DE75 5121 0800 1245 1261 99");
  EXPECT_EQ(pm.credit_transfers[0].bic.text, "ABCDDEFFXXX");
  // Allowances, charges, and an indicator that is neither.
  ASSERT_EQ(inv.allowances.size(), 1u);
  ASSERT_EQ(inv.charges.size(), 1u);
  ASSERT_EQ(inv.unclassified_allowance_charges.size(), 1u);
  EXPECT_EQ(inv.allowances[0].amount.number->ToString(), "-10.00");
  EXPECT_EQ(inv.allowances[0].vat_rate.number->ToString(), "19");
  EXPECT_EQ(inv.allowances[0].path, "/cn:CreditNote[1]/cac:AllowanceCharge[1]");
  EXPECT_EQ(inv.charges[0].path, "/cn:CreditNote[1]/cac:AllowanceCharge[2]");
  // Totals: scale as written; a non-decimal keeps its text but no number.
  EXPECT_EQ(inv.totals.line_net_total.number->scale(), 3);
  EXPECT_TRUE(inv.totals.amount_due.present);
  EXPECT_FALSE(inv.totals.amount_due.number.has_value());
  EXPECT_EQ(inv.totals.vat_total.number->ToString(), "19.00");
  EXPECT_FALSE(inv.totals.vat_total_accounting.present);
  ASSERT_EQ(inv.vat_breakdown.size(), 1u);
  EXPECT_EQ(inv.vat_breakdown[0].category_code.text, "S");
  EXPECT_EQ(inv.vat_breakdown[0].taxable_amount.number->ToString(), "100.00");
  EXPECT_EQ(inv.vat_breakdown[0].path,
            "/cn:CreditNote[1]/cac:TaxTotal[1]/cac:TaxSubtotal[1]");
  // Line.
  ASSERT_EQ(inv.lines.size(), 1u);
  const InvoiceLine& l = inv.lines[0];
  EXPECT_EQ(l.path, "/cn:CreditNote[1]/cac:CreditNoteLine[1]");
  EXPECT_EQ(*l.quantity.unit_code(), "H87");
  EXPECT_EQ(l.net_price.number->ToString(), "52.50");
  EXPECT_EQ(l.price_discount.number->ToString(), "7.50");
  EXPECT_EQ(l.gross_price.number->ToString(), "60.00");
  EXPECT_EQ(l.base_quantity.number->ToString(), "1");
  EXPECT_EQ(l.vat_count, 1);
  EXPECT_EQ(l.vat_category_code.text, "S");
  EXPECT_TRUE(l.period.present);
  EXPECT_TRUE(l.period.start.date.has_value());
  EXPECT_FALSE(l.period.end.present);
  ASSERT_EQ(l.attributes.size(), 1u);
  EXPECT_EQ(l.attributes[0].value.text, "red");
}

constexpr char kCii[] = R"(<?xml version="1.0"?>
<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
 <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>
  <ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
 </rsm:ExchangedDocumentContext>
 <rsm:ExchangedDocument><ram:ID>471102</ram:ID><ram:TypeCode>380</ram:TypeCode>
  <ram:IssueDateTime><udt:DateTimeString format="102">20240305</udt:DateTimeString></ram:IssueDateTime>
  <ram:IncludedNote><ram:Content>Hallo</ram:Content><ram:SubjectCode>AAI</ram:SubjectCode></ram:IncludedNote>
 </rsm:ExchangedDocument>
 <rsm:SupplyChainTradeTransaction>
  <ram:IncludedSupplyChainTradeLineItem>
   <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
   <ram:SpecifiedTradeProduct><ram:GlobalID schemeID="0160">4012345001235</ram:GlobalID><ram:Name>Trennblätter</ram:Name></ram:SpecifiedTradeProduct>
   <ram:SpecifiedLineTradeAgreement>
    <ram:GrossPriceProductTradePrice><ram:ChargeAmount>10.00</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
    <ram:NetPriceProductTradePrice><ram:ChargeAmount>9.90</ram:ChargeAmount></ram:NetPriceProductTradePrice>
   </ram:SpecifiedLineTradeAgreement>
   <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="H87">20.0000</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
   <ram:SpecifiedLineTradeSettlement>
    <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>19.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>
    <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>Z</ram:CategoryCode></ram:ApplicableTradeTax>
    <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
   </ram:SpecifiedLineTradeSettlement>
  </ram:IncludedSupplyChainTradeLineItem>
  <ram:ApplicableHeaderTradeAgreement>
   <ram:BuyerReference>04011000-12345-03</ram:BuyerReference>
   <ram:SellerTradeParty><ram:Name>Lieferant GmbH</ram:Name>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">201/113/40209</ram:ID></ram:SpecifiedTaxRegistration>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
   </ram:SellerTradeParty>
   <ram:BuyerTradeParty><ram:Name>Kunden AG</ram:Name></ram:BuyerTradeParty>
   <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>T-9</ram:IssuerAssignedID><ram:TypeCode>50</ram:TypeCode></ram:AdditionalReferencedDocument>
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeDelivery/>
  <ram:ApplicableHeaderTradeSettlement>
   <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
   <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
    <ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>12345</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
   </ram:SpecifiedTradeSettlementPaymentMeans>
   <ram:ApplicableTradeTax><ram:CalculatedAmount>37.62</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
    <ram:BasisAmount>198.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>
    <ram:DueDateTypeCode>5</ram:DueDateTypeCode><ram:RateApplicablePercent>19</ram:RateApplicablePercent></ram:ApplicableTradeTax>
   <ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator>
    <ram:ActualAmount>1.00</ram:ActualAmount></ram:SpecifiedTradeAllowanceCharge>
   <ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">20240405</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
   <ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">20240231</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
   <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    <ram:LineTotalAmount>198.00</ram:LineTotalAmount>
    <ram:TaxTotalAmount currencyID="USD">40.00</ram:TaxTotalAmount>
    <ram:TaxTotalAmount currencyID="EUR">37.62</ram:TaxTotalAmount>
    <ram:DuePayableAmount>236.62</ram:DuePayableAmount>
   </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";

TEST(CiiMappingTest, MapsAnInvoice) {
  const Invoice inv = ParseOrDie(kCii);
  EXPECT_EQ(inv.syntax, Syntax::kCii);
  EXPECT_FALSE(inv.IsCreditNote());
  EXPECT_EQ(inv.number.text, "471102");
  EXPECT_EQ(inv.number.path,
            "/rsm:CrossIndustryInvoice[1]/rsm:ExchangedDocument[1]/ram:ID[1]");
  ASSERT_TRUE(inv.issue_date.date.has_value());
  EXPECT_EQ(*inv.issue_date.date, absl::CivilDay(2024, 3, 5));
  EXPECT_EQ(*inv.issue_date.format(), "102");
  EXPECT_EQ(inv.notes.at(0).subject_code.text, "AAI");
  EXPECT_EQ(inv.seller.vat_identifier.text, "DE123456789");
  EXPECT_EQ(inv.seller.tax_registration_id.text, "201/113/40209");
  EXPECT_EQ(inv.buyer.name.text, "Kunden AG");
  EXPECT_EQ(inv.tender_reference.text, "T-9");
  EXPECT_TRUE(inv.deliver_to.present == false);
  // BT-84 from ProprietaryID when there is no IBANID.
  ASSERT_EQ(inv.payment_means.size(), 1u);
  EXPECT_EQ(inv.payment_means[0].credit_transfers.at(0).account_id.text,
            "12345");
  EXPECT_FALSE(inv.payment_means[0].credit_transfers.at(0).iban_id.present);
  // VAT breakdown and BT-8 from it.
  ASSERT_EQ(inv.vat_breakdown.size(), 1u);
  EXPECT_EQ(inv.vat_breakdown[0].tax_amount.number->ToString(), "37.62");
  EXPECT_EQ(inv.tax_point_date_code.text, "5");
  ASSERT_EQ(inv.charges.size(), 1u);
  EXPECT_TRUE(inv.allowances.empty());
  // BT-110 is the VAT total in the invoice currency.
  EXPECT_EQ(inv.totals.vat_total.number->ToString(), "37.62");
  EXPECT_EQ(inv.totals.all_vat_totals.size(), 2u);
  // Two BT-9: both recorded; 31 February is no date.
  ASSERT_EQ(inv.all_due_dates.size(), 2u);
  EXPECT_TRUE(inv.all_due_dates[0].date.has_value());
  EXPECT_FALSE(inv.all_due_dates[1].date.has_value());
  EXPECT_EQ(*inv.due_date.date, absl::CivilDay(2024, 4, 5));
  // Line: two line VAT groups counted, the first kept.
  ASSERT_EQ(inv.lines.size(), 1u);
  const InvoiceLine& l = inv.lines[0];
  EXPECT_EQ(l.vat_count, 2);
  EXPECT_EQ(l.vat_category_code.text, "S");
  EXPECT_EQ(l.quantity.number->scale(), 4);
  EXPECT_EQ(l.net_price.number->ToString(), "9.90");
  EXPECT_EQ(l.gross_price.number->ToString(), "10.00");
  EXPECT_EQ(*l.standard_item_id.Attribute("schemeID"), "0160");
  EXPECT_EQ(l.net_amount.path,
            "/rsm:CrossIndustryInvoice[1]/rsm:SupplyChainTradeTransaction[1]/"
            "ram:IncludedSupplyChainTradeLineItem[1]/"
            "ram:SpecifiedLineTradeSettlement[1]/"
            "ram:SpecifiedTradeSettlementLineMonetarySummation[1]/"
            "ram:LineTotalAmount[1]");
}

TEST(InvoiceParserTest, RejectsOtherDocuments) {
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse("<Invoice/>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(ParseInvoice(*doc).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docintake::einvoice
