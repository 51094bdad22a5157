#include "signature/internal/level.h"

#include "absl/strings/match.h"

namespace docintake::signature {

v1::SignatureValidation::Level PadesLevel(const LevelFacts& facts) {
  using Validation = v1::SignatureValidation;
  if (facts.document_timestamp) return Validation::NO_LEVEL;
  if (!facts.parsed) return Validation::LEVEL_UNSPECIFIED;
  const bool timestamped =
      facts.has_signature_timestamp || facts.covered_by_document_timestamp;
  if (absl::StartsWith(facts.sub_filter, "adbe.pkcs7.")) {
    if (timestamped) return Validation::PKCS7_T;
    return facts.has_signed_attributes ? Validation::PKCS7
                                       : Validation::PDF_NOT_ETSI;
  }
  if (!facts.has_ess_signing_certificate) return Validation::BES;
  if (!timestamped) return Validation::B_B;
  if (!facts.has_validation_data) return Validation::B_T;
  return facts.validation_data_timestamped ? Validation::B_LTA
                                           : Validation::B_LT;
}

}  // namespace docintake::signature
