// The VAT category rules in the CII binding (CEN artefacts 1.3.15). Codes
// are compared exactly as written (ram:CategoryCode = 'S'), the tax type by
// upper-case(ram:TypeCode) = 'VAT'. -01 fires at the root; -02 ... -07 at
// the line's ram:ApplicableTradeTax or the allowance/charge's
// ram:CategoryTradeTax; -08 ... -10 (and BR-IC-11/12) at the breakdown's
// ram:CategoryCode, except BR-O, BR-AF and BR-AG, which fire at the
// breakdown's ram:ApplicableTradeTax. Sums of lines, charges and allowances
// are each rounded to cents; the zero-rated categories allow a taxable
// amount difference below 1, BR-S/AF/AG-08 and BR-O-08 none; BR-S-09 allows a
// tax difference below 1 and BR-AF/AG-09 are not checked in this binding.
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"
#include "intake/einvoice/rules/internal/vat_categories.h"

namespace docintake::einvoice::internal {
namespace {

using OptDecimal = std::optional<Decimal>;

// A ram:ApplicableTradeTax or ram:CategoryTradeTax.
struct CiiTax {
  XmlElement element;
  XmlElement code_element;  // first ram:CategoryCode
  std::string code;         // its text as written
  bool vat = false;         // upper-case(ram:TypeCode) = 'VAT'
  XmlElement rate;          // ram:RateApplicablePercent
  XmlElement basis;         // ram:BasisAmount
  XmlElement calculated;    // ram:CalculatedAmount
};

CiiTax ReadTax(const XmlElement& e) {
  CiiTax t;
  t.element = e;
  t.code_element = e.Child(kRamNs, "CategoryCode");
  t.code = t.code_element ? t.code_element.Text() : std::string();
  const XmlElement type = e.Child(kRamNs, "TypeCode");
  t.vat = type && absl::AsciiStrToUpper(type.Text()) == "VAT";
  t.rate = e.Child(kRamNs, "RateApplicablePercent");
  t.basis = e.Child(kRamNs, "BasisAmount");
  t.calculated = e.Child(kRamNs, "CalculatedAmount");
  return t;
}

struct CiiAllowanceCharge {
  std::optional<bool> charge;  // ram:ChargeIndicator/udt:Indicator
  XmlElement amount;           // ram:ActualAmount[1]
  std::vector<CiiTax> taxes;   // ram:CategoryTradeTax
};

struct CiiLine {
  std::vector<CiiTax> taxes;        // ram:ApplicableTradeTax
  std::vector<XmlElement> amounts;  // .../ram:LineTotalAmount
};

struct CiiIndex {
  std::string root_path;
  std::vector<CiiTax> line_taxes_anywhere;    // //SLTS/ram:ApplicableTradeTax
  std::vector<CiiTax> header_taxes_anywhere;  // //AHTS/ram:ApplicableTradeTax
  std::vector<CiiTax> category_taxes;         // //ram:CategoryTradeTax
  std::vector<CiiTax> all_trade_taxes;        // //ram:ApplicableTradeTax
  std::vector<CiiAllowanceCharge> allowance_charges;  // //SpecifiedTAC
  std::vector<CiiAllowanceCharge> document_acs;       // header settlement's
  std::vector<CiiLine> lines;                         // /*/rsm:SCTT/ram:ISCTLI
  std::vector<CiiTax> breakdown;                      // header settlement's
  XmlElement header_settlement;
  bool seller_va_fc = false;
  bool seller_va = false;
  bool tax_rep_va = false;
  bool buyer_va = false;
  bool buyer_legal = false;
  bool delivery_date = false;
  bool ship_to_country = false;
};

CiiAllowanceCharge ReadAllowanceCharge(const XmlElement& e) {
  CiiAllowanceCharge ac;
  ac.charge = BooleanOf(e.Find("ram:ChargeIndicator/udt:Indicator"));
  ac.amount = e.Child(kRamNs, "ActualAmount");
  for (const XmlElement& t : e.Children(kRamNs, "CategoryTradeTax")) {
    ac.taxes.push_back(ReadTax(t));
  }
  return ac;
}

bool HasTaxId(const XmlElement& party, bool also_fc) {
  for (const XmlElement& id :
       party.FindAll("ram:SpecifiedTaxRegistration/ram:ID")) {
    const std::optional<std::string> scheme = id.Attribute("schemeID");
    if (scheme && (*scheme == "VA" || (also_fc && *scheme == "FC"))) {
      return true;
    }
  }
  return false;
}

CiiIndex BuildIndex(const XmlElement& root) {
  CiiIndex x;
  x.root_path = root.path();
  WalkElements(root, [&x](const XmlElement& e) {
    if (e.Is(kRamNs, "ApplicableTradeTax")) {
      x.all_trade_taxes.push_back(ReadTax(e));
    } else if (e.Is(kRamNs, "CategoryTradeTax")) {
      x.category_taxes.push_back(ReadTax(e));
    } else if (e.Is(kRamNs, "SpecifiedLineTradeSettlement")) {
      for (const XmlElement& t : e.Children(kRamNs, "ApplicableTradeTax")) {
        x.line_taxes_anywhere.push_back(ReadTax(t));
      }
    } else if (e.Is(kRamNs, "ApplicableHeaderTradeSettlement")) {
      for (const XmlElement& t : e.Children(kRamNs, "ApplicableTradeTax")) {
        x.header_taxes_anywhere.push_back(ReadTax(t));
      }
    } else if (e.Is(kRamNs, "SpecifiedTradeAllowanceCharge")) {
      x.allowance_charges.push_back(ReadAllowanceCharge(e));
    }
  });
  const XmlElement tx = root.Child(kRsmNs, "SupplyChainTradeTransaction");
  x.header_settlement = tx.Child(kRamNs, "ApplicableHeaderTradeSettlement");
  for (const XmlElement& t :
       x.header_settlement.Children(kRamNs, "ApplicableTradeTax")) {
    x.breakdown.push_back(ReadTax(t));
  }
  for (const XmlElement& e :
       x.header_settlement.Children(kRamNs, "SpecifiedTradeAllowanceCharge")) {
    x.document_acs.push_back(ReadAllowanceCharge(e));
  }
  for (const XmlElement& item :
       tx.Children(kRamNs, "IncludedSupplyChainTradeLineItem")) {
    for (const XmlElement& st :
         item.Children(kRamNs, "SpecifiedLineTradeSettlement")) {
      CiiLine l;
      for (const XmlElement& t : st.Children(kRamNs, "ApplicableTradeTax")) {
        l.taxes.push_back(ReadTax(t));
      }
      l.amounts = st.FindAll(
          "ram:SpecifiedTradeSettlementLineMonetarySummation/"
          "ram:LineTotalAmount");
      x.lines.push_back(std::move(l));
    }
  }
  const XmlElement agreement =
      tx.Child(kRamNs, "ApplicableHeaderTradeAgreement");
  const XmlElement seller = agreement.Child(kRamNs, "SellerTradeParty");
  x.seller_va_fc = seller && HasTaxId(seller, true);
  x.seller_va = seller && HasTaxId(seller, false);
  const XmlElement rep =
      agreement.Child(kRamNs, "SellerTaxRepresentativeTradeParty");
  x.tax_rep_va = rep && HasTaxId(rep, false);
  const XmlElement buyer = agreement.Child(kRamNs, "BuyerTradeParty");
  x.buyer_va = buyer && HasTaxId(buyer, false);
  x.buyer_legal =
      static_cast<bool>(buyer.Find("ram:SpecifiedLegalOrganization/ram:ID"));
  const XmlElement delivery = tx.Child(kRamNs, "ApplicableHeaderTradeDelivery");
  x.delivery_date = static_cast<bool>(
      delivery.Find("ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/"
                    "udt:DateTimeString"));
  x.ship_to_country = static_cast<bool>(delivery.Find(
      "ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID"));
  return x;
}

int Count(const std::vector<CiiTax>& v, const std::string& code) {
  int n = 0;
  for (const CiiTax& t : v) n += t.code_element && t.code == code ? 1 : 0;
  return n;
}

void CheckBreakdownPresence(const CiiIndex& x, const VatCategory& cat,
                            FindingSink& s) {
  const std::string code = cat.code;
  const int lines = Count(x.line_taxes_anywhere, code);
  const int header = Count(x.header_taxes_anywhere, code);
  const int acs = Count(x.category_taxes, code);
  bool ok = false;
  switch (cat.kind) {
    case VatKind::kStandard:
    case VatKind::kIgic:
    case VatKind::kIpsi:
      ok = (lines + header >= 2 || lines == 0) &&
           (acs + header >= 2 || acs == 0);
      break;
    case VatKind::kOutOfScope:
      ok = header == 0 || (header == 1 && (lines > 0 || acs > 0));
      break;
    case VatKind::kZero:
      ok = (header == 0 && lines == 0 && acs == 0) ||
           (header == 1 && (lines > 0 || acs > 0));
      break;
  }
  if (!ok) FireVat(s, cat, 1, x.root_path);
}

bool PartiesOk(const CiiIndex& x, const VatCategory& cat) {
  const std::string code = cat.code;
  if (cat.kind == VatKind::kOutOfScope) {
    return !x.seller_va && !x.tax_rep_va && !x.buyer_va;
  }
  if (code == "AE") {
    return (x.seller_va_fc || x.tax_rep_va) && (x.buyer_va || x.buyer_legal);
  }
  if (code == "G") return x.seller_va || x.tax_rep_va;
  if (code == "K") return (x.seller_va || x.tax_rep_va) && x.buyer_va;
  return x.seller_va_fc || x.tax_rep_va;  // S, Z, E, L, M
}

bool RateOk(const CiiTax& t, const VatCategory& cat) {
  if (cat.kind == VatKind::kOutOfScope) return !t.rate;
  const OptDecimal r = DecimalOf(t.rate);
  if (!r) return false;
  switch (cat.kind) {
    case VatKind::kStandard:
    case VatKind::kIgic:
      return r->Sign() > 0;
    case VatKind::kIpsi:
      return r->Sign() >= 0;
    default:
      return r->IsZero();
  }
}

bool Is(const CiiTax& t, const VatCategory& cat) {
  return t.vat && t.code_element && t.code == cat.code;
}

// -02 ... -07 on lines and allowances/charges.
void CheckItems(const CiiIndex& x, const VatCategory& cat, FindingSink& s) {
  const bool parties = PartiesOk(x, cat);
  for (const CiiLine& l : x.lines) {
    for (const CiiTax& t : l.taxes) {
      if (!Is(t, cat)) continue;
      if (!parties) FireVat(s, cat, 2, t.element.path());
      if (!RateOk(t, cat)) FireVat(s, cat, 5, t.element.path());
    }
  }
  for (const CiiAllowanceCharge& ac : x.allowance_charges) {
    if (!ac.charge) continue;
    for (const CiiTax& t : ac.taxes) {
      if (!Is(t, cat)) continue;
      if (!parties) FireVat(s, cat, *ac.charge ? 4 : 3, t.element.path());
      if (!RateOk(t, cat))
        FireVat(s, cat, *ac.charge ? 7 : 6, t.element.path());
    }
  }
}

// "[x/ram:CategoryCode = code and x/xs:decimal(ram:RateApplicablePercent) =
// rate]" over a list of taxes (each part on its own).
bool Matches(const std::vector<CiiTax>& v, const std::string& code,
             const OptDecimal& rate) {
  bool code_ok = false;
  bool rate_ok = !rate.has_value();
  for (const CiiTax& t : v) {
    code_ok |= t.code_element && t.code == code;
    if (rate) {
      const OptDecimal r = DecimalOf(t.rate);
      rate_ok |= r && *r == *rate;
    }
  }
  return code_ok && rate_ok;
}

// round(Σ lines) + round(Σ charges) − round(Σ allowances) of the category.
OptDecimal TaxableSum(const CiiIndex& x, const std::string& code,
                      const OptDecimal& rate) {
  Decimal lines, charges, allowances;
  for (const CiiLine& l : x.lines) {
    if (!Matches(l.taxes, code, rate)) continue;
    for (const XmlElement& a : l.amounts) {
      const OptDecimal v = DecimalOf(a);
      const OptDecimal next = v ? Plus(lines, *v) : lines;
      if (!next) return std::nullopt;
      lines = *next;
    }
  }
  for (const CiiAllowanceCharge& ac : x.document_acs) {
    if (!ac.charge || !Matches(ac.taxes, code, rate)) continue;
    const OptDecimal v = DecimalOf(ac.amount);
    if (!v) continue;
    Decimal& target = *ac.charge ? charges : allowances;
    const OptDecimal next = Plus(target, *v);
    if (!next) return std::nullopt;
    target = *next;
  }
  const OptDecimal l = RoundCents(lines);
  const OptDecimal c = RoundCents(charges);
  const OptDecimal a = RoundCents(allowances);
  if (!l || !c || !a) return std::nullopt;
  const OptDecimal sum = Plus(*l, *c);
  return sum ? Minus(*sum, *a) : std::nullopt;
}

bool TaxableOk(const CiiIndex& x, const VatCategory& cat, const CiiTax& t) {
  const OptDecimal basis = DecimalOf(t.basis);
  const std::string code = cat.code;
  if (cat.kind == VatKind::kZero || cat.kind == VatKind::kOutOfScope) {
    const OptDecimal sum = TaxableSum(x, code, std::nullopt);
    if (!basis || !sum) return false;
    return cat.kind == VatKind::kZero ? WithinOne(*basis, *sum)
                                      : *basis == *sum;
  }
  if (!t.rate) return true;  // "every $rate in ()" holds
  const OptDecimal rate = DecimalOf(t.rate);
  if (!rate || !basis) return false;
  const OptDecimal sum = TaxableSum(x, code, rate);
  return sum && *basis == *sum;
}

bool TaxOk(const VatCategory& cat, const CiiTax& t) {
  if (cat.kind == VatKind::kIgic || cat.kind == VatKind::kIpsi) return true;
  const OptDecimal tax = DecimalOf(t.calculated);
  if (!tax) return false;
  if (cat.kind != VatKind::kStandard) return tax->IsZero();
  const OptDecimal basis = DecimalOf(t.basis);
  const OptDecimal rate = DecimalOf(t.rate);
  if (!basis || !rate) return false;
  const OptDecimal expected = ExpectedTax(*basis, *rate);
  return expected && WithinOne(tax->Abs(), *expected);
}

void CheckBreakdowns(const CiiIndex& x, const VatCategory& cat,
                     FindingSink& s) {
  const std::string code = cat.code;
  const bool on_tax_element = cat.kind == VatKind::kOutOfScope ||
                              cat.kind == VatKind::kIgic ||
                              cat.kind == VatKind::kIpsi;
  // BR-S and BR-Z select the breakdown without the VAT type filter.
  const bool any_type = code == "S" || code == "Z";
  const bool needs_reason = cat.kind == VatKind::kOutOfScope ||
                            (cat.kind == VatKind::kZero && code != "Z");
  for (const CiiTax& t : x.breakdown) {
    if (!t.code_element || t.code != code || !(t.vat || any_type)) continue;
    const std::string where =
        on_tax_element ? t.element.path() : t.code_element.path();
    if (!TaxableOk(x, cat, t)) FireVat(s, cat, 8, where);
    if (!TaxOk(cat, t)) FireVat(s, cat, 9, where);
    const bool reason = t.element.Child(kRamNs, "ExemptionReason") ||
                        t.element.Child(kRamNs, "ExemptionReasonCode");
    if (reason != needs_reason) FireVat(s, cat, 10, where);
    if (code == "K") {
      const bool period = x.header_settlement.Find(
                              "ram:BillingSpecifiedPeriod/ram:StartDateTime") ||
                          x.header_settlement.Find(
                              "ram:BillingSpecifiedPeriod/ram:EndDateTime");
      if (!x.delivery_date && !period) FireVat(s, cat, 11, where);
      if (!x.ship_to_country) FireVat(s, cat, 12, where);
    }
    if (code == "O") {
      bool other_tax = false;
      for (const CiiTax& o : x.all_trade_taxes) {
        other_tax |= o.code_element && o.code != "O";
      }
      bool other_category = false;
      for (const CiiTax& o : x.category_taxes) {
        other_category |= o.code_element && o.code != "O";
      }
      if (other_tax) FireVat(s, cat, 11, where);
      if (other_tax) FireVat(s, cat, 12, where);
      if (other_category) FireVat(s, cat, 13, where);
      if (other_category) FireVat(s, cat, 14, where);
    }
  }
}

}  // namespace

void CheckVatCategoriesCii(const RuleContext& c, FindingSink& s) {
  const XmlElement root = c.document.Root();
  if (!root) return;
  const CiiIndex x = BuildIndex(root);
  for (const VatCategory& cat : kVatCategories) {
    CheckBreakdownPresence(x, cat, s);
    CheckItems(x, cat, s);
    CheckBreakdowns(x, cat, s);
  }
}

}  // namespace docintake::einvoice::internal
