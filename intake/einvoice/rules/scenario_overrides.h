// KoSIT's per-scenario severity overrides (validator configuration for
// XRechnung 2026-01-31), e.g. BR-CL-23 is only a warning in every XRechnung
// scenario. Pure functions; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_SCENARIO_OVERRIDES_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_SCENARIO_OVERRIDES_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/rules/finding.h"

namespace docintake::einvoice {

// The level `scenario` gives `rule_id`, or nullopt if it keeps its flag.
std::optional<Severity> ScenarioOverride(Scenario scenario,
                                         absl::string_view rule_id);

// Sets each finding's severity to its override (original_severity stays).
void ApplyScenarioOverrides(Scenario scenario, std::vector<Finding>& findings);

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_SCENARIO_OVERRIDES_H_
