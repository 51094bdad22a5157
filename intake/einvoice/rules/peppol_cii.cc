// Peppol BIS Billing rules adopted by XRechnung 2.5.0, CII binding (the
// XRechnung Schematron's own CII formulation of the Peppol rules).
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

bool AnyTypeCode130(const XmlElement& ref) {
  for (const XmlElement& t : ref.Children(kRamNs, "TypeCode")) {
    if (t.Text() == "130") return true;
  }
  return false;
}

std::string IndicatorOf(const XmlElement& ac) {
  return XrNormalizeSpace(ac.Find("ram:ChargeIndicator/udt:Indicator").Text());
}

void CheckSettlement(const XmlElement& settlement, FindingSink& s) {
  const std::string& where = settlement.path();
  const XmlElement tax_currency = settlement.Child(kRamNs, "TaxCurrencyCode");
  const XmlElement invoice_currency =
      settlement.Child(kRamNs, "InvoiceCurrencyCode");
  if (tax_currency.valid() && XrNormalizeSpace(tax_currency.Text()) ==
                                  XrNormalizeSpace(invoice_currency.Text())) {
    Fire(s, "PEPPOL-EN16931-R005", where);
  }
  const std::vector<XmlElement> totals = settlement.FindAll(
      "ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
      "ram:TaxTotalAmount");
  const std::string doc = invoice_currency.Text();
  int in_doc = 0, other = 0;
  for (const XmlElement& t : totals) {
    const std::optional<std::string> c = t.Attribute("currencyID");
    if (!c) continue;
    (*c == doc ? in_doc : other)++;
  }
  // CII: at most one VAT total in invoice currency (none is BR-CO-14's
  // concern).
  if (in_doc > 1) Fire(s, "PEPPOL-EN16931-R053", where);
  if (other != (tax_currency.valid() ? 1 : 0)) {
    Fire(s, "PEPPOL-EN16931-R054", where);
  }
  if (tax_currency.valid()) {
    const std::string tax = XrNormalizeSpace(tax_currency.Text());
    const std::string inv = XrNormalizeSpace(invoice_currency.Text());
    const auto some = [&](const std::string& cur, bool le) {
      for (const XmlElement& t : totals) {
        if (t.Attribute("currencyID") != std::optional<std::string>(cur)) {
          continue;
        }
        const std::optional<double> n = XrNumberOf(t);
        if (n && (le ? *n <= 0 : *n >= 0)) return true;
      }
      return false;
    };
    if (!(some(tax, true) && some(inv, true)) &&
        !(some(tax, false) && some(inv, false))) {
      Fire(s, "PEPPOL-EN16931-R055", where);
    }
  }
  for (const XmlElement& pm :
       settlement.Children(kRamNs, "SpecifiedTradeSettlementPaymentMeans")) {
    const std::string code =
        XrNormalizeSpace(pm.Child(kRamNs, "TypeCode").Text());
    if ((code == "49" || code == "59") &&
        !settlement
             .Find("ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID")
             .valid()) {
      Fire(s, "PEPPOL-EN16931-R061", pm.path());
    }
  }
}

void CheckAllowanceCharge(const XmlElement& ac, const Decimal& slack,
                          FindingSink& s) {
  const XmlElement percent = ac.Child(kRamNs, "CalculationPercent");
  const XmlElement base = ac.Child(kRamNs, "BasisAmount");
  if (percent.valid() && !base.valid()) {
    Fire(s, "PEPPOL-EN16931-R041", ac.path());
  }
  if (!percent.valid() && base.valid()) {
    Fire(s, "PEPPOL-EN16931-R042", ac.path());
  }
  if (percent.valid() && base.valid()) {
    const XmlElement amount_element = ac.Child(kRamNs, "ActualAmount");
    std::optional<Decimal> amount = amount_element.valid()
                                        ? XrDecimalOf(amount_element)
                                        : std::optional<Decimal>(Decimal());
    const std::optional<Decimal> b = XrDecimalOf(base);
    const std::optional<Decimal> p = XrDecimalOf(percent);
    if (amount && b && p) {
      const std::optional<Decimal> expected = XrPercentOf(*b, *p);
      if (!expected || !XrWithinSlack(*amount, *expected, slack)) {
        Fire(s, "PEPPOL-EN16931-R040", ac.path());
      }
    }
  }
  const std::string indicator = IndicatorOf(ac);
  if (indicator != "true" && indicator != "false") {
    Fire(s, "PEPPOL-EN16931-R043-1", ac.path());
  }
}

