// The UBL side of the VAT category rules: one walk over the document
// collecting what the rules look at — every cac:TaxCategory and
// cac:ClassifiedTaxCategory (code normalized and as written, VAT scheme,
// rate), allowances/charges, the VAT breakdown, the lines and the parties'
// VAT identifiers. Internal; plain data, thread-compatible.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_VAT_UBL_INDEX_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_VAT_UBL_INDEX_H_

#include <optional>
#include <string>
#include <vector>

#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// A cac:TaxCategory or cac:ClassifiedTaxCategory.
struct VatUblTaxCategory {
  XmlElement element;
  std::string code;  // normalize-space(cbc:ID)
  std::string raw;   // cbc:ID as written
  bool vat = false;  // cac:TaxScheme/normalize-space(upper-case(cbc:ID))='VAT'
  XmlElement percent;
};

struct VatUblAllowanceCharge {
  std::optional<bool> charge;  // cbc:ChargeIndicator cast to xs:boolean
  XmlElement amount;
  std::vector<VatUblTaxCategory> categories;
};

struct VatUblBreakdown {
  VatUblTaxCategory category;  // cac:TaxCategory (first)
  XmlElement taxable;          // cbc:TaxableAmount
  XmlElement tax;              // cbc:TaxAmount
};

struct VatUblLine {
  bool credit = false;
  XmlElement amount;  // cbc:LineExtensionAmount
  std::vector<VatUblTaxCategory>
      categories;  // cac:Item/cac:ClassifiedTaxCategory
};

// Everything the rules look at, collected in one walk.
struct VatUblIndex {
  std::string root_path;
  std::vector<VatUblTaxCategory> tax_categories;  // //cac:TaxCategory
  std::vector<VatUblTaxCategory> classified;      // //cac:ClassifiedTaxCategory
  std::vector<VatUblTaxCategory> line_categories;  // ...Line/cac:Item/cac:CTC
  std::vector<VatUblAllowanceCharge>
      allowance_charges;                            // //cac:AllowanceCharge
  std::vector<VatUblAllowanceCharge> document_acs;  // /*/cac:AllowanceCharge
  std::vector<VatUblBreakdown> breakdown;  // /*/cac:TaxTotal/cac:TaxSubtotal
  std::vector<VatUblLine> lines;      // /*/cac:InvoiceLine | CreditNoteLine
  bool any_invoice_line = false;      // //cac:InvoiceLine
  bool any_credit_note_line = false;  // //cac:CreditNoteLine
  bool seller_any_id = false;  // supplier PartyTaxScheme/CompanyID, any scheme
  bool seller_vat_id = false;
  bool tax_rep_vat_id = false;
  bool buyer_vat_id = false;
  bool buyer_legal_id = false;
};

// Reads the document whose root element is `root`.
VatUblIndex BuildVatUblIndex(const XmlElement& root);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_VAT_UBL_INDEX_H_
