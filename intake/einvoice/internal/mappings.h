// The syntax bindings of the EN 16931 model: UBL 2.1 (ubl_mapping.cc) and CII
// D16B (cii_mapping.cc). Each fills an Invoice from the document element of
// its syntax. Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_INTERNAL_MAPPINGS_H_
#define DOCINTAKE_INTAKE_EINVOICE_INTERNAL_MAPPINGS_H_

#include <utility>
#include <vector>

#include "intake/einvoice/invoice_model.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::internal {

// Files a mapped allowance or charge by its indicator: allowances (false),
// charges (true) or unclassified (missing or not a boolean). Both syntaxes.
inline void FileAllowanceCharge(AllowanceCharge ac,
                                std::vector<AllowanceCharge>* allowances,
                                std::vector<AllowanceCharge>* charges,
                                std::vector<AllowanceCharge>* unclassified) {
  if (!ac.charge_indicator.flag) {
    unclassified->push_back(std::move(ac));
  } else if (*ac.charge_indicator.flag) {
    charges->push_back(std::move(ac));
  } else {
    allowances->push_back(std::move(ac));
  }
}

// `root` is a ubl:Invoice or cn:CreditNote element.
Invoice MapUbl(const XmlElement& root, bool credit_note);
// `root` is an rsm:CrossIndustryInvoice element.
Invoice MapCii(const XmlElement& root);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_INTERNAL_MAPPINGS_H_
