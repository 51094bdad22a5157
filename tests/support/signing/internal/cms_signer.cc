#include "tests/support/signing/internal/cms_signer.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include <algorithm>

#include "base/status_macros.h"

namespace docintake::testing::signing::internal {
namespace {

// BSI TR-03111 ecdsa-plain-signatures arc (0.4.0.127.0.7.1.1.4.1).
const char* PlainEcdsaOid(const EVP_MD* md) {
  switch (EVP_MD_get_type(md)) {
    case NID_sha1:
      return "0.4.0.127.0.7.1.1.4.1.1";
    case NID_sha224:
      return "0.4.0.127.0.7.1.1.4.1.2";
    case NID_sha384:
      return "0.4.0.127.0.7.1.1.4.1.4";
    case NID_sha512:
      return "0.4.0.127.0.7.1.1.4.1.5";
    default:
      return "0.4.0.127.0.7.1.1.4.1.3";  // SHA-256
  }
}

CMS_SignerInfo* FirstSignerInfo(CMS_ContentInfo* cms) {
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
  return infos != nullptr && sk_CMS_SignerInfo_num(infos) > 0
             ? sk_CMS_SignerInfo_value(infos, 0)
             : nullptr;
}

// The DER SET OF the signed attributes: what the signature covers.
absl::StatusOr<std::string> SignedAttributesDer(CMS_SignerInfo* si) {
  std::vector<std::string> encodings;
  const int count = CMS_signed_get_attr_count(si);
  for (int i = 0; i < count; ++i) {
    unsigned char* der = nullptr;
    const int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
    if (len <= 0) return OpenSslError("i2d_X509_ATTRIBUTE");
    encodings.emplace_back(reinterpret_cast<char*>(der),
                           static_cast<size_t>(len));
    OPENSSL_free(der);
  }
  // DER orders SET OF elements by their encodings (memcmp order).
  std::sort(encodings.begin(), encodings.end());
  std::string content;
  for (const std::string& e : encodings) content += e;
  return DerTlv(0x31, content);
}

absl::StatusOr<std::string> RawSign(EVP_PKEY* key, const EVP_MD* md,
                                    SignatureScheme scheme,
                                    absl::string_view data) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (ctx == nullptr ||
      EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key) != 1) {
    return OpenSslError("EVP_DigestSignInit");
  }
  if (scheme == SignatureScheme::kRsaPss &&
      (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
       EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0 ||
       EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) <= 0)) {
    return OpenSslError("RSA-PSS parameters");
  }
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  size_t len = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &len, in, data.size()) != 1) {
    return OpenSslError("EVP_DigestSign");
  }
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()),
                     &len, in, data.size()) != 1) {
    return OpenSslError("EVP_DigestSign");
  }
  sig.resize(len);
  if (scheme != SignatureScheme::kPlainEcdsa) return sig;
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  EcdsaSigPtr ecdsa(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size())));
  if (ecdsa == nullptr) return OpenSslError("d2i_ECDSA_SIG");
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(ecdsa.get(), &r, &s);
  const int n = (EVP_PKEY_get_bits(key) + 7) / 8;
  std::string plain(2 * static_cast<size_t>(n), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  if (BN_bn2binpad(r, out, n) != n || BN_bn2binpad(s, out + n, n) != n) {
    return OpenSslError("BN_bn2binpad");
  }
  return plain;
}

