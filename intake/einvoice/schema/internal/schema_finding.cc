#include "intake/einvoice/schema/internal/schema_finding.h"

#include "absl/strings/str_cat.h"
#include "intake/einvoice/validate_invoice.h"

namespace docintake::einvoice::schema_internal {

Finding SchemaFinding(int line, absl::string_view element,
                      absl::string_view message_en,
                      absl::string_view message_de) {
  Finding f;
  f.rule_id = kRuleXsdSchema;
  f.severity = Severity::kFatal;
  f.original_severity = Severity::kFatal;
  f.location = absl::StrCat("line ", line, " element ", element);
  f.message_en = std::string(message_en);
  f.message_de = std::string(message_de);
  return f;
}

}  // namespace docintake::einvoice::schema_internal
