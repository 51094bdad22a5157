// Readers for signature dictionaries (/Type, /SubFilter, /ByteRange,
// /Reference transforms) and FieldMDP /Lock dictionaries into the
// PdfFacts messages, plus the test for "looks like a signature dictionary"
// used to find orphans. Worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_SIGNATURE_DICTIONARY_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_SIGNATURE_DICTIONARY_H_

#include <cstdint>

#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature::internal_objects {

// Fills `out` from the signature dictionary `dict` (object `number`, 0 if
// direct).
void ReadSignatureDictionary(const PodofoDocument& doc,
                             const PoDoFo::PdfObject& dict, uint32_t number,
                             ::docintake::internal::SignatureDictionary* out);

// Fills `out` from a /Lock or FieldMDP /TransformParams dictionary.
void ReadFieldLock(const PodofoDocument& doc, const PoDoFo::PdfObject& dict,
                   ::docintake::internal::FieldLock* out);

// A dictionary with /Type /Sig or /DocTimeStamp, or with a /ByteRange.
bool LooksLikeSignatureDictionary(const PodofoDocument& doc,
                                  const PoDoFo::PdfObject& object);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_SIGNATURE_DICTIONARY_H_
