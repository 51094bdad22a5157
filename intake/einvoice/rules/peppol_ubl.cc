// Peppol BIS Billing rules adopted by XRechnung 2.5.0, UBL binding.
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/peppol_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(PeppolRule(id), where);
}

std::vector<XmlElement> Lines(const XmlElement& root) {
  std::vector<XmlElement> lines = root.Children(kCacNs, "InvoiceLine");
  for (const XmlElement& l : root.Children(kCacNs, "CreditNoteLine")) {
    lines.push_back(l);
  }
  return lines;
}

// Some TaxTotal/TaxAmount in `currency` satisfies `pred` (XPath general
// comparison with 0).
template <typename Pred>
bool SomeTaxAmount(const XmlElement& root, const std::string& currency,
                   Pred pred) {
  for (const XmlElement& amount : root.FindAll("cac:TaxTotal/cbc:TaxAmount")) {
    if (amount.Attribute("currencyID") !=
        std::optional<std::string>(currency)) {
      continue;
    }
    const std::optional<double> n = XrNumberOf(amount);
    if (n && pred(*n)) return true;
  }
  return false;
}

void CheckDocument(const XmlElement& root, FindingSink& s) {
  const std::string& where = root.path();
  if (!root.Child(kCbcNs, "ProfileID").valid()) {
    Fire(s, "PEPPOL-EN16931-R001", where);
  }
  int with_sub = 0, without_sub = 0;
  for (const XmlElement& total : root.Children(kCacNs, "TaxTotal")) {
    (total.Child(kCacNs, "TaxSubtotal").valid() ? with_sub : without_sub)++;
  }
  const XmlElement tax_currency = root.Child(kCbcNs, "TaxCurrencyCode");
  if (with_sub != 1) Fire(s, "PEPPOL-EN16931-R053", where);
  if (without_sub != (tax_currency.valid() ? 1 : 0)) {
    Fire(s, "PEPPOL-EN16931-R054", where);
  }
  if (tax_currency.valid()) {
    const std::string tax = XrNormalizeSpace(tax_currency.Text());
    const std::string doc =
        XrNormalizeSpace(root.Child(kCbcNs, "DocumentCurrencyCode").Text());
    const auto le0 = [](double d) { return d <= 0; };
    const auto ge0 = [](double d) { return d >= 0; };
    if (!(SomeTaxAmount(root, tax, le0) && SomeTaxAmount(root, doc, le0)) &&
        !(SomeTaxAmount(root, tax, ge0) && SomeTaxAmount(root, doc, ge0))) {
      Fire(s, "PEPPOL-EN16931-R055", where);
    }
  }
  for (const XmlElement& code : root.Children(kCbcNs, "TaxCurrencyCode")) {
    if (XrNormalizeSpace(code.Text()) ==
        XrNormalizeSpace(root.Child(kCbcNs, "DocumentCurrencyCode").Text())) {
      Fire(s, "PEPPOL-EN16931-R005", code.path());
    }
  }
  for (const XmlElement& party :
       root.FindAll("cac:AccountingCustomerParty/cac:Party")) {
    if (!party.Child(kCbcNs, "EndpointID").valid()) {
      Fire(s, "PEPPOL-EN16931-R010", party.path());
    }
  }
  for (const XmlElement& party :
       root.FindAll("cac:AccountingSupplierParty/cac:Party")) {
    if (!party.Child(kCbcNs, "EndpointID").valid()) {
      Fire(s, "PEPPOL-EN16931-R020", party.path());
    }
  }
  for (const XmlElement& pm : root.Children(kCacNs, "PaymentMeans")) {
    const std::string code =
        XrNormalizeSpace(pm.Child(kCbcNs, "PaymentMeansCode").Text());
    if ((code == "49" || code == "59") &&
        !pm.Find("cac:PaymentMandate/cbc:ID").valid()) {
      Fire(s, "PEPPOL-EN16931-R061", pm.path());
    }
  }
}