void CheckPrices(const XmlElement& line, FindingSink& s) {
  const XmlElement agreement =
      line.Child(kRamNs, "SpecifiedLineTradeAgreement");
  const XmlElement net = agreement.Child(kRamNs, "NetPriceProductTradePrice");
  const XmlElement billed =
      line.Find("ram:SpecifiedLineTradeDelivery/ram:BilledQuantity");
  for (const XmlElement& price : agreement.Children()) {
    if (!price.Is(kRamNs, "NetPriceProductTradePrice") &&
        !price.Is(kRamNs, "GrossPriceProductTradePrice")) {
      continue;
    }
    for (const XmlElement& bq : price.Children(kRamNs, "BasisQuantity")) {
      const std::optional<Decimal> q = XrDecimalOf(bq);
      if (q && q->Sign() <= 0) {
        Fire(s, "PEPPOL-EN16931-R121", price.path());
        break;
      }
    }
    for (const XmlElement& bq : price.Children(kRamNs, "BasisQuantity")) {
      const std::optional<std::string> unit = bq.Attribute("unitCode");
      if (unit && billed.Attribute("unitCode") != unit) {
        Fire(s, "PEPPOL-EN16931-R130", bq.path());
      }
    }
    if (!price.Is(kRamNs, "GrossPriceProductTradePrice")) continue;
    const std::vector<XmlElement> discounts =
        price.Children(kRamNs, "AppliedTradeAllowanceCharge");
    bool all_false = true;
    for (const XmlElement& ac : discounts) {
      const std::string indicator = IndicatorOf(ac);
      if (indicator != "true" && indicator != "false") {
        Fire(s, "PEPPOL-EN16931-R043-2", ac.path());
      }
      all_false &= indicator == "false";
    }
    if (!all_false) Fire(s, "PEPPOL-EN16931-R044", price.path());
    // R046: net price = gross price - price discounts, when a gross price
    // is given.
    const std::optional<Decimal> g =
        XrDecimalOf(price.Child(kRamNs, "ChargeAmount"));
    const std::optional<Decimal> n =
        XrDecimalOf(net.Child(kRamNs, "ChargeAmount"));
    if (!g || !n) continue;
    std::optional<Decimal> expected = *g;
    for (const XmlElement& ac : discounts) {
      const std::optional<Decimal> d =
          XrDecimalOf(ac.Child(kRamNs, "ActualAmount"));
      if (!d || !expected) continue;
      absl::StatusOr<Decimal> r = expected->Subtract(*d);
      expected = r.ok() ? std::optional<Decimal>(*r) : std::nullopt;
    }
    if (!expected || *expected != *n) {
      Fire(s, "PEPPOL-EN16931-R046", price.path());
    }
  }
}

// R120 in the XRechnung CII formulation: line allowance and charge sums
// unrounded, defaults 0 / 1 for absent values, BT-149 from the net or else
// the gross price.
void CheckLineNetAmount(const XmlElement& line, const Decimal& slack,
                        FindingSink& s) {
  const auto value_or = [](const XmlElement& e,
                           int64_t fallback) -> std::optional<Decimal> {
    if (!e.valid()) return Decimal::FromInt(fallback);
    return XrDecimalOf(e);
  };
  const std::optional<Decimal> net =
      value_or(line.Find("ram:SpecifiedLineTradeSettlement/"
                         "ram:SpecifiedTradeSettlementLineMonetarySummation/"
                         "ram:LineTotalAmount"),
               0);
  const std::optional<Decimal> quantity = value_or(
      line.Find("ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"), 1);
  const std::optional<Decimal> price =
      value_or(line.Find("ram:SpecifiedLineTradeAgreement/"
                         "ram:NetPriceProductTradePrice/ram:ChargeAmount"),
               0);
  // The base quantity (BT-149) may sit in the net or in the gross price.
  XmlElement base_element = line.Find(
      "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/"
      "ram:BasisQuantity");
  if (!base_element.valid()) {
    base_element = line.Find(
        "ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/"
        "ram:BasisQuantity");
  }
  std::optional<Decimal> base = value_or(base_element, 1);
  if (base && base->Sign() == 0) base = Decimal::FromInt(1);
  Decimal sums[2];  // [0] allowances, [1] charges
  for (const XmlElement& ac :
       line.FindAll("ram:SpecifiedLineTradeSettlement/"
                    "ram:SpecifiedTradeAllowanceCharge")) {
    const std::string indicator = IndicatorOf(ac);
    if (indicator != "true" && indicator != "false") continue;
    for (const XmlElement& amount : ac.Children(kRamNs, "ActualAmount")) {
      const std::optional<Decimal> d = XrDecimalOf(amount);
      if (!d) return;
      absl::StatusOr<Decimal> r = sums[indicator == "true"].Add(*d);
      if (!r.ok()) return;
      sums[indicator == "true"] = *r;
    }
  }
  if (!net || !quantity || !price || !base) return;
  if (!LineNetAmountAgrees(*net, *quantity, *price, *base, sums[1], sums[0],
                           slack)) {
    Fire(s, "PEPPOL-EN16931-R120", line.path());
  }
}

