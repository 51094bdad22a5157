// DecideWrittenForm: whether a document can stand in for a handwritten
// signature (DOMAIN.md §2: § 3a VwVfG, § 126a BGB), from its signature
// report and how it arrived. Three substitutes count:
//  - QES: every signature of the PDF TOTAL_PASSED, each a qualified
//    electronic signature (QESIG) whose anchors come from EU trusted lists,
//    and nothing changed after signing but validation data and timestamps
//    (an indeterminate document timestamp takes nothing away);
//  - EID_FORM: a portal submission identified with eID at level HIGH;
//  - DE_MAIL: a De-Mail with sender confirmation, asserted by the channel.
// A broken signature (TOTAL_FAILED, ByteRange not covering its revision,
// disallowed changes) is NOT_SATISFIED; anything else unclear is
// NEEDS_REVIEW, never SATISFIED. Pure function.
#ifndef DOCINTAKE_SIGNATURE_WRITTEN_FORM_H_
#define DOCINTAKE_SIGNATURE_WRITTEN_FORM_H_

#include "docintake/v1/record.pb.h"
#include "docintake/v1/signature.pb.h"

namespace docintake::signature {

// `signatures` may be empty (not a PDF, or no signature in it).
v1::WrittenForm DecideWrittenForm(const google::protobuf::RepeatedPtrField<
                                      v1::SignatureValidation>& signatures,
                                  const v1::IntakeFacts& intake);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_WRITTEN_FORM_H_