void CheckAllowanceCharge(const XmlElement& ac, const Decimal& slack,
                          FindingSink& s) {
  const XmlElement factor = ac.Child(kCbcNs, "MultiplierFactorNumeric");
  const XmlElement base = ac.Child(kCbcNs, "BaseAmount");
  if (factor.valid() && !base.valid()) {
    Fire(s, "PEPPOL-EN16931-R041", ac.path());
  }
  if (!factor.valid() && base.valid()) {
    Fire(s, "PEPPOL-EN16931-R042", ac.path());
  }
  if (factor.valid() && base.valid()) {
    const XmlElement amount_element = ac.Child(kCbcNs, "Amount");
    std::optional<Decimal> amount = amount_element.valid()
                                        ? XrDecimalOf(amount_element)
                                        : std::optional<Decimal>(Decimal());
    const std::optional<Decimal> b = XrDecimalOf(base);
    const std::optional<Decimal> f = XrDecimalOf(factor);
    if (amount && b && f) {
      const std::optional<Decimal> expected = XrPercentOf(*b, *f);
      if (!expected || !XrWithinSlack(*amount, *expected, slack)) {
        Fire(s, "PEPPOL-EN16931-R040", ac.path());
      }
    }
  }
  const std::string indicator =
      XrNormalizeSpace(ac.Child(kCbcNs, "ChargeIndicator").Text());
  if (indicator != "true" && indicator != "false") {
    Fire(s, "PEPPOL-EN16931-R043", ac.path());
  }
}

void CheckPeriods(const XmlElement& root, const XmlElement& line,
                  FindingSink& s) {
  const XmlElement start = root.Find("cac:InvoicePeriod/cbc:StartDate");
  const XmlElement end = root.Find("cac:InvoicePeriod/cbc:EndDate");
  if (start.valid()) {
    for (const XmlElement& d :
         line.FindAll("cac:InvoicePeriod/cbc:StartDate")) {
      if (XrNormalizeSpace(d.Text()) < XrNormalizeSpace(start.Text())) {
        Fire(s, "PEPPOL-EN16931-R110", d.path());
      }
    }
  }
  if (end.valid()) {
    for (const XmlElement& d : line.FindAll("cac:InvoicePeriod/cbc:EndDate")) {
      if (XrNormalizeSpace(d.Text()) > XrNormalizeSpace(end.Text())) {
        Fire(s, "PEPPOL-EN16931-R111", d.path());
      }
    }
  }
}

// Sum of the line's allowance (false) or charge (true) amounts, rounded to
// cents; 0 when there is none; nullopt if an amount is not a decimal.
std::optional<Decimal> LineAllowanceSum(const XmlElement& line, bool charge) {
  Decimal sum;
  bool any = false;
  for (const XmlElement& ac : line.Children(kCacNs, "AllowanceCharge")) {
    if (XrNormalizeSpace(ac.Child(kCbcNs, "ChargeIndicator").Text()) !=
        (charge ? "true" : "false")) {
      continue;
    }
    any = true;
    for (const XmlElement& amount : ac.Children(kCbcNs, "Amount")) {
      const std::optional<Decimal> d = XrDecimalOf(amount);
      if (!d) return std::nullopt;
      absl::StatusOr<Decimal> r = sum.Add(*d);
      if (!r.ok()) return std::nullopt;
      sum = *r;
    }
  }
  if (!any) return Decimal();
  absl::StatusOr<Decimal> rounded =
      sum.Round(2, RoundingMode::kHalfTowardsPositiveInfinity);
  if (!rounded.ok()) return std::nullopt;
  return *rounded;
}

// R120 with the defaults of the rule: absent amount, price 0, absent
// quantity or base quantity (or base quantity 0) 1.
void CheckLineNetAmount(const XmlElement& root, const XmlElement& line,
                        const Decimal& slack, FindingSink& s) {
  const auto value_or = [](const XmlElement& e,
                           int64_t fallback) -> std::optional<Decimal> {
    if (!e.valid()) return Decimal::FromInt(fallback);
    return XrDecimalOf(e);
  };
  const std::optional<Decimal> net =
      value_or(line.Child(kCbcNs, "LineExtensionAmount"), 0);
  const std::optional<Decimal> quantity = value_or(
      line.Child(kCbcNs, root.local_name() == "Invoice" ? "InvoicedQuantity"
                                                        : "CreditedQuantity"),
      1);
  const std::optional<Decimal> price =
      value_or(line.Find("cac:Price/cbc:PriceAmount"), 0);
  std::optional<Decimal> base =
      value_or(line.Find("cac:Price/cbc:BaseQuantity"), 1);
  if (base && base->Sign() == 0) base = Decimal::FromInt(1);
  const std::optional<Decimal> allowances = LineAllowanceSum(line, false);
  const std::optional<Decimal> charges = LineAllowanceSum(line, true);
  if (!net || !quantity || !price || !base || !allowances || !charges) return;
  if (!LineNetAmountAgrees(*net, *quantity, *price, *base, *charges,
                           *allowances, slack)) {
    Fire(s, "PEPPOL-EN16931-R120", line.path());
  }
}

