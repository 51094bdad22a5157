#include "intake/einvoice/rules/rule_engine.h"

#include <utility>

#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/processing_error.h"

namespace docintake::einvoice {

absl::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kFatal:
      return "fatal";
    case Severity::kWarning:
      return "warning";
    case Severity::kInformation:
      return "information";
  }
  return "fatal";
}

void FindingSink::Report(const RuleDefinition& rule, std::string location) {
  Finding f;
  f.rule_id = rule.id;
  f.severity = rule.flag;
  f.original_severity = rule.flag;
  f.location = std::move(location);
  f.message_en = rule.message_en;
  f.message_de = rule.message_de;
  findings_.push_back(std::move(f));
}

const std::vector<const RuleFamily*>& RuleFamilies() {
  return internal::RegisteredFamilies();
}

namespace {

constexpr RuleDefinition kProcessingError = {
    kRuleSchematronProcessingError, Severity::kFatal,
    "The EN 16931 rules cannot be evaluated: a charge indicator is neither "
    "true nor false.",
    "Die EN-16931-Regeln sind nicht auswertbar: ein Zu-/Abschlagskennzeichen "
    "ist weder true noch false."};

}  // namespace

std::vector<Finding> RunRuleSet(RuleSet rule_set, const RuleContext& context) {
  FindingSink sink;
  if (rule_set == RuleSet::kEn16931) {
    // The official rule set aborts on this input; so does ours.
    std::string where = internal::FindBooleanCastError(context.document);
    if (!where.empty()) {
      sink.Report(kProcessingError, std::move(where));
      return sink.Take();
    }
  }
  for (const RuleFamily* family : RuleFamilies()) {
    if (family->rule_set == rule_set) family->check(context, sink);
  }
  return sink.Take();
}

std::vector<std::string> ImplementedRuleIds(RuleSet rule_set) {
  std::vector<std::string> ids;
  for (const RuleFamily* family : RuleFamilies()) {
    if (family->rule_set != rule_set) continue;
    for (const RuleDefinition& rule : family->rules) ids.emplace_back(rule.id);
  }
  return ids;
}

}  // namespace docintake::einvoice
