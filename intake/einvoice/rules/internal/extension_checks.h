// Internal parts of the "XRechnung Extension/CVD" family
// (xrechnung_extension.cc): the rule lookup and the checks per syntax
// (extension_ubl.cc, extension_cii.cc). Each check runs only when the caller
// has found the matching BT-24. Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_EXTENSION_CHECKS_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_EXTENSION_CHECKS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/rule.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

const RuleDefinition& ExtensionRule(absl::string_view id);

// BR-DEX-01, 03 ... 14 (UBL Invoice with the Extension BT-24).
void CheckExtensionUbl(const XmlElement& root, FindingSink& sink);
// BR-DE-CVD-01 ... 03, 06-a, 06-b (UBL with the CVD BT-24).
void CheckCvdUbl(const XmlElement& root, FindingSink& sink);
// BR-DEX-04 ... 08, 15 (CII with the Extension BT-24).
void CheckExtensionCii(const XmlElement& root, FindingSink& sink);
// BR-DE-CVD-01 ... 03, 06-a, 06-b (CII with the CVD BT-24).
void CheckCvdCii(const XmlElement& root, FindingSink& sink);
// BR-TMP-3 (every CII XRechnung invoice).
void CheckBasisQuantitiesCii(const XmlElement& root, FindingSink& sink);

// The DEX scheme test: normalize-space(scheme) has no blank and is in the
// ISO 6523 ICD list (icd = true) or the CEF EAS list, or is XR01 ... XR03.
bool DexSchemeListed(absl::string_view scheme, bool icd);

// BR-TMP-CVD-01 and BR-DE-CVD-04 on one item classification code, BR-DE-
// CVD-05 on the value of one 'cva' item attribute (`where` its location).
void CheckCvdClassification(const XmlElement& code, FindingSink& sink);
void CheckCvdAttributeValue(const XmlElement& value, const std::string& where,
                            FindingSink& sink);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_EXTENSION_CHECKS_H_
