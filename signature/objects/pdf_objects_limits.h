// Limits for the PoDoFo adapter of signature/objects/: every call parses
// untrusted PDF bytes in a forked child (base::RunInChild) bounded by these
// values. Plain value type.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_PDF_OBJECTS_LIMITS_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_PDF_OBJECTS_LIMITS_H_

#include <cstdint>

#include "absl/time/time.h"

namespace docintake::signature {

struct PdfObjectsLimits {
  // Wall clock (and CPU time) of the child.
  absl::Duration deadline = absl::Seconds(30);
  // Address-space limit of the child.
  uint64_t max_memory_bytes = uint64_t{2} << 30;
  // More objects than this in one parsed revision is RESOURCE_EXHAUSTED.
  uint32_t max_objects = 200000;
  // Decoded bytes of DSS streams kept in the facts; beyond it, a warning.
  uint64_t max_decoded_bytes = uint64_t{256} << 20;
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_PDF_OBJECTS_LIMITS_H_
