// ClassifyChanges: compares the object graph of a signed revision (the
// prefix [0, signed_end)) with the final document and classifies every
// object added, changed or removed by later incremental updates: NONE (no
// later revision), ALLOWED (validation data, document timestamps, further
// signatures, form filling and annotations as far as the permissions go),
// DISALLOWED (page content, page tree, resources, earlier signature
// dictionaries, locked fields, appearances of signed fields — shadow
// attacks) or SUSPICIOUS (changes that cannot be classified). PoDoFo runs
// in a forked child (RunInChild). Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_CHANGE_CLASSIFIER_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_CHANGE_CLASSIFIER_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/change_permissions.h"
#include "signature/objects/pdf_objects_limits.h"

namespace docintake::signature {

// Returns the verdict (the worst finding) and one plain-English reason per
// finding, naming object numbers. Only whitespace after `signed_end` is
// NONE. Errors: INVALID_ARGUMENT when signed_end is 0 or beyond the file or
// PoDoFo cannot parse either revision, RESOURCE_EXHAUSTED when a limit is
// hit or the child dies. Callers treat an error as "not allowed".
absl::StatusOr<::docintake::internal::ChangeVerdict> ClassifyChanges(
    absl::string_view pdf, uint64_t signed_end,
    const ChangePermissions& permissions,
    const PdfObjectsLimits& limits = PdfObjectsLimits());

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_CHANGE_CLASSIFIER_H_
