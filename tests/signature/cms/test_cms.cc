#include "tests/signature/cms/test_cms.h"

#include <openssl/cms.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/ocsp.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace docintake::testing {
namespace {

using base::Owned;
using BioPtr = Owned<BIO, BIO_free>;
using CmsPtr = Owned<CMS_ContentInfo, CMS_ContentInfo_free>;
using MdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;

absl::Status OpenSslError(absl::string_view what) {
  const unsigned long e = ERR_get_error();
  ERR_clear_error();
  return absl::InternalError(absl::StrCat(
      what, " failed: ", e != 0 ? ERR_reason_error_string(e) : "?"));
}

template <typename T, typename F>
std::string ToDer(T* object, F i2d) {
  unsigned char* out = nullptr;
  const int len = i2d(object, &out);
  if (len <= 0) return "";
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

absl::StatusOr<std::string> SignBytes(const TestIdentity& signer,
                                      absl::string_view message) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  size_t length = 0;
  if (ctx == nullptr ||
      EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr,
                         signer.key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length,
                     reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    return OpenSslError("EVP_DigestSign");
  }
  std::string sig(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()),
                     &length,
                     reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    return OpenSslError("EVP_DigestSign");
  }
  sig.resize(length);
  return sig;
}

// DER Ecdsa-Sig-Value to r‖s of `half` bytes each.
absl::StatusOr<std::string> ToPlain(absl::string_view der, int half) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  Owned<ECDSA_SIG, ECDSA_SIG_free> sig(
      d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (sig == nullptr) return OpenSslError("d2i_ECDSA_SIG");
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  std::string out(static_cast<size_t>(2 * half), '\0');
  unsigned char* buf = reinterpret_cast<unsigned char*>(out.data());
  if (BN_bn2binpad(r, buf, half) != half ||
      BN_bn2binpad(s, buf + half, half) != half) {
    return OpenSslError("BN_bn2binpad");
  }
  return out;
}

}  // namespace

std::string Der(int tag, absl::string_view contents) {
  std::string out(1, static_cast<char>(tag));
  const size_t n = contents.size();
  if (n < 128) {
    out.push_back(static_cast<char>(n));
  } else if (n < 256) {
    out += '\x81';
    out.push_back(static_cast<char>(n));
  } else if (n < 65536) {
    out += '\x82';
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(n & 0xff));
  } else {
    out += '\x83';
    out.push_back(static_cast<char>(n >> 16));
    out.push_back(static_cast<char>((n >> 8) & 0xff));
    out.push_back(static_cast<char>(n & 0xff));
  }
  out.append(contents.data(), contents.size());
  return out;
}

std::string OidDer(const char* dotted) {
  Owned<ASN1_OBJECT, ASN1_OBJECT_free> obj(OBJ_txt2obj(dotted, 1));
  if (obj == nullptr) return "";
  return ToDer(obj.get(), i2d_ASN1_OBJECT);
}

std::string Attribute(const char* oid, absl::string_view value_der) {
  return Der(0x30, OidDer(oid) + Der(0x31, value_der));
}

std::string Sha256(absl::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return std::string(reinterpret_cast<char*>(out), sizeof(out));
}

std::string Sha1(absl::string_view data) {
  unsigned char out[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return std::string(reinterpret_cast<char*>(out), sizeof(out));
}

absl::StatusOr<TestIdentity> MakeIdentity(KeyKind kind, const char* cn) {
  TestIdentity id;
  switch (kind) {
    case KeyKind::kRsa:
      id.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048}));
      break;
    case KeyKind::kP256:
      id.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
      break;
    case KeyKind::kBrainpoolP256:
      id.key.reset(
          EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "brainpoolP256r1"));
      break;
  }
  if (id.key == nullptr) return OpenSslError("keygen");
  id.cert.reset(X509_new());
  X509* cert = id.cert.get();
  X509_NAME* name = X509_get_subject_name(cert);
  if (X509_set_version(cert, X509_VERSION_3) != 1 ||
      ASN1_INTEGER_set(X509_get_serialNumber(cert), 0x1234567) != 1 ||
      ASN1_TIME_set_string(X509_getm_notBefore(cert), "20230101000000Z") != 1 ||
      ASN1_TIME_set_string(X509_getm_notAfter(cert), "20330101000000Z") != 1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>(cn), -1,
                                 -1, 0) != 1 ||
      X509_set_issuer_name(cert, name) != 1 ||
      X509_set_pubkey(cert, id.key.get()) != 1) {
    return OpenSslError("certificate fields");
  }
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  Owned<X509_EXTENSION, X509_EXTENSION_free> ski(
      X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_key_identifier, "hash"));
  if (ski == nullptr || X509_add_ext(cert, ski.get(), -1) != 1 ||
      X509_sign(cert, id.key.get(), EVP_sha256()) <= 0) {
    return OpenSslError("certificate signing");
  }
  id.cert_der = ToDer(cert, i2d_X509);
  return id;
}

