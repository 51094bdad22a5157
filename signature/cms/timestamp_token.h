// RFC 3161 TimeStampTokens (a CMS SignedData over a TSTInfo): the facts
// (genTime, policy, serial, message imprint, TSA certificate) and their
// integrity — the token's own CMS signature, and its imprint against the
// data it should cover (for a signature timestamp the SignerInfo signature
// value, for a document timestamp the /ByteRange bytes; a document
// timestamp's /Contents is the token itself). No path validation. Pure
// functions; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_CMS_TIMESTAMP_TOKEN_H_
#define DOCINTAKE_SIGNATURE_CMS_TIMESTAMP_TOKEN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "signature/cms/signature_integrity.h"

namespace docintake::signature {

struct TimestampToken {
  absl::Time gen_time;
  std::string policy_oid;
  std::string serial_number;  // big-endian magnitude
  std::string imprint_algorithm_oid;
  std::string imprint_algorithm;               // "SHA256" etc.; "" if unknown
  std::string imprint;                         // hashedMessage
  std::optional<std::string> tsa_certificate;  // DER, the token's signer
  std::vector<std::string> certificates;       // all, DER
};

// Parses the ContentInfo at the start of `der` (padding after it ignored).
// INVALID_ARGUMENT, naming the field, unless it is a SignedData with an
// id-ct-TSTInfo content and a well-formed TSTInfo.
absl::StatusOr<TimestampToken> ParseTimestampToken(absl::string_view der);

// Verifies the token at the start of `der`: kHashFailure if its imprint is
// not the hash of the concatenation of `covered`; otherwise the integrity of
// its CMS signature over the TSTInfo (as VerifySignatureIntegrity, incl.
// the ESS binding to the TSA certificate). Never fails.
IntegrityResult VerifyTimestampToken(
    absl::string_view der, absl::Span<const absl::string_view> covered);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_CMS_TIMESTAMP_TOKEN_H_
