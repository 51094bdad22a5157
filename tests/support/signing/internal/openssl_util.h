// OpenSSL plumbing shared by the signing test support: owning handle types,
// error collection, DER building blocks and time conversion. Internal to
// tests/support/signing. Stateless; thread-compatible.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_OPENSSL_UTIL_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_OPENSSL_UTIL_H_

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "base/owned.h"

namespace docintake::testing::signing::internal {

using base::Owned;
using Asn1IntegerPtr = Owned<ASN1_INTEGER, ASN1_INTEGER_free>;
using Asn1ObjectPtr = Owned<ASN1_OBJECT, ASN1_OBJECT_free>;
using Asn1OctetStringPtr = Owned<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>;
using Asn1TimePtr = Owned<ASN1_TIME, ASN1_TIME_free>;
using GeneralizedTimePtr =
    Owned<ASN1_GENERALIZEDTIME, ASN1_GENERALIZEDTIME_free>;
using BioPtr = Owned<BIO, BIO_free>;
using CmsPtr = Owned<CMS_ContentInfo, CMS_ContentInfo_free>;
using CrlPtr = Owned<X509_CRL, X509_CRL_free>;
using ExtensionPtr = Owned<X509_EXTENSION, X509_EXTENSION_free>;
using MdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using PkeyCtxPtr = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using X509Ptr = Owned<X509, X509_free>;
using RevokedPtr = Owned<X509_REVOKED, X509_REVOKED_free>;
using OcspBasicPtr = Owned<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspCertIdPtr = Owned<OCSP_CERTID, OCSP_CERTID_free>;
using OcspResponsePtr = Owned<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using TstInfoPtr = Owned<TS_TST_INFO, TS_TST_INFO_free>;
using MsgImprintPtr = Owned<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>;
using AlgorPtr = Owned<X509_ALGOR, X509_ALGOR_free>;
using EcdsaSigPtr = Owned<ECDSA_SIG, ECDSA_SIG_free>;

// sk_X509_free is a macro; this owns the stack, not the certificates.
struct CertStackFree {
  void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
};
using CertStackPtr = std::unique_ptr<STACK_OF(X509), CertStackFree>;

// INTERNAL error "<what>: <OpenSSL error queue>"; drains the queue.
absl::Status OpenSslError(absl::string_view what);

// Time conversion; whole seconds.
Asn1TimePtr ToAsn1Time(absl::Time t);
GeneralizedTimePtr ToGeneralizedTime(absl::Time t);

// DER encodings of `x` with i2d_* (empty on failure).
std::string CertDer(const X509* cert);
std::string CertPem(const X509* cert);

// DER building blocks: a TLV with a one-byte `tag`, and an OID from its
// dotted form (the full TLV).
std::string DerTlv(unsigned char tag, absl::string_view content);
std::string DerOid(const char* dotted);
std::string DerSequence(const std::vector<std::string>& items);

// The EVP_MD for "sha1", "sha256", ... (never null for known names).
const EVP_MD* DigestByName(absl::string_view name);
// Digest of `data` with `md`.
absl::StatusOr<std::string> Digest(const EVP_MD* md, absl::string_view data);

}  // namespace docintake::testing::signing::internal

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_OPENSSL_UTIL_H_
