#include "signature/trust/internal/xmldsig_algorithms.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/owned.h"
#include "base/status_macros.h"
#include "signature/trust/internal/x509_util.h"
#include "signature/trust/internal/xml_document.h"

namespace docintake::signature::trust_internal {
namespace {

using MdCtxPtr = base::Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using EcdsaSigPtr = base::Owned<ECDSA_SIG, ECDSA_SIG_free>;
using BignumPtr = base::Owned<BIGNUM, BN_free>;

constexpr char kMore[] = "http://www.w3.org/2001/04/xmldsig-more#";
constexpr char kMore2007[] = "http://www.w3.org/2007/05/xmldsig-more#";

// The SHA-2 variant named by "sha256"/"sha384"/"sha512", or nullptr.
const EVP_MD* Sha2(absl::string_view name) {
  if (name == "sha256") return EVP_sha256();
  if (name == "sha384") return EVP_sha384();
  if (name == "sha512") return EVP_sha512();
  return nullptr;
}

// A DigestMethod child's digest; `fallback` if there is none.
absl::StatusOr<const EVP_MD*> ChildDigest(const xmlNode* parent,
                                          const EVP_MD* fallback) {
  const xmlNode* method = FirstChild(parent, "DigestMethod");
  if (method == nullptr) return fallback;
  const std::string uri = Attribute(method, "Algorithm");
  const EVP_MD* md = DigestFromUri(uri, /*allow_sha1=*/false);
  if (md == nullptr) {
    return absl::UnimplementedError(
        absl::StrCat("unsupported RSA-PSS digest ", uri));
  }
  return md;
}

absl::StatusOr<SignatureAlgorithm> PssParameters(const xmlNode* params) {
  SignatureAlgorithm alg;
  alg.kind = SignatureAlgorithm::Kind::kRsaPss;
  { ASSIGN_OR_RETURN(alg.md, ChildDigest(params, EVP_sha256())); }
  alg.mgf1_md = alg.md;
  if (const xmlNode* mgf = FirstChild(params, "MaskGenerationFunction")) {
    if (Attribute(mgf, "Algorithm") != absl::StrCat(kMore2007, "MGF1")) {
      return absl::UnimplementedError("unsupported RSA-PSS mask generation");
    }
    ASSIGN_OR_RETURN(alg.mgf1_md, ChildDigest(mgf, EVP_sha256()));
  }
  alg.salt_length = EVP_MD_get_size(alg.md);
  if (const xmlNode* salt = FirstChild(params, "SaltLength")) {
    if (!absl::SimpleAtoi(TrimmedText(salt), &alg.salt_length) ||
        alg.salt_length < 0 || alg.salt_length > 1024) {
      return absl::InvalidArgumentError("malformed RSA-PSS SaltLength");
    }
  }
  if (const xmlNode* trailer = FirstChild(params, "TrailerField")) {
    if (TrimmedText(trailer) != "1") {
      return absl::UnimplementedError("unsupported RSA-PSS TrailerField");
    }
  }
  return alg;
}

// XMLDSig's ECDSA value is r||s, each as wide as the group order.
absl::StatusOr<std::string> EcdsaValueToDer(EVP_PKEY* key,
                                            absl::string_view value) {
  const int bits = EVP_PKEY_get_bits(key);
  const size_t half = static_cast<size_t>(bits + 7) / 8;
  if (bits <= 0 || value.size() != 2 * half) {
    return absl::InvalidArgumentError(
        absl::StrCat("ECDSA SignatureValue of ", value.size(),
                     " bytes, expected ", 2 * half, " (r||s)"));
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  BignumPtr r(BN_bin2bn(bytes, static_cast<int>(half), nullptr));
  BignumPtr s(BN_bin2bn(bytes + half, static_cast<int>(half), nullptr));
  EcdsaSigPtr sig(ECDSA_SIG_new());
  if (r == nullptr || s == nullptr || sig == nullptr ||
      ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
    return absl::InternalError("cannot build an ECDSA signature");
  }
  r.release();  // owned by sig now
  s.release();
  unsigned char* der = nullptr;
  const int len = i2d_ECDSA_SIG(sig.get(), &der);
  if (len <= 0) return absl::InternalError("cannot encode an ECDSA signature");
  std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

bool IsRsaKey(EVP_PKEY* key) {
  const int id = EVP_PKEY_get_base_id(key);
  return id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS;
}

}  // namespace

const EVP_MD* DigestFromUri(absl::string_view uri, bool allow_sha1) {
  if (uri == "http://www.w3.org/2001/04/xmlenc#sha256") return EVP_sha256();
  if (uri == absl::StrCat(kMore, "sha384")) return EVP_sha384();
  if (uri == "http://www.w3.org/2001/04/xmlenc#sha512") return EVP_sha512();
  if (allow_sha1 && uri == absl::StrCat(kXmlDsigNamespace, "sha1")) {
    return EVP_sha1();
  }
  return nullptr;
}

absl::StatusOr<std::string> ComputeDigest(const EVP_MD* md,
                                          absl::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    return absl::InternalError(
        absl::StrCat("digest failed: ", TakeOpenSslErrors()));
  }
  return std::string(reinterpret_cast<const char*>(out), len);
}

absl::StatusOr<SignatureAlgorithm> SignatureAlgorithmOf(
    const xmlNode* signature_method) {
  const std::string uri = Attribute(signature_method, "Algorithm");
  SignatureAlgorithm alg;
  const absl::string_view view(uri);
  if (absl::StartsWith(view, kMore)) {
    const absl::string_view name = view.substr(sizeof(kMore) - 1);
    if (absl::StartsWith(name, "rsa-")) {
      alg.kind = SignatureAlgorithm::Kind::kRsaPkcs1;
      alg.md = Sha2(name.substr(4));
    } else if (absl::StartsWith(name, "ecdsa-")) {
      alg.kind = SignatureAlgorithm::Kind::kEcdsa;
      alg.md = Sha2(name.substr(6));
    }
  } else if (absl::StartsWith(view, kMore2007)) {
    const absl::string_view name = view.substr(sizeof(kMore2007) - 1);
    if (name == "rsa-pss") {
      return PssParameters(FirstChild(signature_method, "RSAPSSParams"));
    }
    if (absl::EndsWith(name, "-rsa-MGF1")) {
      alg.kind = SignatureAlgorithm::Kind::kRsaPss;
      alg.md = Sha2(name.substr(0, name.size() - 9));
      alg.mgf1_md = alg.md;
      if (alg.md != nullptr) alg.salt_length = EVP_MD_get_size(alg.md);
    }
  }
  if (alg.md == nullptr) {
    return absl::UnimplementedError(
        absl::StrCat("unsupported SignatureMethod '", uri, "'"));
  }
  return alg;
}

absl::Status VerifySignatureValue(const SignatureAlgorithm& algorithm,
                                  EVP_PKEY* key, absl::string_view data,
                                  absl::string_view signature) {
  const bool want_ec = algorithm.kind == SignatureAlgorithm::Kind::kEcdsa;
  if (want_ec ? EVP_PKEY_get_base_id(key) != EVP_PKEY_EC : !IsRsaKey(key)) {
    return absl::InvalidArgumentError(
        "the signing key does not fit the SignatureMethod");
  }
  std::string der_signature;
  if (want_ec) {
    ASSIGN_OR_RETURN(der_signature, EcdsaValueToDer(key, signature));
    signature = der_signature;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  if (ctx == nullptr ||
      EVP_DigestVerifyInit(ctx.get(), &pctx, algorithm.md, nullptr, key) != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot set up signature verification: ", TakeOpenSslErrors()));
  }
  if (algorithm.kind == SignatureAlgorithm::Kind::kRsaPss &&
      (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
       EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, algorithm.mgf1_md) != 1 ||
       EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, algorithm.salt_length) != 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot set RSA-PSS parameters: ", TakeOpenSslErrors()));
  }
  const int rc = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
      signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
      data.size());
  const std::string errors = TakeOpenSslErrors();
  if (rc != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "SignatureValue does not verify with the KeyInfo certificate's key",
        errors.empty() ? "" : absl::StrCat(" (", errors, ")")));
  }
  return absl::OkStatus();
}

}  // namespace docintake::signature::trust_internal
