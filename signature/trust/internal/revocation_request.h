// Where a certificate's revocation data is published and the OCSP protocol
// pieces for fetching it: the AIA OCSP and CRL distribution point URIs (in
// certificate order), OCSP requests (SHA-1 CertID, optional nonce), and
// first checks on what came back (one DER object, OCSP status successful,
// an echoed nonce equals ours). Signatures and times are not checked here:
// RevocationChecker does that. Pure functions; thread-safe.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_REVOCATION_REQUEST_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_REVOCATION_REQUEST_H_

#include <openssl/ocsp.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/owned.h"
#include "signature/trust/internal/x509_util.h"

namespace docintake::signature::trust_internal {

using OcspRequestPtr = base::Owned<OCSP_REQUEST, OCSP_REQUEST_free>;

// The accessLocation URIs of the id-ad-ocsp entries of the Authority
// Information Access extension; empty if there are none.
std::vector<std::string> OcspUrls(X509* cert);
// The URIs of the fullName of every CRL distribution point; empty if none.
std::vector<std::string> CrlUrls(X509* cert);

// An OCSP request for `cert` issued by `issuer` (CertID with SHA-1, as
// RFC 5019 responders expect), with a nonce extension if `nonce` is not
// empty (RFC 8954: 1 to 32 bytes; InvalidArgument otherwise).
absl::StatusOr<OcspRequestPtr> MakeOcspRequest(X509* cert, X509* issuer,
                                               absl::string_view nonce);
std::string OcspRequestDer(OCSP_REQUEST* request);

// OK if `response_der` is exactly one DER OCSPResponse with responseStatus
// successful and a basic response which, if it carries a nonce, carries the
// one of `request`. InvalidArgument: not an OCSP response, a nonce
// mismatch; Unavailable: the responder answered tryLater, internalError,
// unauthorized, ... (named in the message).
absl::Status CheckOcspResponse(absl::string_view response_der,
                               OCSP_REQUEST* request);

// One DER CertificateList from a DER or PEM ("X509 CRL") body; trailing
// bytes after a DER CRL are refused. InvalidArgument otherwise.
absl::StatusOr<std::string> CrlToDer(absl::string_view body);

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_REVOCATION_REQUEST_H_
