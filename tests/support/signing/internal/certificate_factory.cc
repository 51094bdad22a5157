#include "tests/support/signing/internal/certificate_factory.h"

#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tests/support/signing/internal/openssl_util.h"

namespace docintake::testing::signing::internal {
namespace {

constexpr char kQcStatementsOid[] = "1.3.6.1.5.5.7.1.3";
constexpr char kQcComplianceOid[] = "0.4.0.1862.1.1";
constexpr char kQcSscdOid[] = "0.4.0.1862.1.4";
constexpr char kQcTypeOid[] = "0.4.0.1862.1.6";
constexpr char kQcTypeEsignOid[] = "0.4.0.1862.1.6.1";

absl::StatusOr<PkeyPtr> MakeKey(KeyType type) {
  EVP_PKEY* key = nullptr;
  switch (type) {
    case KeyType::kRsa2048:
      key = EVP_RSA_gen(2048);
      break;
    case KeyType::kEcP256:
      key = EVP_EC_gen("prime256v1");
      break;
    case KeyType::kEcBrainpoolP256r1:
      key = EVP_EC_gen("brainpoolP256r1");
      break;
  }
  if (key == nullptr) return OpenSslError("key generation");
  return PkeyPtr(key);
}

absl::Status AddConfExtension(X509* cert, X509* issuer, int nid,
                              const char* value) {
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, issuer, cert, nullptr, nullptr, 0);
  ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &v3, nid, value));
  if (ext == nullptr || X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslError(absl::StrCat("extension ", value));
  }
  return absl::OkStatus();
}

absl::Status AddDerExtension(X509* cert, const char* oid,
                             const std::string& der) {
  Asn1ObjectPtr obj(OBJ_txt2obj(oid, 1));
  Asn1OctetStringPtr value(ASN1_OCTET_STRING_new());
  if (obj == nullptr || value == nullptr ||
      ASN1_OCTET_STRING_set(value.get(),
                            reinterpret_cast<const unsigned char*>(der.data()),
                            static_cast<int>(der.size())) != 1) {
    return OpenSslError("extension value");
  }
  ExtensionPtr ext(
      X509_EXTENSION_create_by_OBJ(nullptr, obj.get(), 0, value.get()));
  if (ext == nullptr || X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslError(absl::StrCat("extension ", oid));
  }
  return absl::OkStatus();
}

absl::Status AddProfileExtensions(X509* cert, X509* issuer,
                                  CertProfile profile) {
  if (profile == CertProfile::kCa) {
    RETURN_IF_ERROR(AddConfExtension(cert, issuer, NID_basic_constraints,
                                     "critical,CA:TRUE"));
    return AddConfExtension(cert, issuer, NID_key_usage,
                            "critical,keyCertSign,cRLSign");
  }
  RETURN_IF_ERROR(AddConfExtension(cert, issuer, NID_basic_constraints,
                                   "critical,CA:FALSE"));
  switch (profile) {
    case CertProfile::kQualified:
      RETURN_IF_ERROR(AddConfExtension(cert, issuer, NID_key_usage,
                                       "critical,nonRepudiation"
                                       ",digitalSignature"));
      return AddDerExtension(cert, kQcStatementsOid, QualifiedStatementsDer());
    case CertProfile::kNonQualified:
      return AddConfExtension(cert, issuer, NID_key_usage,
                              "critical,nonRepudiation,digitalSignature");
    case CertProfile::kAuthentication:
      return AddConfExtension(cert, issuer, NID_key_usage,
                              "critical,digitalSignature");
    case CertProfile::kTsa:
      RETURN_IF_ERROR(AddConfExtension(cert, issuer, NID_key_usage,
                                       "critical,digitalSignature"));
      return AddConfExtension(cert, issuer, NID_ext_key_usage,
                              "critical,timeStamping");
    case CertProfile::kOcspResponder:
      RETURN_IF_ERROR(AddConfExtension(cert, issuer, NID_key_usage,
                                       "critical,digitalSignature"));
      RETURN_IF_ERROR(
          AddConfExtension(cert, issuer, NID_ext_key_usage, "OCSPSigning"));
      return AddConfExtension(cert, issuer, NID_id_pkix_OCSP_noCheck,
                              "ignored");
    case CertProfile::kCa:
      break;
  }
  return absl::OkStatus();
}

absl::Status SetNames(X509* cert, const std::string& cn, X509* issuer) {
  X509_NAME* name = X509_get_subject_name(cert);
  auto add = [name](const char* field, const std::string& value) {
    return X509_NAME_add_entry_by_txt(
               name, field, MBSTRING_UTF8,
               reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1,
               0) == 1;
  };
  if (!add("C", "DE") || !add("O", "docintake test PKI") || !add("CN", cn) ||
      X509_set_issuer_name(
          cert, issuer != nullptr ? X509_get_subject_name(issuer) : name) !=
          1) {
    return OpenSslError("certificate names");
  }
  return absl::OkStatus();
}

}  // namespace

std::string QualifiedStatementsDer() {
  return DerSequence({
      DerSequence({DerOid(kQcComplianceOid)}),
      DerSequence({DerOid(kQcTypeOid), DerSequence({DerOid(kQcTypeEsignOid)})}),
      DerSequence({DerOid(kQcSscdOid)}),
  });
}

absl::StatusOr<std::unique_ptr<Credential>> MakeCredential(
    const CertificateSpec& spec, long serial) {
  if (spec.not_after <= spec.not_before) {
    return absl::InvalidArgumentError("certificate validity window is empty");
  }
  if (spec.issuer != nullptr &&
      (spec.issuer->cert == nullptr || spec.issuer->key == nullptr)) {
    return absl::InvalidArgumentError("issuer without certificate or key");
  }
  auto credential = std::make_unique<Credential>();
  credential->name = spec.common_name;
  credential->issuer = spec.issuer;
  ASSIGN_OR_RETURN(credential->key, MakeKey(spec.key_type));
  credential->cert.reset(X509_new());
  X509* cert = credential->cert.get();
  X509* issuer = spec.issuer != nullptr ? spec.issuer->cert.get() : nullptr;
  EVP_PKEY* issuer_key =
      spec.issuer != nullptr ? spec.issuer->key.get() : credential->key.get();
  Asn1TimePtr not_before = ToAsn1Time(spec.not_before);
  Asn1TimePtr not_after = ToAsn1Time(spec.not_after);
  if (cert == nullptr || not_before == nullptr || not_after == nullptr ||
      X509_set_version(cert, X509_VERSION_3) != 1 ||
      ASN1_INTEGER_set(X509_get_serialNumber(cert), serial) != 1 ||
      X509_set1_notBefore(cert, not_before.get()) != 1 ||
      X509_set1_notAfter(cert, not_after.get()) != 1 ||
      X509_set_pubkey(cert, credential->key.get()) != 1) {
    return OpenSslError("certificate fields");
  }
  RETURN_IF_ERROR(SetNames(cert, spec.common_name, issuer));
  X509* signer = issuer != nullptr ? issuer : cert;
  RETURN_IF_ERROR(
      AddConfExtension(cert, signer, NID_subject_key_identifier, "hash"));
  if (issuer != nullptr) {
    RETURN_IF_ERROR(AddConfExtension(cert, signer, NID_authority_key_identifier,
                                     "keyid:always"));
  }
  RETURN_IF_ERROR(AddProfileExtensions(cert, signer, spec.profile));
  if (X509_sign(cert, issuer_key, EVP_sha256()) <= 0) {
    return OpenSslError("X509_sign");
  }
  return credential;
}

}  // namespace docintake::testing::signing::internal
