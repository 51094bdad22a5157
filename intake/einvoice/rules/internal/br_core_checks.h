// The BR core family (br_core.cc) split by concept: document-level terms and
// parties (br_core_document.cc), and the repeated parts — lines, allowances
// and charges, VAT breakdown, payment (br_core_parts.cc). Internal.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CORE_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CORE_CHECKS_H_

#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/rule.h"

namespace docintake::einvoice::internal {

// The definition of a BR core rule id ("BR-17").
const RuleDefinition& BrCoreRule(absl::string_view id);

void CheckBrCoreDocument(const RuleContext& c, FindingSink& s);
void CheckBrCoreParts(const RuleContext& c, FindingSink& s);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CORE_CHECKS_H_
