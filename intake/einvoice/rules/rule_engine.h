// The rule engine: the registry of rule families (one per file under
// intake/einvoice/rules/) and running one rule set over a parsed invoice.
// Findings carry each rule's own flag; scenario overrides are applied by the
// verdict (validate_invoice.h). Stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_ENGINE_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_ENGINE_H_

#include <string>
#include <vector>

#include "intake/einvoice/rules/finding.h"
#include "intake/einvoice/rules/rule.h"

namespace docintake::einvoice {

// The pseudo rule id reported instead of all findings of a rule set that the
// official rules cannot evaluate (they raise an XPath runtime error).
inline constexpr char kRuleSchematronProcessingError[] =
    "SCHEMATRON-PROCESSING-ERROR";

// Every registered family, in reporting order. The references are static.
const std::vector<const RuleFamily*>& RuleFamilies();

// Runs every family of `rule_set` over `context`; findings in family order,
// within a family in document order.
std::vector<Finding> RunRuleSet(RuleSet rule_set, const RuleContext& context);

// The ids of every implemented rule of `rule_set`.
std::vector<std::string> ImplementedRuleIds(RuleSet rule_set);

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_RULE_ENGINE_H_
