// Revisions of a PDF from its raw bytes: each revision (the original and
// every incremental update) ends with an "%%EOF" marker. Only markers the
// tokenizer sees as comments count, not the text "%%EOF" inside a string or
// stream data. Stateless; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_PDF_REVISIONS_H_
#define DOCINTAKE_SIGNATURE_PDF_REVISIONS_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::signature {

// Offsets one past each "%%EOF" plus the end of line right after it (CR, LF
// or CRLF; none at the end of the file), ascending: where a revision ends and
// where a signature's ByteRange may end. INVALID_ARGUMENT as for
// FindRawSignatures (the scan is the same).
absl::StatusOr<std::vector<size_t>> RevisionEnds(absl::string_view pdf);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_PDF_REVISIONS_H_
