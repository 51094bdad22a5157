#include "intake/einvoice/validate_invoice.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "intake/einvoice/invoice_parser.h"
#include "intake/einvoice/rules/rule_engine.h"
#include "intake/einvoice/rules/rule_versions.h"
#include "intake/einvoice/rules/scenario_overrides.h"

namespace docintake::einvoice {
namespace {

Finding Pseudo(absl::string_view id, std::string location, std::string en,
               std::string de) {
  Finding f;
  f.rule_id = std::string(id);
  f.location = std::move(location);
  f.message_en = std::move(en);
  f.message_de = std::move(de);
  return f;
}

bool HasError(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    if (f.severity == Severity::kFatal) return true;
  }
  return false;
}

}  // namespace

InvoiceReport ValidateInvoiceXml(absl::string_view bytes,
                                 const ValidationOptions& options) {
  InvoiceReport report;
  report.rule_versions = RuleVersionLines();
  absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(bytes, options.limits);
  if (!doc.ok()) {
    std::string id = PseudoRuleIdOf(doc.status());
    if (id.empty()) id = kRuleXmlNotWellFormed;
    report.findings.push_back(Pseudo(
        id, "", std::string(doc.status().message()),
        absl::StrCat("Das XML ist nicht wohlgeformt oder wurde abgelehnt: ",
                     doc.status().message())));
    return report;
  }
  const Detection detection = Detect(*doc);
  report.syntax = detection.syntax;
  report.profile = detection.profile;
  report.scenario = detection.scenario;

  bool schema_valid = true;
  std::vector<Finding> schema_findings;
  if (options.schema_validator != nullptr &&
      detection.syntax != Syntax::kOther) {
    report.schema_checked = true;
    absl::StatusOr<std::vector<Finding>> result =
        options.schema_validator->Validate(*doc, detection.syntax);
    if (!result.ok()) {
      schema_findings.push_back(
          Pseudo(kRuleXsdSchema, "", std::string(result.status().message()),
                 "Die Schemaprüfung konnte nicht ausgeführt werden."));
    } else {
      schema_findings = std::move(*result);
    }
    schema_valid = schema_findings.empty();
  }

  absl::StatusOr<Invoice> invoice = ParseInvoice(*doc);
  if (invoice.ok()) {
    const RuleContext context{*invoice, *doc};
    report.en16931_findings = RunRuleSet(RuleSet::kEn16931, context);
    report.accept_en16931 = schema_valid && !HasError(report.en16931_findings);
  }

  if (detection.scenario == Scenario::kNone || !invoice.ok()) {
    report.findings.push_back(Pseudo(
        kRuleNoMatchingScenario, "",
        absl::StrCat("No validation scenario matches this document (root "
                     "element and specification identifier BT-24 '",
                     detection.profile, "')."),
        absl::StrCat("Kein Prüfszenario passt zu diesem Dokument "
                     "(Wurzelelement und Spezifikationskennung BT-24 '",
                     detection.profile, "').")));
    // KoSIT stops at the scenario: no schema or rule step runs.
    return report;
  }
  if (!schema_valid) {
    // The rules are not run on a schema-invalid document, but an XPath
    // runtime error of the rule set is reported beside the schema errors,
    // as the KoSIT labels do.
    report.findings = std::move(schema_findings);
    for (const Finding& f : report.en16931_findings) {
      if (f.rule_id == kRuleSchematronProcessingError) {
        report.findings.push_back(f);
      }
    }
    return report;
  }
  report.findings = report.en16931_findings;
  if (IsXRechnungScenario(detection.scenario)) {
    const RuleContext context{*invoice, *doc};
    std::vector<Finding> xr = RunRuleSet(RuleSet::kXRechnung, context);
    report.findings.insert(report.findings.end(), xr.begin(), xr.end());
  }
  ApplyScenarioOverrides(detection.scenario, report.findings);
  report.accept = !HasError(report.findings);
  return report;
}

}  // namespace docintake::einvoice
