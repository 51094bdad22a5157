// ChangePermissions: what a signature permits to change after it was made —
// the DocMDP level of the document's certification signature and the
// FieldMDP locks in force. PermissionsForSignature derives them from the
// facts of a revision (ReadPdfFacts). Plain value types.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_CHANGE_PERMISSIONS_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_CHANGE_PERMISSIONS_H_

#include <cstdint>
#include <vector>

#include "docintake/internal/pdf_facts.pb.h"

namespace docintake::signature {

struct ChangePermissions {
  // DocMDP /P of the certification signature: 1 no changes, 2 form filling
  // and signing, 3 also annotations; 0 = no certification (approval
  // signature: annotations, form filling, further signatures, validation
  // data and document timestamps). DSS data and document timestamps are
  // always allowed.
  int docmdp_p = 0;
  // FieldMDP locks (signature field /Lock, FieldMDP references): the fields
  // they name must not change.
  std::vector<::docintake::internal::FieldLock> locks;
};

// The permissions that govern changes after the signature whose /V
// dictionary is object `signature_object` in `facts` (the facts of its
// signed revision): the certification's /P when the document is certified
// (the certification being this signature or an earlier one in `facts`),
// plus this signature's field /Lock and FieldMDP references.
ChangePermissions PermissionsForSignature(
    const ::docintake::internal::PdfFacts& facts, uint32_t signature_object);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_CHANGE_PERMISSIONS_H_
