// HasRevocationDataFor (revocation.h): matching OCSP CertIDs and CRL
// issuers against a certificate without verifying anything.
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <string>

#include "signature/trust/internal/x509_util.h"
#include "signature/trust/revocation.h"

namespace docintake::signature {
namespace {

using trust_internal::OcspBasicPtr;
using trust_internal::OcspResponsePtr;
using trust_internal::X509CrlPtr;
using trust_internal::X509Ptr;

// Whether one of the response's single responses names `cert`.
bool OcspNames(OCSP_BASICRESP* basic, X509* cert) {
  const ASN1_INTEGER* serial = X509_get0_serialNumber(cert);
  for (int i = 0; i < OCSP_resp_count(basic); ++i) {
    const OCSP_CERTID* id = OCSP_SINGLERESP_get0_id(OCSP_resp_get0(basic, i));
    ASN1_OCTET_STRING* name_hash = nullptr;
    ASN1_OBJECT* md_oid = nullptr;
    ASN1_INTEGER* id_serial = nullptr;
    if (OCSP_id_get0_info(&name_hash, &md_oid, nullptr, &id_serial,
                          const_cast<OCSP_CERTID*>(id)) != 1 ||
        ASN1_INTEGER_cmp(serial, id_serial) != 0) {
      continue;
    }
    const EVP_MD* md = EVP_get_digestbyobj(md_oid);
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (md != nullptr &&
        X509_NAME_digest(X509_get_issuer_name(cert), md, hash, &length) == 1 &&
        static_cast<int>(length) == ASN1_STRING_length(name_hash) &&
        std::equal(hash, hash + length, ASN1_STRING_get0_data(name_hash))) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool HasRevocationDataFor(absl::string_view cert_der,
                          const RevocationData& data) {
  const auto* p = reinterpret_cast<const unsigned char*>(cert_der.data());
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(cert_der.size())));
  if (cert == nullptr) return false;
  for (const std::string& der : data.ocsp_responses) {
    const auto* q = reinterpret_cast<const unsigned char*>(der.data());
    OcspResponsePtr response(
        d2i_OCSP_RESPONSE(nullptr, &q, static_cast<long>(der.size())));
    if (response == nullptr) continue;
    OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
    if (basic != nullptr && OcspNames(basic.get(), cert.get())) return true;
  }
  for (const std::string& der : data.crls) {
    const auto* q = reinterpret_cast<const unsigned char*>(der.data());
    X509CrlPtr crl(d2i_X509_CRL(nullptr, &q, static_cast<long>(der.size())));
    if (crl != nullptr &&
        X509_NAME_cmp(X509_CRL_get_issuer(crl.get()),
                      X509_get_issuer_name(cert.get())) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace docintake::signature
