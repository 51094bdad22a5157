// StructuralSchemaValidator: the XML Schema step without the official schema
// files. It checks a UBL 2.1 Invoice / CreditNote or CII D16B document
// against compact content-model tables derived from those schemas
// (internal/schema_tables.h): element names allowed under their parent and
// in sequence order, required children and cardinalities, choices, unknown
// or missing required attributes, text where only elements are allowed, and
// the lexical form of decimal, integer, date, time, boolean and base64
// values (so empty numbers and dates are errors). Identity constraints and
// string facets are not checked (the e-invoice schemas have none that
// matter). Stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_SCHEMA_STRUCTURAL_SCHEMA_VALIDATOR_H_
#define DOCINTAKE_INTAKE_EINVOICE_SCHEMA_STRUCTURAL_SCHEMA_VALIDATOR_H_

#include <vector>

#include "absl/status/statusor.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/rules/finding.h"
#include "intake/einvoice/validate_invoice.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {

class StructuralSchemaValidator : public SchemaValidator {
 public:
  // One XSD-SCHEMA finding per error ("line N element NAME"). At most one
  // content-model error is reported per parent element, as libxml2 does.
  // INVALID_ARGUMENT for Syntax::kOther.
  absl::StatusOr<std::vector<Finding>> Validate(const XmlDocument& document,
                                                Syntax syntax) const override;
};

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_SCHEMA_STRUCTURAL_SCHEMA_VALIDATOR_H_
