// Invoice: the EN 16931 semantic model of one invoice or credit note, filled
// from UBL 2.1 or CII D16B (invoice_parser.h). Every business term (BT-n) is a
// Value that says whether its element was present — present but empty is
// kept apart from absent — its text as written, its attributes and its
// location ("/ubl:Invoice[1]/cbc:ID[1]"); numbers also carry an exact
// Decimal, dates a civil day. Groups (BG-n) carry the location of their
// element. Where the syntax allows more elements than the model has room for
// (0..1 terms that a document repeats), the first one is taken; cardinality
// rules look at the XML. Plain data; thread-compatible.
#ifndef DOCINTAKE_INTAKE_EINVOICE_INVOICE_MODEL_H_
#define DOCINTAKE_INTAKE_EINVOICE_INVOICE_MODEL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "intake/einvoice/decimal.h"
#include "intake/einvoice/detect.h"

namespace docintake::einvoice {

// One business term as found in the document.
struct Value {
  bool present = false;  // the element exists
  std::string text;      // its text content as written ("" if absent)
  std::string path;      // its location; "" if absent
  int line = 0;          // source line; 0 if absent
  // Attributes of the element as (name, value), e.g. ("schemeID", "0088").
  std::vector<std::pair<std::string, std::string>> attributes;

  // Present with text that is empty or only whitespace.
  bool IsEmpty() const;
  // Present with non-whitespace text (what "exists(x) and x != ''" means).
  bool HasText() const;
  // Text with XML whitespace trimmed / collapsed to single spaces.
  std::string Trimmed() const;
  std::string Collapsed() const;
  // The attribute's value, or nullptr if the element or attribute is absent.
  const std::string* Attribute(absl::string_view name) const;
  // Location of an attribute: path + "/@name".
  std::string AttributePath(absl::string_view name) const;
  // The attribute as a Value of its own (absent if it is absent).
  Value AttributeAsValue(absl::string_view name) const;
};

// An amount, quantity, price or percentage. `number` is set when the text is
// a valid xs:decimal; `number->scale()` is the number of fraction digits as
// written (BR-DEC). currencyID / unitCode are in `attributes`.
struct DecimalValue : Value {
  std::optional<Decimal> number;

