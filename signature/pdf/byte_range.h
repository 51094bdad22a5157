// The /ByteRange check of one signature against the raw file (DOMAIN.md §3,
// corpus README column `coverage`): exactly four non-negative integers,
// BR[0] == 0, the gap exactly this dictionary's /Contents hex string, both
// ranges inside the file and not overlapping; the signed bytes then end at
// the end of the file, at the end of an earlier revision, or elsewhere
// (partial). Stateless; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_PDF_BYTE_RANGE_H_
#define DOCINTAKE_SIGNATURE_PDF_BYTE_RANGE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "signature/pdf/raw_signature.h"

namespace docintake::signature {

enum class Coverage { kEntireFile, kEntireRevision, kPartial, kInvalid };

// "entire_file", "entire_revision", "partial", "invalid" (the corpus terms).
absl::string_view CoverageName(Coverage coverage);

struct ByteRangeCoverage {
  Coverage coverage = Coverage::kInvalid;
  // BR[2] + BR[3] when the ByteRange has four non-negative integers (even if
  // it is invalid otherwise, e.g. beyond the end of the file).
  std::optional<uint64_t> signed_end;
  // Index into RevisionEnds() of the revision the signed bytes end with
  // (entire_file, entire_revision) or inside (partial); nullopt if none.
  std::optional<size_t> revision;
  // Plain-English findings; empty exactly for entire_file / entire_revision.
  std::vector<std::string> problems;
};

// Checks `sig` (found in `pdf`) against `pdf` and its `revision_ends`
// (RevisionEnds(pdf)).
ByteRangeCoverage CheckByteRange(absl::string_view pdf, const RawSignature& sig,
                                 const std::vector<size_t>& revision_ends);

// The bytes a ByteRange selects: pdf[BR[0], BR[0]+BR[1]) followed by
// pdf[BR[2], BR[2]+BR[3]). INVALID_ARGUMENT unless it is four non-negative
// integers with both ranges inside `pdf`, in order and not overlapping.
absl::StatusOr<std::string> SignedBytes(absl::string_view pdf,
                                        const std::vector<int64_t>& byte_range);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_PDF_BYTE_RANGE_H_
