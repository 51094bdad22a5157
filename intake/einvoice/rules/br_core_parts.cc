// BR core, repeated parts: invoice lines (BR-21 ... BR-28, BR-30, BR-41 ...
// BR-44, BR-54, BR-64, BR-65), document allowances and charges (BR-31 ...
// BR-38), the invoicing period (BR-29), the VAT breakdown (BR-45 ... BR-48)
// and payment instructions (BR-49 ... BR-51, BR-61).
#include <string>

#include "intake/einvoice/rules/internal/br_core_checks.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(BrCoreRule(id), where);
}

// BR-29 / BR-30: end >= start when both are given. UBL compares the texts
// (untyped values compare as strings); CII only format-102 strings.
bool PeriodOk(const Invoice& inv, const Period& p) {
  if (IsUbl(inv)) {
    if (!p.start.present || !p.end.present) return true;
    return p.end.text >= p.start.text;
  }
  if (!p.start.present || !p.end.present) return true;
  const auto is102 = [](const DateValue& d) {
    return d.format() != nullptr && *d.format() == "102" &&
           absl::string_view(d.path).find("udt:DateTimeString[") !=
               absl::string_view::npos;
  };
  if (!is102(p.start) || !is102(p.end)) return false;
  return p.end.text >= p.start.text;
}

bool HasReason(const AllowanceCharge& ac) {
  return ac.reason.present || ac.reason_code.present;
}

void CheckLine(const Invoice& inv, const InvoiceLine& l, FindingSink& s) {
  if (!NonEmpty(l.id)) Fire(s, "BR-21", l.path);
  if (!l.quantity.present) Fire(s, "BR-22", l.path);
  if (l.quantity.unit_code() == nullptr) Fire(s, "BR-23", l.path);
  if (!l.net_amount.present) Fire(s, "BR-24", l.path);
  if (!NonEmpty(l.item_name)) Fire(s, "BR-25", l.path);
  if (!l.net_price.present) Fire(s, "BR-26", l.path);
  if (!l.net_price.number || l.net_price.number->Sign() < 0) {
    Fire(s, "BR-27", l.path);
  }
  if (l.gross_price.present &&
      (!l.gross_price.number || l.gross_price.number->Sign() < 0)) {
    Fire(s, "BR-28", l.path);
  }
  if (l.period.present && !PeriodOk(inv, l.period)) {
    Fire(s, "BR-30", l.period.path);
  }
  for (const AllowanceCharge& a : l.allowances) {
    if (!a.amount.present) Fire(s, "BR-41", a.path);
    if (!HasReason(a)) Fire(s, "BR-42", a.path);
  }
  for (const AllowanceCharge& ch : l.charges) {
    if (!ch.amount.present) Fire(s, "BR-43", ch.path);
    if (!HasReason(ch)) Fire(s, "BR-44", ch.path);
  }
  for (const ItemAttribute& a : l.attributes) {
    if (!a.name.present || !a.value.present) Fire(s, "BR-54", a.path);
  }
  if (IsUbl(inv)) {
    if (l.standard_item_id.present &&
        l.standard_item_id.Attribute("schemeID") == nullptr) {
      Fire(s, "BR-64", l.standard_item_id.path);
    }
    for (const Value& code : l.classification_codes) {
      if (code.Attribute("listID") == nullptr) Fire(s, "BR-65", code.path);
    }
  } else {
    if (l.standard_item_id.present) {
      const std::string* scheme = l.standard_item_id.Attribute("schemeID");
      if (scheme == nullptr || scheme->empty()) Fire(s, "BR-64", l.path);
    }
    bool missing_list = false;
    for (const Value& code : l.classification_codes) {
      const std::string* list = code.Attribute("listID");
      if (list == nullptr || list->empty()) missing_list = true;
    }
    if (missing_list) Fire(s, "BR-65", l.path);
  }
}

void CheckDocumentAllowances(const Invoice& inv, FindingSink& s) {
  for (const AllowanceCharge& a : inv.allowances) {
    if (!a.amount.present) Fire(s, "BR-31", a.path);
    if (!a.vat_category_code.present) Fire(s, "BR-32", a.path);
    if (!HasReason(a)) Fire(s, "BR-33", a.path);
  }
  for (const AllowanceCharge& c : inv.charges) {
    if (!c.amount.present) Fire(s, "BR-36", c.path);
    if (!c.vat_category_code.present) Fire(s, "BR-37", c.path);
    if (!HasReason(c)) Fire(s, "BR-38", c.path);
  }
}

void CheckVatBreakdown(const Invoice& inv, FindingSink& s) {
  for (const VatBreakdown& b : inv.vat_breakdown) {
    if (!b.taxable_amount.present) Fire(s, "BR-45", b.path);
    if (!b.tax_amount.present) Fire(s, "BR-46", b.path);
    if (!b.category_code.present) Fire(s, "BR-47", b.path);
    if (!b.rate.present && !CodeIs(b.category_code, "O")) {
      Fire(s, "BR-48", b.path);
    }
  }
}

bool IsCreditTransfer(const Value& code) {
  return CodeIs(code, "30") || CodeIs(code, "58");
}

void CheckPayment(const Invoice& inv, FindingSink& s) {
  for (const PaymentMeans& m : inv.payment_means) {
    if (!m.type_code.present) Fire(s, "BR-49", m.path);
    const bool exact_transfer =
        m.type_code.present &&
        (m.type_code.text == "30" || m.type_code.text == "58");
    bool has_account = false;
    for (const CreditTransfer& t : m.credit_transfers) {
      if (IsUbl(inv)) {
        has_account = has_account || t.account_id.present;
        if (exact_transfer && !NonEmpty(t.account_id)) {
          Fire(s, "BR-50", t.path);
        }
      } else if (exact_transfer && !t.iban_id.present &&
                 !t.proprietary_id.present) {
        // CII tests BR-50 and BR-61 alike, in each creditor account.
        Fire(s, "BR-50", t.path);
        Fire(s, "BR-61", t.path);
      }
    }
    if (IsUbl(inv) && IsCreditTransfer(m.type_code) && !has_account) {
      Fire(s, "BR-61", m.path);
    }
    if (m.card_account_number.present) {
      const int n = CharacterCount(m.card_account_number.text);
      if (n < 4 || n > 6) {
        Fire(s, "BR-51", ParentPath(m.card_account_number.path));
      }
    }
  }
}

}  // namespace

void CheckBrCoreParts(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  for (const InvoiceLine& l : inv.lines) CheckLine(inv, l, s);
  if (inv.invoicing_period.present && !PeriodOk(inv, inv.invoicing_period)) {
    Fire(s, "BR-29", inv.invoicing_period.path);
  }
  CheckDocumentAllowances(inv, s);
  CheckVatBreakdown(inv, s);
  CheckPayment(inv, s);
}

}  // namespace docintake::einvoice::internal
