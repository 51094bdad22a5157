// CII-DT presence rules by CII data type and the UBL-SR / UBL-DT presence
// and cardinality rules (CEN artefacts 1.3.15). Paths are the ones
// the official bindings test, relative to the context element.
#include "intake/einvoice/rules/internal/syntax_sections.h"

namespace docintake::einvoice::internal {
namespace {

constexpr PresenceRule kIdNoAttributes[] = {
    {1, kF, "@schemeName", kNo},      {2, kF, "@schemeAgencyName", kNo},
    {3, kF, "@schemeDataURI", kNo},   {4, kF, "@schemeURI", kNo},
    {5, kF, "@schemeID", kNo},        {6, kF, "@schemeAgencyID", kNo},
    {7, kF, "@schemeVersionID", kNo},
};

constexpr PresenceRule kId[] = {
    {101, kF, "@schemeName", kNo},
    {102, kF, "@schemeAgencyName", kNo},
    {103, kF, "@schemeDataURI", kNo},
    {104, kF, "@schemeURI", kNo},
};

constexpr PresenceRule kTypeCode[] = {
    {8, kF, "@name", kNo},
    {9, kF, "@listURI", kNo},
};

// The context of these never matches: the document type code is already
// taken by the general TypeCode rule in the same Schematron pattern.
constexpr PresenceRule kTypeCodeNoAttr[] = {
    {10, kF, "@listID", kNo},
    {11, kF, "@listAgencyID", kNo},
    {12, kF, "@listVersionID", kNo},
};

constexpr PresenceRule kCategoryCode[] = {
    {45, kW, "@listID", kNo},
    {46, kW, "@listAgencyID", kNo},
    {47, kW, "@listVersionID", kNo},
    {48, kW, "@listURI", kNo},
};

// DT-015, 018, 021, 022, 024 and 027 carry conditions (cii_syntax_types.cc).
constexpr PresenceRule kReferencedDoc[] = {
    {16, kF, "ram:StatusCode", kNo},
    {17, kF, "ram:CopyIndicator", kNo},
    {19, kF, "ram:GlobalID", kNo},
    {20, kF, "ram:RevisionID", kNo},
    {23, kF, "ram:Information", kNo},
    {25, kF, "ram:SectionName", kNo},
    {26, kF, "ram:PreviousRevisionID", kNo},
    {28, kF, "ram:EffectiveSpecifiedPeriod", kNo},
    {29, kF, "ram:IssuerTradeParty", kNo},
    {30, kF, "ram:AttachedSpecifiedBinaryFile", kNo},
};

constexpr PresenceRule kAmount[] = {
    {31, kF, "@currencyID", kNo},
    {32, kF, "@currencyCodeListVersionID", kNo},
};

// DT-033 carries a condition (cii_syntax_types.cc).
constexpr PresenceRule kQuantity[] = {
    {34, kF, "@unitCodeListID", kNo},
    {35, kF, "@unitCodeListAgencyID", kNo},
    {36, kF, "@unitCodeListAgencyName", kNo},
};

// DT-037, 041, 052, 054, 058 and 098 carry conditions.
constexpr PresenceRule kTradeTax[] = {
    {38, kW, "ram:CalculatedRate", kNo},
    {39, kW, "ram:CalculationSequenceNumeric", kNo},
    {40, kW, "ram:BasisQuantity", kNo},
    {42, kW, "ram:UnitBasisAmount", kNo},
    {43, kW, "ram:LineTotalBasisAmount", kNo},
    {44, kW, "ram:AllowanceChargeBasisAmount", kNo},
    {49, kW, "ram:CurrencyCode", kNo},
    {50, kW, "ram:Jurisdiction", kNo},
    {51, kW, "ram:CustomsDutyIndicator", kNo},
    {53, kW, "ram:TaxBasisAllowanceRate", kNo},
    {55, kW, "ram:Type", kNo},
    {56, kW, "ram:InformationAmount", kNo},
    {57, kW, "ram:CategoryName", kNo},
    {59, kW, "ram:RateApplicablePercent/@format", kNo},
    {60, kW, "ram:SpecifiedTradeAccountingAccount", kNo},
    {61, kW, "ram:ServiceSupplyTradeCountry", kNo},
    {62, kW, "ram:BuyerRepayableTaxSpecifiedTradeAccountingAccount", kNo},
    {63, kW, "ram:SellerPayableTaxSpecifiedTradeAccountingAccount", kNo},
    {64, kW, "ram:SellerRefundableTaxSpecifiedTradeAccountingAccount", kNo},
    {65, kW, "ram:BuyerDeductibleTaxSpecifiedTradeAccountingAccount", kNo},
    {66, kW, "ram:BuyerNonDeductibleTaxSpecifiedTradeAccountingAccount", kNo},
    {67, kW, "ram:PlaceApplicableTradeLocation", kNo},
};

constexpr PresenceRule kBillingPeriod[] = {
    {68, kF, "ram:StartDateTime/udt:DateTime", kNo},
    {69, kF, "ram:DurationMeasure", kNo},
    {70, kF, "ram:InclusiveIndicator", kNo},
    {71, kF, "ram:Description", kNo},
    {72, kF, "ram:EndDateTime/udt:DateTime", kNo},
    {73, kF, "ram:CompleteDateTime", kNo},
    {74, kF, "ram:OpenIndicator", kNo},
    {75, kF, "ram:SeasonCode", kNo},
    {76, kF, "ram:ID", kNo},
    {77, kF, "ram:Name", kNo},
    {78, kF, "ram:SequenceNumeric", kNo},
    {79, kF, "ram:StartDateFlexibilityCode", kNo},
    {80, kF, "ram:ContinuousIndicator", kNo},
    {81, kF, "ram:PurposeCode", kNo},
};

constexpr PresenceRule kPostalAddress[] = {
    {82, kF, "ram:ID", kNo},
    {83, kF, "ram:PostOfficeBox", kNo},
    {84, kF, "ram:BuildingName", kNo},
    {86, kF, "ram:LineFour", kNo},
    {87, kF, "ram:LineFive", kNo},
    {88, kF, "ram:StreetName", kNo},
    {89, kF, "ram:CitySubDivisionName", kNo},
    {90, kF, "ram:CountryName", kNo},
    {91, kF, "ram:CountrySubDivisionID", kNo},
    {92, kF, "ram:AttentionOf", kNo},
    {93, kF, "ram:CareOf", kNo},
    {94, kF, "ram:BuildingNumber", kNo},
    {95, kF, "ram:DepartmentName", kNo},
    {96, kF, "ram:AdditionalStreetName", kNo},
};

constexpr PresenceRule kCiiInvoice[] = {
    {13, kF, "@languageID", kNo},
    {14, kF, "@languageLocaleID", kNo},
};

// UBL-SR: SR-04, 12, 13, 18, 19-21, 29, 43, 44, 47 and 53 carry conditions
// (ubl_syntax.cc). UBL-SR-51 and 52 are not implemented (their 1.3.15
// binding was not available).
#define SUPPLIER "cac:AccountingSupplierParty/cac:Party/"
#define CUSTOMER "cac:AccountingCustomerParty/cac:Party/"

constexpr PresenceRule kUblInvoice[] = {
    {1, kF, "cac:ContractDocumentReference/cbc:ID", kMax1},
    {2, kF, "cac:ReceiptDocumentReference/cbc:ID", kMax1},
    {3, kF, "cac:DespatchDocumentReference/cbc:ID", kMax1},
    {5, kF, "cac:PaymentTerms/cbc:Note", kMax1},
    {8, kF, "cac:InvoicePeriod", kMax1},
    {9, kF, SUPPLIER "cac:PartyLegalEntity/cbc:RegistrationName", kMax1},
    {10, kF, SUPPLIER "cac:PartyName/cbc:Name", kMax1},
    {11, kF, SUPPLIER "cac:PartyLegalEntity/cbc:CompanyID", kMax1},
    {14, kF, SUPPLIER "cac:PartyLegalEntity/cbc:CompanyLegalForm", kMax1},
    {15, kF, CUSTOMER "cac:PartyLegalEntity/cbc:RegistrationName", kMax1},
    {16, kF, CUSTOMER "cac:PartyIdentification/cbc:ID", kMax1},
    {17, kF, CUSTOMER "cac:PartyLegalEntity/cbc:CompanyID", kMax1},
    {24, kF, "cac:Delivery", kMax1},
    {39, kF, "cac:ProjectReference/cbc:ID", kMax1},
    {40, kF, CUSTOMER "cac:PartyName/cbc:Name", kMax1},
    {45, kF, "cac:PaymentMeans/cbc:PaymentDueDate", kMax1},
    {46, kF, "cac:PaymentMeans/cbc:PaymentMeansCode/@name", kMax1},
    {49, kF, "cac:InvoicePeriod/cbc:DescriptionCode", kMax1},
};

#undef SUPPLIER
#undef CUSTOMER

constexpr PresenceRule kUblSupplierParty[] = {
    {42, kF, "cac:PartyTaxScheme", kMax2},
};
constexpr PresenceRule kUblSupportingDocument[] = {
    {33, kF, "cbc:DocumentDescription", kMax1},
};
constexpr PresenceRule kUblDelivery[] = {
    {25, kF, "cac:DeliveryParty/cac:PartyName/cbc:Name", kMax1},
};
constexpr PresenceRule kUblLine[] = {
    {34, kF, "cbc:Note", kMax1},
    {35, kF, "cac:OrderLineReference/cbc:LineID", kMax1},
    {36, kF, "cac:InvoicePeriod", kMax1},
    {37, kF, "cac:Price/cac:AllowanceCharge/cbc:Amount", kMax1},
    {48, kF, "cac:Item/cac:ClassifiedTaxCategory", kOne},
    {50, kF, "cac:Item/cbc:Description", kMax1},
};
constexpr PresenceRule kUblPaymentMeans[] = {
    {26, kF, "cbc:PaymentID", kMax1},
    {27, kF, "cbc:InstructionNote", kMax1},
    {28, kF, "cac:PaymentMandate/cbc:ID", kMax1},
};
constexpr PresenceRule kUblBillingReference[] = {
    {6, kF, "cac:InvoiceDocumentReference", kMax1},
    {7, kF, "cac:InvoiceDocumentReference/cbc:ID", kSome},
};
constexpr PresenceRule kUblTaxRepresentative[] = {
    {22, kF, "cac:Party/cac:PartyName/cbc:Name", kMax1},
    {23, kF, "cac:Party/cac:PartyTaxScheme/cbc:CompanyID", kMax1},
};
constexpr PresenceRule kUblTaxSubtotal[] = {
    {32, kF, "cac:TaxCategory/cbc:TaxExemptionReason", kMax1},
};

// Contexts are XSLT match patterns without a leading '/': they match the
// element anywhere in the document.
constexpr SectionTable kUblSections[] = {
    {"//cac:AccountingSupplierParty/cac:Party", kUblSupplierParty},
    {"//cac:AdditionalDocumentReference", kUblSupportingDocument},
    {"//cac:Delivery", kUblDelivery},
    {"", kUblInvoice},
    {"//cac:InvoiceLine", kUblLine},
    {"//cac:CreditNoteLine", kUblLine},
    {"//cac:PaymentMeans", kUblPaymentMeans},
    {"//cac:BillingReference", kUblBillingReference},
    {"//cac:TaxRepresentativeParty", kUblTaxRepresentative},
    {"//cac:TaxSubtotal", kUblTaxSubtotal},
};

// UBL-DT-18 (name attributes outside PaymentMeansCode) is in ubl_syntax.cc.
constexpr PresenceRule kUblDt[] = {
    {8, kW, "//@schemeName", kNo},
    {9, kW, "//@schemeAgencyName", kNo},
    {10, kW, "//@schemeDataURI", kNo},
    {11, kW, "//@schemeURI", kNo},
    {12, kW, "//@format", kNo},
    {13, kW, "//@unitCodeListIdentifier", kNo},
    {14, kW, "//@unitCodeListAgencyIdentifier", kNo},
    {15, kW, "//@unitCodeListAgencyName", kNo},
    {16, kW, "//@listAgencyName", kNo},
    {17, kW, "//@listName", kNo},
    {19, kW, "//@languageID", kNo},
    {20, kW, "//@listURI", kNo},
    {21, kW, "//@listSchemeURI", kNo},
    {22, kW, "//@languageLocaleID", kNo},
    {23, kW, "//@uri", kNo},
    {24, kW, "//@currencyCodeListVersionID", kNo},
    {25, kW, "//@characterSetCode", kNo},
    {26, kW, "//@encodingCode", kNo},
    {27, kW, "//@schemeAgencyID", kNo},
    {28, kW, "//@listAgencyID", kNo},
};

}  // namespace

absl::Span<const PresenceRule> CiiDtIdNoAttributes() { return kIdNoAttributes; }
absl::Span<const PresenceRule> CiiDtId() { return kId; }
absl::Span<const PresenceRule> CiiDtTypeCode() { return kTypeCode; }
absl::Span<const PresenceRule> CiiDtTypeCodeNoAttr() { return kTypeCodeNoAttr; }
absl::Span<const PresenceRule> CiiDtCategoryCode() { return kCategoryCode; }
absl::Span<const PresenceRule> CiiDtReferencedDoc() { return kReferencedDoc; }
absl::Span<const PresenceRule> CiiDtAmount() { return kAmount; }
absl::Span<const PresenceRule> CiiDtQuantity() { return kQuantity; }
absl::Span<const PresenceRule> CiiDtTradeTax() { return kTradeTax; }
absl::Span<const PresenceRule> CiiDtBillingPeriod() { return kBillingPeriod; }
absl::Span<const PresenceRule> CiiDtPostalAddress() { return kPostalAddress; }
absl::Span<const PresenceRule> CiiDtInvoice() { return kCiiInvoice; }
absl::Span<const SectionTable> UblSrSections() { return kUblSections; }
absl::Span<const PresenceRule> UblDtDocumentRules() { return kUblDt; }

}  // namespace docintake::einvoice::internal
