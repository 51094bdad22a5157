// ClassifyModelChanges: the change rules. Compares the role-annotated object
// graphs of a signed revision and of the final document and judges every
// added, changed or removed object against the permissions (DocMDP level,
// FieldMDP locks). Worker only; may throw PoDoFo's PdfError.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_RULES_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_RULES_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/change_permissions.h"
#include "signature/objects/internal/document_model.h"

namespace docintake::signature::internal_objects {

// Whether only white space (or NUL padding) follows the signed revision:
// then nothing was changed after it.
bool NothingAfter(absl::string_view pdf, uint64_t signed_end);

// The verdict for NothingAfter.
::docintake::internal::ChangeVerdict NoChanges();

::docintake::internal::ChangeVerdict ClassifyModelChanges(
    const DocumentModel& signed_revision, const DocumentModel& final_revision,
    const ChangePermissions& permissions);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_RULES_H_
