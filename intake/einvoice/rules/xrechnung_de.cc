// The XRechnung rule family: the German CIUS rules BR-DE-* of the XRechnung
// Schematron 2.5.0 (XRechnung 3.0.x) with BR-DE-TMP-32 and BR-TMP-2, for
// UBL (xrechnung_de_ubl.cc) and CII (xrechnung_de_cii.cc). Runs in the
// XRechnung scenarios only (RuleSet::kXRechnung).
#include "absl/strings/string_view.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/xrechnung_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;
constexpr Severity kW = Severity::kWarning;
constexpr Severity kI = Severity::kInformation;

constexpr RuleDefinition kRules[] = {
    {"BR-DE-1", kF, "The invoice has no payment instructions (BG-16).",
     "Der Rechnung fehlen die Zahlungsanweisungen (BG-16)."},
    {"BR-DE-2", kF, "The seller contact (BG-6) is missing.",
     "Der Kontakt des Verkäufers (BG-6) fehlt."},
    {"BR-DE-3", kF, "The seller city (BT-37) is missing.",
     "Der Ort des Verkäufers (BT-37) fehlt."},
    {"BR-DE-4", kF, "The seller post code (BT-38) is missing.",
     "Die Postleitzahl des Verkäufers (BT-38) fehlt."},
    {"BR-DE-5", kF, "The seller contact point (BT-41) is missing.",
     "Die Kontaktstelle des Verkäufers (BT-41) fehlt."},
    {"BR-DE-6", kF, "The seller contact telephone number (BT-42) is missing.",
     "Die Telefonnummer des Verkäuferkontakts (BT-42) fehlt."},
    {"BR-DE-7", kF, "The seller contact e-mail address (BT-43) is missing.",
     "Die E-Mail-Adresse des Verkäuferkontakts (BT-43) fehlt."},
    {"BR-DE-8", kF, "The buyer city (BT-52) is missing.",
     "Der Ort des Käufers (BT-52) fehlt."},
    {"BR-DE-9", kF, "The buyer post code (BT-53) is missing.",
     "Die Postleitzahl des Käufers (BT-53) fehlt."},
    {"BR-DE-10", kF, "The deliver-to address has no city (BT-77).",
     "Der Lieferanschrift fehlt der Ort (BT-77)."},
    {"BR-DE-11", kF, "The deliver-to address has no post code (BT-78).",
     "Der Lieferanschrift fehlt die Postleitzahl (BT-78)."},
    {"BR-DE-14", kF, "A VAT breakdown has no VAT category rate (BT-119).",
     "Einer Umsatzsteueraufschlüsselung fehlt der Steuersatz (BT-119)."},
    {"BR-DE-15", kF, "The buyer reference (BT-10, Leitweg-ID) is missing.",
     "Die Käuferreferenz (BT-10, Leitweg-ID) fehlt."},
    {"BR-DE-16", kF,
     "VAT categories S, Z, E, AE, K, G, L or M are used, but neither the "
     "seller VAT id (BT-31), the seller tax registration id (BT-32) nor a "
     "seller tax representative (BG-11) is given.",
     "Es werden die Steuerkategorien S, Z, E, AE, K, G, L oder M verwendet, "
     "aber weder USt-IdNr. (BT-31) noch Steuernummer (BT-32) des Verkäufers "
     "noch ein Steuervertreter (BG-11) sind angegeben."},
    {"BR-DE-17", kW,
     "The invoice type code (BT-3) should be 326, 380, 384, 389, 381, 875, "
     "876 or 877.",
     "Der Rechnungstyp (BT-3) sollte 326, 380, 384, 389, 381, 875, 876 oder "
     "877 sein."},
    {"BR-DE-18", kF,
     "A Skonto line in the payment terms (BT-20) does not follow the "
     "#SKONTO#TAGE=n#PROZENT=n.nn# format or is not followed by a line "
     "break.",
     "Eine Skonto-Zeile in den Zahlungsbedingungen (BT-20) entspricht nicht "
     "dem Format #SKONTO#TAGE=n#PROZENT=n.nn# oder endet nicht mit einem "
     "Zeilenumbruch."},
    {"BR-DE-19", kW,
     "The payment account identifier (BT-84) is not a correct IBAN although "
     "SEPA credit transfer (code 58) is requested.",
     "Die Kontokennung (BT-84) ist keine korrekte IBAN, obwohl "
     "SEPA-Überweisung (Code 58) verlangt ist."},
    {"BR-DE-20", kW,
     "The debited account identifier (BT-91) is not a correct IBAN although "
     "SEPA direct debit (code 59) is requested.",
     "Die Kennung des belasteten Kontos (BT-91) ist keine korrekte IBAN, "
     "obwohl SEPA-Lastschrift (Code 59) verlangt ist."},
    {"BR-DE-21", kW,
     "The specification identifier (BT-24) should be the XRechnung "
     "identifier.",
     "Die Spezifikationskennung (BT-24) sollte die Kennung der XRechnung "
     "sein."},
    {"BR-DE-22", kF, "Two attached documents carry the same file name.",
     "Zwei angehängte Dokumente tragen denselben Dateinamen."},
    {"BR-DE-23-a", kF,
     "Payment means code 30 or 58 (credit transfer) requires credit "
     "transfer information (BG-17).",
     "Zahlungsart 30 oder 58 (Überweisung) verlangt Angaben zur Überweisung "
     "(BG-17)."},
    {"BR-DE-23-b", kF,
     "With payment means code 30 or 58 (credit transfer), payment card "
     "(BG-18) and direct debit (BG-19) information must not be given.",
     "Bei Zahlungsart 30 oder 58 (Überweisung) dürfen keine Karten- (BG-18) "
     "oder Lastschriftangaben (BG-19) stehen."},
    {"BR-DE-24-a", kF,
     "Payment means code 48, 54 or 55 (card payment) requires payment card "
     "information (BG-18).",
     "Zahlungsart 48, 54 oder 55 (Kartenzahlung) verlangt Kartenangaben "
     "(BG-18)."},
    {"BR-DE-24-b", kF,
     "With payment means code 48, 54 or 55 (card payment), credit transfer "
     "(BG-17) and direct debit (BG-19) information must not be given.",
     "Bei Zahlungsart 48, 54 oder 55 (Kartenzahlung) dürfen keine "
     "Überweisungs- (BG-17) oder Lastschriftangaben (BG-19) stehen."},
    {"BR-DE-25-a", kF,
     "Payment means code 59 (direct debit) requires direct debit information "
     "(BG-19).",
     "Zahlungsart 59 (Lastschrift) verlangt Lastschriftangaben (BG-19)."},
    {"BR-DE-25-b", kF,
     "With payment means code 59 (direct debit), credit transfer (BG-17) and "
     "payment card (BG-18) information must not be given.",
     "Bei Zahlungsart 59 (Lastschrift) dürfen keine Überweisungs- (BG-17) "
     "oder Kartenangaben (BG-18) stehen."},
    {"BR-DE-26", kW,
     "A corrected invoice (type code 384) should reference the preceding "
     "invoice (BG-3).",
     "Eine korrigierte Rechnung (Typ 384) sollte die vorausgegangene "
     "Rechnung (BG-3) nennen."},
    {"BR-DE-27", kW,
     "The seller contact telephone number (BT-42) should contain at least "
     "three digits.",
     "Die Telefonnummer des Verkäuferkontakts (BT-42) sollte mindestens drei "
     "Ziffern enthalten."},
    {"BR-DE-28", kW,
     "The seller contact e-mail address (BT-43) is not a plausible address.",
     "Die E-Mail-Adresse des Verkäuferkontakts (BT-43) ist nicht plausibel."},
    {"BR-DE-30", kF,
     "Direct debit information (BG-19) is given without the bank assigned "
     "creditor identifier (BT-90).",
     "Lastschriftangaben (BG-19) ohne Gläubiger-Identifikationsnummer "
     "(BT-90)."},
    {"BR-DE-31", kF,
     "Direct debit information (BG-19) is given without the debited account "
     "identifier (BT-91).",
     "Lastschriftangaben (BG-19) ohne Kennung des belasteten Kontos (BT-91)."},
    {"BR-DE-TMP-32", kI,
     "The invoice should state the delivery date (BT-72), an invoicing "
     "period (BG-14) or a period on every line (BG-26).",
     "Die Rechnung sollte ein Lieferdatum (BT-72), einen "
     "Abrechnungszeitraum (BG-14) oder in jeder Position einen Zeitraum "
     "(BG-26) enthalten."},
    {"BR-TMP-2", kW,
     "The external document location (BT-124) is not an absolute URL with a "
     "scheme.",
     "Der Ort des externen Dokuments (BT-124) ist keine absolute URL mit "
     "Schema."},
};