absl::StatusOr<std::string> CmsSign(const TestIdentity& signer,
                                    absl::string_view data, unsigned flags,
                                    bool pss, const TestIdentity* second) {
  flags |= CMS_BINARY;
  BioPtr in(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  CmsPtr cms;
  if (!pss && second == nullptr) {
    cms.reset(CMS_sign(signer.cert.get(), signer.key.get(), nullptr, in.get(),
                       flags));
    if (cms == nullptr) return OpenSslError("CMS_sign");
  } else {
    cms.reset(
        CMS_sign(nullptr, nullptr, nullptr, nullptr, flags | CMS_PARTIAL));
    if (cms == nullptr) return OpenSslError("CMS_sign partial");
    CMS_SignerInfo* si =
        CMS_add1_signer(cms.get(), signer.cert.get(), signer.key.get(),
                        EVP_sha256(), flags | (pss ? CMS_KEY_PARAM : 0));
    if (si == nullptr) return OpenSslError("CMS_add1_signer");
    if (pss && EVP_PKEY_CTX_set_rsa_padding(CMS_SignerInfo_get0_pkey_ctx(si),
                                            RSA_PKCS1_PSS_PADDING) <= 0) {
      return OpenSslError("PSS padding");
    }
    if (second != nullptr &&
        CMS_add1_signer(cms.get(), second->cert.get(), second->key.get(),
                        EVP_sha256(), flags) == nullptr) {
      return OpenSslError("second CMS_add1_signer");
    }
    if (CMS_final(cms.get(), in.get(), nullptr, flags) != 1) {
      return OpenSslError("CMS_final");
    }
  }
  return ToDer(cms.get(), i2d_CMS_ContentInfo);
}

absl::StatusOr<std::string> OpenSslSignatureValue(absl::string_view cms_der) {
  const unsigned char* p =
      reinterpret_cast<const unsigned char*>(cms_der.data());
  CmsPtr cms(
      d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cms_der.size())));
  if (cms == nullptr) return OpenSslError("d2i_CMS_ContentInfo");
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  if (infos == nullptr || sk_CMS_SignerInfo_num(infos) < 1) {
    return absl::InternalError("no SignerInfo");
  }
  ASN1_OCTET_STRING* sig =
      CMS_SignerInfo_get0_signature(sk_CMS_SignerInfo_value(infos, 0));
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sig)),
                     static_cast<size_t>(ASN1_STRING_length(sig)));
}

std::vector<std::string> CadesAttributes(absl::string_view data,
                                         absl::string_view ess_cert_der) {
  return {
      Attribute("1.2.840.113549.1.9.3", OidDer("1.2.840.113549.1.7.1")),
      Attribute("1.2.840.113549.1.9.5", Der(0x17, "230601102030Z")),
      Attribute("1.2.840.113549.1.9.4", Der(0x04, Sha256(data))),
      Attribute(
          "1.2.840.113549.1.9.16.2.47",
          Der(0x30, Der(0x30, Der(0x30, Der(0x04, Sha256(ess_cert_der)))))),
  };
}