void CheckLine(const XmlElement& settlement, const XmlElement& line,
               const Decimal& slack, FindingSink& s) {
  const XmlElement line_settlement =
      line.Child(kRamNs, "SpecifiedLineTradeSettlement");
  for (const XmlElement& ac :
       line_settlement.Children(kRamNs, "SpecifiedTradeAllowanceCharge")) {
    CheckAllowanceCharge(ac, slack, s);
  }
  const std::vector<XmlElement> refs =
      line_settlement.Children(kRamNs, "AdditionalReferencedDocument");
  if (!refs.empty()) {
    bool object = false;
    for (const XmlElement& r : refs) {
      object |= AnyTypeCode130(r);
    }
    if (!object) Fire(s, "PEPPOL-EN16931-R101", line.path());
  }
  const XmlElement start = settlement.Find(
      "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString");
  const XmlElement end = settlement.Find(
      "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString");
  for (const XmlElement& d : line_settlement.FindAll(
           "ram:BillingSpecifiedPeriod/ram:StartDateTime")) {
    const XmlElement text = d.Child(kUdtNs, "DateTimeString");
    if (settlement.Find("ram:BillingSpecifiedPeriod/ram:StartDateTime")
            .valid() &&
        !(text.valid() && start.valid() && text.Text() >= start.Text())) {
      Fire(s, "PEPPOL-EN16931-R110", d.path());
    }
  }
  for (const XmlElement& d :
       line_settlement.FindAll("ram:BillingSpecifiedPeriod/ram:EndDateTime")) {
    const XmlElement text = d.Child(kUdtNs, "DateTimeString");
    if (settlement.Find("ram:BillingSpecifiedPeriod/ram:EndDateTime").valid() &&
        !(text.valid() && end.valid() && text.Text() <= end.Text())) {
      Fire(s, "PEPPOL-EN16931-R111", d.path());
    }
  }
  CheckLineNetAmount(line, slack, s);
  CheckPrices(line, s);
}

}  // namespace

void CheckPeppolCii(const RuleContext& context, FindingSink& sink) {
  const XmlElement root = context.document.Root();
  XrCheckEmptyElements(root, sink);
  for (const XmlElement& ctx :
       root.Children(kRsmNs, "ExchangedDocumentContext")) {
    if (!ctx.Find("ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID")
             .valid()) {
      Fire(sink, "PEPPOL-EN16931-R001", ctx.path());
    }
  }
  const XmlElement tx = root.Child(kRsmNs, "SupplyChainTradeTransaction");
  const XmlElement agreement =
      tx.Child(kRamNs, "ApplicableHeaderTradeAgreement");
  for (const XmlElement& party :
       agreement.Children(kRamNs, "BuyerTradeParty")) {
    if (!party.Find("ram:URIUniversalCommunication/ram:URIID").valid()) {
      Fire(sink, "PEPPOL-EN16931-R010", party.path());
    }
  }
  for (const XmlElement& party :
       agreement.Children(kRamNs, "SellerTradeParty")) {
    if (!party.Find("ram:URIUniversalCommunication/ram:URIID").valid()) {
      Fire(sink, "PEPPOL-EN16931-R020", party.path());
    }
  }
  const XmlElement settlement =
      tx.Child(kRamNs, "ApplicableHeaderTradeSettlement");
  CheckSettlement(settlement, sink);
  const Decimal slack = *Decimal::Parse(
      XrNormalizeSpace(
          settlement.Child(kRamNs, "InvoiceCurrencyCode").Text()) == "HUF"
          ? "0.5"
          : "0.02");
  for (const XmlElement& ac :
       settlement.Children(kRamNs, "SpecifiedTradeAllowanceCharge")) {
    CheckAllowanceCharge(ac, slack, sink);
  }
  for (const XmlElement& line :
       tx.Children(kRamNs, "IncludedSupplyChainTradeLineItem")) {
    CheckLine(settlement, line, slack, sink);
  }
}

}  // namespace docintake::einvoice::internal
