// The UBL 2.1 binding of the EN 16931 model (Invoice and CreditNote).
#include <string>
#include <utility>
#include <vector>

#include "intake/einvoice/internal/mappings.h"
#include "intake/einvoice/internal/value_reader.h"
#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice::internal {
namespace {

bool IsVatScheme(const XmlElement& tax_scheme_holder) {
  return ValueAt(tax_scheme_holder, "cac:TaxScheme/cbc:ID").Trimmed() == "VAT";
}

bool IsSepaId(const XmlElement& id) {
  const std::optional<std::string> scheme = id.Attribute("schemeID");
  return scheme && *scheme == "SEPA";
}

Address MapAddress(const XmlElement& e) {
  Address a;
  if (!e) return a;
  a.present = true;
  a.path = e.path();
  a.line1 = ValueAt(e, "cbc:StreetName");
  a.line2 = ValueAt(e, "cbc:AdditionalStreetName");
  a.line3 = ValueAt(e, "cac:AddressLine/cbc:Line");
  a.city = ValueAt(e, "cbc:CityName");
  a.post_code = ValueAt(e, "cbc:PostalZone");
  a.subdivision = ValueAt(e, "cbc:CountrySubentity");
  a.country_code = ValueAt(e, "cac:Country/cbc:IdentificationCode");
  return a;
}

Contact MapContact(const XmlElement& e) {
  Contact c;
  if (!e) return c;
  c.present = true;
  c.path = e.path();
  c.name = ValueAt(e, "cbc:Name");
  c.phone = ValueAt(e, "cbc:Telephone");
  c.email = ValueAt(e, "cbc:ElectronicMail");
  return c;
}

// Seller and buyer: cac:Party with legal entity, tax schemes, contact.
Party MapMainParty(const XmlElement& party) {
  Party p;
  if (!party) return p;
  p.present = true;
  p.path = party.path();
  p.name = ValueAt(party, "cac:PartyLegalEntity/cbc:RegistrationName");
  p.trading_name = ValueAt(party, "cac:PartyName/cbc:Name");
  for (const XmlElement& id : party.FindAll("cac:PartyIdentification/cbc:ID")) {
    if (!IsSepaId(id)) p.identifiers.push_back(ReadValue(id));
  }
  p.legal_registration_id =
      ValueAt(party, "cac:PartyLegalEntity/cbc:CompanyID");
  p.additional_legal_info =
      ValueAt(party, "cac:PartyLegalEntity/cbc:CompanyLegalForm");
  for (const XmlElement& scheme : party.Children(kCacNs, "PartyTaxScheme")) {
    Value* target =
        IsVatScheme(scheme) ? &p.vat_identifier : &p.tax_registration_id;
    if (!target->present) *target = ValueAt(scheme, "cbc:CompanyID");
  }
  p.electronic_address = ValueAt(party, "cbc:EndpointID");
  p.address = MapAddress(party.Child(kCacNs, "PostalAddress"));
  p.contact = MapContact(party.Child(kCacNs, "Contact"));
  return p;
}

Party MapPayee(const XmlElement& party) {
  Party p;
  if (!party) return p;
  p.present = true;
  p.path = party.path();
  p.name = ValueAt(party, "cac:PartyName/cbc:Name");
  for (const XmlElement& id : party.FindAll("cac:PartyIdentification/cbc:ID")) {
    if (!IsSepaId(id)) p.identifiers.push_back(ReadValue(id));
  }
  p.legal_registration_id =
      ValueAt(party, "cac:PartyLegalEntity/cbc:CompanyID");
  return p;
}

Party MapTaxRepresentative(const XmlElement& party) {
  Party p;
  if (!party) return p;
  p.present = true;
  p.path = party.path();
  p.name = ValueAt(party, "cac:PartyName/cbc:Name");
  p.vat_identifier = ValueAt(party, "cac:PartyTaxScheme/cbc:CompanyID");
  p.address = MapAddress(party.Child(kCacNs, "PostalAddress"));
  return p;
}

Party MapDeliverTo(const XmlElement& delivery) {
  Party p;
  if (!delivery) return p;
  p.present = true;
  p.path = delivery.path();
  p.name = ValueAt(delivery, "cac:DeliveryParty/cac:PartyName/cbc:Name");
  const Value location_id = ValueAt(delivery, "cac:DeliveryLocation/cbc:ID");
  if (location_id.present) p.identifiers.push_back(location_id);
  p.address = MapAddress(delivery.Find("cac:DeliveryLocation/cac:Address"));
  return p;
}

AllowanceCharge MapAllowanceCharge(const XmlElement& e) {
  AllowanceCharge ac;
  ac.path = e.path();
  ac.charge_indicator = ReadIndicator(e.Child(kCbcNs, "ChargeIndicator"));
  ac.amount = DecimalAt(e, "cbc:Amount");
  ac.base_amount = DecimalAt(e, "cbc:BaseAmount");
  ac.percentage = DecimalAt(e, "cbc:MultiplierFactorNumeric");
  ac.reason = ValueAt(e, "cbc:AllowanceChargeReason");
  ac.reason_code = ValueAt(e, "cbc:AllowanceChargeReasonCode");
  ac.vat_category_code = ValueAt(e, "cac:TaxCategory/cbc:ID");
  ac.vat_rate = DecimalAt(e, "cac:TaxCategory/cbc:Percent");
  ac.tax_scheme = ValueAt(e, "cac:TaxCategory/cac:TaxScheme/cbc:ID");
  return ac;
}

void SortAllowanceCharges(const XmlElement& parent,
                          std::vector<AllowanceCharge>* allowances,
                          std::vector<AllowanceCharge>* charges,
                          std::vector<AllowanceCharge>* unclassified) {
  for (const XmlElement& e : parent.Children(kCacNs, "AllowanceCharge")) {
    FileAllowanceCharge(MapAllowanceCharge(e), allowances, charges,
                        unclassified);
  }
}

Period MapPeriod(const XmlElement& e) {
  Period p;
  if (!e) return p;
  p.present = true;
  p.path = e.path();
  p.start = ReadUblDate(e.Child(kCbcNs, "StartDate"));
  p.end = ReadUblDate(e.Child(kCbcNs, "EndDate"));
  return p;
}

InvoiceLine MapLine(const XmlElement& e, bool credit_note) {
  InvoiceLine l;
  l.path = e.path();
  l.id = ValueAt(e, "cbc:ID");
  l.notes = ValuesAt(e, "cbc:Note");
  l.object_identifier = ValueAt(e, "cac:DocumentReference/cbc:ID");
  l.object_identifier_scheme = l.object_identifier.AttributeAsValue("schemeID");
  l.quantity = DecimalAt(
      e, credit_note ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity");
  l.net_amount = DecimalAt(e, "cbc:LineExtensionAmount");
  l.order_line_reference = ValueAt(e, "cac:OrderLineReference/cbc:LineID");
  l.buyer_accounting_reference = ValueAt(e, "cbc:AccountingCost");
  l.period = MapPeriod(e.Child(kCacNs, "InvoicePeriod"));
  SortAllowanceCharges(e, &l.allowances, &l.charges,
                       &l.unclassified_allowance_charges);
  const XmlElement price = e.Child(kCacNs, "Price");
  l.price_path = price.path();
  l.net_price = DecimalAt(price, "cbc:PriceAmount");
  l.price_discount = DecimalAt(price, "cac:AllowanceCharge/cbc:Amount");
  l.gross_price = DecimalAt(price, "cac:AllowanceCharge/cbc:BaseAmount");
  l.base_quantity = DecimalAt(price, "cbc:BaseQuantity");
  const XmlElement item = e.Child(kCacNs, "Item");
  const std::vector<XmlElement> vats =
      item.Children(kCacNs, "ClassifiedTaxCategory");
  l.vat_count = static_cast<int>(vats.size());
  if (!vats.empty()) {
    l.vat_path = vats.front().path();
    l.vat_category_code = ValueAt(vats.front(), "cbc:ID");
    l.vat_rate = DecimalAt(vats.front(), "cbc:Percent");
    l.vat_tax_scheme = ValueAt(vats.front(), "cac:TaxScheme/cbc:ID");
  }
  l.item_name = ValueAt(item, "cbc:Name");
  l.item_description = ValueAt(item, "cbc:Description");
  l.seller_item_id = ValueAt(item, "cac:SellersItemIdentification/cbc:ID");
  l.buyer_item_id = ValueAt(item, "cac:BuyersItemIdentification/cbc:ID");
  l.standard_item_id = ValueAt(item, "cac:StandardItemIdentification/cbc:ID");
  l.classification_codes =
      ValuesAt(item, "cac:CommodityClassification/cbc:ItemClassificationCode");
  l.origin_country = ValueAt(item, "cac:OriginCountry/cbc:IdentificationCode");
  for (const XmlElement& a : item.Children(kCacNs, "AdditionalItemProperty")) {
    l.attributes.push_back(
        {a.path(), ValueAt(a, "cbc:Name"), ValueAt(a, "cbc:Value")});
  }
  for (const XmlElement& sub : e.Children(
           kCacNs, credit_note ? "SubCreditNoteLine" : "SubInvoiceLine")) {
    l.sub_lines.push_back(MapLine(sub, credit_note));
  }
  return l;
}

PaymentMeans MapPaymentMeans(const XmlElement& e) {
  PaymentMeans m;
  m.path = e.path();
  m.type_code = ValueAt(e, "cbc:PaymentMeansCode");
  m.text = m.type_code.AttributeAsValue("name");
  m.remittance_information = ValueAt(e, "cbc:PaymentID");
  for (const XmlElement& account :
       e.Children(kCacNs, "PayeeFinancialAccount")) {
    CreditTransfer t;
    t.path = account.path();
    t.account_id = ValueAt(account, "cbc:ID");
    t.iban_id = t.account_id;
    t.account_name = ValueAt(account, "cbc:Name");
    t.bic = ValueAt(account, "cac:FinancialInstitutionBranch/cbc:ID");
    m.credit_transfers.push_back(std::move(t));
  }
  m.card_account_number =
      ValueAt(e, "cac:CardAccount/cbc:PrimaryAccountNumberID");
  m.card_holder_name = ValueAt(e, "cac:CardAccount/cbc:HolderName");
  m.mandate_reference = ValueAt(e, "cac:PaymentMandate/cbc:ID");
  m.debited_account =
      ValueAt(e, "cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID");
  return m;
}

void MapDocumentReferences(const XmlElement& root, Invoice* inv) {
  inv->project_reference = ValueAt(root, "cac:ProjectReference/cbc:ID");
  inv->contract_reference =
      ValueAt(root, "cac:ContractDocumentReference/cbc:ID");
  inv->order_reference = ValueAt(root, "cac:OrderReference/cbc:ID");
  inv->sales_order_reference =
      ValueAt(root, "cac:OrderReference/cbc:SalesOrderID");
  inv->receiving_advice_reference =
      ValueAt(root, "cac:ReceiptDocumentReference/cbc:ID");
  inv->despatch_advice_reference =
      ValueAt(root, "cac:DespatchDocumentReference/cbc:ID");
  inv->tender_reference =
      ValueAt(root, "cac:OriginatorDocumentReference/cbc:ID");
  for (const XmlElement& ref :
       root.Children(kCacNs, "AdditionalDocumentReference")) {
    const Value type_code = ValueAt(ref, "cbc:DocumentTypeCode");
    if (type_code.Trimmed() == "130") {
      if (!inv->invoiced_object_identifier.present) {
        inv->invoiced_object_identifier = ValueAt(ref, "cbc:ID");
        inv->invoiced_object_scheme =
            inv->invoiced_object_identifier.AttributeAsValue("schemeID");
      }
      continue;
    }
    SupportingDocument d;
    d.path = ref.path();
    d.reference = ValueAt(ref, "cbc:ID");
    d.description = ValueAt(ref, "cbc:DocumentDescription");
    d.external_uri =
        ValueAt(ref, "cac:Attachment/cac:ExternalReference/cbc:URI");
    d.attachment =
        ValueAt(ref, "cac:Attachment/cbc:EmbeddedDocumentBinaryObject");
    d.type_code = type_code;
    inv->supporting_documents.push_back(std::move(d));
  }
  for (const XmlElement& ref :
       root.FindAll("cac:BillingReference/cac:InvoiceDocumentReference")) {
    inv->preceding_invoices.push_back(
        {ref.path(), ValueAt(ref, "cbc:ID"),
         ReadUblDate(ref.Child(kCbcNs, "IssueDate"))});
  }
}

void MapTaxes(const XmlElement& root, Invoice* inv) {
  const std::string currency = inv->currency.Trimmed();
  const std::string vat_currency = inv->vat_currency.Trimmed();
  for (const XmlElement& total : root.Children(kCacNs, "TaxTotal")) {
    for (const XmlElement& amount : total.Children(kCbcNs, "TaxAmount")) {
      DecimalValue v = ReadDecimal(amount);
      const std::string* id = v.currency_id();
      if (id != nullptr && inv->currency.present && *id == currency &&
          !inv->totals.vat_total.present) {
        inv->totals.vat_total = v;
      }
      if (id != nullptr && inv->vat_currency.present && *id == vat_currency &&
          !inv->totals.vat_total_accounting.present) {
        inv->totals.vat_total_accounting = v;
      }
      inv->totals.all_vat_totals.push_back(std::move(v));
    }
    for (const XmlElement& sub : total.Children(kCacNs, "TaxSubtotal")) {
      VatBreakdown b;
      b.path = sub.path();
      b.taxable_amount = DecimalAt(sub, "cbc:TaxableAmount");
      b.tax_amount = DecimalAt(sub, "cbc:TaxAmount");
      const XmlElement category = sub.Child(kCacNs, "TaxCategory");
      b.category_code = ValueAt(category, "cbc:ID");
      b.rate = DecimalAt(category, "cbc:Percent");
      b.exemption_reason = ValueAt(category, "cbc:TaxExemptionReason");
      b.exemption_reason_code = ValueAt(category, "cbc:TaxExemptionReasonCode");
      b.tax_scheme = ValueAt(category, "cac:TaxScheme/cbc:ID");
      inv->vat_breakdown.push_back(std::move(b));
    }
  }
}

void MapTotals(const XmlElement& root, DocumentTotals* t) {
  const XmlElement e = root.Child(kCacNs, "LegalMonetaryTotal");
  if (!e) return;
  t->present = true;
  t->path = e.path();
  t->line_net_total = DecimalAt(e, "cbc:LineExtensionAmount");
  t->allowance_total = DecimalAt(e, "cbc:AllowanceTotalAmount");
  t->charge_total = DecimalAt(e, "cbc:ChargeTotalAmount");
  t->total_without_vat = DecimalAt(e, "cbc:TaxExclusiveAmount");
  t->total_with_vat = DecimalAt(e, "cbc:TaxInclusiveAmount");
  t->prepaid = DecimalAt(e, "cbc:PrepaidAmount");
  t->rounding = DecimalAt(e, "cbc:PayableRoundingAmount");
  t->amount_due = DecimalAt(e, "cbc:PayableAmount");
}

Note MapNote(const XmlElement& e) {
  Note n;
  n.path = e.path();
  n.text = ReadValue(e);
  // XRechnung convention: "#CODE#text" carries BT-21.
  const std::string& t = n.text.text;
  if (t.size() >= 2 && t[0] == '#') {
    const size_t end = t.find('#', 1);
    if (end != std::string::npos && end > 1) {
      n.subject_code = n.text;
      n.subject_code.text = t.substr(1, end - 1);
      n.subject_code.attributes.clear();
    }
  }
  return n;
}

}  // namespace

Invoice MapUbl(const XmlElement& root, bool credit_note) {
  Invoice inv;
  inv.syntax = credit_note ? Syntax::kUblCreditNote : Syntax::kUblInvoice;
  inv.root_path = root.path();
  inv.specification_identifier = ValueAt(root, "cbc:CustomizationID");
  inv.business_process = ValueAt(root, "cbc:ProfileID");
  inv.number = ValueAt(root, "cbc:ID");
  inv.issue_date = ReadUblDate(root.Child(kCbcNs, "IssueDate"));
  inv.type_code = ValueAt(
      root, credit_note ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode");
  for (const XmlElement& note : root.Children(kCbcNs, "Note")) {
    inv.notes.push_back(MapNote(note));
  }
  inv.tax_point_date = ReadUblDate(root.Child(kCbcNs, "TaxPointDate"));
  inv.currency = ValueAt(root, "cbc:DocumentCurrencyCode");
  inv.vat_currency = ValueAt(root, "cbc:TaxCurrencyCode");
  inv.buyer_accounting_reference = ValueAt(root, "cbc:AccountingCost");
  inv.buyer_reference = ValueAt(root, "cbc:BuyerReference");
  inv.invoicing_period = MapPeriod(root.Child(kCacNs, "InvoicePeriod"));
  inv.tax_point_date_code =
      ValueAt(root, "cac:InvoicePeriod/cbc:DescriptionCode");
  MapDocumentReferences(root, &inv);

  const XmlElement seller = root.Find("cac:AccountingSupplierParty/cac:Party");
  inv.seller = MapMainParty(seller);
  inv.buyer = MapMainParty(root.Find("cac:AccountingCustomerParty/cac:Party"));
  const XmlElement payee = root.Child(kCacNs, "PayeeParty");
  inv.payee = MapPayee(payee);
  inv.tax_representative =
      MapTaxRepresentative(root.Child(kCacNs, "TaxRepresentativeParty"));
  const XmlElement delivery = root.Child(kCacNs, "Delivery");
  inv.deliver_to = MapDeliverTo(delivery);
  inv.actual_delivery_date =
      ReadUblDate(delivery.Child(kCbcNs, "ActualDeliveryDate"));

  for (const XmlElement* party : {&seller, &payee}) {
    for (const XmlElement& id :
         party->FindAll("cac:PartyIdentification/cbc:ID")) {
      if (IsSepaId(id) && !inv.creditor_reference_id.present) {
        inv.creditor_reference_id = ReadValue(id);
      }
    }
  }
  for (const XmlElement& means : root.Children(kCacNs, "PaymentMeans")) {
    inv.payment_means.push_back(MapPaymentMeans(means));
    for (const XmlElement& due : means.Children(kCbcNs, "PaymentDueDate")) {
      inv.all_due_dates.push_back(ReadUblDate(due));
    }
  }
  for (const PaymentMeans& m : inv.payment_means) {
    if (!inv.mandate_reference.present)
      inv.mandate_reference = m.mandate_reference;
    if (!inv.remittance_information.present) {
      inv.remittance_information = m.remittance_information;
    }
  }
  if (credit_note) {
    inv.due_date =
        ReadUblDate(root.Find("cac:PaymentMeans/cbc:PaymentDueDate"));
  } else {
    const std::vector<XmlElement> due = root.Children(kCbcNs, "DueDate");
    inv.due_date = ReadUblDate(due.empty() ? XmlElement() : due.front());
    // In the Invoice binding BT-9 is cbc:DueDate only.
    inv.all_due_dates.clear();
    for (const XmlElement& d : due) inv.all_due_dates.push_back(ReadUblDate(d));
  }
  inv.all_payment_terms = ValuesAt(root, "cac:PaymentTerms/cbc:Note");
  if (!inv.all_payment_terms.empty()) {
    inv.payment_terms = inv.all_payment_terms.front();
  }

  SortAllowanceCharges(root, &inv.allowances, &inv.charges,
                       &inv.unclassified_allowance_charges);
  MapTaxes(root, &inv);
  MapTotals(root, &inv.totals);
  for (const XmlElement& line :
       root.Children(kCacNs, credit_note ? "CreditNoteLine" : "InvoiceLine")) {
    inv.lines.push_back(MapLine(line, credit_note));
  }
  return inv;
}

}  // namespace docintake::einvoice::internal
