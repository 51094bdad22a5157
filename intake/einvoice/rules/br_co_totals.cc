// BR-CO-10 ... BR-CO-17: the document totals and the VAT breakdown checked
// with exact decimals. Bindings differ: UBL rounds sums with round(x*100)
// div 100 and compares xs:decimal values; CII compares the untyped values
// (here: exactly) and rounds only the sums of BR-CO-10/11/12/14. An absent or
// non-numeric operand makes the comparison false, so the rule fires.
#include <optional>
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_co_checks.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

using OptDecimal = std::optional<Decimal>;

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(BrCoRule(id), where);
}

// Sum of the present values; nullopt if one is present but not a number.
template <typename T, typename Get>
OptDecimal Sum(const std::vector<T>& items, Get get) {
  Decimal total;
  for (const T& item : items) {
    const DecimalValue& v = get(item);
    if (!v.present) continue;
    if (!v.number) return std::nullopt;
    OptDecimal next = Plus(total, *v.number);
    if (!next) return std::nullopt;
    total = *next;
  }
  return total;
}

OptDecimal Num(const DecimalValue& v) {
  if (!v.present || !v.number) return std::nullopt;
  return *v.number;
}

bool Eq(const OptDecimal& a, const OptDecimal& b) { return a && b && *a == *b; }

OptDecimal Round(const OptDecimal& x) {
  return x ? RoundCents(*x) : std::nullopt;
}
OptDecimal Add(const OptDecimal& a, const OptDecimal& b) {
  return a && b ? Plus(*a, *b) : std::nullopt;
}
OptDecimal Sub(const OptDecimal& a, const OptDecimal& b) {
  return a && b ? Minus(*a, *b) : std::nullopt;
}

const DecimalValue& Amount(const AllowanceCharge& ac) { return ac.amount; }

void CheckLineAndAllowanceSums(const Invoice& inv, FindingSink& s) {
  const DocumentTotals& t = inv.totals;
  const bool ubl = IsUbl(inv);
  const OptDecimal lines =
      Round(Sum(inv.lines, [](const InvoiceLine& l) -> const DecimalValue& {
        return l.net_amount;
      }));
  const OptDecimal line_total = Num(t.line_net_total);
  // UBL tests the invoice and the credit note lines; the sum over the kind
  // that is absent is 0, so a zero BT-106 always passes there.
  bool ok =
      Eq(line_total, lines) || (ubl && line_total && line_total->IsZero());
  if (!ok) Fire(s, "BR-CO-10", t.path);

  const OptDecimal allowances = Round(Sum(inv.allowances, Amount));
  if (t.allowance_total.present) {
    if (!Eq(Num(t.allowance_total), allowances)) Fire(s, "BR-CO-11", t.path);
  } else if (!ubl && !inv.allowances.empty()) {
    Fire(s, "BR-CO-11", t.path);
  }
  const OptDecimal charges = Round(Sum(inv.charges, Amount));
  if (t.charge_total.present) {
    if (!Eq(Num(t.charge_total), charges)) Fire(s, "BR-CO-12", t.path);
  } else if (!ubl && !inv.charges.empty()) {
    Fire(s, "BR-CO-12", t.path);
  }
}

void CheckTotalWithoutVat(const Invoice& inv, FindingSink& s) {
  const DocumentTotals& t = inv.totals;
  OptDecimal expected = Num(t.line_net_total);
  if (t.charge_total.present) expected = Add(expected, Num(t.charge_total));
  if (t.allowance_total.present) {
    expected = Sub(expected, Num(t.allowance_total));
  }
  const bool has_adjustment =
      t.charge_total.present || t.allowance_total.present;
  if (IsUbl(inv) && has_adjustment) expected = Round(expected);
  if (!Eq(Num(t.total_without_vat), expected)) Fire(s, "BR-CO-13", t.path);
}

// The VAT total amounts in the invoice currency (BT-110 candidates).
std::vector<const DecimalValue*> VatTotalsInCurrency(const Invoice& inv) {
  std::vector<const DecimalValue*> out;
  if (!inv.currency.present) return out;
  for (const DecimalValue& v : inv.totals.all_vat_totals) {
    const std::string* currency = v.currency_id();
    if (currency != nullptr && *currency == inv.currency.text) {
      out.push_back(&v);
    }
  }
  return out;
}

void CheckVatTotal(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  if (inv.syntax == Syntax::kUblInvoice) {
    // Per cac:TaxTotal with subtotals. (The CreditNote binding names the
    // context cac:Taxtotal and so never fires.)
    for (const XmlElement& total :
         c.document.Root().Children(kCacNs, "TaxTotal")) {
      const std::vector<XmlElement> subs =
          total.Children(kCacNs, "TaxSubtotal");
      if (subs.empty()) continue;
      OptDecimal sum = Decimal();
      for (const XmlElement& sub : subs) {
        const XmlElement amount = sub.Child(kCbcNs, "TaxAmount");
        if (!amount) continue;
        absl::StatusOr<Decimal> v = Decimal::Parse(amount.Text());
        sum = v.ok() ? Add(sum, *v) : std::nullopt;
      }
      OptDecimal own;
      if (const XmlElement amount = total.Child(kCbcNs, "TaxAmount")) {
        absl::StatusOr<Decimal> v = Decimal::Parse(amount.Text());
        if (v.ok()) own = *v;
      }
      if (!Eq(own, Round(sum))) Fire(s, "BR-CO-14", total.path());
    }
  } else if (inv.syntax == Syntax::kCii) {
    const OptDecimal sum = Round(Sum(
        inv.vat_breakdown, [](const VatBreakdown& b) -> const DecimalValue& {
          return b.tax_amount;
        }));
    for (const DecimalValue* v : VatTotalsInCurrency(inv)) {
      if (!Eq(Num(*v), sum)) Fire(s, "BR-CO-14", v->path);
    }
  }
}