absl::StatusOr<std::string> BuildCms(const TestIdentity& signer,
                                     absl::string_view data,
                                     const HandCmsOptions& options) {
  const std::string digest_alg = Der(0x30, OidDer("2.16.840.1.101.3.4.2.1"));
  const bool is_ec = EVP_PKEY_is_a(signer.key.get(), "EC");
  std::string sig_alg;
  if (options.plain_ecdsa) {
    sig_alg = Der(0x30, OidDer("0.4.0.127.0.7.1.1.4.1.3"));
  } else if (is_ec) {
    sig_alg = Der(0x30, OidDer("1.2.840.10045.4.3.2"));
  } else {
    sig_alg =
        Der(0x30, OidDer("1.2.840.113549.1.1.11") + std::string("\x05\x00", 2));
  }
  std::string emitted;
  for (const std::string& a : options.signed_attributes) emitted += a;
  std::vector<std::string> sorted = options.signed_attributes;
  std::sort(sorted.begin(), sorted.end());
  std::string sorted_concat;
  for (const std::string& a : sorted) sorted_concat += a;
  const std::string message =
      options.signed_attributes.empty()
          ? std::string(data)
          : Der(0x31, options.sign_sorted ? sorted_concat : emitted);
  absl::StatusOr<std::string> sig = SignBytes(signer, message);
  if (!sig.ok()) return sig.status();
  if (options.plain_ecdsa) {
    sig = ToPlain(*sig, 32);
    if (!sig.ok()) return sig.status();
  }
  if (options.flip_signature_byte) sig->back() ^= 0x01;
  const std::string issuer =
      ToDer(X509_get_issuer_name(signer.cert.get()), i2d_X509_NAME);
  const std::string serial = ToDer(
      const_cast<ASN1_INTEGER*>(X509_get0_serialNumber(signer.cert.get())),
      i2d_ASN1_INTEGER);
  std::string signer_info =
      std::string("\x02\x01\x01", 3) + Der(0x30, issuer + serial) + digest_alg;
  if (!options.signed_attributes.empty()) signer_info += Der(0xa0, emitted);
  signer_info += sig_alg + Der(0x04, *sig);
  if (!options.unsigned_attributes.empty()) {
    std::string unsigned_attrs;
    for (const std::string& a : options.unsigned_attributes)
      unsigned_attrs += a;
    signer_info += Der(0xa1, unsigned_attrs);
  }
  std::string signed_data =
      std::string("\x02\x01\x01", 3) + Der(0x31, digest_alg) +
      Der(0x30, OidDer("1.2.840.113549.1.7.1")) + Der(0xa0, signer.cert_der);
  if (!options.revocation_choices.empty()) {
    std::string choices;
    for (const std::string& c : options.revocation_choices) choices += c;
    signed_data += Der(0xa1, choices);
  }
  signed_data += Der(0x31, Der(0x30, signer_info));
  return Der(
      0x30, OidDer("1.2.840.113549.1.7.2") + Der(0xa0, Der(0x30, signed_data)));
}

absl::StatusOr<std::string> MakeCrl(const TestIdentity& issuer) {
  Owned<X509_CRL, X509_CRL_free> crl(X509_CRL_new());
  Owned<ASN1_TIME, ASN1_TIME_free> last(ASN1_TIME_new());
  Owned<ASN1_TIME, ASN1_TIME_free> next(ASN1_TIME_new());
  if (crl == nullptr || last == nullptr || next == nullptr ||
      ASN1_TIME_set_string(last.get(), "20230601000000Z") != 1 ||
      ASN1_TIME_set_string(next.get(), "20230701000000Z") != 1 ||
      X509_CRL_set_version(crl.get(), 1) != 1 ||
      X509_CRL_set_issuer_name(crl.get(),
                               X509_get_subject_name(issuer.cert.get())) != 1 ||
      X509_CRL_set1_lastUpdate(crl.get(), last.get()) != 1 ||
      X509_CRL_set1_nextUpdate(crl.get(), next.get()) != 1 ||
      X509_CRL_sign(crl.get(), issuer.key.get(), EVP_sha256()) <= 0) {
    return OpenSslError("CRL");
  }
  return ToDer(crl.get(), i2d_X509_CRL);
}

absl::StatusOr<std::string> MakeOcspResponse(const TestIdentity& responder,
                                             std::string* basic_der) {
  Owned<OCSP_BASICRESP, OCSP_BASICRESP_free> basic(OCSP_BASICRESP_new());
  OCSP_CERTID* id =
      OCSP_cert_to_id(EVP_sha1(), responder.cert.get(), responder.cert.get());
  Owned<ASN1_TIME, ASN1_TIME_free> this_update(ASN1_TIME_new());
  if (basic == nullptr || id == nullptr || this_update == nullptr ||
      ASN1_TIME_set_string(this_update.get(), "20230601000000Z") != 1 ||
      OCSP_basic_add1_status(basic.get(), id, V_OCSP_CERTSTATUS_GOOD, 0,
                             nullptr, this_update.get(), nullptr) == nullptr ||
      OCSP_basic_sign(basic.get(), responder.cert.get(), responder.key.get(),
                      EVP_sha256(), nullptr, 0) != 1) {
    OCSP_CERTID_free(id);
    return OpenSslError("OCSP basic response");
  }
  OCSP_CERTID_free(id);
  if (basic_der != nullptr) *basic_der = ToDer(basic.get(), i2d_OCSP_BASICRESP);
  Owned<OCSP_RESPONSE, OCSP_RESPONSE_free> response(
      OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
  if (response == nullptr) return OpenSslError("OCSP_response_create");
  return ToDer(response.get(), i2d_OCSP_RESPONSE);
}

}  // namespace docintake::testing
