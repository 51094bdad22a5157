// The KoSIT-style verdict for one XML e-invoice: well-formedness, scenario
// selection (root element + exact BT-24), XML Schema (through the
// SchemaValidator hook; skipped when none is configured), the EN 16931 rules
// of the syntax, the XRechnung rules in the XRechnung scenarios, the
// scenario's severity overrides, and accept = scenario matched, schema valid,
// no processing error, no error-level finding. Also the simpler EN 16931
// verdict (schema + EN 16931 rules with their own flags). Stateless; safe to
// call concurrently (a SchemaValidator must then be thread-safe too).
#ifndef DOCINTAKE_INTAKE_EINVOICE_VALIDATE_INVOICE_H_
#define DOCINTAKE_INTAKE_EINVOICE_VALIDATE_INVOICE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/rules/finding.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {

inline constexpr char kRuleNoMatchingScenario[] = "NO-MATCHING-SCENARIO";
inline constexpr char kRuleXsdSchema[] = "XSD-SCHEMA";

// XML Schema validation of a detected document. Implementations: structural
// checks in the project, or libxml2 with a configured schema directory.
class SchemaValidator {
 public:
  virtual ~SchemaValidator() = default;
  // One XSD-SCHEMA finding per schema error (location "line N: element"),
  // none if valid. A non-OK status means the check itself failed.
  virtual absl::StatusOr<std::vector<Finding>> Validate(
      const XmlDocument& document, Syntax syntax) const = 0;
};

struct ValidationOptions {
  // Not owned; nullptr skips the schema step (treated as valid).
  const SchemaValidator* schema_validator = nullptr;
  XmlLimits limits;
};

struct InvoiceReport {
  bool accept = false;          // KoSIT verdict
  bool accept_en16931 = false;  // schema + EN 16931 rules, own flags
  Syntax syntax = Syntax::kOther;
  std::string profile;  // BT-24 as written
  Scenario scenario = Scenario::kNone;
  bool schema_checked = false;  // a SchemaValidator ran
  std::vector<std::string> rule_versions;
  // What decides `accept`: pseudo ids (XML-NOT-WELLFORMED,
  // NO-MATCHING-SCENARIO, XSD-SCHEMA, ...) and the rule findings of the
  // scenario's rule sets, severities after the scenario's overrides.
  std::vector<Finding> findings;
  // The EN 16931 rule findings with their own flags (what decides
  // `accept_en16931`), computed whenever the document has an EN 16931 root —
  // also when no scenario matched or the schema failed.
  std::vector<Finding> en16931_findings;
};

// Validates `bytes` as an XML e-invoice. Never fails: every problem becomes a
// finding.
InvoiceReport ValidateInvoiceXml(absl::string_view bytes,
                                 const ValidationOptions& options = {});

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_VALIDATE_INVOICE_H_
