// UBL-CR rules (CEN artefacts 1.3.15, EN16931-UBL-syntax): elements and
// attributes a UBL invoice should not contain, all tested on the document
// element. Written as groups of consecutive rule numbers that share a path
// prefix; UblCrRules() expands them once. All are warnings; UBL-CR-002, 412,
// 665, 666 and 673 carry conditions and are written in ubl_syntax.cc.
#include <deque>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "intake/einvoice/rules/internal/syntax_sections.h"

namespace docintake::einvoice::internal {
namespace {

struct Group {
  int first;           // number of the first leaf
  const char* prefix;  // prepended to every leaf
  const char* leaves;  // space separated
};

#define SUP "cac:AccountingSupplierParty/"
#define CUS "cac:AccountingCustomerParty/"
#define TRP "cac:TaxRepresentativeParty/"
#define LINE "(cac:InvoiceLine|cac:CreditNoteLine)/"
#define DOC_REF                                                     \
  "cbc:CopyIndicator cbc:UUID cbc:IssueDate cbc:IssueTime "         \
  "cbc:DocumentTypeCode cbc:DocumentType cbc:Xpath cbc:LanguageID " \
  "cbc:LocaleCode cbc:VersionID cbc:DocumentStatusCode "            \
  "cbc:DocumentDescription cac:Attachment cac:ValidityPeriod "      \
  "cac:IssuerParty cac:ResultOfVerification"
#define ADDRESS                                                           \
  "cbc:ID cbc:AddressTypeCode cbc:AddressFormatCode cbc:Postbox "         \
  "cbc:Floor cbc:Room cbc:BlockName cbc:BuildingName cbc:BuildingNumber " \
  "cbc:InhouseMail cbc:Department cbc:MarkAttention cbc:MarkCare "        \
  "cbc:PlotIdentification cbc:CitySubdivisionName "                       \
  "cbc:CountrySubentityCode cbc:Region cbc:District cbc:TimezoneOffset "  \
  "cac:Country/cbc:Name cac:LocationCoordinate"
#define PARTY_TAX                                                       \
  "cbc:RegistrationName cbc:TaxLevelCode cbc:ExemptionReasonCode "      \
  "cbc:ExemptionReason cac:RegistrationAddress cac:TaxScheme/cbc:Name " \
  "cac:TaxScheme/cbc:TaxTypeCode cac:TaxScheme/cbc:CurrencyCode "       \
  "cac:TaxScheme/cac:JurisdictionRegionAddress"
#define PARTY_TAIL                                                          \
  "cac:Person cac:AgentParty cac:ServiceProviderParty cac:PowerOfAttorney " \
  "cac:FinancialAccount"
#define ITEM_ID                                                   \
  "cbc:ExtendedID cbc:BareCodeSymbologyID cac:PhysicalAttribute " \
  "cac:MeasurementDimension cac:IssuerParty"
#define TAX_CATEGORY                                                          \
  "cbc:Name cbc:BaseUnitMeasure cbc:PerUnitAmount "                           \
  "cbc:TaxExemptionReasonCode cbc:TaxExemptionReason cbc:TierRange "          \
  "cbc:TierRatePercent cac:TaxScheme/cbc:Name cac:TaxScheme/cbc:TaxTypeCode " \
  "cac:TaxScheme/cbc:CurrencyCode cac:TaxScheme/cac:JurisdiccionRegionAddress"

constexpr Group kGroups[] = {
    {1, "", "ext:UBLExtensions"},
    {3, "",
     "cbc:ProfileExecutionID cbc:CopyIndicator cbc:UUID cbc:IssueTime "
     "cbc:PricingCurrencyCode cbc:PaymentCurrencyCode "
     "cbc:PaymentAlternativeCurrencyCode cbc:AccountingCostCode "
     "cbc:LineCountNumeric"},
    {12, "cac:InvoicePeriod/",
     "cbc:StartTime cbc:EndTime cbc:DurationMeasure cbc:Description"},
    {16, "cac:OrderReference/",
     "cbc:CopyIndicator cbc:UUID cbc:IssueDate cbc:IssueTime "
     "cbc:CustomerReference cbc:OrderTypeCode cbc:DocumentReference"},
    {23, "cac:BillingReference/cac:InvoiceDocumentReference/",
     "cbc:CopyIndicator cbc:UUID cbc:IssueTime cbc:DocumentTypeCode "
     "cbc:DocumentType cbc:Xpath cbc:LanguageID cbc:LocaleCode cbc:VersionID "
     "cbc:DocumentStatusCode cbc:DocumentDescription cac:Attachment "
     "cac:ValidityPeriod cac:IssuerParty cac:ResultOfVerification"},
    {38, "cac:BillingReference/",
     "cac:SelfBilledInvoiceDocumentReference cac:CreditNoteDocumentReference "
     "cac:SelfBilledCreditNoteDocumentReference "
     "cac:DebitNoteDocumentReference cac:ReminderDocumentReference "
     "cac:AdditionalDocumentReference cac:BillingReferenceLine"},
    {45, "cac:DespatchDocumentReference/", DOC_REF},
    {61, "cac:ReceiptDocumentReference/", DOC_REF},
    {77, "", "cac:StatementDocumentReference"},
    {78, "cac:OriginatorDocumentReference/", DOC_REF},
    {94, "cac:ContractDocumentReference/", DOC_REF},
    {110, "cac:AdditionalDocumentReference/",
     "cbc:CopyIndicator cbc:UUID cbc:IssueDate cbc:IssueTime cbc:DocumentType "
     "cbc:Xpath cbc:LanguageID cbc:LocaleCode cbc:VersionID "
     "cbc:DocumentStatusCode"},
    {121,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/",
     "cbc:DocumentHash cbc:HashAlgorithmMethod cbc:ExpiryDate cbc:ExpiryTime "
     "cbc:MimeCode cbc:FormatCode cbc:EncodingCode cbc:CharacterSetCode "
     "cbc:FileName cbc:Description"},
    {131, "cac:AdditionalDocumentReference/",
     "cac:ValidityPeriod cac:IssuerParty cac:ResultOfVerification"},
    {134, "cac:ProjectReference/",
     "cbc:UUID cbc:IssueDate cac:WorkPhaseReference"},
    {137, "", "cac:Signature"},
    {138, SUP,
     "cbc:CustomerAssignedAccountID cbc:AdditionalAccountID "
     "cbc:DataSendingCapability"},
    {141, SUP "cac:Party/",
     "cbc:MarkCareIndicator cbc:MarkAttentionIndicator cbc:WebsiteURI "
     "cbc:LogoReferenceID cbc:IndustryClassificationCode cac:Language"},
    {147, SUP "cac:Party/cac:PostalAddress/", ADDRESS},
    {168, SUP "cac:Party/", "cac:PhysicalLocation"},
    {169, SUP "cac:Party/cac:PartyTaxScheme/", PARTY_TAX},
    {178, SUP "cac:Party/cac:PartyLegalEntity/",
     "cbc:RegistrationDate cbc:RegistrationExpirationDate "
     "cbc:CompanyLegalFormCode cbc:SoleProprietorshipIndicator "
     "cbc:CompanyLiquidationStatusCode cbc:CorporationStockAmount "
     "cbc:FullyPaidSharesIndicator cac:RegistrationAddress "
     "cac:CorporateRegistrationScheme cac:HeadOfficeParty "
     "cac:ShareholderParty"},
    {189, SUP "cac:Party/cac:Contact/",
     "cbc:ID cbc:Telefax cbc:Note cac:OtherCommunication"},
    {193, SUP "cac:Party/", PARTY_TAIL},
    {198, SUP, "cac:DespatchContact cac:AccountingContact cac:SellerContact"},
    {201, CUS,
     "cbc:CustomerAssignedAccountID cbc:SupplierAssignedAccountID "
     "cbc:AdditionalAccountID"},
    {204, CUS "cac:Party/",
     "cbc:MarkCareIndicator cbc:MarkAttentionIndicator cbc:WebsiteURI "
     "cbc:LogoReferenceID cbc:IndustryClassificationCode cac:Language"},
    {210, CUS "cac:Party/cac:PostalAddress/", ADDRESS},
    {231, CUS "cac:Party/", "cac:PhysicalLocation"},
    {232, CUS "cac:Party/cac:PartyTaxScheme/", PARTY_TAX},
    {241, CUS "cac:Party/cac:PartyLegalEntity/",
     "cbc:RegistrationDate cbc:RegistrationExpirationDate "
     "cbc:CompanyLegalFormCode cbc:CompanyLegalForm "
     "cbc:SoleProprietorshipIndicator cbc:CompanyLiquidationStatusCode "
     "cbc:CorporationStockAmount cbc:FullyPaidSharesIndicator "
     "cac:RegistrationAddress cac:CorporateRegistrationScheme "
     "cac:HeadOfficeParty cac:ShareholderParty"},
    {253, CUS "cac:Party/cac:Contact/",
     "cbc:ID cbc:Telefax cbc:Note cac:OtherCommunication"},
    {257, CUS "cac:Party/", PARTY_TAIL},
    {262, CUS, "cac:DeliveryContact cac:AccountingContact cac:BuyerContact"},
    {265, "cac:PayeeParty/",
     "cbc:MarkCareIndicator cbc:MarkAttentionIndicator cbc:WebsiteURI "
     "cbc:LogoReferenceID cbc:EndpointID cbc:IndustryClassificationCode "
     "cac:Language cac:PostalAddress cac:PhysicalLocation cac:PartyTaxScheme"},
    {275, "cac:PayeeParty/cac:PartyLegalEntity/",
     "cbc:RegistrationName cbc:RegistrationDate cbc:RegistrationExpirationDate "
     "cbc:CompanyLegalFormCode cbc:CompanyLegalForm "
     "cbc:SoleProprietorshipIndicator cbc:CompanyLiquidationStatusCode "
     "cbc:CorporationStockAmount cbc:FullyPaidSharesIndicator "
     "cac:RegistrationAddress cac:CorporateRegistrationScheme "
     "cac:HeadOfficeParty cac:ShareholderParty"},
    {288, "cac:PayeeParty/", "cac:Contact " PARTY_TAIL},
    {294, "", "cac:BuyerCustomerParty cac:SellerSupplierParty"},
    {296, TRP,
     "cbc:MarkCareIndicator cbc:MarkAttentionIndicator cbc:WebsiteURI "
     "cbc:LogoReferenceID cbc:EndpointID cbc:IndustryClassificationCode "
     "cac:PartyIdentification cac:Language"},
    {304, TRP "cac:PostalAddress/", ADDRESS},
    {325, TRP, "cac:PhysicalLocation"},
    {326, TRP "cac:PartyTaxScheme/", PARTY_TAX},
    {335, TRP, "cac:PartyLegalEntity cac:Contact " PARTY_TAIL},
    {342, "cac:Delivery/",
     "cbc:ID cbc:Quantity cbc:MinimumQuantity cbc:MaximumQuantity "
     "cbc:ActualDeliveryTime cbc:LatestDeliveryDate cbc:LatestDeliveryTime "
     "cbc:ReleaseID cbc:TrackingID"},
    {351, "cac:Delivery/cac:DeliveryLocation/",
     "cbc:Description cbc:Conditions cbc:CountrySubentity "
     "cbc:CountrySubentityCode cbc:LocationTypeCode cbc:InformationURI "
     "cbc:Name cac:ValidationPeriod"},
    {359, "cac:Delivery/cac:DeliveryLocation/cac:Address/", ADDRESS},
    {380, "cac:Delivery/cac:DeliveryLocation/",
     "cac:SubsidiaryLocation cac:LocationCoordinate"},
    {382, "cac:Delivery/",
     "cac:AlternativeDeliveryLocation cac:RequestedDeliveryPeriod "
     "cac:PromisedDeliveryPeriod cac:CarrierParty"},
    {386, "cac:Delivery/cac:DeliveryParty/",
     "cbc:MarkCareIndicator cbc:MarkAttentionIndicator cbc:WebsiteURI "
     "cbc:LogoReferenceID cbc:EndpointID cbc:IndustryClassificationCode "
     "cac:PartyIdentification cac:Language cac:PostalAddress "
     "cac:PhysicalLocation cac:PartyTaxScheme cac:PartyLegalEntity "
     "cac:Contact " PARTY_TAIL},
    {404, "cac:Delivery/",
     "cac:NotifyParty cac:Despatch cac:DeliveryTerms cac:MinimumDeliveryUnit "
     "cac:MaximumDeliveryUnit cac:Shipment"},
    {410, "", "cac:DeliveryTerms cac:PaymentMeans/cbc:ID"},
    {413, "cac:PaymentMeans/", "cbc:PaymentChannelCode cbc:InstructionID"},
    {415, "cac:PaymentMeans/cac:CardAccount/",
     "cbc:CardTypeCode cbc:ValidityStartDate cbc:ExpiryDate cbc:IssuerID "
     "cbc:IssuerNumberID cbc:CV2ID cbc:CardChipCode cbc:ChipApplicationID"},
    {424, "cac:PaymentMeans/cac:PayeeFinancialAccount/",
     "cbc:AliasName cbc:AccountTypeCode cbc:AccountFormatCode "
     "cbc:CurrencyCode cbc:PaymentNote cac:FinancialInstitutionBranch/cbc:Name "
     "cac:FinancialInstitutionBranch/cac:FinancialInstitution/cbc:Name "
     "cac:FinancialInstitutionBranch/cac:FinancialInstitution/cac:Address "
     "cac:FinancialInstitutionBranch/cac:Address cac:Country"},
    {434, "cac:PaymentMeans/", "cac:CreditAccount"},
    {435, "cac:PaymentMeans/cac:PaymentMandate/",
     "cbc:MandateTypeCode cbc:MaximumPaymentInstructionsNumeric "
     "cbc:MaximumPaidAmount cbc:SignatureID cac:PayerParty"},
    {440, "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/",
     "cbc:Name cbc:AliasName cbc:AccountTypeCode cbc:AccountFormatCode "
     "cbc:CurrencyCode cbc:PaymentNote cac:FinancialInstitutionBranch "
     "cac:Country"},
    {448, "cac:PaymentMeans/cac:PaymentMandate/",
     "cac:ValidityPeriod cac:PaymentReversalPeriod cac:Clause"},
    {451, "cac:PaymentMeans/", "cac:TradeFinancing"},
    {452, "cac:PaymentTerms/",
     "cbc:ID cbc:PaymentMeansID cbc:PrepaidPaymentReferenceID "
     "cbc:ReferenceEventCode cbc:SettlementDiscountPercent "
     "cbc:PenaltySurchargePercent cbc:PaymentPercent cbc:Amount "
     "cbc:SettlementDiscountAmount cbc:PenaltyAmount "
     "cbc:PaymentTermsDetailsURI cbc:PaymentDueDate cbc:InstallmentDueDate "
     "cbc:InvoicingPartyReference cac:SettlementPeriod cac:PenaltyPeriod "
     "cac:ExchangeRate cac:ValidityPeriod"},
    {470, "", "cac:PrepaidPayment"},
    {471, "cac:AllowanceCharge/",
     "cbc:ID cbc:PrepaidIndicator cbc:SequenceNumeric cbc:AccountingCostCode "
     "cbc:AccountingCost cbc:PerUnitAmount"},
    {477, "cac:AllowanceCharge/cac:TaxCategory/", TAX_CATEGORY},
    {488, "cac:AllowanceCharge/", "cac:TaxTotal cac:PaymentMeans"},
    {490, "",
     "cac:TaxExchangeRate cac:PricingExchangeRate cac:PaymentExchangeRate "
     "cac:PaymentAlternativeExchangeRate"},
    {494, "cac:TaxTotal/",
     "cbc:RoundingAmount cbc:TaxEvidenceIndicator cbc:TaxIncludedIndicator"},
    {497, "cac:TaxTotal/cac:TaxSubtotal/",
     "cbc:CalculationSequenceNumeric cbc:TransactionCurrencyTaxAmount "
     "cbc:Percent cbc:BaseUnitMeasure cbc:PerUnitAmount cbc:TierRange "
     "cbc:TierRatePercent"},
    {504, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/",
     "cbc:Name cbc:BaseUnitMeasure cbc:PerUnitAmount cbc:TierRange "
     "cbc:TierRatePercent cac:TaxScheme/cbc:Name cac:TaxScheme/cbc:TaxTypeCode "
     "cac:TaxScheme/cbc:CurrencyCode "
     "cac:TaxScheme/cac:JurisdiccionRegionAddress"},
    {513, "",
     "cac:WithholdingTaxTotal "
     "cac:LegalMonetaryTotal/cbc:PayableAlternativeAmount"},
    {515, LINE,
     "cbc:UUID cbc:TaxPointDate cbc:AccountingCostCode cbc:PaymentPurposeCode "
     "cbc:FreeOfChargeIndicator cac:InvoicePeriod/cbc:StartTime "
     "cac:InvoicePeriod/cbc:EndTime cac:InvoicePeriod/cbc:DurationMeasure "
     "cac:InvoicePeriod/cbc:DescriptionCode cac:InvoicePeriod/cbc:Description "
     "cac:OrderLineReference/cbc:SalesOrderLineID "
     "cac:OrderLineReference/cbc:UUID "
     "cac:OrderLineReference/cbc:LineStatusCode "
     "cac:OrderLineReference/cac:OrderReference cac:DespatchLineReference "
     "cac:ReceiptLineReference cac:BillingReference"},
    {532, LINE "cac:DocumentReference/",
     "cbc:CopyIndicator cbc:UUID cbc:IssueDate cbc:IssueTime"},
    {537, LINE "cac:DocumentReference/",
     "cbc:DocumentType cbc:Xpath cbc:LanguageID cbc:LocaleCode cbc:VersionID "
     "cbc:DocumentStatusCode cbc:DocumentDescription cac:Attachment "
     "cac:ValidityPeriod cac:IssuerParty cac:ResultOfVerification"},
    {548, LINE,
     "cac:PricingReference cac:OriginatorParty cac:Delivery cac:PaymentTerms"},
    {552, LINE "cac:AllowanceCharge/",
     "cbc:ID cbc:PrepaidIndicator cbc:SequenceNumeric cbc:AccountingCostCode "
     "cbc:AccountingCost cbc:PerUnitAmount cac:TaxCategory cac:TaxTotal "
     "cac:PaymentMeans"},
    {561, LINE, "cac:TaxTotal cac:WithholdingTaxTotal"},
    {563, LINE "cac:Item/",
     "cbc:PackQuantity cbc:PackSizeNumeric cbc:CatalogueIndicator "
     "cbc:HazardousRiskIndicator cbc:AdditionalInformation cbc:Keyword "
     "cbc:BrandName cbc:ModelName"},
    {571, LINE "cac:Item/cac:BuyersItemIdentification/", ITEM_ID},
    {576, LINE "cac:Item/cac:SellersItemIdentification/", ITEM_ID},
    {581, LINE "cac:Item/", "cac:ManufacturersItemIdentification"},
    {582, LINE "cac:Item/cac:StandardItemIdentification/", ITEM_ID},
    {587, LINE "cac:Item/",
     "cac:CatalogueItemIdentification cac:AdditionalItemIdentification "
     "cac:CatalogueDocumentReference cac:ItemSpecificationDocumentReference "
     "cac:OriginCountry/cbc:Name cac:CommodityClassification/cbc:NatureCode "
     "cac:CommodityClassification/cbc:CargoTypeCode "
     "cac:CommodityClassification/cbc:CommodityCode cac:TransactionConditions "
     "cac:HazardousItem"},
    {597, LINE "cac:Item/cac:ClassifiedTaxCategory/", TAX_CATEGORY},
    {608, LINE "cac:Item/cac:AdditionalItemProperty/",
     "cbc:ID cbc:NameCode cbc:TestMethod cbc:ValueQuantity cbc:ValueQualifier "
     "cbc:ImportanceCode cbc:ListValue cac:UsabilityPeriod "
     "cac:ItemPropertyGroup cac:RangeDimension cac:ItemPropertyRange"},
    {619, LINE "cac:Item/",
     "cac:ManufacturerParty cac:InformationContentProviderParty "
     "cac:OriginAddress cac:ItemInstance cac:Certificate cac:Dimension"},
    // The official paths for 625 ... 644 look for the price below the item.
    {625, LINE "cac:Item/cac:Price/",
     "cbc:PriceChangeReason cbc:PriceTypeCode cbc:PriceType "
     "cbc:OrderableUnitFactorRate cbc:ValidityPeriod cbc:PriceList "
     "cbc:OrderableUnitFactorRate"},
    {632, LINE "cac:Item/cac:Price/cac:AllowanceCharge/",
     "cbc:ID cbc:AllowanceChargeReasonCode cbc:AllowanceChargeReason "
     "cbc:MultiplierFactorNumeric cbc:PrepaidIndicator cbc:SequenceNumeric "
     "cbc:AccountingCostCode cbc:AccountingCost cbc:PerUnitAmount "
     "cac:TaxCategory cac:TaxTotal cac:PaymentMeans"},
    {644, LINE "cac:Item/cac:Price/", "cac:PricingExchangeRate"},
    {645, LINE, "cac:DeliveryTerms cac:SubInvoiceLine cac:ItemPriceExtension"},
    {648, "",
     "cbc:CustomizationID/@schemeID cbc:ProfileID/@schemeID cbc:ID/@schemeID "
     "cbc:SalesOrderID/@schemeID "
     "//cac:PartyTaxScheme/cbc:CompanyID/@schemeID "
     "cac:PaymentMeans/cbc:PaymentID/@schemeID "
     "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID/@schemeID "
     "cac:PaymentMeans/cac:PayeeFinancialAccount/"
     "cac:FinancialInstitutionBranch/cbc:ID/@schemeID "
     "cbc:InvoiceTypeCode/@listID cbc:DocumentCurrencyCode/@listID "
     "cbc:TaxCurrencyCode/@listID "
     "cac:AdditionalDocumentReference/cbc:DocumentTypeCode/@listID "
     "//cac:Country/cbc:IdentificationCode/@listID "
     "cac:PaymentMeans/cbc:PaymentMeansCode/@listID "
     "//cbc:AllowanceChargeReasonCode/@listID //@unitCodeListID "
     "//cac:FinancialInstitution"},
    {667, "",
     "//cac:BuyersItemIdentification/cbc:ID/@schemeID "
     "//cac:SellersItemIdentification/cbc:ID/@schemeID "
     "//cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode "
     "//cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason "
     "//cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric "
     "cbc:CreditNoteTypeCode/@listID"},
    {674, "",
     "//cbc:PrimaryAccountNumber/@schemeID "
     "//cac:CardAccount/cbc:NetworkID/@schemeID "
     "//cac:PaymentMandate/cbc:ID/@schemeID "
     "//cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID/@schemeID "
     "//cac:TaxCategory/cbc:ID/@schemeID "
     "//cac:ClassifiedTaxCategory/cbc:ID/@schemeID "
     "//cac:PaymentMeans/cac:PayerFinancialAccount"},
};

#undef SUP
#undef CUS
#undef TRP
#undef LINE
#undef DOC_REF
#undef ADDRESS
#undef PARTY_TAX
#undef PARTY_TAIL
#undef ITEM_ID
#undef TAX_CATEGORY

std::vector<PresenceRule>* Expand() {
  static std::deque<std::string>* const paths = new std::deque<std::string>();
  auto* rules = new std::vector<PresenceRule>();
  for (const Group& g : kGroups) {
    int number = g.first;
    for (absl::string_view leaf :
         absl::StrSplit(g.leaves, ' ', absl::SkipEmpty())) {
      paths->push_back(absl::StrCat(g.prefix, leaf));
      rules->push_back({number++, kW, paths->back().c_str(), kNo});
    }
  }
  return rules;
}

}  // namespace

absl::Span<const PresenceRule> UblCrRules() {
  static const std::vector<PresenceRule>* const rules = Expand();
  return *rules;
}

}  // namespace docintake::einvoice::internal
