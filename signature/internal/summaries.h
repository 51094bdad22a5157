// Report pieces from the trust module's results: certificate summaries,
// revocation statuses, and the EN 319 102-1 indication of a chain status.
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_SUMMARIES_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_SUMMARIES_H_

#include "docintake/v1/signature.pb.h"
#include "signature/trust/chain_validator.h"
#include "signature/trust/qualification.h"

namespace docintake::signature {

v1::CertificateSummary Summary(const ChainCertificate& certificate);
v1::RevocationStatus Revocation(const ChainCertificate& certificate);

// The chain, signer first, and the revocation of each certificate.
void AddChain(
    const ChainResult& chain,
    google::protobuf::RepeatedPtrField<v1::CertificateSummary>& out,
    google::protobuf::RepeatedPtrField<v1::RevocationStatus>* revocation);

v1::Indication ChainIndicationOf(ChainStatus status);
v1::SubIndication ChainSubIndicationOf(ChainStatus status);

v1::SignatureValidation::Qualification ToProto(SignatureQualification q);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_SUMMARIES_H_
