// PadesLevel: the level of a signature as EN 319 142-1 and the DSS library
// name it, from what the signature and the document carry. B-B needs an ESS
// signing-certificate(-v2) attribute (without it: legacy BES); B-T a
// signature timestamp or a document timestamp over the signature; B-LT
// revocation data for the signer in the DSS dictionary; B-LTA a document
// timestamp over that data. Legacy
// adbe.pkcs7.* signatures are PKCS7_T with a timestamp, else PKCS7, or
// PDF_NOT_ETSI without signed attributes. Pure function.
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_LEVEL_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_LEVEL_H_

#include <string>

#include "docintake/v1/signature.pb.h"

namespace docintake::signature {

struct LevelFacts {
  bool document_timestamp = false;
  std::string sub_filter;
  // The CMS could be parsed (otherwise the level is unknown).
  bool parsed = false;
  bool has_signed_attributes = false;
  bool has_ess_signing_certificate = false;
  bool has_signature_timestamp = false;
  // A later document timestamp covers this signature.
  bool covered_by_document_timestamp = false;
  // Revocation data for the signer certificate is in the DSS.
  bool has_validation_data = false;
  // A document timestamp covers the revision that added that data.
  bool validation_data_timestamped = false;
};

v1::SignatureValidation::Level PadesLevel(const LevelFacts& facts);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_LEVEL_H_
