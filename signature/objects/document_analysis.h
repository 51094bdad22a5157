// AnalyzeDocument: everything a signature validation needs from PoDoFo in
// one forked child: the facts of the final revision and, per signed
// revision asked for, its facts and the classified changes made after it
// (as ReadPdfFacts, PermissionsForSignature and ClassifyChanges would give
// them one by one, but with the final document parsed once). Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_DOCUMENT_ANALYSIS_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_DOCUMENT_ANALYSIS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/pdf_objects_limits.h"

namespace docintake::signature {

struct RevisionRequest {
  // End of the signed revision (a prefix of the file).
  uint64_t end = 0;
  // The signature dictionary's object number (0: only the facts matter).
  uint32_t signature_object = 0;
};

// The final revision must parse (INVALID_ARGUMENT otherwise); a revision
// that does not gets its `error`. RESOURCE_EXHAUSTED when a limit is hit
// or the child dies.
absl::StatusOr<::docintake::internal::DocumentAnalysis> AnalyzeDocument(
    absl::string_view pdf, const std::vector<RevisionRequest>& requests,
    const PdfObjectsLimits& limits = PdfObjectsLimits());

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_DOCUMENT_ANALYSIS_H_
