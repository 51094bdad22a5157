// Hand-made UBL and CII documents and mutations of them with the XSD-SCHEMA
// locations that xmllint 2.9.14 reports for each against the official
// schemas (checked once by hand: `xmllint --noout --schema ...`), shared by
// the tests of both schema validators.
#ifndef DOCINTAKE_TESTS_EINVOICE_SCHEMA_SCHEMA_CASES_H_
#define DOCINTAKE_TESTS_EINVOICE_SCHEMA_SCHEMA_CASES_H_

#include <string>
#include <vector>

namespace docintake::einvoice::schema_test {

// Line numbers below refer to these documents (line 1 is the declaration).
inline constexpr char kUblInvoice[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>R-1</cbc:ID>
  <cbc:IssueDate>2024-02-29</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cac:AccountingSupplierParty/>
  <cac:AccountingCustomerParty/>
  <cac:LegalMonetaryTotal>
    <cbc:PayableAmount currencyID="EUR">12.50</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:LineExtensionAmount currencyID="EUR">12.50</cbc:LineExtensionAmount>
    <cac:Item/>
  </cac:InvoiceLine>
</Invoice>
)";

inline constexpr char kCiiInvoice[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>R-1</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240229</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement/>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:SpecifiedTradeAllowanceCharge>
        <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>
      </ram:SpecifiedTradeAllowanceCharge>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";

struct SchemaCase {
  const char* name;
  bool cii;
  const char* from;  // replaced once in the base document ("" = unchanged)
  const char* to;
  std::vector<std::string> locations;  // xmllint's errors, "line N element X"
};

inline std::vector<SchemaCase> SchemaCases() {
  return {
      {"ValidUbl", false, "", "", {}},
      {"ValidCii", true, "", "", {}},
      {"XsiAttributesAllowed",
       false,
       "<Invoice ",
       "<Invoice xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"a b\" ",
       {}},
      {"XsiNilNotNillable",
       false,
       "<cbc:InvoiceTypeCode>",
       "<cbc:InvoiceTypeCode xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-"
       "instance\" xsi:nil=\"false\">",
       {"line 7 element InvoiceTypeCode"}},
      {"UnknownXsiAttribute",
       false,
       "<cbc:InvoiceTypeCode>",
       "<cbc:InvoiceTypeCode xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-"
       "instance\" xsi:foo=\"x\">",
       {"line 7 element InvoiceTypeCode"}},
      {"ForeignNamespaceAttribute",
       false,
       "<cbc:InvoiceTypeCode>",
       "<cbc:InvoiceTypeCode xmlns:f=\"urn:x\" f:a=\"1\">",
       {"line 7 element InvoiceTypeCode"}},
      {"TextBetweenChildren",
       false,
       "<cbc:ID>1</cbc:ID>",
       "<cbc:ID>1</cbc:ID> text",
       {"line 13 element InvoiceLine"}},
      {"ElementOfAnotherNamespace",
       false,
       "<cac:LegalMonetaryTotal>",
       "<cac:LegalMonetaryTotal><cbc:Note xmlns:cbc=\"urn:other\">x"
       "</cbc:Note>",
       {"line 10 element Note"}},
      {"WrongOrder",
       false,
       "<cbc:ID>R-1</cbc:ID>\n  <cbc:IssueDate>2024-02-29</cbc:IssueDate>",
       "<cbc:IssueDate>2024-02-29</cbc:IssueDate>\n  <cbc:ID>R-1</cbc:ID>",
       {"line 5 element IssueDate"}},
      {"MissingRequiredId",
       false,
       "<cbc:ID>R-1</cbc:ID>\n  ",
       "",
       {"line 5 element IssueDate"}},
      {"RepeatedSingleElement",
       false,
       "<cbc:IssueDate>2024-02-29</cbc:IssueDate>",
       "<cbc:IssueDate>2024-02-29</cbc:IssueDate>\n"
       "  <cbc:IssueDate>2024-02-29</cbc:IssueDate>",
       {"line 7 element IssueDate"}},
      {"MissingLastRequiredChild",
       false,
       "  <cac:InvoiceLine>\n    <cbc:ID>1</cbc:ID>\n    <cbc:LineExtension"
       "Amount currencyID=\"EUR\">12.50</cbc:LineExtensionAmount>\n    "
       "<cac:Item/>\n  </cac:InvoiceLine>\n",
       "",
       {"line 4 element Invoice"}},
      {"MissingRequiredCurrency",
       false,
       "<cbc:PayableAmount currencyID=\"EUR\">",
       "<cbc:PayableAmount>",
       {"line 11 element PayableAmount"}},
      {"DecimalComma",
       false,
       ">12.50</cbc:PayableAmount>",
       ">12,50</cbc:PayableAmount>",
       {"line 11 element PayableAmount"}},
      {"EmptyDate", false, "2024-02-29", "", {"line 6 element IssueDate"}},
      {"NoSuchDay",
       false,
       "2024-02-29",
       "2023-02-29",
       {"line 6 element IssueDate"}},
      {"UnknownAttribute",
       false,
       "<cbc:InvoiceTypeCode>",
       "<cbc:InvoiceTypeCode foo=\"1\">",
       {"line 7 element InvoiceTypeCode"}},
      {"TextInElementOnlyContent",
       false,
       "<cac:Item/>",
       "<cac:Item>x</cac:Item>",
       {"line 16 element Item"}},
      {"ElementInSimpleContent",
       false,
       "<cbc:ID>R-1</cbc:ID>",
       "<cbc:ID><cbc:Note>a</cbc:Note></cbc:ID>",
       {"line 5 element ID"}},
      {"CiiBadBoolean",
       true,
       ">false<",
       ">yes<",
       {"line 20 element Indicator"}},
      {"CiiBothChoices",
       true,
       "<udt:Indicator>false</udt:Indicator>",
       "<udt:Indicator>false</udt:Indicator><udt:IndicatorString>x"
       "</udt:IndicatorString>",
       {"line 20 element IndicatorString"}},
      {"CiiNoChoice",
       true,
       "<udt:Indicator>false</udt:Indicator>",
       "",
       {"line 20 element ChargeIndicator"}},
      {"CiiFormatOptional", true, " format=\"102\"", "", {}},
      {"CiiMissingRequiredSibling",
       true,
       "  <rsm:ExchangedDocument>\n    <ram:ID>R-1</ram:ID>\n    "
       "<ram:TypeCode>380</ram:TypeCode>\n    <ram:IssueDateTime><udt:Date"
       "TimeString format=\"102\">20240229</udt:DateTimeString></ram:Issue"
       "DateTime>\n  </rsm:ExchangedDocument>\n",
       "",
       {"line 10 element SupplyChainTradeTransaction"}},
  };
}

// The case's document: the base with `from` replaced once by `to`.
inline std::string CaseDocument(const SchemaCase& c) {
  std::string doc = c.cii ? kCiiInvoice : kUblInvoice;
  const std::string from = c.from;
  if (!from.empty()) {
    const size_t at = doc.find(from);
    if (at == std::string::npos) return "";
    doc.replace(at, from.size(), c.to);
  }
  return doc;
}

}  // namespace docintake::einvoice::schema_test

#endif  // DOCINTAKE_TESTS_EINVOICE_SCHEMA_SCHEMA_CASES_H_
