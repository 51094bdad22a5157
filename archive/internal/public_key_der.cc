#include "archive/internal/public_key_der.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::archive::internal {
namespace {

constexpr size_t kMaxPemBytes = 64 * 1024;

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct BioFree {
  void operator()(BIO* p) const { BIO_free(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

absl::Status NotAKey() {
  return absl::InvalidArgumentError(
      "not a SubjectPublicKeyInfo PEM (\"-----BEGIN PUBLIC KEY-----\")");
}

absl::StatusOr<PkeyPtr> ReadKey(absl::string_view pem) {
  if (pem.size() > kMaxPemBytes) return NotAKey();
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return absl::InternalError("BIO_new_mem_buf failed");
  PkeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (pkey == nullptr) {
    ERR_clear_error();
    return NotAKey();
  }
  return pkey;
}

}  // namespace

absl::StatusOr<std::string> PublicKeyDer(absl::string_view pem) {
  ASSIGN_OR_RETURN(PkeyPtr pkey, ReadKey(pem));
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(pkey.get(), &der);
  if (len <= 0) {
    ERR_clear_error();
    return NotAKey();
  }
  std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

absl::StatusOr<std::string> CanonicalPublicKeyPem(absl::string_view pem) {
  ASSIGN_OR_RETURN(PkeyPtr pkey, ReadKey(pem));
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1) {
    ERR_clear_error();
    return absl::InternalError("PEM_write_bio_PUBKEY failed");
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

absl::StatusOr<std::string> PublicKeyFingerprint(absl::string_view pem) {
  ASSIGN_OR_RETURN(std::string der, PublicKeyDer(pem));
  return base::Sha256Hex(der);
}

}  // namespace docintake::archive::internal
