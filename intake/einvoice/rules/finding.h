// Finding: one rule violation reported by the e-invoice rule engine — the
// official rule id, its severity, the XPath-like location of the node the rule
// fired on (the form the corpus labels use, e.g.
// "/ubl:Invoice[1]/cac:TaxTotal[1]/cac:TaxSubtotal[2]") and a message in
// English and German written for this project. Plain data; thread-compatible.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_FINDING_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_FINDING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace docintake::einvoice {

// The Schematron flag of a rule. kFatal is error level: it causes rejection.
enum class Severity {
  kFatal,
  kWarning,
  kInformation,
};

// "fatal", "warning", "information" (the corpus spelling).
absl::string_view SeverityName(Severity severity);

struct Finding {
  std::string rule_id;  // "BR-CO-10", "XSD-SCHEMA", ...
  // Severity after the scenario's overrides (what decides the verdict).
  Severity severity = Severity::kFatal;
  // The rule's own flag, before any override.
  Severity original_severity = Severity::kFatal;
  std::string location;
  std::string message_en;
  std::string message_de;
};

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_FINDING_H_
