#include "signature/trust/internal/revocation_request.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace docintake::signature::trust_internal {
namespace {

using AiaPtr = base::Owned<AUTHORITY_INFO_ACCESS, AUTHORITY_INFO_ACCESS_free>;
using CdpPtr = base::Owned<CRL_DIST_POINTS, CRL_DIST_POINTS_free>;
using BioPtr = base::Owned<BIO, BIO_free>;

constexpr size_t kMaxNonceBytes = 32;

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

void AppendUri(const GENERAL_NAME* name, std::vector<std::string>& out) {
  if (name == nullptr || name->type != GEN_URI) return;
  const ASN1_IA5STRING* uri = name->d.uniformResourceIdentifier;
  out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                   static_cast<size_t>(ASN1_STRING_length(uri)));
}

}  // namespace

std::vector<std::string> OcspUrls(X509* cert) {
  std::vector<std::string> urls;
  AiaPtr aia(static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr)));
  for (int i = 0; aia != nullptr && i < sk_ACCESS_DESCRIPTION_num(aia.get());
       ++i) {
    const ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia.get(), i);
    if (OBJ_obj2nid(ad->method) == NID_ad_OCSP) AppendUri(ad->location, urls);
  }
  ERR_clear_error();
  return urls;
}

std::vector<std::string> CrlUrls(X509* cert) {
  std::vector<std::string> urls;
  CdpPtr points(static_cast<CRL_DIST_POINTS*>(
      X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr)));
  for (int i = 0; points != nullptr && i < sk_DIST_POINT_num(points.get());
       ++i) {
    const DIST_POINT* point = sk_DIST_POINT_value(points.get(), i);
    if (point->distpoint == nullptr || point->distpoint->type != 0) continue;
    const GENERAL_NAMES* names = point->distpoint->name.fullname;
    for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
      AppendUri(sk_GENERAL_NAME_value(names, j), urls);
    }
  }
  ERR_clear_error();
  return urls;
}

absl::StatusOr<OcspRequestPtr> MakeOcspRequest(X509* cert, X509* issuer,
                                               absl::string_view nonce) {
  if (nonce.size() > kMaxNonceBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("an OCSP nonce has at most ", kMaxNonceBytes, " bytes"));
  }
  OcspRequestPtr request(OCSP_REQUEST_new());
  OcspCertIdPtr id(OCSP_cert_to_id(EVP_sha1(), cert, issuer));
  if (request == nullptr || id == nullptr ||
      OCSP_request_add0_id(request.get(), id.get()) == nullptr) {
    return absl::InternalError(
        absl::StrCat("building the OCSP request: ", TakeOpenSslErrors()));
  }
  (void)id.release();  // owned by the request now
  if (!nonce.empty() &&
      OCSP_request_add1_nonce(request.get(),
                              const_cast<unsigned char*>(Bytes(nonce)),
                              static_cast<int>(nonce.size())) != 1) {
    return absl::InternalError(
        absl::StrCat("adding the OCSP nonce: ", TakeOpenSslErrors()));
  }
  return request;
}

std::string OcspRequestDer(OCSP_REQUEST* request) {
  unsigned char* out = nullptr;
  const int len = i2d_OCSP_REQUEST(request, &out);
  if (len <= 0 || out == nullptr) {
    ERR_clear_error();
    return "";
  }
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

absl::Status CheckOcspResponse(absl::string_view response_der,
                               OCSP_REQUEST* request) {
  const unsigned char* p = Bytes(response_der);
  OcspResponsePtr response(
      d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(response_der.size())));
  if (response == nullptr || p != Bytes(response_der) + response_der.size()) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        absl::StrCat("the answer (", response_der.size(),
                     " bytes) is not one DER OCSPResponse"));
  }
  const int status = OCSP_response_status(response.get());
  if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    return absl::UnavailableError(absl::StrCat(
        "the responder answered '", OCSP_response_status_str(status), "'"));
  }
  OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
  if (basic == nullptr) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        "the answer is not a basic OCSP response");
  }
  // 1: nonces equal; 2: neither has one; 3: only the response; -1: only
  // the request (pre-produced responses, RFC 5019); 0: they differ.
  if (OCSP_check_nonce(request, basic.get()) == 0) {
    return absl::InvalidArgumentError(
        "the OCSP response carries a different nonce than the request "
        "(replayed or misrouted answer)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> CrlToDer(absl::string_view body) {
  X509CrlPtr crl;
  if (absl::StartsWith(body, "-----BEGIN")) {
    BioPtr bio(BIO_new_mem_buf(body.data(), static_cast<int>(body.size())));
    if (bio != nullptr) {
      crl.reset(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
    }
  } else {
    const unsigned char* p = Bytes(body);
    crl.reset(d2i_X509_CRL(nullptr, &p, static_cast<long>(body.size())));
    if (crl != nullptr && p == Bytes(body) + body.size()) {
      return std::string(body);
    }
    crl.reset();
  }
  if (crl == nullptr) {
    ERR_clear_error();
    return absl::InvalidArgumentError(absl::StrCat(
        "the answer (", body.size(), " bytes) is not a DER or PEM CRL"));
  }
  unsigned char* out = nullptr;
  const int len = i2d_X509_CRL(crl.get(), &out);
  if (len <= 0 || out == nullptr) {
    ERR_clear_error();
    return absl::InternalError("re-encoding the CRL failed");
  }
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

}  // namespace docintake::signature::trust_internal