  const std::string* currency_id() const { return Attribute("currencyID"); }
  const std::string* unit_code() const { return Attribute("unitCode"); }
};

// A date. UBL: xs:date text "YYYY-MM-DD". CII: udt:DateTimeString (or
// qdt:DateTimeString / udt:DateString) whose `format` attribute is kept in
// `attributes` (the Value's path points at that inner element). `date` is set
// when the text is a valid date in the syntax's format (CII: format 102
// "YYYYMMDD"; other CII formats leave it unset).
struct DateValue : Value {
  std::optional<absl::CivilDay> date;
  const std::string* format() const { return Attribute("format"); }
};

// A boolean indicator (UBL cbc:ChargeIndicator, CII udt:Indicator): set when
// the text is exactly "true" or "false" (after trimming; xs:boolean also
// takes "1"/"0").
struct IndicatorValue : Value {
  std::optional<bool> flag;
};

// BG-5 / BG-8 / BG-12 / BG-15 postal address.
struct Address {
  bool present = false;
  std::string path;
  Value line1;         // BT-35 / 50 / 64 / 75
  Value line2;         // BT-36 / 51 / 65 / 76
  Value line3;         // BT-162 / 163 / 164 / 165
  Value city;          // BT-37 / 52 / 66 / 77
  Value post_code;     // BT-38 / 53 / 67 / 78
  Value subdivision;   // BT-39 / 54 / 68 / 79
  Value country_code;  // BT-40 / 55 / 69 / 80
};

// BG-6 / BG-9 contact.
struct Contact {
  bool present = false;
  std::string path;
  Value name;        // BT-41 / 56 (CII: PersonName; department in `department`)
  Value department;  // CII ram:DepartmentName (UBL has none)
  Value phone;       // BT-42 / 57
  Value email;       // BT-43 / 58
};

// A party: seller BG-4, buyer BG-7, payee BG-10, tax representative BG-11,
// deliver-to (BT-70/71, BG-15). Terms a role does not have stay absent.
struct Party {
  bool present = false;
  std::string path;    // cac:Party / ram:SellerTradeParty etc.
  Value name;          // BT-27 / 44 / 59 / 62 / 70
  Value trading_name;  // BT-28 / 45
  // BT-29 / 46 / 60 / 71 identifiers with optional schemeID, document order.
  // UBL: cac:PartyIdentification/cbc:ID (SEPA creditor ids excluded, see
  // Invoice::creditor_reference_id); CII: ram:ID then ram:GlobalID.
  std::vector<Value> identifiers;
  Value legal_registration_id;  // BT-30 / 47 / 61 (schemeID)
  Value vat_identifier;         // BT-31 / 48 / 63
  Value tax_registration_id;    // BT-32 (UBL: scheme != VAT; CII: FC)
  Value additional_legal_info;  // BT-33
  Value electronic_address;     // BT-34 / 49 (schemeID)
  Address address;              // BG-5 / 8 / 12 / 15
  Contact contact;              // BG-6 / 9
};

// BG-1 invoice note.
struct Note {
  std::string path;
  // BT-21. UBL has no element for it: XRechnung writes "#CODE#" at the start
  // of cbc:Note; then subject_code holds CODE (path = the note's path).
  Value subject_code;
  Value text;  // BT-22, the whole element text as written (UBL: with prefix)
};

// BG-3 preceding invoice reference.
struct PrecedingInvoice {
  std::string path;
  Value number;          // BT-25
  DateValue issue_date;  // BT-26
};

// BG-24 additional supporting document.
struct SupportingDocument {
  std::string path;
  Value reference;     // BT-122
  Value description;   // BT-123
  Value external_uri;  // BT-124
  // BT-125 with attributes mimeCode and filename (CII: the same names).
  Value attachment;
  Value type_code;  // UBL cbc:DocumentTypeCode / CII ram:TypeCode ("916")
};

// BG-20 / BG-21 (document level) and BG-27 / BG-28 (line level).
struct AllowanceCharge {
  std::string path;
  IndicatorValue charge_indicator;  // true: charge, false: allowance
  DecimalValue amount;              // BT-92 / 99 / 136 / 141
  DecimalValue base_amount;         // BT-93 / 100 / 137 / 142
  DecimalValue percentage;          // BT-94 / 101 / 138 / 143
  Value reason;                     // BT-97 / 104 / 139 / 144
  Value reason_code;                // BT-98 / 105 / 140 / 145
  // Document level only: BT-95 / 102 category, BT-96 / 103 rate, and the tax
  // scheme ("VAT"; UBL cac:TaxScheme/cbc:ID, CII ram:TypeCode).
  Value vat_category_code;
  DecimalValue vat_rate;
  Value tax_scheme;
};

// BG-23 VAT breakdown.
struct VatBreakdown {
  std::string path;             // cac:TaxSubtotal / ram:ApplicableTradeTax
  DecimalValue taxable_amount;  // BT-116
  DecimalValue tax_amount;      // BT-117
  Value category_code;          // BT-118
  DecimalValue rate;            // BT-119
  Value exemption_reason;       // BT-120
  Value exemption_reason_code;  // BT-121
  Value tax_scheme;             // "VAT"
  // CII only (document-level ram:ApplicableTradeTax): BT-7 and BT-8.
  DateValue tax_point_date;
  Value tax_point_date_code;
};

// BG-17 credit transfer (one payment account).
struct CreditTransfer {
  std::string path;
  // BT-84: UBL cbc:ID; CII ram:IBANID if present, else ram:ProprietaryID.
  Value account_id;
  Value iban_id;         // CII ram:IBANID (UBL: same as account_id)
  Value proprietary_id;  // CII ram:ProprietaryID
  Value account_name;    // BT-85
  Value bic;             // BT-86
};

// BG-16 payment instructions, one per UBL cac:PaymentMeans / CII
// ram:SpecifiedTradeSettlementPaymentMeans.
struct PaymentMeans {
  std::string path;
  Value type_code;  // BT-81
  // BT-82: CII ram:Information; UBL the `name` attribute of
  // cbc:PaymentMeansCode (then `text` is that attribute's value and `path`
  // the code's path + "/@name").
  Value text;
  Value remittance_information;                  // BT-83 (UBL cbc:PaymentID)
  std::vector<CreditTransfer> credit_transfers;  // BG-17
  // BG-18 payment card.
  Value card_account_number;  // BT-87
  Value card_holder_name;     // BT-88
  // BG-19 direct debit (UBL cac:PaymentMandate).
  Value mandate_reference;  // BT-89
  Value debited_account;    // BT-91
};

// BG-26 / BG-14 period.
struct Period {
  bool present = false;
  std::string path;
  DateValue start;  // BT-73 / 134
  DateValue end;    // BT-74 / 135
};

// BG-32 item attribute.
struct ItemAttribute {
  std::string path;
  Value name;   // BT-160
  Value value;  // BT-161
};

// BG-25 invoice line (with BG-26…BG-32).
struct InvoiceLine {
  std::string path;  // cac:InvoiceLine / ram:IncludedSupplyChainTradeLineItem
  Value id;          // BT-126
  std::vector<Value> notes;          // BT-127
  Value object_identifier;           // BT-128
  Value object_identifier_scheme;    // UBL @schemeID, CII ram:ReferenceTypeCode
  DecimalValue quantity;             // BT-129 (unitCode = BT-130)
  DecimalValue net_amount;           // BT-131
  Value order_line_reference;        // BT-132
  Value buyer_accounting_reference;  // BT-133
  Period period;                     // BG-26
  std::vector<AllowanceCharge> allowances;  // BG-27
  std::vector<AllowanceCharge> charges;     // BG-28
  // Allowance/charge elements whose indicator is neither true nor false.
  std::vector<AllowanceCharge> unclassified_allowance_charges;
  // BG-29 price details.
  std::string price_path;
  DecimalValue net_price;       // BT-146
  DecimalValue price_discount;  // BT-147
  DecimalValue gross_price;     // BT-148
  DecimalValue base_quantity;   // BT-149 (unitCode = BT-150)
  // BG-30 line VAT (the first; `vat_count` says how many the line has).
  std::string vat_path;
  Value vat_category_code;  // BT-151
  DecimalValue vat_rate;    // BT-152
  Value vat_tax_scheme;
  int vat_count = 0;
  // BG-31 item.
  Value item_name;                          // BT-153
  Value item_description;                   // BT-154
  Value seller_item_id;                     // BT-155
  Value buyer_item_id;                      // BT-156
  Value standard_item_id;                   // BT-157 (schemeID)
  std::vector<Value> classification_codes;  // BT-158 (listID, listVersionID)
  Value origin_country;                     // BT-159
  std::vector<ItemAttribute> attributes;    // BG-32
  // XRechnung extension: UBL cac:SubInvoiceLine (nested), CII
  // ram:ParentLineID / ram:LineStatusReasonCode.
  std::vector<InvoiceLine> sub_lines;
  Value parent_line_id;
  Value line_status_reason_code;
};

// BG-22 document totals.
struct DocumentTotals {
  bool present = false;
  std::string path;  // cac:LegalMonetaryTotal / ram:...MonetarySummation
  DecimalValue line_net_total;        // BT-106
  DecimalValue allowance_total;       // BT-107
  DecimalValue charge_total;          // BT-108
  DecimalValue total_without_vat;     // BT-109
  DecimalValue vat_total;             // BT-110 (currency = BT-5)
  DecimalValue vat_total_accounting;  // BT-111 (currency = BT-6)
  DecimalValue total_with_vat;        // BT-112
  DecimalValue prepaid;               // BT-113
  DecimalValue rounding;              // BT-114
  DecimalValue amount_due;            // BT-115
  // Every VAT total element as written (UBL cac:TaxTotal/cbc:TaxAmount, CII
  // ram:TaxTotalAmount), whatever its currency.
  std::vector<DecimalValue> all_vat_totals;
};

struct Invoice {
  Syntax syntax = Syntax::kOther;
  std::string root_path;  // "/ubl:Invoice[1]", "/rsm:CrossIndustryInvoice[1]"
  bool IsCreditNote() const;  // UBL CreditNote root (BT-3 is not consulted)

