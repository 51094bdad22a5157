// ReadPdfFacts: the document facts of one revision of a PDF as PoDoFo 0.9.8
// sees them — page count, signature fields and their dictionaries, the
// certification (/Perms /DocMDP), FieldMDP locks, the DSS and orphaned
// signature dictionaries. PoDoFo runs in a forked child (RunInChild), so
// hostile input costs a child, never the caller. Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_PDF_FACTS_READER_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_PDF_FACTS_READER_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/pdf_objects_limits.h"

namespace docintake::signature {

// Parses the prefix [0, end) of `pdf` (end > size: the whole file) and
// returns its facts. PoDoFo has no per-revision API: the prefix ending at a
// revision's %%EOF is that revision. A trailer with /Prev 0 makes PoDoFo
// drop older revisions — the facts show what PoDoFo sees; callers count
// revisions in the raw bytes. Errors: INVALID_ARGUMENT when PoDoFo cannot
// parse the bytes, RESOURCE_EXHAUSTED when a limit is hit or the child dies.
absl::StatusOr<::docintake::internal::PdfFacts> ReadPdfFacts(
    absl::string_view pdf, uint64_t end,
    const PdfObjectsLimits& limits = PdfObjectsLimits());

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_PDF_FACTS_READER_H_
