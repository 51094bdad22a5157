// The "docintake checks" family: warnings the official rule sets lack —
// Leitweg-ID check digits (ISO 7064 MOD 97-10) of BT-10, IBAN check digits
// of BT-84 and BT-91 (whatever the payment means code), and the check digit
// of German VAT ids (BT-31, BT-48, BT-63). Ids are this project's own
// (DOCINTAKE-*); every rule is a warning and never affects the verdict. Runs
// with the XRechnung rule set, i.e. in the XRechnung scenarios.
#include <string>

#include "intake/einvoice/rules/internal/check_digits.h"
#include "intake/einvoice/rules/internal/families.h"

namespace docintake::einvoice::internal {
namespace {

constexpr RuleDefinition kRules[] = {
    {"DOCINTAKE-LEITWEG-ID", Severity::kWarning,
     "The buyer reference (BT-10) has the form of a Leitweg-ID, but its check "
     "digits are wrong (ISO 7064 MOD 97-10).",
     "Die Käuferreferenz (BT-10) hat die Form einer Leitweg-ID, ihre "
     "Prüfziffer ist aber falsch (ISO 7064 MOD 97-10)."},
    {"DOCINTAKE-IBAN", Severity::kWarning,
     "The account identifier has the form of an IBAN, but its check digits "
     "(MOD 97) or its length are wrong.",
     "Die Kontokennung hat die Form einer IBAN, ihre Prüfziffer (MOD 97) "
     "oder Länge ist aber falsch."},
    {"DOCINTAKE-VAT-ID", Severity::kWarning,
     "The German VAT identifier has a wrong check digit.",
     "Die deutsche Umsatzsteuer-Identifikationsnummer hat eine falsche "
     "Prüfziffer."},
};

void CheckIban(const Value& v, FindingSink& s) {
  if (!v.HasText() || !LooksLikeIban(v.text)) return;
  if (!IbanValid(v.text)) s.Report(kRules[1], v.path);
}

void CheckVatId(const Value& v, FindingSink& s) {
  if (!v.HasText()) return;
  const std::optional<bool> ok = GermanVatIdValid(v.text);
  if (ok.has_value() && !*ok) s.Report(kRules[2], v.path);
}

void CheckDocintake(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  if (inv.buyer_reference.HasText()) {
    const std::string id = inv.buyer_reference.Trimmed();
    if (LooksLikeLeitwegId(id) && !LeitwegIdCheckDigitsValid(id)) {
      s.Report(kRules[0], inv.buyer_reference.path);
    }
  }
  for (const PaymentMeans& pm : inv.payment_means) {
    for (const CreditTransfer& ct : pm.credit_transfers) {
      CheckIban(ct.account_id, s);
    }
    CheckIban(pm.debited_account, s);
  }
  CheckVatId(inv.seller.vat_identifier, s);
  CheckVatId(inv.buyer.vat_identifier, s);
  CheckVatId(inv.tax_representative.vat_identifier, s);
}

}  // namespace

const RuleFamily& DocintakeChecksFamily() {
  static const RuleFamily family{"docintake checks", RuleSet::kXRechnung,
                                 kRules, &CheckDocintake};
  return family;
}

}  // namespace docintake::einvoice::internal
