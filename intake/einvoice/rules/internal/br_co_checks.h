// The BR-CO family (br_co.cc) split by concept: the calculation rules BR-CO-10
// ... BR-CO-17 (br_co_totals.cc) and the conditions (br_co.cc). Internal.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CO_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CO_CHECKS_H_

#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/rule.h"

namespace docintake::einvoice::internal {

// The definition of a BR-CO rule id ("BR-CO-10").
const RuleDefinition& BrCoRule(absl::string_view id);

// BR-CO-10 ... BR-CO-17 with exact decimals (tolerance of BR-CO-17: 1.00).
void CheckBrCoTotals(const RuleContext& c, FindingSink& s);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_BR_CO_CHECKS_H_
