// The "XRechnung Peppol" family: the Peppol BIS Billing 3.0 rules that the
// XRechnung Schematron 2.5.0 adopts (PEPPOL-EN16931-R001 ... R130), for UBL
// (peppol_ubl.cc) and CII (peppol_cii.cc). In CII the merged rule set holds
// R043 twice; the corpus labels number them R043-1 (document and line
// allowances/charges) and R043-2 (price discounts), and so do we.
// PEPPOL-EN16931-R120 is a warning in XRechnung 2.5.0.
#include "absl/strings/numbers.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/peppol_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;

constexpr RuleDefinition kRules[] = {
    {"PEPPOL-EN16931-R001", kF, "The business process (BT-23) is missing.",
     "Die Prozesskennung (BT-23) fehlt."},
    {"PEPPOL-EN16931-R005", kF,
     "The VAT accounting currency (BT-6) equals the invoice currency (BT-5).",
     "Die Steuerwährung (BT-6) ist gleich der Rechnungswährung (BT-5)."},
    {"PEPPOL-EN16931-R008", kF, "The document contains an empty element.",
     "Das Dokument enthält ein leeres Element."},
    {"PEPPOL-EN16931-R010", kF,
     "The buyer electronic address (BT-49) is missing.",
     "Die elektronische Adresse des Käufers (BT-49) fehlt."},
    {"PEPPOL-EN16931-R020", kF,
     "The seller electronic address (BT-34) is missing.",
     "Die elektronische Adresse des Verkäufers (BT-34) fehlt."},
    {"PEPPOL-EN16931-R040", kF,
     "The allowance/charge amount differs from base amount x percentage / "
     "100.",
     "Der Betrag des Ab-/Zuschlags weicht von Basisbetrag x Prozentsatz / 100 "
     "ab."},
    {"PEPPOL-EN16931-R041", kF,
     "An allowance/charge percentage is given without a base amount.",
     "Ein Ab-/Zuschlag hat einen Prozentsatz, aber keinen Basisbetrag."},
    {"PEPPOL-EN16931-R042", kF,
     "An allowance/charge base amount is given without a percentage.",
     "Ein Ab-/Zuschlag hat einen Basisbetrag, aber keinen Prozentsatz."},
    {"PEPPOL-EN16931-R043", kF,
     "The charge indicator is neither 'true' nor 'false'.",
     "Das Zu-/Abschlagskennzeichen ist weder 'true' noch 'false'."},
    {"PEPPOL-EN16931-R043-1", kF,
     "The charge indicator of an allowance/charge is neither 'true' nor "
     "'false'.",
     "Das Kennzeichen eines Ab-/Zuschlags ist weder 'true' noch 'false'."},
    {"PEPPOL-EN16931-R043-2", kF,
     "The charge indicator of a price discount is neither 'true' nor 'false'.",
     "Das Kennzeichen eines Preisnachlasses ist weder 'true' noch 'false'."},
    {"PEPPOL-EN16931-R044", kF,
     "A charge on price level is not allowed; only allowances (false).",
     "Zuschläge auf Preisebene sind nicht erlaubt, nur Nachlässe (false)."},
    {"PEPPOL-EN16931-R046", kF,
     "The item net price (BT-146) differs from gross price (BT-148) minus the "
     "price discount (BT-147).",
     "Der Nettopreis (BT-146) weicht von Bruttopreis (BT-148) minus "
     "Preisnachlass (BT-147) ab."},
    {"PEPPOL-EN16931-R053", kF,
     "There must be exactly one VAT total with VAT breakdown.",
     "Es muss genau einen Steuergesamtbetrag mit Aufschlüsselung geben."},
    {"PEPPOL-EN16931-R054", kF,
     "A VAT total in accounting currency must be given exactly when the VAT "
     "accounting currency (BT-6) is given.",
     "Ein Steuergesamtbetrag in Steuerwährung muss genau dann stehen, wenn "
     "die Steuerwährung (BT-6) angegeben ist."},
    {"PEPPOL-EN16931-R055", kF,
     "The VAT totals in invoice and in accounting currency have different "
     "signs.",
     "Die Steuergesamtbeträge in Rechnungs- und Steuerwährung haben "
     "unterschiedliche Vorzeichen."},
    {"PEPPOL-EN16931-R061", kF,
     "Direct debit (payment means 49 or 59) requires the mandate reference "
     "(BT-89).",
     "Lastschrift (Zahlungsart 49 oder 59) verlangt die Mandatsreferenz "
     "(BT-89)."},
    {"PEPPOL-EN16931-R101", kF,
     "A line document reference may only be an invoiced object (type 130).",
     "Eine Dokumentreferenz der Position darf nur ein Rechnungsobjekt (Typ "
     "130) sein."},
    {"PEPPOL-EN16931-R110", kF,
     "The line period starts before the invoicing period.",
     "Der Zeitraum der Position beginnt vor dem Abrechnungszeitraum."},
    {"PEPPOL-EN16931-R111", kF,
     "The line period ends after the invoicing period.",
     "Der Zeitraum der Position endet nach dem Abrechnungszeitraum."},
    {"PEPPOL-EN16931-R120", Severity::kWarning,
     "The line net amount (BT-131) differs from quantity x (net price / base "
     "quantity) + line charges - line allowances.",
     "Der Nettobetrag der Position (BT-131) weicht von Menge x (Nettopreis / "
     "Basismenge) + Zuschläge - Nachlässe der Position ab."},
    {"PEPPOL-EN16931-R121", kF,
     "The item price base quantity (BT-149) must be above zero.",
     "Die Basismenge des Preises (BT-149) muss größer als null sein."},
    {"PEPPOL-EN16931-R130", kF,
     "The unit of the price base quantity (BT-150) differs from the unit of "
     "the invoiced quantity (BT-130).",
     "Die Einheit der Basismenge (BT-150) weicht von der Einheit der "
     "Rechnungsmenge (BT-130) ab."},
};

