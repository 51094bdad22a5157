#include "intake/einvoice/rules/internal/vat_ubl_index.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/vat_categories.h"

namespace docintake::einvoice::internal {
namespace {

bool IsVatScheme(const XmlElement& holder) {
  for (const XmlElement& scheme : holder.Children(kCacNs, "TaxScheme")) {
    const XmlElement id = scheme.Child(kCbcNs, "ID");
    if (id && VatNormalizeSpace(absl::AsciiStrToUpper(id.Text())) == "VAT") {
      return true;
    }
  }
  return false;
}

VatUblTaxCategory ReadCategory(const XmlElement& e) {
  VatUblTaxCategory c;
  c.element = e;
  const XmlElement id = e.Child(kCbcNs, "ID");
  c.raw = id ? id.Text() : std::string();
  c.code = NormalizedText(id);
  c.vat = IsVatScheme(e);
  c.percent = e.Child(kCbcNs, "Percent");
  return c;
}

VatUblAllowanceCharge ReadAllowanceCharge(const XmlElement& e) {
  VatUblAllowanceCharge ac;
  ac.charge = BooleanOf(e.Child(kCbcNs, "ChargeIndicator"));
  ac.amount = e.Child(kCbcNs, "Amount");
  for (const XmlElement& tc : e.Children(kCacNs, "TaxCategory")) {
    ac.categories.push_back(ReadCategory(tc));
  }
  return ac;
}

bool HasVatCompanyId(const XmlElement& party) {
  for (const XmlElement& pts : party.Children(kCacNs, "PartyTaxScheme")) {
    if (IsVatScheme(pts) && pts.Child(kCbcNs, "CompanyID")) return true;
  }
  return false;
}

}  // namespace

VatUblIndex BuildVatUblIndex(const XmlElement& root) {
  VatUblIndex x;
  x.root_path = root.path();
  WalkElements(root, [&x](const XmlElement& e) {
    if (e.Is(kCacNs, "TaxCategory")) {
      x.tax_categories.push_back(ReadCategory(e));
    } else if (e.Is(kCacNs, "ClassifiedTaxCategory")) {
      x.classified.push_back(ReadCategory(e));
    } else if (e.Is(kCacNs, "InvoiceLine")) {
      x.any_invoice_line = true;
    } else if (e.Is(kCacNs, "CreditNoteLine")) {
      x.any_credit_note_line = true;
    }
    const bool line =
        e.Is(kCacNs, "InvoiceLine") || e.Is(kCacNs, "CreditNoteLine");
    if (line) {
      for (const XmlElement& ctc :
           e.FindAll("cac:Item/cac:ClassifiedTaxCategory")) {
        x.line_categories.push_back(ReadCategory(ctc));
      }
    }
    if (e.Is(kCacNs, "AllowanceCharge")) {
      x.allowance_charges.push_back(ReadAllowanceCharge(e));
    }
  });
  for (const XmlElement& e : root.Children(kCacNs, "AllowanceCharge")) {
    x.document_acs.push_back(ReadAllowanceCharge(e));
  }
  for (const XmlElement& sub : root.FindAll("cac:TaxTotal/cac:TaxSubtotal")) {
    for (const XmlElement& tc : sub.Children(kCacNs, "TaxCategory")) {
      x.breakdown.push_back({ReadCategory(tc),
                             sub.Child(kCbcNs, "TaxableAmount"),
                             sub.Child(kCbcNs, "TaxAmount")});
    }
  }
  for (const char* name : {"InvoiceLine", "CreditNoteLine"}) {
    for (const XmlElement& e : root.Children(kCacNs, name)) {
      VatUblLine l;
      l.credit = absl::string_view(name) == "CreditNoteLine";
      l.amount = e.Child(kCbcNs, "LineExtensionAmount");
      for (const XmlElement& ctc :
           e.FindAll("cac:Item/cac:ClassifiedTaxCategory")) {
        l.categories.push_back(ReadCategory(ctc));
      }
      x.lines.push_back(std::move(l));
    }
  }
  const XmlElement supplier =
      root.Find("cac:AccountingSupplierParty/cac:Party");
  x.seller_any_id =
      static_cast<bool>(supplier.Find("cac:PartyTaxScheme/cbc:CompanyID"));
  x.seller_vat_id = supplier && HasVatCompanyId(supplier);
  const XmlElement rep = root.Child(kCacNs, "TaxRepresentativeParty");
  x.tax_rep_vat_id = rep && HasVatCompanyId(rep);
  const XmlElement buyer = root.Find("cac:AccountingCustomerParty/cac:Party");
  x.buyer_vat_id = buyer && HasVatCompanyId(buyer);
  x.buyer_legal_id =
      static_cast<bool>(buyer.Find("cac:PartyLegalEntity/cbc:CompanyID"));
  return x;
}

}  // namespace docintake::einvoice::internal
