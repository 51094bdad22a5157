// ReadDss: the Document Security Store (/Root /DSS) of one revision into the
// PdfFacts message — decoded /Certs, /OCSPs, /CRLs streams and the /VRI
// entries. Total decoded bytes are capped; oddities become warnings.
// Worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DSS_READER_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DSS_READER_H_

#include <cstdint>

#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature::internal_objects {

// Fills facts->dss (present iff the catalog has a /DSS dictionary) and
// facts->warnings.
void ReadDss(const PodofoDocument& doc, uint64_t max_decoded_bytes,
             ::docintake::internal::PdfFacts* facts);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DSS_READER_H_
