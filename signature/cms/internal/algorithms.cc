#include "signature/cms/internal/algorithms.h"

#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/owned.h"
#include "base/status_macros.h"
#include "signature/der/der.h"

namespace docintake::signature::internal {
namespace {

using base::Owned;
using MdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using PkeyCtxPtr = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

struct DigestOid {
  absl::string_view oid;
  const char* name;
};

// Digest OIDs, and signature OIDs some signers put in digestAlgorithm.
constexpr DigestOid kDigests[] = {
    {"1.3.14.3.2.26", "SHA1"},
    {"2.16.840.1.101.3.4.2.1", "SHA256"},
    {"2.16.840.1.101.3.4.2.2", "SHA384"},
    {"2.16.840.1.101.3.4.2.3", "SHA512"},
    {"2.16.840.1.101.3.4.2.4", "SHA224"},
    {"2.16.840.1.101.3.4.2.7", "SHA3-224"},
    {"2.16.840.1.101.3.4.2.8", "SHA3-256"},
    {"2.16.840.1.101.3.4.2.9", "SHA3-384"},
    {"2.16.840.1.101.3.4.2.10", "SHA3-512"},
    {"1.2.840.113549.2.5", "MD5"},
    {"1.3.36.3.2.1", "RIPEMD160"},
    {"1.2.840.113549.1.1.5", "SHA1"},
    {"1.2.840.113549.1.1.11", "SHA256"},
    {"1.2.840.113549.1.1.12", "SHA384"},
    {"1.2.840.113549.1.1.13", "SHA512"},
    {"1.2.840.113549.1.1.14", "SHA224"},
};

struct SignatureOid {
  absl::string_view oid;
  SignatureAlgorithm algorithm;
};

constexpr SignatureOid kSignatures[] = {
    {"1.2.840.113549.1.1.1", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.4", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.5", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.11", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.12", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.13", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.14", SignatureAlgorithm::kRsaPkcs1v15},
    {"2.16.840.1.101.3.4.3.13", SignatureAlgorithm::kRsaPkcs1v15},
    {"2.16.840.1.101.3.4.3.14", SignatureAlgorithm::kRsaPkcs1v15},
    {"2.16.840.1.101.3.4.3.15", SignatureAlgorithm::kRsaPkcs1v15},
    {"2.16.840.1.101.3.4.3.16", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.3.36.3.3.1.2", SignatureAlgorithm::kRsaPkcs1v15},
    {"1.2.840.113549.1.1.10", SignatureAlgorithm::kRsaPss},
    {"1.2.840.10045.2.1", SignatureAlgorithm::kEcdsa},
    {"1.2.840.10045.4.1", SignatureAlgorithm::kEcdsa},
    {"1.2.840.10045.4.3.1", SignatureAlgorithm::kEcdsa},
    {"1.2.840.10045.4.3.2", SignatureAlgorithm::kEcdsa},
    {"1.2.840.10045.4.3.3", SignatureAlgorithm::kEcdsa},
    {"1.2.840.10045.4.3.4", SignatureAlgorithm::kEcdsa},
    {"2.16.840.1.101.3.4.3.9", SignatureAlgorithm::kEcdsa},
    {"2.16.840.1.101.3.4.3.10", SignatureAlgorithm::kEcdsa},
    {"2.16.840.1.101.3.4.3.11", SignatureAlgorithm::kEcdsa},
    {"2.16.840.1.101.3.4.3.12", SignatureAlgorithm::kEcdsa},
    {"1.2.840.10040.4.1", SignatureAlgorithm::kDsa},
    {"1.2.840.10040.4.3", SignatureAlgorithm::kDsa},
    {"2.16.840.1.101.3.4.3.1", SignatureAlgorithm::kDsa},
    {"2.16.840.1.101.3.4.3.2", SignatureAlgorithm::kDsa},
    {"1.3.101.112", SignatureAlgorithm::kEd25519},
};

constexpr absl::string_view kPlainEcdsaArc = "0.4.0.127.0.7.1.1.4.1.";
constexpr absl::string_view kOidMgf1 = "1.2.840.113549.1.1.8";
constexpr absl::string_view kOidSha1 = "1.3.14.3.2.26";

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// BSI TR-03111 r‖s into a DER Ecdsa-Sig-Value.
absl::StatusOr<std::string> PlainToDerEcdsa(absl::string_view plain) {
  if (plain.empty() || plain.size() % 2 != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("plain-ECDSA signature of odd length ", plain.size()));
  }
  const size_t half = plain.size() / 2;
  return der::EncodeTlv(der::kTagSequence,
                        der::EncodeUnsignedInteger(plain.substr(0, half)) +
                            der::EncodeUnsignedInteger(plain.substr(half)));
}

struct PssParameters {
  const EVP_MD* hash = nullptr;
  const EVP_MD* mgf1_hash = nullptr;
  int salt_length = 20;
};

// RSASSA-PSS-params (RFC 4055 §3.1) with their defaults (SHA-1, MGF1-SHA-1,
// salt 20).
absl::StatusOr<PssParameters> ReadPssParameters(absl::string_view encoding) {
  PssParameters out;
  out.hash = out.mgf1_hash = DigestForOid(kOidSha1);
  if (encoding.empty()) return out;
  ASSIGN_OR_RETURN(const der::Tlv seq, der::ParseTlv(encoding));
  if (seq.tag != der::kTagSequence) {
    return absl::InvalidArgumentError("RSASSA-PSS parameters not a SEQUENCE");
  }
  der::DerReader reader(seq.value);
  while (!reader.AtEnd()) {
    ASSIGN_OR_RETURN(const der::Tlv field, reader.Next());
    der::DerReader inner(field.value);
    if (field.tag == der::ContextTag(0, true)) {
      ASSIGN_OR_RETURN(const der::Tlv alg,
                       inner.Expect(der::kTagSequence, "hashAlg"));
      der::DerReader alg_reader(alg.value);
      ASSIGN_OR_RETURN(const std::string text, alg_reader.ExpectOid("hashAlg"));
      out.hash = DigestForOid(text);
    } else if (field.tag == der::ContextTag(1, true)) {
      ASSIGN_OR_RETURN(const der::Tlv alg,
                       inner.Expect(der::kTagSequence, "maskGen"));
      der::DerReader mgf(alg.value);
      ASSIGN_OR_RETURN(const std::string text, mgf.ExpectOid("maskGen"));
      if (text != kOidMgf1) {
        return absl::UnimplementedError("PSS mask generation is not MGF1");
      }
      ASSIGN_OR_RETURN(const der::Tlv hash,
                       mgf.Expect(der::kTagSequence, "MGF1 hash"));
      der::DerReader hash_reader(hash.value);
      ASSIGN_OR_RETURN(const std::string hash_text,
                       hash_reader.ExpectOid("MGF1 hash"));
      out.mgf1_hash = DigestForOid(hash_text);
    } else if (field.tag == der::ContextTag(2, true)) {
      ASSIGN_OR_RETURN(const der::Tlv salt,
                       inner.Expect(der::kTagInteger, "salt"));
      const absl::string_view magnitude = der::IntegerMagnitude(salt.value);
      if (magnitude.size() > 2 || (salt.value[0] & 0x80) != 0) {
        return absl::InvalidArgumentError("PSS salt length out of range");
      }
      int salt_length = 0;
      for (char c : magnitude) {
        salt_length = (salt_length << 8) | static_cast<uint8_t>(c);
      }
      out.salt_length = salt_length;
    }
  }
  if (out.hash == nullptr || out.mgf1_hash == nullptr) {
    return absl::UnimplementedError("unknown hash in PSS parameters");
  }
  return out;
}

absl::Status Configure(EVP_PKEY_CTX* ctx, const AlgorithmIdentifier& algorithm,
                       SignatureAlgorithm kind, const EVP_MD* md) {
  const bool is_rsa = EVP_PKEY_is_a(EVP_PKEY_CTX_get0_pkey(ctx), "RSA") ||
                      EVP_PKEY_is_a(EVP_PKEY_CTX_get0_pkey(ctx), "RSA-PSS");
  const bool is_ec = EVP_PKEY_is_a(EVP_PKEY_CTX_get0_pkey(ctx), "EC");
  switch (kind) {
    case SignatureAlgorithm::kRsaPkcs1v15:
      if (!is_rsa ||
          EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) <= 0 ||
          EVP_PKEY_CTX_set_signature_md(ctx, md) <= 0) {
        return absl::InvalidArgumentError(
            "RSA signature but no usable RSA key");
      }
      return absl::OkStatus();
    case SignatureAlgorithm::kRsaPss: {
      ASSIGN_OR_RETURN(const PssParameters pss,
                       ReadPssParameters(algorithm.parameters));
      if (!is_rsa ||
          EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
          EVP_PKEY_CTX_set_signature_md(ctx, pss.hash) <= 0 ||
          EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, pss.mgf1_hash) <= 0 ||
          EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, pss.salt_length) <= 0) {
        return absl::InvalidArgumentError(
            "RSA-PSS signature but no usable key");
      }
      return absl::OkStatus();
    }
    case SignatureAlgorithm::kEcdsa:
    case SignatureAlgorithm::kPlainEcdsa:
      if (!is_ec) {
        return absl::InvalidArgumentError("ECDSA signature but no EC key");
      }
      return absl::OkStatus();
    case SignatureAlgorithm::kDsa:
      if (!EVP_PKEY_is_a(EVP_PKEY_CTX_get0_pkey(ctx), "DSA")) {
        return absl::InvalidArgumentError("DSA signature but no DSA key");
      }
      return absl::OkStatus();
    default:
      return absl::UnimplementedError("unsupported signature algorithm");
  }
}

}  // namespace

