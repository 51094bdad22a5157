// The VAT category rules in the UBL binding (CEN artefacts 1.3.15). Tax
// categories count when their cac:TaxScheme/cbc:ID is "VAT" (upper-cased,
// normalized) unless a rule leaves that filter out (BR-S-01, part of
// BR-S-02); codes are compared after normalize-space (BR-AF-01/-04 and
// BR-AG-01 partly as written, as upstream does). Document-level rules
// (-01 ... -04, BR-IC-11/12, BR-O-11 ... -14) fire at the root; -05 ... -07
// at the line's cac:ClassifiedTaxCategory or the allowance/charge's
// cac:TaxCategory; -08 ... -10 at the breakdown's cac:TaxCategory.
// BR-S/AF/AG-08 compare per rate with a tolerance below 1, the other
// categories exactly; BR-S/AF/AG-09 allow a difference below 1.
#include <optional>
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"
#include "intake/einvoice/rules/internal/vat_categories.h"
#include "intake/einvoice/rules/internal/vat_ubl_index.h"

namespace docintake::einvoice::internal {
namespace {

using OptDecimal = std::optional<Decimal>;

bool Is(const VatUblTaxCategory& c, const VatCategory& cat) {
  return c.vat && c.code == cat.code;
}

bool AnyOf(const std::vector<VatUblTaxCategory>& v, const VatCategory& cat) {
  for (const VatUblTaxCategory& c : v) {
    if (Is(c, cat)) return true;
  }
  return false;
}

// Some allowance (charge = false) or charge (true) carries the category.
bool AnyAllowanceCharge(const std::vector<VatUblAllowanceCharge>& acs,
                        const VatCategory& cat, bool charge) {
  for (const VatUblAllowanceCharge& ac : acs) {
    if (ac.charge == charge && AnyOf(ac.categories, cat)) return true;
  }
  return false;
}

// The party condition of rules -02 ... -04.
bool PartiesOk(const VatUblIndex& x, const VatCategory& cat) {
  const bool seller = x.seller_any_id || x.tax_rep_vat_id;
  const std::string code = cat.code;
  switch (cat.kind) {
    case VatKind::kOutOfScope:
      return !x.seller_vat_id && !x.tax_rep_vat_id && !x.buyer_vat_id;
    case VatKind::kStandard:
    case VatKind::kIgic:
    case VatKind::kIpsi:
      return seller;
    case VatKind::kZero:
      break;
  }
  if (code == "AE") return seller && (x.buyer_vat_id || x.buyer_legal_id);
  if (code == "G") return x.seller_vat_id || x.tax_rep_vat_id;
  if (code == "K") {
    return (x.seller_vat_id || x.tax_rep_vat_id) && x.buyer_vat_id;
  }
  return seller;  // Z, E
}

int CountBreakdown(const VatUblIndex& x, const VatCategory& cat,
                   bool vat_only) {
  int n = 0;
  for (const VatUblBreakdown& b : x.breakdown) {
    const VatUblTaxCategory& c = b.category;
    n += (c.code == cat.code && (c.vat || !vat_only)) ? 1 : 0;
  }
  return n;
}

void CheckBreakdownPresence(const VatUblIndex& x, const VatCategory& cat,
                            FindingSink& s) {
  if (cat.kind == VatKind::kStandard || cat.kind == VatKind::kIgic ||
      cat.kind == VatKind::kIpsi) {
    // "At least one": BR-S-01 counts without the VAT scheme filter.
    const bool vat_only = cat.kind != VatKind::kStandard;
    int used = 0;
    for (const VatUblAllowanceCharge& ac : x.allowance_charges) {
      for (const VatUblTaxCategory& c : ac.categories) {
        used += (c.code == cat.code && (c.vat || !vat_only)) ? 1 : 0;
      }
    }
    for (const VatUblTaxCategory& c : x.classified) {
      used += (c.code == cat.code && (c.vat || !vat_only)) ? 1 : 0;
    }
    // With a use, BR-AF-01 counts breakdowns whose code is exactly "L" (any
    // scheme), BR-AG-01 exactly "M" (VAT scheme).
    int matching = CountBreakdown(x, cat, vat_only);
    if (cat.kind != VatKind::kStandard) {
      matching = 0;
      for (const VatUblBreakdown& b : x.breakdown) {
        const bool scheme_ok = cat.kind == VatKind::kIgic || b.category.vat;
        matching += (b.category.raw == cat.code && scheme_ok) ? 1 : 0;
      }
    }
    const bool ok =
        used > 0 ? matching > 0 : CountBreakdown(x, cat, vat_only) == 0;
    if (!ok) FireVat(s, cat, 1, x.root_path);
    return;
  }
  // "Exactly one" whenever the code occurs anywhere (breakdown included).
  const bool used = AnyOf(x.tax_categories, cat) || AnyOf(x.classified, cat);
  if (used && CountBreakdown(x, cat, true) != 1) {
    FireVat(s, cat, 1, x.root_path);
  }
}

void CheckParties(const VatUblIndex& x, const VatCategory& cat,
                  FindingSink& s) {
  const bool ok = PartiesOk(x, cat);
  const bool line_used = AnyOf(x.classified, cat);
  if (cat.kind == VatKind::kStandard) {
    // BR-S-02 passes only when no line uses S at all (any scheme).
    bool any_s = false;
    for (const VatUblTaxCategory& c : x.classified) any_s |= c.code == "S";
    if (any_s && !(line_used && ok)) FireVat(s, cat, 2, x.root_path);
  } else if (line_used && !ok) {
    FireVat(s, cat, 2, x.root_path);
  }
  // BR-O-03/04 look at document level only, the others anywhere.
  const std::vector<VatUblAllowanceCharge>& acs =
      cat.kind == VatKind::kOutOfScope ? x.document_acs : x.allowance_charges;
  if (AnyAllowanceCharge(acs, cat, false) && !ok) {
    FireVat(s, cat, 3, x.root_path);
  }
  bool charge_used = AnyAllowanceCharge(acs, cat, true);
  if (cat.kind == VatKind::kIgic) {
    // BR-AF-04 passes unless a charge's code is exactly "L".
    charge_used = false;
    for (const VatUblAllowanceCharge& ac : acs) {
      for (const VatUblTaxCategory& c : ac.categories) {
        charge_used |= ac.charge == true && c.vat && c.raw == "L";
      }
    }
  }
  if (charge_used && !ok) FireVat(s, cat, 4, x.root_path);
}

// Rules -05 ... -07 on one category element.
bool RateOk(const VatUblTaxCategory& c, VatKind kind) {
  if (kind == VatKind::kOutOfScope) return !c.percent;
  const OptDecimal p = DecimalOf(c.percent);
  if (!p) return false;
  switch (kind) {
    case VatKind::kStandard:
      return p->Sign() > 0;
    case VatKind::kIgic:
    case VatKind::kIpsi:
      return p->Sign() >= 0;
    default:
      return p->IsZero();
  }
}

void CheckRates(const VatUblIndex& x, const VatCategory& cat, FindingSink& s) {
  for (const VatUblTaxCategory& c : x.line_categories) {
    if (Is(c, cat) && !RateOk(c, cat.kind)) {
      FireVat(s, cat, 5, c.element.path());
    }
  }
  for (const VatUblAllowanceCharge& ac : x.allowance_charges) {
    if (!ac.charge) continue;
    for (const VatUblTaxCategory& c : ac.categories) {
      if (Is(c, cat) && !RateOk(c, cat.kind)) {
        FireVat(s, cat, *ac.charge ? 7 : 6, c.element.path());
      }
    }
  }
}

// XPath "[x/normalize-space(cbc:ID) = code][x/xs:decimal(cbc:Percent) =
// rate]" over a list of categories (each predicate on its own).
bool Matches(const std::vector<VatUblTaxCategory>& v, const std::string& code,
             const OptDecimal& rate) {
  bool code_ok = false;
  bool rate_ok = !rate.has_value();
  for (const VatUblTaxCategory& c : v) {
    code_ok |= c.code == code;
    if (rate) {
      const OptDecimal p = DecimalOf(c.percent);
      rate_ok |= p && *p == *rate;
    }
  }
  return code_ok && rate_ok;
}

// Σ line net amounts (invoice or credit note lines) + charges − allowances
// on document level of the category (and rate, if given); nullopt on
// overflow.
OptDecimal TaxableSum(const VatUblIndex& x, const std::string& code,
                      const OptDecimal& rate, bool credit) {
  OptDecimal sum = Decimal();
  for (const VatUblLine& l : x.lines) {
    if (l.credit != credit || !Matches(l.categories, code, rate)) continue;
    if (const OptDecimal a = DecimalOf(l.amount)) sum = Plus(*sum, *a);
    if (!sum) return std::nullopt;
  }
  for (const VatUblAllowanceCharge& ac : x.document_acs) {
    if (!ac.charge || !Matches(ac.categories, code, rate)) continue;
    const OptDecimal a = DecimalOf(ac.amount);
    if (!a) continue;
    sum = *ac.charge ? Plus(*sum, *a) : Minus(*sum, *a);
    if (!sum) return std::nullopt;
  }
  return sum;
}

// BR-x-08 for one breakdown group.
bool TaxableOk(const VatUblIndex& x, const VatCategory& cat,
               const VatUblBreakdown& b) {
  const OptDecimal taxable = DecimalOf(b.taxable);
  const std::string code = cat.code;
  if (cat.kind == VatKind::kZero || cat.kind == VatKind::kOutOfScope) {
    if (!taxable) return false;
    for (bool credit : {false, true}) {
      if (!(credit ? x.any_credit_note_line : x.any_invoice_line)) continue;
      const OptDecimal sum = TaxableSum(x, code, std::nullopt, credit);
      if (sum && *sum == *taxable) return true;
    }
    return false;
  }
  // Per rate ("every $rate in xs:decimal(cbc:Percent)": none -> true).
  const XmlElement percent = b.category.percent;
  if (!percent) return true;
  const OptDecimal rate = DecimalOf(percent);
  if (!rate || !taxable) return false;
  if (cat.kind == VatKind::kStandard) {
    // BR-S-08 also needs a line or allowance/charge with that rate.
    bool ac_used = false;
    for (const VatUblAllowanceCharge& ac : x.allowance_charges) {
      ac_used |= Matches(ac.categories, code, rate);
    }
    for (bool credit : {false, true}) {
      bool line_used = false;
      for (const VatUblLine& l : x.lines) {
        line_used |= l.credit == credit && Matches(l.categories, code, rate);
      }
      const OptDecimal sum = TaxableSum(x, code, rate, credit);
      if ((line_used || ac_used) && sum && WithinOne(*taxable, *sum)) {
        return true;
      }
    }
    return false;
  }
  for (bool credit : {false, true}) {
    if (!(credit ? x.any_credit_note_line : x.any_invoice_line)) continue;
    const OptDecimal sum = TaxableSum(x, code, rate, credit);
    if (sum && WithinOne(*taxable, *sum)) return true;
  }
  return false;
}

// BR-x-09 for one breakdown group.
bool TaxOk(const VatCategory& cat, const VatUblBreakdown& b) {
  const OptDecimal tax = DecimalOf(b.tax);
  if (!tax) return false;
  if (cat.kind == VatKind::kZero || cat.kind == VatKind::kOutOfScope) {
    return tax->IsZero();
  }
  const OptDecimal taxable = DecimalOf(b.taxable);
  const OptDecimal rate = DecimalOf(b.category.percent);
  if (!taxable || !rate) return false;
  const OptDecimal expected = ExpectedTax(*taxable, *rate);
  return expected && WithinOne(tax->Abs(), *expected);
}

void CheckBreakdowns(const VatUblIndex& x, const VatCategory& cat,
                     FindingSink& s) {
  const bool needs_reason =
      cat.kind == VatKind::kOutOfScope ||
      (cat.kind == VatKind::kZero && std::string(cat.code) != "Z");
  for (const VatUblBreakdown& b : x.breakdown) {
    if (!Is(b.category, cat)) continue;
    const std::string& where = b.category.element.path();
    if (!TaxableOk(x, cat, b)) FireVat(s, cat, 8, where);
    if (!TaxOk(cat, b)) FireVat(s, cat, 9, where);
    const XmlElement& e = b.category.element;
    const bool reason = e.Child(kCbcNs, "TaxExemptionReason") ||
                        e.Child(kCbcNs, "TaxExemptionReasonCode");
    if (reason != needs_reason) FireVat(s, cat, 10, where);
  }
}

// BR-IC-11/12 and BR-O-11 ... BR-O-14 at the root.
void CheckSpecial(const VatUblIndex& x, const XmlElement& root,
                  const VatCategory& cat, FindingSink& s) {
  if (CountBreakdown(x, cat, true) == 0) return;
  const std::string code = cat.code;
  if (code == "K") {
    const int date_length =
        CharacterCount(root.Find("cac:Delivery/cbc:ActualDeliveryDate").Text());
    const XmlElement period = root.Child(kCacNs, "InvoicePeriod");
    if (date_length <= 1 && !(period && period.HasChildElements())) {
      FireVat(s, cat, 11, x.root_path);
    }
    const XmlElement country = root.Find(
        "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/"
        "cbc:IdentificationCode");
    if (CharacterCount(country.Text()) <= 1) FireVat(s, cat, 12, x.root_path);
    return;
  }
  if (code != "O") return;
  auto other = [](const VatUblTaxCategory& c) {
    return c.vat && c.code != "O";
  };
  bool other_breakdown = false;
  for (const VatUblBreakdown& b : x.breakdown)
    other_breakdown |= other(b.category);
  if (other_breakdown) FireVat(s, cat, 11, x.root_path);
  bool other_line = false;
  for (const VatUblTaxCategory& c : x.classified) other_line |= other(c);
  if (other_line) FireVat(s, cat, 12, x.root_path);
  bool other_ac[2] = {false, false};
  for (const VatUblAllowanceCharge& ac : x.allowance_charges) {
    if (!ac.charge) continue;
    for (const VatUblTaxCategory& c : ac.categories) {
      other_ac[*ac.charge ? 1 : 0] |= other(c);
    }
  }
  if (other_ac[0]) FireVat(s, cat, 13, x.root_path);
  if (other_ac[1]) FireVat(s, cat, 14, x.root_path);
}

}  // namespace

void CheckVatCategoriesUbl(const RuleContext& c, FindingSink& s) {
  const XmlElement root = c.document.Root();
  if (!root) return;
  const VatUblIndex x = BuildVatUblIndex(root);
  for (const VatCategory& cat : kVatCategories) {
    CheckBreakdownPresence(x, cat, s);
    CheckParties(x, cat, s);
    CheckSpecial(x, root, cat, s);
    CheckRates(x, cat, s);
    CheckBreakdowns(x, cat, s);
  }
}

}  // namespace docintake::einvoice::internal
