// Builds the XSD-SCHEMA finding that both schema validators report: location
// "line N element NAME" (the form of the corpus labels), messages in English
// and German. Thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_SCHEMA_FINDING_H_
#define DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_SCHEMA_FINDING_H_

#include <string>

#include "absl/strings/string_view.h"
#include "intake/einvoice/rules/finding.h"

namespace docintake::einvoice::schema_internal {

Finding SchemaFinding(int line, absl::string_view element,
                      absl::string_view message_en,
                      absl::string_view message_de);

}  // namespace docintake::einvoice::schema_internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_SCHEMA_FINDING_H_