const EVP_MD* DigestForOid(absl::string_view oid) {
  for (const DigestOid& d : kDigests) {
    if (d.oid == oid) return EVP_get_digestbyname(d.name);
  }
  return nullptr;
}

std::string DigestName(absl::string_view oid) {
  for (const DigestOid& d : kDigests) {
    if (d.oid == oid) return d.name;
  }
  return "";
}

SignatureAlgorithm SignatureAlgorithmForOid(absl::string_view oid) {
  for (const SignatureOid& s : kSignatures) {
    if (s.oid == oid) return s.algorithm;
  }
  if (absl::StartsWith(oid, kPlainEcdsaArc)) {
    return SignatureAlgorithm::kPlainEcdsa;
  }
  return SignatureAlgorithm::kUnknown;
}

absl::StatusOr<std::string> Digest(const EVP_MD* md,
                                   absl::Span<const absl::string_view> pieces) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (ctx == nullptr || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) {
    ERR_clear_error();
    return absl::InternalError("cannot start a digest");
  }
  for (absl::string_view piece : pieces) {
    if (EVP_DigestUpdate(ctx.get(), piece.data(), piece.size()) != 1) {
      ERR_clear_error();
      return absl::InternalError("digest update failed");
    }
  }
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out, &length) != 1) {
    ERR_clear_error();
    return absl::InternalError("digest failed");
  }
  return std::string(reinterpret_cast<const char*>(out), length);
}

