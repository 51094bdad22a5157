// UTCTime and GeneralizedTime (X.680 §46/§47, as CMS signingTime and
// TSTInfo.genTime use them) to absl::Time. Accepts the DER forms ("Z") and
// the BER variants seen in the wild: no seconds (UTCTime), local offsets
// (+hhmm / -hhmm) and fractional seconds. Thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_INTERNAL_ASN1_TIME_H_
#define DOCINTAKE_SIGNATURE_CMS_INTERNAL_ASN1_TIME_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {

// INVALID_ARGUMENT unless `tlv` is a well-formed UTCTime or GeneralizedTime.
absl::StatusOr<absl::Time> ParseAsn1Time(const der::Tlv& tlv);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_CMS_INTERNAL_ASN1_TIME_H_
