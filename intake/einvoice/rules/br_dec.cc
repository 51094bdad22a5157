// Rule family "BR-DEC": at most two decimals on amounts (CEN artefacts
// 1.3.15). The test is lexical — string-length(substring-after(x, '.')) <= 2,
// so "314.860" fails — except for BT-110/BT-111 in CII, which compare the
// value with its rounding to cents. The UBL binding of BR-DEC-13/15 looks up
// the currency relative to the amount and so never fires.
// #include <string>

#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;

#define DEC_RULE(id, term, en, de)                                  \
  {                                                                 \
    id, kF, "More than two decimals in the " en " (" term ").",     \
        "Mehr als zwei Nachkommastellen im Feld " de " (" term ")." \
  }

constexpr RuleDefinition kRules[] = {
    DEC_RULE("BR-DEC-01", "BT-92", "document allowance amount",
             "Nachlassbetrag"),
    DEC_RULE("BR-DEC-02", "BT-93", "document allowance base amount",
             "Grundbetrag des Nachlasses"),
    DEC_RULE("BR-DEC-05", "BT-99", "document charge amount", "Zuschlagsbetrag"),
    DEC_RULE("BR-DEC-06", "BT-100", "document charge base amount",
             "Grundbetrag des Zuschlags"),
    DEC_RULE("BR-DEC-09", "BT-106", "sum of line net amounts",
             "Summe der Positionsnettobeträge"),
    DEC_RULE("BR-DEC-10", "BT-107", "sum of allowances", "Summe der Nachlässe"),
    DEC_RULE("BR-DEC-11", "BT-108", "sum of charges", "Summe der Zuschläge"),
    DEC_RULE("BR-DEC-12", "BT-109", "total without VAT",
             "Gesamtbetrag ohne Umsatzsteuer"),
    DEC_RULE("BR-DEC-13", "BT-110", "VAT total", "Umsatzsteuergesamtbetrag"),
    DEC_RULE("BR-DEC-14", "BT-112", "total with VAT",
             "Gesamtbetrag mit Umsatzsteuer"),
    DEC_RULE("BR-DEC-15", "BT-111", "VAT total in accounting currency",
             "Umsatzsteuergesamtbetrag in Steuerwährung"),
    DEC_RULE("BR-DEC-16", "BT-113", "paid amount", "gezahlter Betrag"),
    DEC_RULE("BR-DEC-17", "BT-114", "rounding amount", "Rundungsbetrag"),
    DEC_RULE("BR-DEC-18", "BT-115", "amount due", "fälliger Betrag"),
    DEC_RULE("BR-DEC-19", "BT-116", "VAT category taxable amount",
             "Nettobetrag je Steuerkategorie"),
    DEC_RULE("BR-DEC-20", "BT-117", "VAT category tax amount",
             "Steuerbetrag je Steuerkategorie"),
    DEC_RULE("BR-DEC-23", "BT-131", "invoice line net amount",
             "Nettobetrag der Position"),
    DEC_RULE("BR-DEC-24", "BT-136", "line allowance amount",
             "Nachlassbetrag der Position"),
    DEC_RULE("BR-DEC-25", "BT-137", "line allowance base amount",
             "Grundbetrag des Positionsnachlasses"),
    DEC_RULE("BR-DEC-27", "BT-141", "line charge amount",
             "Zuschlagsbetrag der Position"),
    DEC_RULE("BR-DEC-28", "BT-142", "line charge base amount",
             "Grundbetrag des Positionszuschlags"),
};

#undef DEC_RULE

const RuleDefinition& Rule(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];
}

// Fires `id` at `where` when `v` is written with more than two decimals.
void Lexical(const DecimalValue& v, absl::string_view id,
             const std::string& where, FindingSink& s) {
  if (v.present && LexicalDecimals(v.text) > 2) s.Report(Rule(id), where);
}

void CheckAllowanceCharges(const std::vector<AllowanceCharge>& list,
                           absl::string_view amount_id,
                           absl::string_view base_id, FindingSink& s) {
  for (const AllowanceCharge& ac : list) {
    Lexical(ac.amount, amount_id, ac.path, s);
    Lexical(ac.base_amount, base_id, ac.path, s);
  }
}

// CII BR-DEC-13 / 15: some TaxTotalAmount passes `pass`.
bool CentValue(const DecimalValue& v) {
  if (!v.number) return false;
  const std::optional<Decimal> r = RoundCents(*v.number);
  return r && *r == *v.number;
}

void CheckCiiVatTotals(const Invoice& inv, FindingSink& s) {
  const DocumentTotals& t = inv.totals;
  if (t.all_vat_totals.empty()) return;
  bool ok13 = false, ok15 = false;
  for (const DecimalValue& v : t.all_vat_totals) {
    const std::string* cur = v.currency_id();
    const bool in_bt5 =
        cur != nullptr && inv.currency.present && *cur == inv.currency.text;
    const bool in_bt6 = cur != nullptr && inv.vat_currency.present &&
                        *cur == inv.vat_currency.text;
    if ((in_bt5 && CentValue(v)) || !in_bt5) ok13 = true;
    if ((in_bt6 && CentValue(v)) || !inv.vat_currency.present) ok15 = true;
  }
  if (!ok13) s.Report(Rule("BR-DEC-13"), t.path);
  if (!ok15) s.Report(Rule("BR-DEC-15"), t.path);
}

void CheckBrDec(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  CheckAllowanceCharges(inv.allowances, "BR-DEC-01", "BR-DEC-02", s);
  CheckAllowanceCharges(inv.charges, "BR-DEC-05", "BR-DEC-06", s);
  const DocumentTotals& t = inv.totals;
  if (t.present) {
    Lexical(t.line_net_total, "BR-DEC-09", t.path, s);
    Lexical(t.allowance_total, "BR-DEC-10", t.path, s);
    Lexical(t.charge_total, "BR-DEC-11", t.path, s);
    Lexical(t.total_without_vat, "BR-DEC-12", t.path, s);
    Lexical(t.total_with_vat, "BR-DEC-14", t.path, s);
    Lexical(t.prepaid, "BR-DEC-16", t.path, s);
    Lexical(t.rounding, "BR-DEC-17", t.path, s);
    Lexical(t.amount_due, "BR-DEC-18", t.path, s);
    if (inv.syntax == Syntax::kCii) CheckCiiVatTotals(inv, s);
  }
  for (const VatBreakdown& b : inv.vat_breakdown) {
    Lexical(b.taxable_amount, "BR-DEC-19", b.path, s);
    Lexical(b.tax_amount, "BR-DEC-20", b.path, s);
  }
  for (const InvoiceLine& l : inv.lines) {
    Lexical(l.net_amount, "BR-DEC-23", l.path, s);
    CheckAllowanceCharges(l.allowances, "BR-DEC-24", "BR-DEC-25", s);
    CheckAllowanceCharges(l.charges, "BR-DEC-27", "BR-DEC-28", s);
  }
}

}  // namespace

const RuleFamily& BrDecFamily() {
  static const RuleFamily family{"BR-DEC", RuleSet::kEn16931, kRules,
                                 &CheckBrDec};
  return family;
}

}  // namespace docintake::einvoice::internal
