// OpenSSL helpers shared by the trust code: owned handle types, DER
// (de)serialisation, names, times, key comparison. Everything here converts
// OpenSSL's conventions (NULL, int results, error queue) into absl values.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_X509_UTIL_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_X509_UTIL_H_

#include <openssl/ocsp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "base/owned.h"

namespace docintake::signature::trust_internal {

using X509Ptr = base::Owned<X509, X509_free>;
using X509CrlPtr = base::Owned<X509_CRL, X509_CRL_free>;
using X509StorePtr = base::Owned<X509_STORE, X509_STORE_free>;
using X509StoreCtxPtr = base::Owned<X509_STORE_CTX, X509_STORE_CTX_free>;
using OcspResponsePtr = base::Owned<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using OcspBasicPtr = base::Owned<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspCertIdPtr = base::Owned<OCSP_CERTID, OCSP_CERTID_free>;

struct X509StackFree {
  void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackFree>;

// Parses exactly one DER certificate (trailing bytes are an error).
absl::StatusOr<X509Ptr> ParseCertificateDer(absl::string_view der);
// Certificates in PEM text (one or more) or a single DER certificate.
absl::StatusOr<std::vector<X509Ptr>> ParseCertificates(absl::string_view data);

std::string CertificateDer(const X509* cert);
std::string SubjectDer(const X509* cert);
std::string PublicKeyDer(const X509* cert);  // SubjectPublicKeyInfo
// Subject and public key equal: the same certificate "identity".
bool SameSubjectAndKey(const X509* a, const X509* b);
// RFC 2253 rendering of a name.
std::string NameToString(const X509_NAME* name);
std::string SerialHex(const X509* cert);
std::string Sha256Hex(const X509* cert);

absl::StatusOr<absl::Time> AsnTimeToTime(const ASN1_TIME* t);
time_t ToTimeT(absl::Time t);

// The key usage bit mask (KU_* of x509v3.h) and whether the extension is
// present at all.
struct KeyUsage {
  bool present = false;
  uint32_t bits = 0;
};
KeyUsage GetKeyUsage(X509* cert);
// True if the certificate has an extendedKeyUsage containing `nid`.
bool HasExtendedKeyUsage(X509* cert, int nid);

// The OpenSSL error queue as one line (and clears it).
std::string TakeOpenSslErrors();

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_X509_UTIL_H_
