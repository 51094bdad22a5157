// The checks of one signature dictionary of a PDF, in EN 319 102-1 order:
// format (ByteRange, /Contents, CMS structure), signing certificate,
// cryptographic verification, X.509 validation at the best signature time,
// plus PAdES level, changes after signing and qualification. Document
// timestamps (ETSI.RFC3161) go through the same format and integrity checks
// with the time-stamp token's own chain. Not thread-safe (Document caches).
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_CHECKS_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_CHECKS_H_

#include <cstddef>

#include "absl/time/time.h"
#include "docintake/v1/signature.pb.h"
#include "signature/internal/document.h"
#include "signature/trust/chain_validator.h"
#include "signature/trust/revocation_fetcher.h"
#include "signature/trust/trust_store.h"

namespace docintake::signature {

struct CheckContext {
  Document& doc;
  const TrustStore& trust;
  const ChainValidator& chains;
  absl::Time validation_time;
  // Online OCSP/CRL for what the document does not cover (null: offline).
  RevocationFetcher* fetcher = nullptr;
};

// Validates document timestamp raw()[i] and, if it verifies, records it in
// doc.document_timestamps() so that signatures it covers gain its time.
v1::SignatureValidation CheckDocumentTimestamp(CheckContext& context, size_t i);

// Validates signature raw()[i]; the document timestamps must be checked
// first.
v1::SignatureValidation CheckSignature(CheckContext& context, size_t i);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_CHECKS_H_
