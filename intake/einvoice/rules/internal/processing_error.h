// Detects the inputs on which the official EN 16931 Schematron raises an
// XPath runtime error and aborts the whole rule set (reported by KoSIT as
// SCHEMATRON-PROCESSING-ERROR): a charge indicator that is not castable to
// xs:boolean (UBL cbc:ChargeIndicator, CII ram:ChargeIndicator/udt:Indicator
// anywhere in the document). Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_PROCESSING_ERROR_H_
#define DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_PROCESSING_ERROR_H_

#include <string>

#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// The location of the first offending element, or "" if there is none.
std::string FindBooleanCastError(const XmlDocument& document);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_RULES_INTERNAL_PROCESSING_ERROR_H_