void CheckLine(const XmlElement& root, const XmlElement& line, FindingSink& s) {
  const XmlElement base_quantity = line.Find("cac:Price/cbc:BaseQuantity");
  if (base_quantity.valid()) {
    const std::optional<Decimal> q = XrDecimalOf(base_quantity);
    if (q && q->Sign() <= 0) Fire(s, "PEPPOL-EN16931-R121", line.path());
  }
  const std::vector<XmlElement> refs =
      line.Children(kCacNs, "DocumentReference");
  if (!refs.empty()) {
    bool object = false;
    for (const XmlElement& r : refs) {
      for (const XmlElement& t : r.Children(kCbcNs, "DocumentTypeCode")) {
        object |= t.Text() == "130";
      }
    }
    if (!object) Fire(s, "PEPPOL-EN16931-R101", line.path());
  }
  for (const XmlElement& price : line.Children(kCacNs, "Price")) {
    for (const XmlElement& ac : price.Children(kCacNs, "AllowanceCharge")) {
      if (XrNormalizeSpace(ac.Child(kCbcNs, "ChargeIndicator").Text()) !=
          "false") {
        Fire(s, "PEPPOL-EN16931-R044", ac.path());
      }
      const XmlElement gross = ac.Child(kCbcNs, "BaseAmount");
      if (!gross.valid()) continue;
      const std::optional<Decimal> net =
          XrDecimalOf(price.Child(kCbcNs, "PriceAmount"));
      const std::optional<Decimal> g = XrDecimalOf(gross);
      const std::optional<Decimal> discount =
          XrDecimalOf(ac.Child(kCbcNs, "Amount"));
      if (net && g && discount) {
        absl::StatusOr<Decimal> expected = g->Subtract(*discount);
        if (!expected.ok() || *expected != *net) {
          Fire(s, "PEPPOL-EN16931-R046", ac.path());
        }
      }
    }
    for (const XmlElement& bq : price.Children(kCbcNs, "BaseQuantity")) {
      const std::optional<std::string> unit = bq.Attribute("unitCode");
      if (!unit) continue;
      const XmlElement invoiced = line.Child(kCbcNs, "InvoicedQuantity");
      const XmlElement credited = line.Child(kCbcNs, "CreditedQuantity");
      if (!invoiced.valid() && !credited.valid()) continue;
      const XmlElement quantity =
          root.local_name() == "Invoice" ? invoiced : credited;
      if (quantity.Attribute("unitCode") != unit) {
        Fire(s, "PEPPOL-EN16931-R130", bq.path());
      }
    }
  }
  CheckPeriods(root, line, s);
}

}  // namespace

void CheckPeppolUbl(const RuleContext& context, FindingSink& sink) {
  const XmlElement root = context.document.Root();
  XrCheckEmptyElements(root, sink);
  CheckDocument(root, sink);
  const Decimal slack = *Decimal::Parse(
      XrNormalizeSpace(root.Child(kCbcNs, "DocumentCurrencyCode").Text()) ==
              "HUF"
          ? "0.5"
          : "0.02");
  for (const XmlElement& ac : root.Children(kCacNs, "AllowanceCharge")) {
    CheckAllowanceCharge(ac, slack, sink);
  }
  for (const XmlElement& line : Lines(root)) {
    for (const XmlElement& ac : line.Children(kCacNs, "AllowanceCharge")) {
      CheckAllowanceCharge(ac, slack, sink);
    }
    CheckLineNetAmount(root, line, slack, sink);
    CheckLine(root, line, sink);
  }
}

}  // namespace docintake::einvoice::internal
