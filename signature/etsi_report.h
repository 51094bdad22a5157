// EtsiValidationReport: a signature report as an ETSI TS 119 102-2 XML
// validation report (namespace http://uri.etsi.org/19102/v1.2.1#): one
// SignatureValidationReport per signature and document timestamp, with its
// identifier, validation time, signing time, signer, qualification and
// status (main and sub-indication as ETSI URIs, plus our findings as
// messages). Pure function; the output is UTF-8.
#ifndef DOCINTAKE_SIGNATURE_ETSI_REPORT_H_
#define DOCINTAKE_SIGNATURE_ETSI_REPORT_H_

#include <string>

#include "docintake/v1/signature.pb.h"

namespace docintake::signature {

std::string EtsiValidationReport(const v1::SignatureReport& report);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_ETSI_REPORT_H_
