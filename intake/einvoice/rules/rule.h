// The building blocks of a rule family: a RuleDefinition per official rule id
// (flag and messages), the RuleContext a family checks (the EN 16931 model
// and the parsed XML for cardinality and syntax rules), the FindingSink it
// reports to, and the RuleFamily record that the registry (rule_engine.h)
// lists. A family is one .cc file under intake/einvoice/rules/ that defines
// its RuleDefinitions and one check function; adding a family never touches
// the engine. Families are stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "intake/einvoice/invoice_model.h"
#include "intake/einvoice/rules/finding.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {

// Which Schematron step a rule belongs to.
enum class RuleSet {
  kEn16931,    // CEN EN 16931 validation artefacts (both syntaxes)
  kXRechnung,  // XRechnung Schematron (XRechnung scenarios only)
};

struct RuleDefinition {
  const char* id;  // official id, e.g. "BR-CO-10"
  Severity flag;   // the flag the official rule carries
  const char* message_en;
  const char* message_de;
};

// What a rule family sees. Both references outlive the check.
struct RuleContext {
  const Invoice& invoice;
  const XmlDocument& document;
};

// Collects the findings of one run.
class FindingSink {
 public:
  void Report(const RuleDefinition& rule, std::string location);
  std::vector<Finding> Take() { return std::move(findings_); }

 private:
  std::vector<Finding> findings_;
};

struct RuleFamily {
  const char* name;  // "BR core", "BR-CO", ...
  RuleSet rule_set;
  // Every rule id the family implements (also those that cannot fire, such
  // as BR-CO-05, whose official test is true()).
  absl::Span<const RuleDefinition> rules;
  void (*check)(const RuleContext& context, FindingSink& sink);
};

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_H_
