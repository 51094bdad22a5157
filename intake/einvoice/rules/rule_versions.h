// The pinned versions of the rule sets this engine implements, printed in
// every report. Constants only; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_VERSIONS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_VERSIONS_H_

#include <string>
#include <vector>

namespace docintake::einvoice {

inline constexpr char kCenValidationVersion[] = "1.3.15";
inline constexpr char kXRechnungVersion[] = "3.0.2";
inline constexpr char kXRechnungSchematronVersion[] = "2.5.0";
inline constexpr char kKositConfigurationVersion[] = "2026-01-31";

// One line per rule set, e.g. "EN 16931 CEN validation artefacts 1.3.15".
std::vector<std::string> RuleVersionLines();

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_VERSIONS_H_
