// Rule family "BR core": the EN 16931 business rules BR-01 ... BR-65 in both
// syntaxes, with the context and test semantics of the CEN validation
// artefacts 1.3.15 (e.g. UBL checks BR-09 in the seller's postal address,
// CII at the document root). Messages are the project's own wording.
#include <string>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_core_checks.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;

constexpr RuleDefinition kRules[] = {
    {"BR-01", kF, "The specification identifier (BT-24) is missing.",
     "Die Spezifikationskennung (BT-24) fehlt."},
    {"BR-02", kF, "The invoice number (BT-1) is missing.",
     "Die Rechnungsnummer (BT-1) fehlt."},
    {"BR-03", kF, "The invoice issue date (BT-2) is missing.",
     "Das Rechnungsdatum (BT-2) fehlt."},
    {"BR-04", kF, "The invoice type code (BT-3) is missing.",
     "Der Rechnungsartcode (BT-3) fehlt."},
    {"BR-05", kF, "The invoice currency code (BT-5) is missing.",
     "Der Währungscode der Rechnung (BT-5) fehlt."},
    {"BR-06", kF, "The seller name (BT-27) is missing.",
     "Der Name des Verkäufers (BT-27) fehlt."},
    {"BR-07", kF, "The buyer name (BT-44) is missing.",
     "Der Name des Käufers (BT-44) fehlt."},
    {"BR-08", kF, "The seller postal address (BG-5) is missing.",
     "Die Postanschrift des Verkäufers (BG-5) fehlt."},
    {"BR-09", kF, "The seller postal address has no country code (BT-40).",
     "Der Postanschrift des Verkäufers fehlt der Ländercode (BT-40)."},
    {"BR-10", kF, "The buyer postal address (BG-8) is missing.",
     "Die Postanschrift des Käufers (BG-8) fehlt."},
    {"BR-11", kF, "The buyer postal address has no country code (BT-55).",
     "Der Postanschrift des Käufers fehlt der Ländercode (BT-55)."},
    {"BR-12", kF, "The sum of invoice line net amounts (BT-106) is missing.",
     "Die Summe der Nettobeträge der Positionen (BT-106) fehlt."},
    {"BR-13", kF, "The invoice total without VAT (BT-109) is missing.",
     "Der Rechnungsgesamtbetrag ohne Umsatzsteuer (BT-109) fehlt."},
    {"BR-14", kF, "The invoice total with VAT (BT-112) is missing.",
     "Der Rechnungsgesamtbetrag einschließlich Umsatzsteuer (BT-112) fehlt."},
    {"BR-15", kF, "The amount due for payment (BT-115) is missing.",
     "Der fällige Zahlungsbetrag (BT-115) fehlt."},
    {"BR-16", kF, "The invoice has no invoice line (BG-25).",
     "Die Rechnung enthält keine Rechnungsposition (BG-25)."},
    {"BR-17", kF,
     "A payee (BG-10) different from the seller needs a payee name (BT-59).",
     "Ein vom Verkäufer abweichender Zahlungsempfänger (BG-10) braucht einen "
     "Namen (BT-59)."},
    {"BR-18", kF, "The seller tax representative needs a name (BT-62).",
     "Der Steuervertreter des Verkäufers braucht einen Namen (BT-62)."},
    {"BR-19", kF,
     "The seller tax representative needs a postal address (BG-12).",
     "Der Steuervertreter des Verkäufers braucht eine Postanschrift (BG-12)."},
    {"BR-20", kF,
     "The tax representative postal address has no country code (BT-69).",
     "Der Postanschrift des Steuervertreters fehlt der Ländercode (BT-69)."},
    {"BR-21", kF, "An invoice line has no line identifier (BT-126).",
     "Einer Rechnungsposition fehlt die Positionsnummer (BT-126)."},
    {"BR-22", kF, "An invoice line has no invoiced quantity (BT-129).",
     "Einer Rechnungsposition fehlt die Menge (BT-129)."},
    {"BR-23", kF, "An invoice line has no quantity unit code (BT-130).",
     "Einer Rechnungsposition fehlt die Mengeneinheit (BT-130)."},
    {"BR-24", kF, "An invoice line has no line net amount (BT-131).",
     "Einer Rechnungsposition fehlt der Nettobetrag (BT-131)."},
    {"BR-25", kF, "An invoice line has no item name (BT-153).",
     "Einer Rechnungsposition fehlt der Artikelname (BT-153)."},
    {"BR-26", kF, "An invoice line has no item net price (BT-146).",
     "Einer Rechnungsposition fehlt der Nettopreis (BT-146)."},
    {"BR-27", kF, "The item net price (BT-146) is negative.",
     "Der Nettopreis des Artikels (BT-146) ist negativ."},
    {"BR-28", kF, "The item gross price (BT-148) is negative.",
     "Der Bruttopreis des Artikels (BT-148) ist negativ."},
    {"BR-29", kF, "The invoicing period ends (BT-74) before it starts (BT-73).",
     "Der Abrechnungszeitraum endet (BT-74) vor seinem Beginn (BT-73)."},
    {"BR-30", kF,
     "The invoice line period ends (BT-135) before it starts (BT-134).",
     "Der Abrechnungszeitraum der Position endet (BT-135) vor seinem Beginn "
     "(BT-134)."},
    {"BR-31", kF, "A document level allowance has no amount (BT-92).",
     "Einem Nachlass auf Dokumentenebene fehlt der Betrag (BT-92)."},
    {"BR-32", kF,
     "A document level allowance has no VAT category code (BT-95).",
     "Einem Nachlass auf Dokumentenebene fehlt der Umsatzsteuer-"
     "Kategoriecode (BT-95)."},
    {"BR-33", kF,
     "A document level allowance has neither reason (BT-97) nor reason code "
     "(BT-98).",
     "Ein Nachlass auf Dokumentenebene hat weder Grund (BT-97) noch "
     "Grundcode (BT-98)."},
    {"BR-36", kF, "A document level charge has no amount (BT-99).",
     "Einem Zuschlag auf Dokumentenebene fehlt der Betrag (BT-99)."},
    {"BR-37", kF, "A document level charge has no VAT category code (BT-102).",
     "Einem Zuschlag auf Dokumentenebene fehlt der Umsatzsteuer-Kategoriecode "
     "(BT-102)."},
    {"BR-38", kF,
     "A document level charge has neither reason (BT-104) nor reason code "
     "(BT-105).",
     "Ein Zuschlag auf Dokumentenebene hat weder Grund (BT-104) noch "
     "Grundcode (BT-105)."},
    {"BR-41", kF, "An invoice line allowance has no amount (BT-136).",
     "Einem Nachlass auf Positionsebene fehlt der Betrag (BT-136)."},
    {"BR-42", kF,
     "An invoice line allowance has neither reason (BT-139) nor reason code "
     "(BT-140).",
     "Ein Nachlass auf Positionsebene hat weder Grund (BT-139) noch Grundcode "
     "(BT-140)."},
    {"BR-43", kF, "An invoice line charge has no amount (BT-141).",
     "Einem Zuschlag auf Positionsebene fehlt der Betrag (BT-141)."},
    {"BR-44", kF,
     "An invoice line charge has neither reason (BT-144) nor reason code "
     "(BT-145).",
     "Ein Zuschlag auf Positionsebene hat weder Grund (BT-144) noch Grundcode "
     "(BT-145)."},
    {"BR-45", kF, "A VAT breakdown has no taxable amount (BT-116).",
     "Einer Umsatzsteueraufschlüsselung fehlt der Nettobetrag (BT-116)."},
    {"BR-46", kF, "A VAT breakdown has no tax amount (BT-117).",
     "Einer Umsatzsteueraufschlüsselung fehlt der Steuerbetrag (BT-117)."},
    {"BR-47", kF, "A VAT breakdown has no VAT category code (BT-118).",
     "Einer Umsatzsteueraufschlüsselung fehlt der Kategoriecode (BT-118)."},
    {"BR-48", kF,
     "A VAT breakdown has no VAT rate (BT-119) although its category is not "
     "'not subject to VAT'.",
     "Einer Umsatzsteueraufschlüsselung fehlt der Steuersatz (BT-119), obwohl "
     "die Kategorie nicht 'nicht steuerbar' ist."},
    {"BR-49", kF, "A payment instruction has no payment means code (BT-81).",
     "Einer Zahlungsanweisung fehlt der Code des Zahlungsmittels (BT-81)."},
    {"BR-50", kF,
     "A credit transfer account has no payment account identifier (BT-84).",
     "Einem Überweisungskonto fehlt die Kontokennung (BT-84)."},
    {"BR-51", Severity::kWarning,
     "The payment card number (BT-87) should give only the last 4 to 6 "
     "digits.",
     "Die Kartennummer (BT-87) soll nur die letzten 4 bis 6 Ziffern "
     "enthalten."},
    {"BR-52", kF,
     "An additional supporting document has no reference (BT-122).",
     "Einem rechnungsbegründenden Dokument fehlt die Kennung (BT-122)."},
    {"BR-53", kF,
     "A VAT accounting currency (BT-6) is given but no VAT total in that "
     "currency (BT-111).",
     "Eine Steuerwährung (BT-6) ist angegeben, aber kein Steuergesamtbetrag "
     "in dieser Währung (BT-111)."},
    {"BR-54", kF,
     "An item attribute needs a name (BT-160) and a value "
     "(BT-161).",
     "Eine Artikeleigenschaft braucht Namen (BT-160) und Wert (BT-161)."},
    {"BR-55", kF,
     "A preceding invoice reference has no invoice number (BT-25).",
     "Einem Verweis auf eine vorausgegangene Rechnung fehlt die Nummer "
     "(BT-25)."},
    {"BR-56", kF,
     "The seller tax representative has no VAT identifier (BT-63).",
     "Dem Steuervertreter des Verkäufers fehlt die Umsatzsteuer-ID (BT-63)."},
    {"BR-57", kF, "The deliver-to address has no country code (BT-80).",
     "Der Lieferanschrift fehlt der Ländercode (BT-80)."},
    {"BR-61", kF,
     "Payment by credit transfer (code 30 or 58) needs a payment account "
     "identifier (BT-84).",
     "Zahlung per Überweisung (Code 30 oder 58) braucht eine Kontokennung "
     "(BT-84)."},
    {"BR-62", kF,
     "The seller electronic address (BT-34) has no scheme identifier.",
     "Der elektronischen Adresse des Verkäufers (BT-34) fehlt die "
     "Schemakennung."},
    {"BR-63", kF,
     "The buyer electronic address (BT-49) has no scheme identifier.",
     "Der elektronischen Adresse des Käufers (BT-49) fehlt die Schemakennung."},
    {"BR-64", kF,
     "The item standard identifier (BT-157) has no scheme identifier.",
     "Der Standardkennung des Artikels (BT-157) fehlt die Schemakennung."},
    {"BR-65", kF,
     "The item classification identifier (BT-158) has no scheme identifier.",
     "Der Klassifizierungskennung des Artikels (BT-158) fehlt die "
     "Schemakennung."},
};

const RuleDefinition& R(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];  // unreachable for the ids used below
}

}  // namespace

namespace {
void CheckBrCore(const RuleContext& c, FindingSink& s) {
  CheckBrCoreDocument(c, s);
  CheckBrCoreParts(c, s);
}
}  // namespace

const RuleDefinition& BrCoreRule(absl::string_view id) { return R(id); }

const RuleFamily& BrCoreFamily() {
  static const RuleFamily family{"BR core", RuleSet::kEn16931, kRules,
                                 &CheckBrCore};
  return family;
}

}  // namespace docintake::einvoice::internal
