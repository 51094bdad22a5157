// Fills the EN 16931 model (invoice_model.h) from a parsed UBL 2.1 Invoice /
// CreditNote or CII CrossIndustryInvoice. The mapping never fails on content:
// missing, empty or malformed terms are recorded as such for the rules to
// judge. Thread-safe (the document is only read).
#ifndef DOCINTAKE_INTAKE_EINVOICE_INVOICE_PARSER_H_
#define DOCINTAKE_INTAKE_EINVOICE_INVOICE_PARSER_H_

#include "absl/status/statusor.h"
#include "intake/einvoice/invoice_model.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {

// The model of `doc`. INVALID_ARGUMENT if the document element is not one of
// the three EN 16931 roots (DetectSyntax gives kOther).
absl::StatusOr<Invoice> ParseInvoice(const XmlDocument& doc);

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_INVOICE_PARSER_H_
