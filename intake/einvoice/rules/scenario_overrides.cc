#include "intake/einvoice/rules/scenario_overrides.h"

#include "absl/strings/str_cat.h"
#include "intake/einvoice/rules/rule_versions.h"

namespace docintake::einvoice {
namespace {

struct Override {
  const char* rule_id;
  Severity level;
};

constexpr Severity kE = Severity::kFatal;
constexpr Severity kW = Severity::kWarning;
constexpr Severity kI = Severity::kInformation;

constexpr Override kXRechnungUblInvoice[] = {
    {"BR-CL-23", kW}, {"BR-CL-21", kW}, {"UBL-CR-646", kE}};
constexpr Override kXRechnungExtensionUblInvoice[] = {
    {"BR-CL-21", kI},   {"BR-CL-23", kW},  {"BR-CL-24", kI}, {"BR-CL-10", kI},
    {"BR-CL-11", kI},   {"BR-CL-25", kI},  {"BR-CL-26", kI}, {"BR-CO-16", kI},
    {"UBL-CR-470", kI}, {"UBL-CR-646", kI}};
constexpr Override kXRechnungCvdUblInvoice[] = {
    {"BR-CL-13", kI}, {"BR-CL-23", kW}, {"BR-CL-21", kW}, {"UBL-CR-646", kE}};
constexpr Override kXRechnungUblCreditNote[] = {{"BR-CL-23", kW},
                                                {"BR-CL-21", kW}};
constexpr Override kXRechnungCvdUblCreditNote[] = {
    {"BR-CL-13", kI}, {"BR-CL-23", kW}, {"BR-CL-21", kW}, {"UBL-CR-646", kE}};
constexpr Override kXRechnungCii[] = {{"BR-CL-23", kW},
                                      {"BR-CL-21", kW},
                                      {"CII-SR-452", kE},
                                      {"CII-SR-453", kE},
                                      {"CII-SR-454", kE}};
constexpr Override kXRechnungExtensionCii[] = {
    {"BR-CL-23", kW},   {"BR-CL-21", kI},  {"BR-CL-11", kI}, {"BR-CL-10", kI},
    {"BR-CL-24", kI},   {"BR-CL-25", kI},  {"BR-CL-26", kI}, {"CII-SR-452", kE},
    {"CII-SR-453", kE}, {"CII-SR-454", kE}};
constexpr Override kXRechnungCvdCii[] = {
    {"BR-CL-13", kI},   {"BR-CL-23", kW},   {"BR-CL-21", kW},
    {"CII-SR-452", kE}, {"CII-SR-453", kE}, {"CII-SR-454", kE}};

template <size_t N>
std::optional<Severity> Lookup(const Override (&table)[N],
                               absl::string_view rule_id) {
  for (const Override& o : table) {
    if (rule_id == o.rule_id) return o.level;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Severity> ScenarioOverride(Scenario scenario,
                                         absl::string_view rule_id) {
  switch (scenario) {
    case Scenario::kXRechnungUblInvoice:
      return Lookup(kXRechnungUblInvoice, rule_id);
    case Scenario::kXRechnungExtensionUblInvoice:
      return Lookup(kXRechnungExtensionUblInvoice, rule_id);
    case Scenario::kXRechnungCvdUblInvoice:
      return Lookup(kXRechnungCvdUblInvoice, rule_id);
    case Scenario::kXRechnungUblCreditNote:
      return Lookup(kXRechnungUblCreditNote, rule_id);
    case Scenario::kXRechnungCvdUblCreditNote:
      return Lookup(kXRechnungCvdUblCreditNote, rule_id);
    case Scenario::kXRechnungCii:
      return Lookup(kXRechnungCii, rule_id);
    case Scenario::kXRechnungExtensionCii:
      return Lookup(kXRechnungExtensionCii, rule_id);
    case Scenario::kXRechnungCvdCii:
      return Lookup(kXRechnungCvdCii, rule_id);
    case Scenario::kNone:
    case Scenario::kEn16931UblInvoice:
    case Scenario::kEn16931UblCreditNote:
    case Scenario::kEn16931Cii:
      return std::nullopt;
  }
  return std::nullopt;
}

void ApplyScenarioOverrides(Scenario scenario, std::vector<Finding>& findings) {
  for (Finding& f : findings) {
    if (std::optional<Severity> level = ScenarioOverride(scenario, f.rule_id)) {
      f.severity = *level;
    }
  }
}

std::vector<std::string> RuleVersionLines() {
  return {
      absl::StrCat("EN 16931 CEN validation artefacts ", kCenValidationVersion),
      absl::StrCat("XRechnung ", kXRechnungVersion, " / XRechnung Schematron ",
                   kXRechnungSchematronVersion),
      absl::StrCat("KoSIT validator configuration XRechnung ",
                   kKositConfigurationVersion),
  };
}

}  // namespace docintake::einvoice