absl::Status SetSignature(CMS_SignerInfo* si, const std::string& value) {
  if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), value.data(),
                      static_cast<int>(value.size())) != 1) {
    return OpenSslError("set signature value");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CmsPtr> SignCms(const CmsRequest& request) {
  const Credential* signer = request.signer;
  if (signer == nullptr || signer->cert == nullptr || signer->key == nullptr ||
      request.md == nullptr) {
    return absl::InvalidArgumentError("CMS: signer, key and digest required");
  }
  EVP_PKEY* key = signer->key.get();
  if (request.scheme == SignatureScheme::kPlainEcdsa &&
      !EVP_PKEY_is_a(key, "EC")) {
    return absl::InvalidArgumentError("plain-ECDSA needs an EC key");
  }
  if (request.scheme == SignatureScheme::kRsaPss &&
      !EVP_PKEY_is_a(key, "RSA")) {
    return absl::InvalidArgumentError("RSA-PSS needs an RSA key");
  }
  CertStackPtr certs(sk_X509_new_null());
  if (certs == nullptr) return OpenSslError("sk_X509_new_null");
  for (const Credential* c : request.extra_certs) {
    if (c != nullptr && sk_X509_push(certs.get(), c->cert.get()) <= 0) {
      return OpenSslError("sk_X509_push");
    }
  }
  const unsigned int flags =
      CMS_PARTIAL | CMS_BINARY | (request.detached ? CMS_DETACHED : 0);
  CmsPtr cms(CMS_sign(nullptr, nullptr, certs.get(), nullptr, flags));
  if (cms == nullptr) return OpenSslError("CMS_sign");
  if (request.econtent_type != nullptr) {
    Asn1ObjectPtr type(OBJ_txt2obj(request.econtent_type, 1));
    if (type == nullptr || CMS_set1_eContentType(cms.get(), type.get()) != 1) {
      return OpenSslError("CMS_set1_eContentType");
    }
  }
  unsigned int signer_flags = CMS_PARTIAL | CMS_BINARY | CMS_NOSMIMECAP;
  if (!request.signed_attributes) signer_flags |= CMS_NOATTR;
  if (request.signed_attributes && request.ess_signing_certificate_v2) {
    signer_flags |= CMS_CADES;
  }
  const bool pss = request.scheme == SignatureScheme::kRsaPss;
  if (pss) signer_flags |= CMS_KEY_PARAM;
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), signer->cert.get(), key,
                                       request.md, signer_flags);
  if (si == nullptr) return OpenSslError("CMS_add1_signer");
  if (pss) {
    // OpenSSL signs and writes the RSASSA-PSS AlgorithmIdentifier from these
    // (RawSign uses the same parameters when it re-signs).
    EVP_PKEY_CTX* pctx = CMS_SignerInfo_get0_pkey_ctx(si);
    if (pctx == nullptr ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, request.md) <= 0) {
      return OpenSslError("RSA-PSS parameters");
    }
  }
  if (request.signed_attributes) {
    // OpenSSL adds signingTime from the wall clock unless one is present:
    // add the requested time, or a placeholder that is removed below.
    Asn1TimePtr t =
        ToAsn1Time(request.signing_time.value_or(absl::UnixEpoch()));
    if (t == nullptr || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime,
                                                    ASN1_STRING_type(t.get()),
                                                    t.get(), -1) != 1) {
      return OpenSslError("signingTime attribute");
    }
    for (const auto& [oid, der] : request.extra_signed_attributes) {
      Asn1ObjectPtr obj(OBJ_txt2obj(oid.c_str(), 1));
      if (obj == nullptr || CMS_signed_add1_attr_by_OBJ(
                                si, obj.get(), V_ASN1_SEQUENCE, der.data(),
                                static_cast<int>(der.size())) != 1) {
        return OpenSslError("signed attribute " + oid);
      }
    }
  }
  BioPtr data(BIO_new_mem_buf(request.content.data(),
                              static_cast<int>(request.content.size())));
  if (data == nullptr ||
      CMS_final(cms.get(), data.get(), nullptr, flags) != 1) {
    return OpenSslError("CMS_final");
  }
  bool resign = request.scheme == SignatureScheme::kPlainEcdsa;
  if (request.signed_attributes && !request.signing_time.has_value()) {
    const int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (index >= 0) X509_ATTRIBUTE_free(CMS_signed_delete_attr(si, index));
    resign = true;
  }
  if (resign) {
    std::string tbs(request.content);
    if (request.signed_attributes) {
      ASSIGN_OR_RETURN(tbs, SignedAttributesDer(si));
    }
    ASSIGN_OR_RETURN(std::string sig,
                     RawSign(key, request.md, request.scheme, tbs));
    RETURN_IF_ERROR(SetSignature(si, sig));
  }
  if (request.scheme == SignatureScheme::kPlainEcdsa) {
    X509_ALGOR* sig_alg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, nullptr, &sig_alg);
    ASN1_OBJECT* oid = OBJ_txt2obj(PlainEcdsaOid(request.md), 1);
    if (sig_alg == nullptr || oid == nullptr ||
        X509_ALGOR_set0(sig_alg, oid, V_ASN1_UNDEF, nullptr) != 1) {
      ASN1_OBJECT_free(oid);
      return OpenSslError("plain-ECDSA algorithm");
    }
  }
  if (request.corrupt_signature) {
    std::string sig = SignatureValue(cms.get());
    if (sig.empty()) return absl::InternalError("empty signature value");
    sig[sig.size() / 2] = static_cast<char>(sig[sig.size() / 2] ^ 0x01);
    RETURN_IF_ERROR(SetSignature(si, sig));
  }
  return cms;
}

std::string SignatureValue(CMS_ContentInfo* cms) {
  CMS_SignerInfo* si = FirstSignerInfo(cms);
  if (si == nullptr) return "";
  const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(si);
  return std::string(
      reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
      static_cast<size_t>(ASN1_STRING_length(value)));
}

absl::Status AddUnsignedAttribute(CMS_ContentInfo* cms, const char* oid,
                                  absl::string_view der) {
  CMS_SignerInfo* si = FirstSignerInfo(cms);
  Asn1ObjectPtr obj(OBJ_txt2obj(oid, 1));
  if (si == nullptr || obj == nullptr ||
      CMS_unsigned_add1_attr_by_OBJ(si, obj.get(), V_ASN1_SEQUENCE, der.data(),
                                    static_cast<int>(der.size())) != 1) {
    return OpenSslError("unsigned attribute");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> CmsToDer(CMS_ContentInfo* cms) {
  unsigned char* der = nullptr;
  const int len = i2d_CMS_ContentInfo(cms, &der);
  if (len <= 0) return OpenSslError("i2d_CMS_ContentInfo");
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

}  // namespace docintake::testing::signing::internal
