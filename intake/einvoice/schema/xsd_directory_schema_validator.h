// XsdDirectorySchemaValidator: full XML Schema validation with libxml2
// against the official schemas in a configured directory laid out like the
// corpus folder's xsd/ (ubl-2.1/maindoc/UBL-Invoice-2.1.xsd,
// ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd,
// cii-d16b/CrossIndustryInvoice_100pD16B.xsd with their imports). The
// schemas are not shipped with the product; they are loaded once, from local
// files only (network loading refused). Validation picks the schema by the
// detected syntax. Thread-safe: the compiled schemas are shared read-only and
// each call uses its own validation context.
#ifndef DOCINTAKE_INTAKE_EINVOICE_SCHEMA_XSD_DIRECTORY_SCHEMA_VALIDATOR_H_
#define DOCINTAKE_INTAKE_EINVOICE_SCHEMA_XSD_DIRECTORY_SCHEMA_VALIDATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/owned.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/rules/finding.h"
#include "intake/einvoice/validate_invoice.h"
#include "intake/einvoice/xml_document.h"

struct _xmlSchema;

namespace docintake::einvoice {

class XsdDirectorySchemaValidator : public SchemaValidator {
 public:
  // Loads and compiles the three main schemas under `directory`. NOT_FOUND if
  // a main schema file is missing, INVALID_ARGUMENT (with libxml2's first
  // messages) if a schema does not compile.
  static absl::StatusOr<std::unique_ptr<XsdDirectorySchemaValidator>> Create(
      absl::string_view directory);

  XsdDirectorySchemaValidator(const XsdDirectorySchemaValidator&) = delete;
  XsdDirectorySchemaValidator& operator=(const XsdDirectorySchemaValidator&) =
      delete;

  // One XSD-SCHEMA finding per libxml2 schema error: location
  // "line N element NAME", libxml2's message. INVALID_ARGUMENT for
  // Syntax::kOther, INTERNAL if libxml2 fails internally.
  absl::StatusOr<std::vector<Finding>> Validate(const XmlDocument& document,
                                                Syntax syntax) const override;

 private:
  static void FreeSchema(_xmlSchema* schema);
  using Schema =
      base::Owned<_xmlSchema, &XsdDirectorySchemaValidator::FreeSchema>;

  XsdDirectorySchemaValidator() = default;

  Schema invoice_;
  Schema credit_note_;
  Schema cii_;
};

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_SCHEMA_XSD_DIRECTORY_SCHEMA_VALIDATOR_H_
