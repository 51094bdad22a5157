// The UN/CEFACT CII D16B binding of the EN 16931 model.
#include <string>
#include <utility>
#include <vector>

#include "intake/einvoice/internal/mappings.h"
#include "intake/einvoice/internal/value_reader.h"
#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice::internal {
namespace {

Address MapAddress(const XmlElement& e) {
  Address a;
  if (!e) return a;
  a.present = true;
  a.path = e.path();
  a.line1 = ValueAt(e, "ram:LineOne");
  a.line2 = ValueAt(e, "ram:LineTwo");
  a.line3 = ValueAt(e, "ram:LineThree");
  a.city = ValueAt(e, "ram:CityName");
  a.post_code = ValueAt(e, "ram:PostcodeCode");
  a.subdivision = ValueAt(e, "ram:CountrySubDivisionName");
  a.country_code = ValueAt(e, "ram:CountryID");
  return a;
}

Contact MapContact(const XmlElement& e) {
  Contact c;
  if (!e) return c;
  c.present = true;
  c.path = e.path();
  c.name = ValueAt(e, "ram:PersonName");
  c.department = ValueAt(e, "ram:DepartmentName");
  c.phone =
      ValueAt(e, "ram:TelephoneUniversalCommunication/ram:CompleteNumber");
  c.email = ValueAt(e, "ram:EmailURIUniversalCommunication/ram:URIID");
  return c;
}

// Every trade party role shares one structure in CII.
Party MapParty(const XmlElement& e) {
  Party p;
  if (!e) return p;
  p.present = true;
  p.path = e.path();
  p.name = ValueAt(e, "ram:Name");
  p.trading_name =
      ValueAt(e, "ram:SpecifiedLegalOrganization/ram:TradingBusinessName");
  for (const XmlElement& id : e.Children(kRamNs, "ID")) {
    p.identifiers.push_back(ReadValue(id));
  }
  for (const XmlElement& id : e.Children(kRamNs, "GlobalID")) {
    p.identifiers.push_back(ReadValue(id));
  }
  p.legal_registration_id = ValueAt(e, "ram:SpecifiedLegalOrganization/ram:ID");
  p.additional_legal_info = ValueAt(e, "ram:Description");
  for (const XmlElement& id :
       e.FindAll("ram:SpecifiedTaxRegistration/ram:ID")) {
    const std::optional<std::string> scheme = id.Attribute("schemeID");
    if (scheme && *scheme == "VA" && !p.vat_identifier.present) {
      p.vat_identifier = ReadValue(id);
    } else if (scheme && *scheme == "FC" && !p.tax_registration_id.present) {
      p.tax_registration_id = ReadValue(id);
    }
  }
  p.electronic_address = ValueAt(e, "ram:URIUniversalCommunication/ram:URIID");
  p.address = MapAddress(e.Child(kRamNs, "PostalTradeAddress"));
  p.contact = MapContact(e.Child(kRamNs, "DefinedTradeContact"));
  return p;
}

AllowanceCharge MapAllowanceCharge(const XmlElement& e) {
  AllowanceCharge ac;
  ac.path = e.path();
  ac.charge_indicator = ReadCiiIndicator(e.Child(kRamNs, "ChargeIndicator"));
  ac.amount = DecimalAt(e, "ram:ActualAmount");
  ac.base_amount = DecimalAt(e, "ram:BasisAmount");
  ac.percentage = DecimalAt(e, "ram:CalculationPercent");
  ac.reason = ValueAt(e, "ram:Reason");
  ac.reason_code = ValueAt(e, "ram:ReasonCode");
  ac.vat_category_code = ValueAt(e, "ram:CategoryTradeTax/ram:CategoryCode");
  ac.vat_rate = DecimalAt(e, "ram:CategoryTradeTax/ram:RateApplicablePercent");
  ac.tax_scheme = ValueAt(e, "ram:CategoryTradeTax/ram:TypeCode");
  return ac;
}

void SortAllowanceCharges(const XmlElement& parent,
                          std::vector<AllowanceCharge>* allowances,
                          std::vector<AllowanceCharge>* charges,
                          std::vector<AllowanceCharge>* unclassified) {
  for (const XmlElement& e :
       parent.Children(kRamNs, "SpecifiedTradeAllowanceCharge")) {
    FileAllowanceCharge(MapAllowanceCharge(e), allowances, charges,
                        unclassified);
  }
}

Period MapPeriod(const XmlElement& e) {
  Period p;
  if (!e) return p;
  p.present = true;
  p.path = e.path();
  p.start = ReadCiiDate(e.Child(kRamNs, "StartDateTime"));
  p.end = ReadCiiDate(e.Child(kRamNs, "EndDateTime"));
  return p;
}

// ram:AdditionalReferencedDocument with this TypeCode.
std::vector<XmlElement> ReferencedDocuments(const XmlElement& parent,
                                            absl::string_view type_code) {
  std::vector<XmlElement> out;
  for (const XmlElement& d :
       parent.Children(kRamNs, "AdditionalReferencedDocument")) {
    if (ValueAt(d, "ram:TypeCode").Trimmed() == type_code) out.push_back(d);
  }
  return out;
}

InvoiceLine MapLine(const XmlElement& e) {
  InvoiceLine l;
  l.path = e.path();
  const XmlElement doc = e.Child(kRamNs, "AssociatedDocumentLineDocument");
  l.id = ValueAt(doc, "ram:LineID");
  l.notes = ValuesAt(doc, "ram:IncludedNote/ram:Content");
  l.parent_line_id = ValueAt(doc, "ram:ParentLineID");
  l.line_status_reason_code = ValueAt(doc, "ram:LineStatusReasonCode");

  const XmlElement product = e.Child(kRamNs, "SpecifiedTradeProduct");
  l.standard_item_id = ValueAt(product, "ram:GlobalID");
  l.seller_item_id = ValueAt(product, "ram:SellerAssignedID");
  l.buyer_item_id = ValueAt(product, "ram:BuyerAssignedID");
  l.item_name = ValueAt(product, "ram:Name");
  l.item_description = ValueAt(product, "ram:Description");
  for (const XmlElement& a :
       product.Children(kRamNs, "ApplicableProductCharacteristic")) {
    l.attributes.push_back(
        {a.path(), ValueAt(a, "ram:Description"), ValueAt(a, "ram:Value")});
  }
  l.classification_codes =
      ValuesAt(product, "ram:DesignatedProductClassification/ram:ClassCode");
  l.origin_country = ValueAt(product, "ram:OriginTradeCountry/ram:ID");

  const XmlElement agreement = e.Child(kRamNs, "SpecifiedLineTradeAgreement");
  l.order_line_reference =
      ValueAt(agreement, "ram:BuyerOrderReferencedDocument/ram:LineID");
  const XmlElement gross =
      agreement.Child(kRamNs, "GrossPriceProductTradePrice");
  const XmlElement net = agreement.Child(kRamNs, "NetPriceProductTradePrice");
  l.price_path = net ? net.path() : gross.path();
  l.net_price = DecimalAt(net, "ram:ChargeAmount");
  l.gross_price = DecimalAt(gross, "ram:ChargeAmount");
  l.price_discount =
      DecimalAt(gross, "ram:AppliedTradeAllowanceCharge/ram:ActualAmount");
  l.base_quantity = DecimalAt(net, "ram:BasisQuantity");
  if (!l.base_quantity.present) {
    l.base_quantity = DecimalAt(gross, "ram:BasisQuantity");
  }

  l.quantity =
      DecimalAt(e, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity");

  const XmlElement settlement = e.Child(kRamNs, "SpecifiedLineTradeSettlement");
  const std::vector<XmlElement> vats =
      settlement.Children(kRamNs, "ApplicableTradeTax");
  l.vat_count = static_cast<int>(vats.size());
  if (!vats.empty()) {
    l.vat_path = vats.front().path();
    l.vat_category_code = ValueAt(vats.front(), "ram:CategoryCode");
    l.vat_rate = DecimalAt(vats.front(), "ram:RateApplicablePercent");
    l.vat_tax_scheme = ValueAt(vats.front(), "ram:TypeCode");
  }
  l.period = MapPeriod(settlement.Child(kRamNs, "BillingSpecifiedPeriod"));
  SortAllowanceCharges(settlement, &l.allowances, &l.charges,
                       &l.unclassified_allowance_charges);
  l.net_amount = DecimalAt(
      settlement,
      "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
  const std::vector<XmlElement> objects =
      ReferencedDocuments(settlement, "130");
  if (!objects.empty()) {
    l.object_identifier = ValueAt(objects.front(), "ram:IssuerAssignedID");
    l.object_identifier_scheme =
        ValueAt(objects.front(), "ram:ReferenceTypeCode");
  }
  l.buyer_accounting_reference = ValueAt(
      settlement, "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID");
  return l;
}

void MapAgreement(const XmlElement& a, Invoice* inv) {
  inv->buyer_reference = ValueAt(a, "ram:BuyerReference");
  inv->seller = MapParty(a.Child(kRamNs, "SellerTradeParty"));
  inv->buyer = MapParty(a.Child(kRamNs, "BuyerTradeParty"));
  inv->tax_representative =
      MapParty(a.Child(kRamNs, "SellerTaxRepresentativeTradeParty"));
  inv->sales_order_reference =
      ValueAt(a, "ram:SellerOrderReferencedDocument/ram:IssuerAssignedID");
  inv->order_reference =
      ValueAt(a, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID");
  inv->contract_reference =
      ValueAt(a, "ram:ContractReferencedDocument/ram:IssuerAssignedID");
  inv->project_reference = ValueAt(a, "ram:SpecifiedProcuringProject/ram:ID");
  for (const XmlElement& d :
       a.Children(kRamNs, "AdditionalReferencedDocument")) {
    const Value type_code = ValueAt(d, "ram:TypeCode");
    const std::string type = type_code.Trimmed();
    if (type == "50" && !inv->tender_reference.present) {
      inv->tender_reference = ValueAt(d, "ram:IssuerAssignedID");
    } else if (type == "130" && !inv->invoiced_object_identifier.present) {
      inv->invoiced_object_identifier = ValueAt(d, "ram:IssuerAssignedID");
      inv->invoiced_object_scheme = ValueAt(d, "ram:ReferenceTypeCode");
    } else if (type == "916") {
      SupportingDocument s;
      s.path = d.path();
      s.reference = ValueAt(d, "ram:IssuerAssignedID");
      s.description = ValueAt(d, "ram:Name");
      s.external_uri = ValueAt(d, "ram:URIID");
      s.attachment = ValueAt(d, "ram:AttachmentBinaryObject");
      s.type_code = type_code;
      inv->supporting_documents.push_back(std::move(s));
    }
  }
}

void MapDelivery(const XmlElement& d, Invoice* inv) {
  inv->deliver_to = MapParty(d.Child(kRamNs, "ShipToTradeParty"));
  inv->actual_delivery_date = ReadCiiDate(
      d.Find("ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime"));
  inv->despatch_advice_reference =
      ValueAt(d, "ram:DespatchAdviceReferencedDocument/ram:IssuerAssignedID");
  inv->receiving_advice_reference =
      ValueAt(d, "ram:ReceivingAdviceReferencedDocument/ram:IssuerAssignedID");
}

PaymentMeans MapPaymentMeans(const XmlElement& e, const Value& reference) {
  PaymentMeans m;
  m.path = e.path();
  m.type_code = ValueAt(e, "ram:TypeCode");
  m.text = ValueAt(e, "ram:Information");
  m.remittance_information = reference;
  const Value bic =
      ValueAt(e, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID");
  for (const XmlElement& account :
       e.Children(kRamNs, "PayeePartyCreditorFinancialAccount")) {
    CreditTransfer t;
    t.path = account.path();
    t.iban_id = ValueAt(account, "ram:IBANID");
    t.proprietary_id = ValueAt(account, "ram:ProprietaryID");
    t.account_id = FirstPresent(t.iban_id, t.proprietary_id);
    t.account_name = ValueAt(account, "ram:AccountName");
    t.bic = bic;
    m.credit_transfers.push_back(std::move(t));
  }
  m.card_account_number =
      ValueAt(e, "ram:ApplicableTradeSettlementFinancialCard/ram:ID");
  m.card_holder_name = ValueAt(
      e, "ram:ApplicableTradeSettlementFinancialCard/ram:CardholderName");
  m.debited_account =
      ValueAt(e, "ram:PayerPartyDebtorFinancialAccount/ram:IBANID");
  return m;
}

void MapTotals(const XmlElement& s, Invoice* inv) {
  DocumentTotals* t = &inv->totals;
  const XmlElement e =
      s.Child(kRamNs, "SpecifiedTradeSettlementHeaderMonetarySummation");
  if (!e) return;
  t->present = true;
  t->path = e.path();
  t->line_net_total = DecimalAt(e, "ram:LineTotalAmount");
  t->charge_total = DecimalAt(e, "ram:ChargeTotalAmount");
  t->allowance_total = DecimalAt(e, "ram:AllowanceTotalAmount");
  t->total_without_vat = DecimalAt(e, "ram:TaxBasisTotalAmount");
  t->rounding = DecimalAt(e, "ram:RoundingAmount");
  t->total_with_vat = DecimalAt(e, "ram:GrandTotalAmount");
  t->prepaid = DecimalAt(e, "ram:TotalPrepaidAmount");
  t->amount_due = DecimalAt(e, "ram:DuePayableAmount");
  const std::string currency = inv->currency.Trimmed();
  const std::string vat_currency = inv->vat_currency.Trimmed();
  for (const XmlElement& amount : e.Children(kRamNs, "TaxTotalAmount")) {
    DecimalValue v = ReadDecimal(amount);
    const std::string* id = v.currency_id();
    if (id != nullptr && inv->currency.present && *id == currency &&
        !t->vat_total.present) {
      t->vat_total = v;
    }
    if (id != nullptr && inv->vat_currency.present && *id == vat_currency &&
        !t->vat_total_accounting.present) {
      t->vat_total_accounting = v;
    }
    t->all_vat_totals.push_back(std::move(v));
  }
}

void MapSettlement(const XmlElement& s, Invoice* inv) {
  inv->creditor_reference_id = ValueAt(s, "ram:CreditorReferenceID");
  inv->remittance_information = ValueAt(s, "ram:PaymentReference");
  inv->vat_currency = ValueAt(s, "ram:TaxCurrencyCode");
  inv->currency = ValueAt(s, "ram:InvoiceCurrencyCode");
  inv->payee = MapParty(s.Child(kRamNs, "PayeeTradeParty"));
  for (const XmlElement& m :
       s.Children(kRamNs, "SpecifiedTradeSettlementPaymentMeans")) {
    inv->payment_means.push_back(
        MapPaymentMeans(m, inv->remittance_information));
  }
  for (const XmlElement& tax : s.Children(kRamNs, "ApplicableTradeTax")) {
    VatBreakdown b;
    b.path = tax.path();
    b.tax_amount = DecimalAt(tax, "ram:CalculatedAmount");
    b.tax_scheme = ValueAt(tax, "ram:TypeCode");
    b.exemption_reason = ValueAt(tax, "ram:ExemptionReason");
    b.taxable_amount = DecimalAt(tax, "ram:BasisAmount");
    b.category_code = ValueAt(tax, "ram:CategoryCode");
    b.exemption_reason_code = ValueAt(tax, "ram:ExemptionReasonCode");
    b.tax_point_date_code = ValueAt(tax, "ram:DueDateTypeCode");
    b.rate = DecimalAt(tax, "ram:RateApplicablePercent");
    b.tax_point_date = ReadCiiDate(tax.Child(kRamNs, "TaxPointDate"));
    if (!inv->tax_point_date.present) inv->tax_point_date = b.tax_point_date;
    if (!inv->tax_point_date_code.present) {
      inv->tax_point_date_code = b.tax_point_date_code;
    }
    inv->vat_breakdown.push_back(std::move(b));
  }
  inv->invoicing_period = MapPeriod(s.Child(kRamNs, "BillingSpecifiedPeriod"));
  SortAllowanceCharges(s, &inv->allowances, &inv->charges,
                       &inv->unclassified_allowance_charges);
  for (const XmlElement& terms :
       s.Children(kRamNs, "SpecifiedTradePaymentTerms")) {
    for (const XmlElement& d : terms.Children(kRamNs, "Description")) {
      inv->all_payment_terms.push_back(ReadValue(d));
    }
    for (const XmlElement& due : terms.Children(kRamNs, "DueDateDateTime")) {
      DateValue date = ReadCiiDate(due);
      if (!inv->due_date.present) inv->due_date = date;
      inv->all_due_dates.push_back(date);
    }
    if (!inv->mandate_reference.present) {
      inv->mandate_reference = ValueAt(terms, "ram:DirectDebitMandateID");
    }
  }
  if (!inv->all_payment_terms.empty()) {
    inv->payment_terms = inv->all_payment_terms.front();
  }
  for (PaymentMeans& m : inv->payment_means) {
    m.mandate_reference = inv->mandate_reference;
  }
  MapTotals(s, inv);
  for (const XmlElement& ref :
       s.Children(kRamNs, "InvoiceReferencedDocument")) {
    inv->preceding_invoices.push_back(
        {ref.path(), ValueAt(ref, "ram:IssuerAssignedID"),
         ReadCiiDate(ref.Child(kRamNs, "FormattedIssueDateTime"))});
  }
  inv->buyer_accounting_reference =
      ValueAt(s, "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID");
}

}  // namespace

Invoice MapCii(const XmlElement& root) {
  Invoice inv;
  inv.syntax = Syntax::kCii;
  inv.root_path = root.path();
  const XmlElement context = root.Child(kRsmNs, "ExchangedDocumentContext");
  inv.business_process = ValueAt(
      context, "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID");
  inv.specification_identifier =
      ValueAt(context, "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID");
  const XmlElement document = root.Child(kRsmNs, "ExchangedDocument");
  inv.number = ValueAt(document, "ram:ID");
  inv.type_code = ValueAt(document, "ram:TypeCode");
  inv.issue_date = ReadCiiDate(document.Child(kRamNs, "IssueDateTime"));
  for (const XmlElement& n : document.Children(kRamNs, "IncludedNote")) {
    inv.notes.push_back(
        {n.path(), ValueAt(n, "ram:SubjectCode"), ValueAt(n, "ram:Content")});
  }
  const XmlElement transaction =
      root.Child(kRsmNs, "SupplyChainTradeTransaction");
  MapAgreement(transaction.Child(kRamNs, "ApplicableHeaderTradeAgreement"),
               &inv);
  MapDelivery(transaction.Child(kRamNs, "ApplicableHeaderTradeDelivery"), &inv);
  MapSettlement(transaction.Child(kRamNs, "ApplicableHeaderTradeSettlement"),
                &inv);
  for (const XmlElement& line :
       transaction.Children(kRamNs, "IncludedSupplyChainTradeLineItem")) {
    inv.lines.push_back(MapLine(line));
  }
  return inv;
}

}  // namespace docintake::einvoice::internal
