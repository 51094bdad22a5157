// CII-SR presence and cardinality rules of the document context, the
// exchanged document and the invoice lines (CEN artefacts 1.3.15,
// EN16931-CII-syntax), by the section they are evaluated on; CiiSrSections()
// adds the header sections of cii_sr_header_tables.cc. Each path is
// the one the official binding tests, relative to the section element.
#include <iterator>
#include <vector>

#include "intake/einvoice/rules/internal/syntax_sections.h"

namespace docintake::einvoice::internal {
namespace {

constexpr char kLine[] =
    "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem";

constexpr PresenceRule kDocumentContext[] = {
    {1, kW, "ram:SpecifiedTransactionID", kNo},
    {2, kW, "ram:TestIndicator", kNo},
    {3, kW, "ram:BusinessProcessSpecifiedDocumentContextParameter", kMax1},
    {6, kW, "ram:BIMSpecifiedDocumentContextParameter", kNo},
    {7, kW, "ram:ScenarioSpecifiedDocumentContextParameter", kNo},
    {8, kW, "ram:ApplicationSpecifiedDocumentContextParameter", kNo},
    {9, kF, "ram:GuidelineSpecifiedDocumentContextParameter", kOne},
    {10, kF, "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", kOne},
    {11, kW, "ram:SubsetSpecifiedDocumentContextParameter", kNo},
    {12, kW, "ram:MessageStandardSpecifiedDocumentContextParameter", kNo},
};

constexpr PresenceRule kExchangedDocument[] = {
    {13, kW, "ram:Name", kNo},
    {14, kF, "ram:TypeCode", kOne},
    {15, kW, "ram:IssueDateTime/udt:DateTime", kNo},
    {16, kW, "ram:CopyIndicator", kNo},
    {17, kW, "ram:Purpose", kNo},
    {18, kW, "ram:ControlRequirementIndicator", kNo},
    {19, kW, "ram:LanguageID", kNo},
    {20, kW, "ram:PurposeCode", kNo},
    {21, kW, "ram:RevisionDateTime", kNo},
    {22, kW, "ram:VersionID", kNo},
    {23, kW, "ram:GlobalID", kNo},
    {24, kW, "ram:RevisionID", kNo},
    {25, kW, "ram:PreviousRevisionID", kNo},
    {26, kW, "ram:CategoryCode", kNo},
    {27, kW, "ram:IncludedNote/ram:Subject", kNo},
    {28, kW, "ram:IncludedNote/ram:ContentCode", kNo},
    {32, kW, "ram:IncludedNote/ram:ID", kNo},
    {33, kW, "ram:EffectiveSpecifiedPeriod", kNo},
    {34, kW, "ram:IssuerTradeParty", kNo},
};

constexpr PresenceRule kDocumentNote[] = {
    {30, kW, "ram:Content", kMax1},
};

constexpr PresenceRule kLineItem[] = {
    {35, kW, "ram:DescriptionCode", kNo},
    {36, kW, "ram:ParentLineID", kNo},
    {37, kW, "ram:LineStatusCode", kNo},
    {38, kW, "ram:LineStatusReasonCode", kNo},
    {221, kW, "ram:IncludedSubordinateTradeLineItem", kNo},
};

constexpr PresenceRule kLineDocument[] = {
    {39, kW, "ram:IncludedNote", kMax1},
    {40, kW, "ram:IncludedNote/ram:Content", kMax1},
    {41, kW, "ram:IncludedNote/ram:SubjectCode", kNo},
    {42, kW, "ram:IncludedNote/ram:ID", kNo},
    {43, kW, "ram:IncludedNote/ram:Subject", kNo},
    {44, kW, "ram:IncludedNote/ram:ContentCode", kNo},
};

constexpr PresenceRule kProduct[] = {
    {45, kW, "ram:ID", kNo},
    {48, kW, "ram:ManufacturerAssignedID", kNo},
    {49, kW, "ram:TradeName", kNo},
    {50, kW, "ram:TypeCode", kNo},
    {51, kW, "ram:NetWeightMeasure", kNo},
    {52, kW, "ram:GrossWeightMeasure", kNo},
    {53, kW, "ram:ProductGroupID", kNo},
    {54, kW, "ram:EndItemTypeCode", kNo},
    {55, kW, "ram:EndItemName", kNo},
    {56, kW, "ram:AreaDensityMeasure", kNo},
    {57, kW, "ram:UseDescription", kNo},
    {58, kW, "ram:BrandName", kNo},
    {59, kW, "ram:SubBrandName", kNo},
    {60, kW, "ram:DrainedNetWeightMeasure", kNo},
    {61, kW, "ram:VariableMeasureIndicator", kNo},
    {62, kW, "ram:ColourCode", kNo},
    {63, kW, "ram:ColourDescription", kNo},
    {64, kW, "ram:Designation", kNo},
    {65, kW, "ram:FormattedCancellationAnnouncedLaunchDateTime", kNo},
    {66, kW, "ram:FormattedLatestProductDataChangeDateTime", kNo},
    {67, kW, "ram:ApplicableProductCharacteristic/ram:ID", kNo},
    {68, kW, "ram:ApplicableProductCharacteristic/ram:TypeCode", kNo},
    {70, kW, "ram:ApplicableProductCharacteristic/ram:ValueMeasure", kNo},
    {71, kW, "ram:ApplicableProductCharacteristic/ram:MeasurementMethodCode",
     kNo},
    {73, kW, "ram:ApplicableProductCharacteristic/ram:ValueCode", kNo},
    {74, kW, "ram:ApplicableProductCharacteristic/ram:ValueDateTime", kNo},
    {75, kW, "ram:ApplicableProductCharacteristic/ram:ValueIndicator", kNo},
    {76, kW, "ram:ApplicableProductCharacteristic/ram:ContentTypeCode", kNo},
    {77, kW, "ram:ApplicableProductCharacteristic/ram:ValueSpecifiedBinaryFile",
     kNo},
    {78, kW,
     "ram:ApplicableProductCharacteristic/"
     "ram:ApplicableProductCharacteristicCondition",
     kNo},
    {79, kW,
     "ram:ApplicableProductCharacteristic/ram:ApplicableReferencedStandard",
     kNo},
    {80, kW, "ram:ApplicableMaterialGoodsCharacteristic", kNo},
    {81, kW, "ram:DesignatedProductClassification/ram:SystemID", kNo},
    {82, kW, "ram:DesignatedProductClassification/ram:SystemName", kNo},
    {83, kW, "ram:DesignatedProductClassification/ram:ClassName", kNo},
    {84, kW, "ram:DesignatedProductClassification/ram:SubClassCode", kNo},
    {85, kW,
     "ram:DesignatedProductClassification/ram:ClassProductCharacteristic", kNo},
    {86, kW,
     "ram:DesignatedProductClassification/ram:ApplicableReferencedStandard",
     kNo},
    {87, kW, "ram:IndividualTradeProductInstance", kNo},
    {88, kW, "ram:CertificationEvidenceReferenceReferencedDocument", kNo},
    {89, kW, "ram:InspectionReferenceReferencedDocument", kNo},
    {91, kW, "ram:OriginTradeCountry/ram:Name", kNo},
    {92, kW, "ram:OriginTradeCountry/ram:SubordinateTradeCountrySubDivision",
     kNo},
    {93, kW, "ram:LinearSpatialDimension", kNo},
    {94, kW, "ram:MinimumLinearSpatialDimension", kNo},
    {95, kW, "ram:MaximumLinearSpatialDimension", kNo},
    {96, kW, "ram:ManufacturerTradeParty", kNo},
    {97, kW, "ram:PresentationSpecifiedBinaryFile", kNo},
    {98, kW, "ram:MSDSReferenceReferencedDocument", kNo},
    {99, kW, "ram:AdditionalReferenceReferencedDocument", kNo},
    {100, kW, "ram:LegalRightsOwnerTradeParty", kNo},
    {101, kW, "ram:BrandOwnerTradeParty", kNo},
    {102, kW, "ram:IncludedReferencedProduct", kNo},
    {103, kW, "ram:InformationNote", kNo},
};

constexpr PresenceRule kProductCharacteristic[] = {
    {69, kF, "ram:Description", kOne},
    {72, kF, "ram:Value", kOne},
};

constexpr PresenceRule kLineAgreement[] = {
    {104, kW, "ram:BuyerReference", kNo},
    {105, kW, "ram:BuyerRequisitionerTradeParty", kNo},
    {106, kW, "ram:ApplicableTradeDeliveryTerms", kNo},
    {107, kW, "ram:SellerOrderReferencedDocument", kNo},
    {108, kW, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID", kNo},
    {109, kW, "ram:QuotationReferencedDocument", kNo},
    {110, kW, "ram:ContractReferencedDocument", kNo},
    {111, kW, "ram:DemandForecastReferencedDocument", kNo},
    {112, kW, "ram:PromotionalDealReferencedDocument", kNo},
    {113, kW, "ram:AdditionalReferencedDocument", kNo},
    {114, kW, "ram:GrossPriceProductTradePrice/ram:TypeCode", kNo},
    {115, kW, "ram:GrossPriceProductTradePrice/ram:MinimumQuantity", kNo},
    {116, kW, "ram:GrossPriceProductTradePrice/ram:MaximumQuantity", kNo},
    {117, kW, "ram:GrossPriceProductTradePrice/ram:ChangeReason", kNo},
    {118, kW,
     "ram:GrossPriceProductTradePrice/ram:OrderUnitConversionFactorNumeric",
     kNo},
    {439, kF, "ram:NetPriceProductTradePrice/ram:ChargeAmount", kOne},
    {120, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ID",
     kNo},
    {121, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:SequenceNumeric",
     kNo},
    {122, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:CalculationPercent",
     kNo},
    {123, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:BasisAmount",
     kNo},
    {124, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:BasisQuantity",
     kNo},
    {125, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:PrepaidIndicator",
     kNo},
    {126, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:UnitBasisAmount",
     kNo},
    {127, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:ReasonCode",
     kNo},
    {128, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:Reason",
     kNo},
    {129, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:TypeCode",
     kNo},
    {130, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:CategoryTradeTax",
     kNo},
    {131, kW,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:ActualTradeCurrencyExchange",
     kNo},
    {445, kW, "ram:GrossPriceProductTradePrice/ram:IncludedTradeTax", kNo},
    {132, kW, "ram:GrossPriceProductTradePrice/ram:ValiditySpecifiedPeriod",
     kNo},
    {133, kW, "ram:GrossPriceProductTradePrice/ram:DeliveryTradeLocation", kNo},
    {134, kW,
     "ram:GrossPriceProductTradePrice/ram:TradeComparisonReferencePrice", kNo},
    {135, kW,
     "ram:GrossPriceProductTradePrice/ram:AssociatedReferencedDocument", kNo},
    {136, kW, "ram:NetPriceProductTradePrice/ram:TypeCode", kNo},
    {138, kW, "ram:NetPriceProductTradePrice/ram:MinimumQuantity", kNo},
    {139, kW, "ram:NetPriceProductTradePrice/ram:MaximumQuantity", kNo},
    {140, kW, "ram:NetPriceProductTradePrice/ram:ChangeReason", kNo},
    {141, kW,
     "ram:NetPriceProductTradePrice/ram:OrderUnitConversionFactorNumeric", kNo},
    {142, kW, "ram:NetPriceProductTradePrice/ram:AppliedTradeAllowanceCharge",
     kNo},
    {446, kW, "ram:NetPriceProductTradePrice/ram:IncludedTradeTax", kNo},
    {143, kW, "ram:NetPriceProductTradePrice/ram:ValiditySpecifiedPeriod", kNo},
    {144, kW, "ram:NetPriceProductTradePrice/ram:DeliveryTradeLocation", kNo},
    {145, kW, "ram:NetPriceProductTradePrice/ram:TradeComparisonReferencePrice",
     kNo},
    {146, kW, "ram:NetPriceProductTradePrice/ram:AssociatedReferencedDocument",
     kNo},
    {441, kF, "ram:NetPriceProductTradePrice/ram:ChargeAmount", kMax1},
    {147, kW, "ram:RequisitionerReferencedDocument", kNo},
    {148, kW, "ram:ItemSellerTradeParty", kNo},
    {149, kW, "ram:ItemBuyerTradeParty", kNo},
    {150, kW, "ram:IncludedSpecifiedMarketplace", kNo},
    {447, kW, "ram:UltimateCustomerOrderReferencedDocument", kNo},
};

constexpr PresenceRule kAllowanceCharge[] = {
    {463, kF, "ram:ChargeIndicator", kSome},
};

constexpr PresenceRule kPriceAllowanceCharge[] = {
    {440, kF, "ram:ActualAmount", kMax1},
};

constexpr PresenceRule kLineDelivery[] = {
    {151, kW, "ram:RequestedQuantity", kNo},
    {152, kW, "ram:ReceivedQuantity", kNo},
    {153, kW, "ram:ChargeFreeQuantity", kNo},
    {154, kW, "ram:PackageQuantity", kNo},
    {155, kW, "ram:ProductUnitQuantity", kNo},
    {156, kW, "ram:PerPackageUnitQuantity", kNo},
    {157, kW, "ram:NetWeightMeasure", kNo},
    {158, kW, "ram:GrossWeightMeasure", kNo},
    {159, kW, "ram:TheoreticalWeightMeasure", kNo},
    {160, kW, "ram:DespatchedQuantity", kNo},
    {161, kW, "ram:SpecifiedDeliveryAdjustment", kNo},
    {162, kW, "ram:IncludedSupplyChainPackaging", kNo},
    {163, kW, "ram:RelatedSupplyChainConsignment", kNo},
    {164, kW, "ram:ShipToTradeParty", kNo},
    {165, kW, "ram:UltimateShipToTradeParty", kNo},
    {166, kW, "ram:ShipFromTradeParty", kNo},
    {167, kW, "ram:ActualDespatchSupplyChainEvent", kNo},
    {168, kW, "ram:ActualPickUpSupplyChainEvent", kNo},
    {169, kW, "ram:RequestedDeliverySupplyChainEvent", kNo},
    {170, kW, "ram:ActualDeliverySupplyChainEvent", kNo},
    {171, kW, "ram:ActualReceiptSupplyChainEvent", kNo},
    {172, kW, "ram:AdditionalReferencedDocument", kNo},
    {173, kW, "ram:DespatchAdviceReferencedDocument", kNo},
    {174, kW, "ram:ReceivingAdviceReferencedDocument", kNo},
    {175, kW, "ram:DeliveryNoteReferencedDocument", kNo},
    {176, kW, "ram:ConsumptionReportReferencedDocument", kNo},
    {177, kW, "ram:PackingListReferencedDocument", kNo},
};

constexpr PresenceRule kLineSettlement[] = {
    {178, kW, "ram:PaymentReference", kNo},
    {179, kW, "ram:InvoiceIssuerReference", kNo},
    {180, kW, "ram:TotalAdjustmentAmount", kNo},
    {181, kW, "ram:DiscountIndicator", kNo},
    {182, kW, "ram:ApplicableTradeTax/ram:CalculatedAmount", kNo},
    {183, kW,
     "ram:SpecifiedTradeAllowanceCharge/ram:ChargeIndicator/"
     "udt:IndicatorString",
     kNo},
    {184, kW, "ram:SpecifiedTradeAllowanceCharge/ram:ID", kNo},
    {185, kW, "ram:SpecifiedTradeAllowanceCharge/ram:SequenceNumeric", kNo},
    {186, kW,
     "ram:SpecifiedTradeAllowanceCharge/ram:CalculationPercent/@format", kNo},
    {187, kW, "ram:SpecifiedTradeAllowanceCharge/ram:BasisQuantity", kNo},
    {188, kW, "ram:SpecifiedTradeAllowanceCharge/ram:PrepaidIndicator", kNo},
    {189, kW, "ram:SpecifiedTradeAllowanceCharge/ram:UnitBasisAmount", kNo},
    {190, kW, "ram:SpecifiedTradeAllowanceCharge/ram:TypeCode", kNo},
    {191, kW, "ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax", kNo},
    {192, kW,
     "ram:SpecifiedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange", kNo},
    {193, kW, "ram:SpecifiedTradeAllowanceCharge/ram:ID", kNo},
    {194, kW, "ram:SubtotalCalculatedTradeTax", kNo},
    {195, kW, "ram:SpecifiedLogisticsServiceCharge", kNo},
    {196, kW, "ram:SpecifiedTradePaymentTerms", kNo},
    {197, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:ChargeTotalAmount",
     kNo},
    {198, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:AllowanceTotalAmount",
     kNo},
    {199, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:TaxBasisTotalAmount",
     kNo},
    {200, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TaxTotalAmount",
     kNo},
    {201, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:GrandTotalAmount",
     kNo},
    {202, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:InformationAmount",
     kNo},
    {203, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:TotalAllowanceChargeAmount",
     kNo},
    {204, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:TotalRetailValueInformationAmount",
     kNo},
    {205, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:GrossLineTotalAmount",
     kNo},
    {206, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:NetLineTotalAmount",
     kNo},
    {207, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:NetIncludingTaxesLineTotalAmount",
     kNo},
    {208, kW,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:ProductWeightLossInformationAmount",
     kNo},
    {209, kW, "ram:SpecifiedFinancialAdjustment", kNo},
    {210, kW, "ram:InvoiceReferencedDocument", kNo},
    {212, kW, "ram:PayableSpecifiedTradeAccountingAccount", kNo},
    {213, kW,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:SetTriggerCode", kNo},
    {214, kW, "ram:ReceivableSpecifiedTradeAccountingAccount/ram:TypeCode",
     kNo},
    {215, kW,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:AmountTypeCode", kNo},
    {216, kW, "ram:ReceivableSpecifiedTradeAccountingAccount/ram:Name", kNo},
    {217, kW,
     "ram:ReceivableSpecifiedTradeAccountingAccount/"
     "ram:CostReferenceDimensionPattern",
     kNo},
    {218, kW, "ram:PurchaseSpecifiedTradeAccountingAccount", kNo},
    {219, kW, "ram:SalesSpecifiedTradeAccountingAccount", kNo},
    {220, kW, "ram:SpecifiedTradeSettlementFinancialCard", kNo},
    {454, kW, "ram:ApplicableTradeTax", kOne},
};

constexpr SectionTable kSections[] = {
    {"rsm:ExchangedDocumentContext", kDocumentContext},
    {"rsm:ExchangedDocument", kExchangedDocument},
    {"rsm:ExchangedDocument/ram:IncludedNote", kDocumentNote},
    {kLine, kLineItem},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:AssociatedDocumentLineDocument",
     kLineDocument},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:SpecifiedTradeProduct",
     kProduct},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic",
     kProductCharacteristic},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:SpecifiedLineTradeAgreement",
     kLineAgreement},
    {"//ram:SpecifiedTradeAllowanceCharge", kAllowanceCharge},
    {"//ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge",
     kPriceAllowanceCharge},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:SpecifiedLineTradeDelivery",
     kLineDelivery},
    {"rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
     "ram:SpecifiedLineTradeSettlement",
     kLineSettlement},
};

}  // namespace

absl::Span<const SectionTable> CiiSrSections() {
  static const std::vector<SectionTable>* const all = [] {
    auto* v = new std::vector<SectionTable>(std::begin(kSections),
                                            std::end(kSections));
    const absl::Span<const SectionTable> header = CiiSrHeaderSections();
    v->insert(v->end(), header.begin(), header.end());
    return v;
  }();
  return *all;
}

}  // namespace docintake::einvoice::internal
