// The "XRechnung Extension/CVD" family: the rules of the XRechnung
// Schematron 2.5.0 that apply only when BT-24 names the XRechnung Extension
// (BR-DEX-*) or the Clean Vehicles Directive profile (BR-DE-CVD-*), and the
// CII price base quantity rule BR-TMP-3. The profile is read from BT-24 as
// the Schematron does (exact text), so no scenario information is needed.
#include <string>
#include <vector>

#include "intake/einvoice/detect.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/extension_checks.h"
#include "intake/einvoice/rules/internal/families.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;
constexpr Severity kW = Severity::kWarning;

constexpr RuleDefinition kRules[] = {
    {"BR-DEX-01", kF, "An attachment (BT-125) uses a MIME code not allowed.",
     "Ein Anhang (BT-125) verwendet einen nicht zulässigen MIME-Code."},
    {"BR-DEX-02", kW,
     "A line net amount (BT-131) should equal the sum of the net amounts of "
     "its sub invoice lines.",
     "Der Nettobetrag einer Position (BT-131) sollte der Summe der "
     "Nettobeträge ihrer Unterpositionen entsprechen."},
    {"BR-DEX-03", kF,
     "A sub invoice line must have exactly one VAT information (BG-DEX-06).",
     "Eine Unterposition muss genau eine Umsatzsteuerangabe (BG-DEX-06) "
     "haben."},
    {"BR-DEX-04", kF,
     "A party identifier scheme is not in the ISO 6523 ICD list (with XR01 "
     "... XR03).",
     "Das Schema einer Parteikennung ist nicht in der ISO-6523-ICD-Liste "
     "(mit XR01 ... XR03)."},
    {"BR-DEX-05", kF,
     "A legal registration identifier scheme is not in the ISO 6523 ICD list "
     "(with XR01 ... XR03).",
     "Das Schema einer Registerkennung ist nicht in der ISO-6523-ICD-Liste "
     "(mit XR01 ... XR03)."},
    {"BR-DEX-06", kF,
     "An item standard identifier scheme is not in the ISO 6523 ICD list "
     "(with XR01 ... XR03).",
     "Das Schema einer Artikelkennung ist nicht in der ISO-6523-ICD-Liste "
     "(mit XR01 ... XR03)."},
    {"BR-DEX-07", kF,
     "An electronic address scheme is not in the CEF EAS list (with XR01 ... "
     "XR03).",
     "Das Schema einer elektronischen Adresse ist nicht in der CEF-EAS-Liste "
     "(mit XR01 ... XR03)."},
    {"BR-DEX-08", kF,
     "A delivery location identifier scheme is not in the ISO 6523 ICD list "
     "(with XR01 ... XR03).",
     "Das Schema einer Lieferortkennung ist nicht in der ISO-6523-ICD-Liste "
     "(mit XR01 ... XR03)."},
    {"BR-DEX-09", kF,
     "Amount due (BT-115) differs from total with VAT (BT-112) - paid "
     "(BT-113) + rounding (BT-114) + third party payments (BT-DEX-002).",
     "Der fällige Betrag (BT-115) weicht von Gesamtbetrag (BT-112) - "
     "gezahlt (BT-113) + Rundung (BT-114) + Zahlungen Dritter (BT-DEX-002) "
     "ab."},
    {"BR-DEX-10", kF, "A third party payment has no type (BT-DEX-001).",
     "Einer Zahlung Dritter fehlt die Art (BT-DEX-001)."},
    {"BR-DEX-11", kF, "A third party payment has no amount (BT-DEX-002).",
     "Einer Zahlung Dritter fehlt der Betrag (BT-DEX-002)."},
    {"BR-DEX-12", kF, "A third party payment has no description (BT-DEX-003).",
     "Einer Zahlung Dritter fehlt die Beschreibung (BT-DEX-003)."},
    {"BR-DEX-13", kF,
     "A third party payment amount (BT-DEX-002) has more than two decimals.",
     "Der Betrag einer Zahlung Dritter (BT-DEX-002) hat mehr als zwei "
     "Nachkommastellen."},
    {"BR-DEX-14", kF,
     "A third party payment amount is not in the invoice currency (BT-5).",
     "Der Betrag einer Zahlung Dritter ist nicht in Rechnungswährung (BT-5)."},
    {"BR-DEX-15", kW,
     "The CII invoice seems to use sub invoice lines, which XRechnung does "
     "not support in CII.",
     "Die CII-Rechnung scheint Unterpositionen zu verwenden; XRechnung "
     "unterstützt sie in CII nicht."},
    {"BR-DE-CVD-01", kF, "The contract reference (BT-12) is missing.",
     "Die Vertragsreferenz (BT-12) fehlt."},
    {"BR-DE-CVD-02", kF, "The tender or lot reference (BT-17) is missing.",
     "Die Vergabe- oder Losreferenz (BT-17) fehlt."},
    {"BR-DE-CVD-03", kF,
     "No invoice line has an item classification with scheme 'CVD' and an "
     "item attribute 'cva'.",
     "Keine Position hat eine Artikelklassifikation mit Schema 'CVD' und ein "
     "Artikelattribut 'cva'."},
    {"BR-DE-CVD-04", kF,
     "An item classification with scheme 'CVD' must be a vehicle category "
     "M1, M2, M3, N1, N2 or N3.",
     "Eine Artikelklassifikation mit Schema 'CVD' muss eine Fahrzeugklasse "
     "M1, M2, M3, N1, N2 oder N3 sein."},
    {"BR-DE-CVD-05", kF,
     "The item attribute 'cva' must have the value clean, zero-emission or "
     "other.",
     "Das Artikelattribut 'cva' muss den Wert clean, zero-emission oder "
     "other haben."},
    {"BR-DE-CVD-06-a", kF,
     "An item classified with scheme 'CVD' needs exactly one item attribute "
     "'cva'.",
     "Ein mit Schema 'CVD' klassifizierter Artikel braucht genau ein "
     "Artikelattribut 'cva'."},
    {"BR-DE-CVD-06-b", kF,
     "An item with attribute 'cva' needs exactly one classification with "
     "scheme 'CVD'.",
     "Ein Artikel mit Attribut 'cva' braucht genau eine Klassifikation mit "
     "Schema 'CVD'."},
    {"BR-TMP-CVD-01", kF,
     "The item classification scheme (BT-158-1) must be from UNTDID 7143 (or "
     "CVD).",
     "Das Klassifikationsschema (BT-158-1) muss aus UNTDID 7143 stammen (oder "
     "CVD sein)."},
    {"BR-TMP-3", kF,
     "The price base quantity (BT-149) and its unit (BT-150) must be the "
     "same in gross and net price.",
     "Basismenge (BT-149) und Einheit (BT-150) müssen bei Brutto- und "
     "Nettopreis gleich sein."},
};

