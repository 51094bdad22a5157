#include "signature/trust/internal/x509_util.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "base/sha256.h"

namespace docintake::signature::trust_internal {
namespace {

using BioPtr = base::Owned<BIO, BIO_free_all>;

template <typename T, int (*kEncode)(const T*, unsigned char**)>
std::string ToDer(const T* object) {
  unsigned char* out = nullptr;
  const int len = kEncode(object, &out);
  if (len <= 0 || out == nullptr) return "";
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

}  // namespace

namespace {

// Parsed certificates by DER. Decoding a certificate's key is costly in
// OpenSSL 3, and the same anchors, CAs and TSA certificates come back in
// every document; X509 objects are reference-counted and read-only once
// parsed. Bounded: emptied when full.
class CertificateCache {
 public:
  X509Ptr Find(absl::string_view der) {
    absl::MutexLock lock(&mu_);
    auto it = certs_.find(der);
    if (it == certs_.end()) return nullptr;
    X509_up_ref(it->second.get());
    return X509Ptr(it->second.get());
  }
  void Add(absl::string_view der, X509* cert) {
    absl::MutexLock lock(&mu_);
    if (certs_.size() >= kCapacity) certs_.clear();
    X509_up_ref(cert);
    certs_.emplace(std::string(der), X509Ptr(cert));
  }

 private:
  static constexpr size_t kCapacity = 4096;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, X509Ptr> certs_ ABSL_GUARDED_BY(mu_);
};

CertificateCache& Cache() {
  static CertificateCache* cache = new CertificateCache();
  return *cache;
}

}  // namespace

absl::StatusOr<X509Ptr> ParseCertificateDer(absl::string_view der) {
  if (X509Ptr cached = Cache().Find(der)) return cached;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (cert == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a DER certificate: ", TakeOpenSslErrors()));
  }
  if (p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
    return absl::InvalidArgumentError("trailing bytes after DER certificate");
  }
  Cache().Add(der, cert.get());
  return cert;
}

absl::StatusOr<std::vector<X509Ptr>> ParseCertificates(absl::string_view data) {
  std::vector<X509Ptr> certs;
  if (!absl::StrContains(data, "-----BEGIN")) {
    auto cert = ParseCertificateDer(data);
    if (!cert.ok()) return cert.status();
    certs.push_back(std::move(cert).value());
    return certs;
  }
  BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (bio == nullptr) return absl::ResourceExhaustedError("BIO_new_mem_buf");
  while (true) {
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (cert == nullptr) break;
    certs.push_back(std::move(cert));
  }
  ERR_clear_error();  // the loop ends with "no start line"
  if (certs.empty()) {
    return absl::InvalidArgumentError("no PEM certificate found");
  }
  return certs;
}

std::string CertificateDer(const X509* cert) {
  return ToDer<X509, i2d_X509>(cert);
}

std::string SubjectDer(const X509* cert) {
  return ToDer<X509_NAME, i2d_X509_NAME>(X509_get_subject_name(cert));
}

std::string PublicKeyDer(const X509* cert) {
  return ToDer<X509_PUBKEY, i2d_X509_PUBKEY>(X509_get_X509_PUBKEY(cert));
}

bool SameSubjectAndKey(const X509* a, const X509* b) {
  return X509_NAME_cmp(X509_get_subject_name(a), X509_get_subject_name(b)) ==
             0 &&
         PublicKeyDer(a) == PublicKeyDer(b);
}

std::string NameToString(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || name == nullptr) return "";
  X509_NAME_print_ex(bio.get(), name, 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return len > 0 ? std::string(data, static_cast<size_t>(len)) : "";
}

std::string SerialHex(const X509* cert) {
  const ASN1_INTEGER* serial = X509_get0_serialNumber(cert);
  return absl::BytesToHexString(absl::string_view(
      reinterpret_cast<const char*>(ASN1_STRING_get0_data(serial)),
      static_cast<size_t>(ASN1_STRING_length(serial))));
}

std::string Sha256Hex(const X509* cert) {
  return base::Sha256Hex(CertificateDer(cert));
}

absl::StatusOr<absl::Time> AsnTimeToTime(const ASN1_TIME* t) {
  struct tm tm_value {};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm_value) != 1) {
    return absl::InvalidArgumentError("malformed ASN.1 time");
  }
  return absl::FromCivil(
      absl::CivilSecond(tm_value.tm_year + 1900, tm_value.tm_mon + 1,
                        tm_value.tm_mday, tm_value.tm_hour, tm_value.tm_min,
                        tm_value.tm_sec),
      absl::UTCTimeZone());
}

time_t ToTimeT(absl::Time t) { return absl::ToTimeT(t); }

KeyUsage GetKeyUsage(X509* cert) {
  KeyUsage ku;
  ku.present = X509_get_ext_by_NID(cert, NID_key_usage, -1) >= 0;
  ku.bits = X509_get_key_usage(cert);
  return ku;
}

bool HasExtendedKeyUsage(X509* cert, int nid) {
  auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
      X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  if (eku == nullptr) return false;
  bool found = false;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i) {
    if (OBJ_obj2nid(sk_ASN1_OBJECT_value(eku, i)) == nid) found = true;
  }
  EXTENDED_KEY_USAGE_free(eku);
  return found;
}

std::string TakeOpenSslErrors() {
  std::string out;
  unsigned long code;
  while ((code = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof(buf));
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "no OpenSSL error detail" : out;
}

}  // namespace docintake::signature::trust_internal
