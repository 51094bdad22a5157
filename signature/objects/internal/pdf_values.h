// Small readers of PoDoFo values used by the facts and change code: names,
// integers, text strings, canonical serializations and stream contents.
// They never throw for a value of the wrong type (they return empty); PoDoFo
// itself may still throw while decoding streams. Inside the worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PDF_VALUES_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PDF_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "podofo/base/PdfObject.h"

namespace docintake::signature::internal_objects {

// The name's text, or "" for anything else (also null).
std::string NameOf(const PoDoFo::PdfObject* object);
// An integer (reals are not integers), or nullopt.
std::optional<int64_t> IntegerOf(const PoDoFo::PdfObject* object);
// A string's text as UTF-8, or "".
std::string TextOf(const PoDoFo::PdfObject* object);
// Object number of a reference, 0 otherwise.
uint32_t ReferencedNumber(const PoDoFo::PdfObject* object);

// A canonical text of the value (references as "n g R", strings by their
// bytes whether literal or hex, dictionary keys sorted; no stream).
std::string Serialize(const PoDoFo::PdfObject& object);
// Serialize() plus a digest of the raw (still encoded) stream bytes:
// equal fingerprints mean the objects are the same.
std::string Fingerprint(const PoDoFo::PdfObject& object);

// The decoded stream bytes; RESOURCE_EXHAUSTED beyond `max_bytes`,
// INVALID_ARGUMENT when `object` has no stream.
absl::StatusOr<std::string> DecodedStream(const PoDoFo::PdfObject& object,
                                          uint64_t max_bytes);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PDF_VALUES_H_
