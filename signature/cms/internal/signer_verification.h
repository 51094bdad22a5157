// Verification of a SignedData's single SignerInfo over given content
// (detached data or the eContent): messageDigest, the signature over the
// SignedAttributes as received and as DER, or over the content itself when
// there are none, and the ESS binding. Shared by PDF signatures and
// RFC 3161 tokens. Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_SIGNER_VERIFICATION_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_SIGNER_VERIFICATION_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "signature/cms/internal/signed_data.h"
#include "signature/cms/signature_integrity.h"

namespace docintake::signature::internal {

// `view` must be SignedData; more or fewer than one SignerInfo is a
// kFormatFailure.
IntegrityResult VerifySigner(const SignedDataView& view,
                             absl::Span<const absl::string_view> content);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_SIGNER_VERIFICATION_H_