void CheckXRechnung(const RuleContext& context, FindingSink& sink) {
  switch (context.invoice.syntax) {
    case Syntax::kUblInvoice:
    case Syntax::kUblCreditNote:
      CheckXRechnungUbl(context, sink);
      break;
    case Syntax::kCii:
      CheckXRechnungCii(context, sink);
      break;
    case Syntax::kOther:
      break;
  }
}

}  // namespace

const RuleDefinition& XRechnungRule(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];  // unreachable for the ids used by the checks
}

bool XrAnyNonBlank(const std::vector<XmlElement>& elements) {
  for (const XmlElement& e : elements) {
    if (e.valid() && !XrNormalizeSpace(e.Text()).empty()) return true;
  }
  return false;
}

bool XrAnyTextEquals(const std::vector<XmlElement>& elements,
                     absl::string_view value) {
  for (const XmlElement& e : elements) {
    if (e.valid() && e.Text() == value) return true;
  }
  return false;
}

bool IsXRechnungId(absl::string_view bt24) {
  return bt24 == kProfileXRechnung30 || bt24 == kProfileXRechnung30Extension ||
         bt24 == kProfileXRechnung30Cvd;
}

const RuleFamily& XRechnungFamily() {
  static const RuleFamily family{"XRechnung", RuleSet::kXRechnung, kRules,
                                 &CheckXRechnung};
  return family;
}

}  // namespace docintake::einvoice::internal
