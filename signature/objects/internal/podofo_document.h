// PodofoDocument: one revision of a PDF (a byte prefix) parsed by PoDoFo's
// PdfParser into memory, with bounded lookups by object number and
// reference. Only for use inside a RunInChild worker: PoDoFo may throw,
// crash or loop on hostile input. Load() turns every PoDoFo exception into a
// status; accessors may still throw PoDoFo's PdfError (callers wrap their
// whole work in GuardPodofo). Not thread-safe; not copyable.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PODOFO_DOCUMENT_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PODOFO_DOCUMENT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "podofo/base/PdfObject.h"
#include "podofo/base/PdfParser.h"
#include "podofo/base/PdfVecObjects.h"
#include "signature/objects/pdf_objects_limits.h"

namespace docintake::signature::internal_objects {

class PodofoDocument {
 public:
  // Parses [0, end) of `pdf` (all objects at once). INVALID_ARGUMENT when
  // PoDoFo rejects the bytes, RESOURCE_EXHAUSTED above limits.max_objects.
  static absl::StatusOr<std::unique_ptr<PodofoDocument>> Load(
      absl::string_view pdf, uint64_t end, const PdfObjectsLimits& limits);

  PodofoDocument(const PodofoDocument&) = delete;
  PodofoDocument& operator=(const PodofoDocument&) = delete;
  ~PodofoDocument();

  // The trailer dictionary and /Root (null if missing or not a dictionary).
  const PoDoFo::PdfObject* Trailer() const;
  const PoDoFo::PdfObject* Root() const;
  // The indirect object with this number (any generation), or null.
  const PoDoFo::PdfObject* Object(uint32_t number) const;
  // Follows a reference (also chains of references to references, bounded);
  // a non-reference is returned as is; null for a dangling reference.
  const PoDoFo::PdfObject* Resolve(const PoDoFo::PdfObject* object) const;
  // dict[key] resolved; null if `dict` is not a dictionary or has no key.
  const PoDoFo::PdfObject* Get(const PoDoFo::PdfObject* dict,
                               const char* key) const;
  // Every indirect object by number.
  const std::map<uint32_t, const PoDoFo::PdfObject*>& objects() const {
    return by_number_;
  }
  int incremental_updates() const { return incremental_updates_; }
  uint64_t parsed_length() const { return parsed_length_; }

 private:
  PodofoDocument() = default;

  // Declared before parser_: the parser refers to it and dies first.
  PoDoFo::PdfVecObjects vec_;
  std::unique_ptr<PoDoFo::PdfParser> parser_;
  std::map<uint32_t, const PoDoFo::PdfObject*> by_number_;
  int incremental_updates_ = 0;
  uint64_t parsed_length_ = 0;
};

// Runs `work` and turns PoDoFo's PdfError and any other exception into
// INVALID_ARGUMENT naming `what`.
absl::StatusOr<std::string> GuardPodofo(
    const char* what, const std::function<absl::StatusOr<std::string>()>& work);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_PODOFO_DOCUMENT_H_
