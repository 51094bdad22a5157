// TestPki's producers of revocation data: OCSP responses and CRLs.
#include <openssl/asn1t.h>
#include <openssl/ocsp.h>

#include "base/status_macros.h"
#include "tests/support/signing/internal/openssl_util.h"
#include "tests/support/signing/test_pki.h"

namespace docintake::testing::signing {
namespace {

using internal::Asn1IntegerPtr;
using internal::Asn1TimePtr;
using internal::OpenSslError;
using internal::ToAsn1Time;
using internal::ToGeneralizedTime;

template <typename T, int (*kI2d)(const T*, unsigned char**)>
absl::StatusOr<std::string> ToDer(const T* value, const char* what) {
  unsigned char* der = nullptr;
  const int len = kI2d(value, &der);
  if (len <= 0) return OpenSslError(what);
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

int OcspStatus(OcspSpec::Status status) {
  switch (status) {
    case OcspSpec::Status::kGood:
      return V_OCSP_CERTSTATUS_GOOD;
    case OcspSpec::Status::kRevoked:
      return V_OCSP_CERTSTATUS_REVOKED;
    case OcspSpec::Status::kUnknown:
      break;
  }
  return V_OCSP_CERTSTATUS_UNKNOWN;
}

// OCSP_basic_sign stamps producedAt with the wall clock; this sets it to
// `produced_at` and signs the response data again.
absl::Status SetProducedAt(OCSP_BASICRESP* basic, absl::Time produced_at,
                           EVP_PKEY* key) {
  auto* produced =
      const_cast<ASN1_GENERALIZEDTIME*>(OCSP_resp_get0_produced_at(basic));
  if (ASN1_GENERALIZEDTIME_set(
          produced, static_cast<time_t>(absl::ToUnixSeconds(produced_at))) ==
      nullptr) {
    return OpenSslError("producedAt");
  }
  if (ASN1_item_sign(
          ASN1_ITEM_rptr(OCSP_RESPDATA),
          const_cast<X509_ALGOR*>(OCSP_resp_get0_tbs_sigalg(basic)), nullptr,
          const_cast<ASN1_BIT_STRING*>(OCSP_resp_get0_signature(basic)),
          OCSP_resp_get0_respdata(basic), key, EVP_sha256()) <= 0) {
    return OpenSslError("re-signing the OCSP response");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> TestPki::MakeOcspResponse(
    const OcspSpec& spec) const {
  if (spec.subject == nullptr || spec.subject->issuer == nullptr) {
    return absl::InvalidArgumentError("OCSP: subject with issuer required");
  }
  const Credential* responder =
      spec.responder != nullptr ? spec.responder : ocsp_responder_.get();
  internal::OcspCertIdPtr id(OCSP_cert_to_id(
      EVP_sha1(), spec.subject->cert.get(), spec.subject->issuer->cert.get()));
  internal::OcspBasicPtr basic(OCSP_BASICRESP_new());
  Asn1TimePtr this_update = ToAsn1Time(spec.this_update);
  Asn1TimePtr next_update =
      spec.next_update.has_value() ? ToAsn1Time(*spec.next_update) : nullptr;
  Asn1TimePtr revoked_at = ToAsn1Time(spec.revocation_time);
  if (id == nullptr || basic == nullptr || this_update == nullptr) {
    return OpenSslError("OCSP structures");
  }
  const bool revoked = spec.status == OcspSpec::Status::kRevoked;
  if (OCSP_basic_add1_status(basic.get(), id.get(), OcspStatus(spec.status),
                             OCSP_REVOKED_STATUS_NOSTATUS,
                             revoked ? revoked_at.get() : nullptr,
                             this_update.get(), next_update.get()) == nullptr) {
    return OpenSslError("OCSP_basic_add1_status");
  }
  const unsigned long flags = spec.include_responder_cert ? 0 : OCSP_NOCERTS;
  if (OCSP_basic_sign(basic.get(), responder->cert.get(), responder->key.get(),
                      EVP_sha256(), nullptr, flags) != 1) {
    return OpenSslError("OCSP_basic_sign");
  }
  RETURN_IF_ERROR(
      SetProducedAt(basic.get(), spec.produced_at, responder->key.get()));
  internal::OcspResponsePtr response(
      OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
  if (response == nullptr) return OpenSslError("OCSP_response_create");
  return ToDer<OCSP_RESPONSE, i2d_OCSP_RESPONSE>(response.get(),
                                                 "i2d_OCSP_RESPONSE");
}

absl::StatusOr<std::string> TestPki::MakeCrl(const CrlSpec& spec) const {
  const Credential* issuer =
      spec.issuer != nullptr ? spec.issuer : intermediate_.get();
  internal::CrlPtr crl(X509_CRL_new());
  Asn1TimePtr this_update = ToAsn1Time(spec.this_update);
  Asn1TimePtr next_update =
      spec.next_update.has_value() ? ToAsn1Time(*spec.next_update) : nullptr;
  if (crl == nullptr || this_update == nullptr ||
      X509_CRL_set_version(crl.get(), X509_CRL_VERSION_2) != 1 ||
      X509_CRL_set_issuer_name(
          crl.get(), X509_get_subject_name(issuer->cert.get())) != 1 ||
      X509_CRL_set1_lastUpdate(crl.get(), this_update.get()) != 1 ||
      (next_update != nullptr &&
       X509_CRL_set1_nextUpdate(crl.get(), next_update.get()) != 1)) {
    return OpenSslError("CRL fields");
  }
  for (const CrlSpec::Entry& entry : spec.revoked) {
    internal::RevokedPtr revoked(X509_REVOKED_new());
    Asn1IntegerPtr serial(ASN1_INTEGER_new());
    Asn1TimePtr date = ToAsn1Time(entry.revocation_date);
    if (revoked == nullptr || serial == nullptr || date == nullptr ||
        ASN1_INTEGER_set(serial.get(), entry.serial) != 1 ||
        X509_REVOKED_set_serialNumber(revoked.get(), serial.get()) != 1 ||
        X509_REVOKED_set_revocationDate(revoked.get(), date.get()) != 1 ||
        X509_CRL_add0_revoked(crl.get(), revoked.get()) != 1) {
      return OpenSslError("CRL entry");
    }
    revoked.release();  // owned by the CRL now
  }
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, issuer->cert.get(), nullptr, nullptr, crl.get(), 0);
  internal::ExtensionPtr aki(X509V3_EXT_conf_nid(
      nullptr, &v3, NID_authority_key_identifier, "keyid:always"));
  Asn1IntegerPtr number(ASN1_INTEGER_new());
  if (aki == nullptr || number == nullptr ||
      X509_CRL_add_ext(crl.get(), aki.get(), -1) != 1 ||
      ASN1_INTEGER_set(number.get(), spec.crl_number) != 1 ||
      X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, number.get(), 0, 0) !=
          1 ||
      X509_CRL_sort(crl.get()) != 1 ||
      X509_CRL_sign(crl.get(), issuer->key.get(), EVP_sha256()) <= 0) {
    return OpenSslError("CRL extensions or signature");
  }
  return ToDer<X509_CRL, i2d_X509_CRL>(crl.get(), "i2d_X509_CRL");
}

}  // namespace docintake::testing::signing