  Value number;                 // BT-1
  DateValue issue_date;         // BT-2
  Value type_code;              // BT-3
  Value currency;               // BT-5
  Value vat_currency;           // BT-6
  DateValue tax_point_date;     // BT-7 (CII: first breakdown's TaxPointDate)
  Value tax_point_date_code;    // BT-8
  DateValue due_date;           // BT-9 (CII: first payment terms' due date)
  Value buyer_reference;        // BT-10
  Value project_reference;      // BT-11
  Value contract_reference;     // BT-12
  Value order_reference;        // BT-13
  Value sales_order_reference;  // BT-14
  Value receiving_advice_reference;  // BT-15
  Value despatch_advice_reference;   // BT-16
  Value tender_reference;            // BT-17
  Value invoiced_object_identifier;  // BT-18
  Value invoiced_object_scheme;      // UBL @schemeID, CII ram:ReferenceTypeCode
  Value buyer_accounting_reference;  // BT-19
  Value payment_terms;               // BT-20 (first)
  std::vector<Note> notes;           // BG-1
  Value business_process;            // BT-23
  Value specification_identifier;    // BT-24
  std::vector<PrecedingInvoice> preceding_invoices;  // BG-3

  Party seller;              // BG-4 (+ BG-5, BG-6)
  Party buyer;               // BG-7 (+ BG-8, BG-9)
  Party payee;               // BG-10
  Party tax_representative;  // BG-11 (+ BG-12)
  // BG-13 delivery information.
  Party deliver_to;                // BT-70 name, BT-71 location id, BG-15
  DateValue actual_delivery_date;  // BT-72
  Period invoicing_period;         // BG-14

  std::vector<PaymentMeans> payment_means;  // BG-16
  Value creditor_reference_id;  // BT-90 (UBL: SEPA id of seller or payee)
  // BT-89 (CII: payment terms; UBL: the first PaymentMandate/ID) and BT-83
  // (CII ram:PaymentReference; UBL: the first PaymentID), also per means.
  Value mandate_reference;
  Value remittance_information;
  // Every BT-9 element in document order (UBL Invoice: cbc:DueDate; UBL
  // CreditNote: cac:PaymentMeans/cbc:PaymentDueDate; CII: CII-SR-452).
  std::vector<DateValue> all_due_dates;
  std::vector<Value> all_payment_terms;  // every BT-20 element

  std::vector<AllowanceCharge> allowances;  // BG-20
  std::vector<AllowanceCharge> charges;     // BG-21
  std::vector<AllowanceCharge> unclassified_allowance_charges;
  DocumentTotals totals;                                 // BG-22
  std::vector<VatBreakdown> vat_breakdown;               // BG-23
  std::vector<SupportingDocument> supporting_documents;  // BG-24
  std::vector<InvoiceLine> lines;                        // BG-25
};

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_INVOICE_MODEL_H_
