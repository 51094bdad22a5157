// Syntax and scenario detection for XML e-invoices: which EN 16931 syntax the
// document element belongs to, the specification identifier BT-24 as
// written, and the KoSIT validation scenario that root element and BT-24
// select (BT-24 compared character for character, as the KoSIT XRechnung
// configuration 2026-01-31 does). Pure functions; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_DETECT_H_
#define DOCINTAKE_INTAKE_EINVOICE_DETECT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {

enum class Syntax {
  kUblInvoice,     // ubl:Invoice (UBL 2.1)
  kUblCreditNote,  // cn:CreditNote (UBL 2.1)
  kCii,            // rsm:CrossIndustryInvoice (UN/CEFACT CII D16B)
  kOther,          // any other document element (e.g. ZUGFeRD 1.x)
};

// "ubl-invoice", "ubl-creditnote", "cii", "other" (the corpus spelling).
absl::string_view SyntaxName(Syntax syntax);

enum class Scenario {
  kNone,  // NO-MATCHING-SCENARIO
  kXRechnungUblInvoice,
  kXRechnungUblCreditNote,
  kXRechnungCii,
  kXRechnungExtensionUblInvoice,
  kXRechnungExtensionCii,
  kXRechnungCvdUblInvoice,
  kXRechnungCvdUblCreditNote,
  kXRechnungCvdCii,
  kEn16931UblInvoice,
  kEn16931UblCreditNote,
  kEn16931Cii,
};

// KoSIT's scenario name, e.g. "EN16931 XRechnung (UBL Invoice)",
// "EN16931 XRechnung Extension (CII)", "EN16931 (CII)"; "none" for kNone.
absl::string_view ScenarioName(Scenario scenario);
// The XRechnung scenarios (CIUS, Extension, CVD) run the XRechnung rules.
bool IsXRechnungScenario(Scenario scenario);
bool IsExtensionScenario(Scenario scenario);
bool IsCvdScenario(Scenario scenario);

// The BT-24 values that select scenarios.
inline constexpr char kProfileXRechnung30[] =
    "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
inline constexpr char kProfileXRechnung30Extension[] =
    "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    "#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0";
inline constexpr char kProfileXRechnung30Cvd[] =
    "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    "#compliant#urn:xeinkauf.de:kosit:xrechnung:cvd_0.9";
inline constexpr char kProfileEn16931[] = "urn:cen.eu:en16931:2017";

// The scenario for one syntax and one exact BT-24 value.
Scenario SelectScenario(Syntax syntax, absl::string_view bt24);

struct Detection {
  Syntax syntax = Syntax::kOther;
  // BT-24 as written (text content, not trimmed) of the first BT-24 element;
  // "" when absent or for kOther.
  std::string profile;
  bool profile_present = false;
  // Every BT-24 element's text (a scenario matches if any of them selects it,
  // as KoSIT's XPath comparison does).
  std::vector<std::string> all_profiles;
  Scenario scenario = Scenario::kNone;
};

Syntax DetectSyntax(const XmlElement& root);
Detection Detect(const XmlDocument& doc);

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_DETECT_H_