absl::StatusOr<bool> VerifySignatureValue(
    absl::string_view spki, const AlgorithmIdentifier& algorithm,
    absl::string_view digest_oid, absl::Span<const absl::string_view> message,
    absl::string_view signature) {
  const unsigned char* p = Bytes(spki);
  PkeyPtr key(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
  if (key == nullptr) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        "the signer certificate's public key cannot be read");
  }
  const SignatureAlgorithm kind = SignatureAlgorithmForOid(algorithm.oid);
  if (kind == SignatureAlgorithm::kEd25519) {
    std::string whole;
    for (absl::string_view piece : message)
      whole.append(piece.data(), piece.size());
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx != nullptr &&
        EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) ==
            1 &&
        EVP_DigestVerify(ctx.get(), Bytes(signature), signature.size(),
                         Bytes(whole), whole.size()) == 1;
    ERR_clear_error();
    return ok;
  }
  const EVP_MD* md = DigestForOid(digest_oid);
  if (md == nullptr) {
    return absl::UnimplementedError(
        absl::StrCat("unsupported digest algorithm ", digest_oid));
  }
  std::string sig(signature);
  if (kind == SignatureAlgorithm::kPlainEcdsa) {
    ASSIGN_OR_RETURN(sig, PlainToDerEcdsa(signature));
  }
  const EVP_MD* hash_md = md;
  if (kind == SignatureAlgorithm::kRsaPss) {
    ASSIGN_OR_RETURN(const PssParameters pss,
                     ReadPssParameters(algorithm.parameters));
    hash_md = pss.hash;
  }
  ASSIGN_OR_RETURN(const std::string digest, Digest(hash_md, message));
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  if (ctx == nullptr || EVP_PKEY_verify_init(ctx.get()) != 1) {
    ERR_clear_error();
    return absl::InvalidArgumentError("the signer key cannot verify");
  }
  const absl::Status configured = Configure(ctx.get(), algorithm, kind, md);
  if (!configured.ok()) {
    ERR_clear_error();
    return absl::Status(
        configured.code(),
        absl::StrCat(configured.message(), " (", algorithm.oid, ")"));
  }
  const int rc = EVP_PKEY_verify(ctx.get(), Bytes(sig), sig.size(),
                                 Bytes(digest), digest.size());
  ERR_clear_error();
  return rc == 1;
}

}  // namespace docintake::signature::internal
