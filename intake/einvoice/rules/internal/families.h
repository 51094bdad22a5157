// The list of rule families (families.cc) and each family's accessor, defined
// in its own file (br_core.cc, br_co.cc, ...). To add a family: write its file
// and add one line to families.cc. Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_FAMILIES_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_FAMILIES_H_

#include <vector>

#include "intake/einvoice/rules/rule.h"

namespace docintake::einvoice::internal {

const std::vector<const RuleFamily*>& RegisteredFamilies();

const RuleFamily& BrCoreFamily();         // BR-01 ... BR-65
const RuleFamily& BrCoFamily();           // BR-CO-03 ... BR-CO-26
const RuleFamily& BrDecFamily();          // BR-DEC-01 ... BR-DEC-28
const RuleFamily& VatCategoriesFamily();  // BR-S/Z/E/AE/IC/G/O/AF/AG
const RuleFamily& BrClFamily();           // BR-CL-01 ... BR-CL-26 (code lists)
const RuleFamily& BrBFamily();            // BR-B-01, BR-B-02 (split payment)
const RuleFamily& XRechnungFamily();      // BR-DE-*, BR-TMP-2
const RuleFamily& XRechnungPeppolFamily();     // PEPPOL-EN16931-R*
const RuleFamily& XRechnungExtensionFamily();  // BR-DEX, BR-DE-CVD
const RuleFamily& DocintakeChecksFamily();     // DOCINTAKE-* warnings
const RuleFamily& UblSyntaxFamily();           // UBL-SR, UBL-CR, UBL-DT
const RuleFamily& CiiSyntaxFamily();           // CII-SR, CII-DT

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_FAMILIES_H_
