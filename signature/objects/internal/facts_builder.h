// BuildPdfFacts: collects the PdfFacts of a parsed revision (page count,
// signature fields, certification, locks, DSS, orphaned signature
// dictionaries). Worker only; may throw PoDoFo's PdfError (run it under
// GuardPodofo).
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_FACTS_BUILDER_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_FACTS_BUILDER_H_

#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/internal/podofo_document.h"
#include "signature/objects/pdf_objects_limits.h"

namespace docintake::signature::internal_objects {

::docintake::internal::PdfFacts BuildPdfFacts(const PodofoDocument& doc,
                                              const PdfObjectsLimits& limits);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_FACTS_BUILDER_H_
