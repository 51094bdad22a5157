// Internal parts of the "XRechnung Peppol" family (xrechnung_peppol.cc):
// the rule lookup and the syntax-specific checks of the Peppol BIS Billing
// rules that the XRechnung Schematron 2.5.0 merges in (peppol_ubl.cc,
// peppol_cii.cc), plus decimal helpers over element text. Internal;
// thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_PEPPOL_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_PEPPOL_CHECKS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/decimal.h"
#include "intake/einvoice/rules/rule.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

const RuleDefinition& PeppolRule(absl::string_view id);

void CheckPeppolUbl(const RuleContext& context, FindingSink& sink);
void CheckPeppolCii(const RuleContext& context, FindingSink& sink);

// PEPPOL-EN16931-R008: every element without element children whose
// normalized text is empty, in document order.
void XrCheckEmptyElements(const XmlElement& element, FindingSink& sink);

// xs:decimal(text) of an element (whitespace trimmed); nullopt if the
// element is absent or its text is not a decimal.
std::optional<Decimal> XrDecimalOf(const XmlElement& e);
// u:slack(exp, val, slack): |exp - val| <= slack, exactly.
bool XrWithinSlack(const Decimal& exp, const Decimal& val,
                   const Decimal& slack);
// base * percent / 100, exactly; nullopt on overflow.
std::optional<Decimal> XrPercentOf(const Decimal& base, const Decimal& percent);
// PEPPOL-EN16931-R120: |line_net - (quantity * price / base_quantity +
// charges - allowances)| <= slack, the division carried to 20 decimals.
// True when the line agrees (or a value cannot be computed).
bool LineNetAmountAgrees(const Decimal& line_net, const Decimal& quantity,
                         const Decimal& price, const Decimal& base_quantity,
                         const Decimal& charges, const Decimal& allowances,
                         const Decimal& slack);

// The element's text as a double (XPath number comparison), if numeric.
std::optional<double> XrNumberOf(const XmlElement& e);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_PEPPOL_CHECKS_H_