void CheckTotalWithVat(const Invoice& inv, FindingSink& s) {
  const DocumentTotals& t = inv.totals;
  const std::vector<const DecimalValue*> vat = VatTotalsInCurrency(inv);
  const OptDecimal vat_amount =
      vat.size() == 1 ? Num(*vat.front()) : std::nullopt;
  const OptDecimal expected = Round(Add(Num(t.total_without_vat), vat_amount));
  if (IsUbl(inv)) {
    if (!inv.currency.present) return;  // `every` over no currency holds
    if (!Eq(Num(t.total_with_vat), expected)) {
      Fire(s, "BR-CO-15", inv.root_path);
    }
    return;
  }
  if (!t.present) return;
  const bool ok =
      Eq(Num(t.total_with_vat), expected) ||
      (vat.empty() && Eq(Num(t.total_with_vat), Num(t.total_without_vat)));
  if (!ok) Fire(s, "BR-CO-15", t.path);
}

void CheckAmountDue(const Invoice& inv, FindingSink& s) {
  const DocumentTotals& t = inv.totals;
  const OptDecimal due = Num(t.amount_due);
  const OptDecimal with_vat = Num(t.total_with_vat);
  if (IsUbl(inv)) {
    // xs:decimal(x) as a condition is false for an absent or zero amount.
    const OptDecimal prepaid = Num(t.prepaid);
    const OptDecimal rounding = Num(t.rounding);
    const bool p = prepaid && !prepaid->IsZero();
    const bool r = rounding && !rounding->IsZero();
    const OptDecimal left = r ? Round(Sub(due, rounding)) : due;
    const OptDecimal right = p ? Round(Sub(with_vat, prepaid)) : with_vat;
    if (!Eq(left, right)) Fire(s, "BR-CO-16", t.path);
    return;
  }
  OptDecimal expected = with_vat;
  if (t.prepaid.present) expected = Sub(expected, Num(t.prepaid));
  if (t.rounding.present) expected = Add(expected, Num(t.rounding));
  if (!Eq(due, expected)) Fire(s, "BR-CO-16", t.path);
}

// BT-117 against round(BT-116 x BT-119 / 100) for a non-zero rate: UBL
// allows a difference below 1 (halves rounded towards +infinity), CII up to 1
// inclusive (halves away from zero, as the oracle's unit tests show). A zero
// or absent rate needs round(BT-117) = 0.
void CheckCategoryTax(const Invoice& inv, FindingSink& s) {
  const bool ubl = IsUbl(inv);
  const RoundingMode mode = ubl ? RoundingMode::kHalfTowardsPositiveInfinity
                                : RoundingMode::kHalfAwayFromZero;
  const Decimal hundred = Decimal::FromInt(100);
  const Decimal one = Decimal::FromInt(1);
  for (const VatBreakdown& b : inv.vat_breakdown) {
    const OptDecimal tax = Num(b.tax_amount);
    const OptDecimal rate = Num(b.rate);
    const OptDecimal tax_rounded = tax ? RoundInteger(*tax) : std::nullopt;
    const bool tax_zero = tax_rounded && tax_rounded->IsZero();
    bool ok = false;
    if (!b.rate.present) {
      ok = tax_zero;
    } else if (rate) {
      const OptDecimal rate_rounded = RoundInteger(*rate);
      if (rate_rounded && rate_rounded->IsZero()) {
        ok = tax_zero;
      } else if (rate_rounded) {
        OptDecimal product;
        if (const OptDecimal taxable = Num(b.taxable_amount)) {
          product = Times(*taxable, *rate);
        }
        OptDecimal expected;
        if (product) {
          absl::StatusOr<Decimal> q = product->Divide(hundred, 2, mode);
          if (q.ok()) expected = *q;
        }
        const OptDecimal diff = Sub(tax, expected);
        ok = diff && (ubl ? diff->Abs() < one : diff->Abs() <= one);
      }
    }
    if (!ok) Fire(s, "BR-CO-17", b.path);
  }
}

}  // namespace

void CheckBrCoTotals(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  if (inv.totals.present) {
    CheckLineAndAllowanceSums(inv, s);
    CheckTotalWithoutVat(inv, s);
    CheckAmountDue(inv, s);
  }
  CheckVatTotal(c, s);
  CheckTotalWithVat(inv, s);
  CheckCategoryTax(inv, s);
}

}  // namespace docintake::einvoice::internal
