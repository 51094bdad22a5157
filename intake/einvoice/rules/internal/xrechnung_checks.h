// Internal parts of the "XRechnung" rule family (xrechnung_de.cc): the rule
// lookup, the syntax-specific checks (xrechnung_de_ubl.cc,
// xrechnung_de_cii.cc) and small XPath-like helpers over XmlElement. The
// checks read the XML directly, as the XRechnung Schematron 2.5.0 does.
// Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_XRECHNUNG_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_XRECHNUNG_CHECKS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/rule.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

const RuleDefinition& XRechnungRule(absl::string_view id);

void CheckXRechnungUbl(const RuleContext& context, FindingSink& sink);
void CheckXRechnungCii(const RuleContext& context, FindingSink& sink);

// XPath x[boolean(normalize-space(.))]: some element has non-blank text.
bool XrAnyNonBlank(const std::vector<XmlElement>& elements);
inline bool XrNonBlank(const XmlElement& e) {
  return e.valid() && XrAnyNonBlank({e});
}
// XPath `path = value` for a code: some element's text equals `value`
// exactly (untyped string comparison, no trimming).
bool XrAnyTextEquals(const std::vector<XmlElement>& elements,
                     absl::string_view value);
// True if the BT-24 text `bt24` is one of the three XRechnung 3.0 ids.
bool IsXRechnungId(absl::string_view bt24);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_XRECHNUNG_CHECKS_H_