void CheckExtensionFamily(const RuleContext& context, FindingSink& sink) {
  const XmlElement root = context.document.Root();
  std::vector<std::string> ids;
  if (context.invoice.syntax == Syntax::kCii) {
    for (const XmlElement& id : root.FindAll(
             "rsm:ExchangedDocumentContext/"
             "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")) {
      ids.push_back(id.Text());
    }
  } else {
    for (const XmlElement& id : root.Children(kCbcNs, "CustomizationID")) {
      ids.push_back(id.Text());
    }
  }
  bool extension = false, cvd = false;
  for (const std::string& id : ids) {
    extension |= id == kProfileXRechnung30Extension;
    cvd |= id == kProfileXRechnung30Cvd;
  }
  if (context.invoice.syntax == Syntax::kCii) {
    if (extension) CheckExtensionCii(root, sink);
    if (cvd) CheckCvdCii(root, sink);
    CheckBasisQuantitiesCii(root, sink);
  } else {
    if (extension) CheckExtensionUbl(root, sink);
    if (cvd) CheckCvdUbl(root, sink);
  }
}

}  // namespace

const RuleDefinition& ExtensionRule(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];  // unreachable for the ids used by the checks
}

const RuleFamily& XRechnungExtensionFamily() {
  static const RuleFamily family{"XRechnung Extension/CVD", RuleSet::kXRechnung,
                                 kRules, &CheckExtensionFamily};
  return family;
}

}  // namespace docintake::einvoice::internal