void CheckPeppol(const RuleContext& context, FindingSink& sink) {
  switch (context.invoice.syntax) {
    case Syntax::kUblInvoice:
    case Syntax::kUblCreditNote:
      CheckPeppolUbl(context, sink);
      break;
    case Syntax::kCii:
      CheckPeppolCii(context, sink);
      break;
    case Syntax::kOther:
      break;
  }
}

}  // namespace

const RuleDefinition& PeppolRule(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];  // unreachable for the ids used by the checks
}

void XrCheckEmptyElements(const XmlElement& element, FindingSink& sink) {
  // CII requires ram:ApplicableHeaderTradeDelivery even when it has nothing
  // to say; the XRechnung formulation of R008 lets it be empty.
  if (element.Is(kRamNs, "ApplicableHeaderTradeDelivery")) {
    for (const XmlElement& child : element.Children()) {
      XrCheckEmptyElements(child, sink);
    }
    return;
  }
  if (!element.HasChildElements()) {
    if (XrNormalizeSpace(element.Text()).empty()) {
      sink.Report(PeppolRule("PEPPOL-EN16931-R008"), element.path());
    }
    return;
  }
  for (const XmlElement& child : element.Children()) {
    XrCheckEmptyElements(child, sink);
  }
}

std::optional<Decimal> XrDecimalOf(const XmlElement& e) {
  if (!e.valid()) return std::nullopt;
  absl::StatusOr<Decimal> d = Decimal::Parse(XrNormalizeSpace(e.Text()));
  if (!d.ok()) return std::nullopt;
  return *d;
}

bool XrWithinSlack(const Decimal& exp, const Decimal& val,
                   const Decimal& slack) {
  absl::StatusOr<Decimal> hi = exp.Add(slack);
  absl::StatusOr<Decimal> lo = exp.Subtract(slack);
  return hi.ok() && lo.ok() && *hi >= val && *lo <= val;
}

std::optional<Decimal> XrPercentOf(const Decimal& base,
                                   const Decimal& percent) {
  absl::StatusOr<Decimal> product = base.Multiply(percent);
  if (!product.ok()) return std::nullopt;
  absl::StatusOr<Decimal> r = product->Multiply(*Decimal::Parse("0.01"));
  if (!r.ok()) return std::nullopt;
  return *r;
}

bool LineNetAmountAgrees(const Decimal& line_net, const Decimal& quantity,
                         const Decimal& price, const Decimal& base_quantity,
                         const Decimal& charges, const Decimal& allowances,
                         const Decimal& slack) {
  absl::StatusOr<Decimal> unit =
      price.Divide(base_quantity, 20, RoundingMode::kHalfAwayFromZero);
  if (!unit.ok()) return true;
  absl::StatusOr<Decimal> gross = quantity.Multiply(*unit);
  if (!gross.ok()) return true;
  absl::StatusOr<Decimal> with_charges = gross->Add(charges);
  if (!with_charges.ok()) return true;
  absl::StatusOr<Decimal> expected = with_charges->Subtract(allowances);
  if (!expected.ok()) return true;
  return XrWithinSlack(line_net, *expected, slack);
}

std::optional<double> XrNumberOf(const XmlElement& e) {
  double d = 0;
  if (!e.valid() || !absl::SimpleAtod(XrNormalizeSpace(e.Text()), &d)) {
    return std::nullopt;
  }
  return d;
}

const RuleFamily& XRechnungPeppolFamily() {
  static const RuleFamily family{"XRechnung Peppol", RuleSet::kXRechnung,
                                 kRules, &CheckPeppol};
  return family;
}

}  // namespace docintake::einvoice::internal
