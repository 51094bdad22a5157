// The checks of RFC 3161 time-stamp tokens: a signature's timestamps and
// the PDF's document timestamps (ETSI.RFC3161), each with its imprint, its
// own CMS signature and its TSA's chain. Not thread-safe (Document caches).
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_TIMESTAMP_CHECKS_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_TIMESTAMP_CHECKS_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "docintake/v1/signature.pb.h"
#include "signature/internal/checks.h"

namespace docintake::signature {

// Validates one token over `covered`; its TSA chain at the validation time.
// Sets `poe` to genTime when the token is intact, and `chain_out` (if
// given) to the TSA's chain.
v1::TimestampValidation CheckToken(CheckContext& context, absl::string_view der,
                                   absl::Span<const absl::string_view> covered,
                                   v1::TimestampValidation::Kind kind,
                                   std::optional<absl::Time>& poe,
                                   ChainResult* chain_out = nullptr);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_TIMESTAMP_CHECKS_H_
