#include "intake/einvoice/detect.h"

#include "intake/einvoice/namespaces.h"

namespace docintake::einvoice {

absl::string_view SyntaxName(Syntax syntax) {
  switch (syntax) {
    case Syntax::kUblInvoice:
      return "ubl-invoice";
    case Syntax::kUblCreditNote:
      return "ubl-creditnote";
    case Syntax::kCii:
      return "cii";
    case Syntax::kOther:
      return "other";
  }
  return "other";
}

absl::string_view ScenarioName(Scenario scenario) {
  switch (scenario) {
    case Scenario::kNone:
      return "none";
    case Scenario::kXRechnungUblInvoice:
      return "EN16931 XRechnung (UBL Invoice)";
    case Scenario::kXRechnungUblCreditNote:
      return "EN16931 XRechnung (UBL CreditNote)";
    case Scenario::kXRechnungCii:
      return "EN16931 XRechnung (CII)";
    case Scenario::kXRechnungExtensionUblInvoice:
      return "EN16931 XRechnung Extension (UBL Invoice)";
    case Scenario::kXRechnungExtensionCii:
      return "EN16931 XRechnung Extension (CII)";
    case Scenario::kXRechnungCvdUblInvoice:
      return "EN16931 XRechnung CVD (UBL Invoice)";
    case Scenario::kXRechnungCvdUblCreditNote:
      return "EN16931 XRechnung CVD (UBL CreditNote)";
    case Scenario::kXRechnungCvdCii:
      return "EN16931 XRechnung CVD (CII)";
    case Scenario::kEn16931UblInvoice:
      return "EN16931 (UBL Invoice)";
    case Scenario::kEn16931UblCreditNote:
      return "EN16931 (UBL CreditNote)";
    case Scenario::kEn16931Cii:
      return "EN16931 (CII)";
  }
  return "none";
}

bool IsExtensionScenario(Scenario s) {
  return s == Scenario::kXRechnungExtensionUblInvoice ||
         s == Scenario::kXRechnungExtensionCii;
}

bool IsCvdScenario(Scenario s) {
  return s == Scenario::kXRechnungCvdUblInvoice ||
         s == Scenario::kXRechnungCvdUblCreditNote ||
         s == Scenario::kXRechnungCvdCii;
}

bool IsXRechnungScenario(Scenario s) {
  return s == Scenario::kXRechnungUblInvoice ||
         s == Scenario::kXRechnungUblCreditNote ||
         s == Scenario::kXRechnungCii || IsExtensionScenario(s) ||
         IsCvdScenario(s);
}

Scenario SelectScenario(Syntax syntax, absl::string_view bt24) {
  switch (syntax) {
    case Syntax::kUblInvoice:
      if (bt24 == kProfileXRechnung30) return Scenario::kXRechnungUblInvoice;
      if (bt24 == kProfileXRechnung30Extension) {
        return Scenario::kXRechnungExtensionUblInvoice;
      }
      if (bt24 == kProfileXRechnung30Cvd) {
        return Scenario::kXRechnungCvdUblInvoice;
      }
      if (bt24 == kProfileEn16931) return Scenario::kEn16931UblInvoice;
      return Scenario::kNone;
    case Syntax::kUblCreditNote:  // no Extension scenario for credit notes
      if (bt24 == kProfileXRechnung30) return Scenario::kXRechnungUblCreditNote;
      if (bt24 == kProfileXRechnung30Cvd) {
        return Scenario::kXRechnungCvdUblCreditNote;
      }
      if (bt24 == kProfileEn16931) return Scenario::kEn16931UblCreditNote;
      return Scenario::kNone;
    case Syntax::kCii:
      if (bt24 == kProfileXRechnung30) return Scenario::kXRechnungCii;
      if (bt24 == kProfileXRechnung30Extension) {
        return Scenario::kXRechnungExtensionCii;
      }
      if (bt24 == kProfileXRechnung30Cvd) return Scenario::kXRechnungCvdCii;
      if (bt24 == kProfileEn16931) return Scenario::kEn16931Cii;
      return Scenario::kNone;
    case Syntax::kOther:
      return Scenario::kNone;
  }
  return Scenario::kNone;
}

Syntax DetectSyntax(const XmlElement& root) {
  if (root.Is(kUblInvoiceNs, "Invoice")) return Syntax::kUblInvoice;
  if (root.Is(kUblCreditNoteNs, "CreditNote")) return Syntax::kUblCreditNote;
  if (root.Is(kRsmNs, "CrossIndustryInvoice")) return Syntax::kCii;
  return Syntax::kOther;
}

Detection Detect(const XmlDocument& doc) {
  Detection d;
  const XmlElement root = doc.Root();
  d.syntax = DetectSyntax(root);
  std::vector<XmlElement> ids;
  if (d.syntax == Syntax::kUblInvoice || d.syntax == Syntax::kUblCreditNote) {
    ids = root.Children(kCbcNs, "CustomizationID");
  } else if (d.syntax == Syntax::kCii) {
    ids = root.FindAll(
        "rsm:ExchangedDocumentContext/"
        "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID");
  }
  for (const XmlElement& id : ids) d.all_profiles.push_back(id.Text());
  if (!d.all_profiles.empty()) {
    d.profile = d.all_profiles.front();
    d.profile_present = true;
  }
  for (const std::string& p : d.all_profiles) {
    d.scenario = SelectScenario(d.syntax, p);
    if (d.scenario != Scenario::kNone) break;
  }
  return d;
}

}  // namespace docintake::einvoice
