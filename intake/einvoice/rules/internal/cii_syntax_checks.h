// The parts of the "CII syntax" rule family (cii_syntax.cc): the CII-DT data
// type rules and the document context parameter rules, evaluated in one walk
// over the document (cii_syntax_types.cc). Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CII_SYNTAX_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CII_SYNTAX_CHECKS_H_

#include <vector>

#include "intake/einvoice/rules/internal/syntax_table.h"
#include "intake/einvoice/rules/rule.h"

namespace docintake::einvoice::internal {

// Every rule CheckCiiDataTypes can report.
const std::vector<RuleDefinition>& CiiDataTypeDefinitions();

// Reports the CII-DT rules and CII-SR-04 / CII-SR-05 for a CII document.
void CheckCiiDataTypes(const SyntaxScope& scope, FindingSink& sink);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_CII_SYNTAX_CHECKS_H_
