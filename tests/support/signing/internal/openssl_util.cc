#include "tests/support/signing/internal/openssl_util.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

#include "absl/strings/str_cat.h"

namespace docintake::testing::signing::internal {

absl::Status OpenSslError(absl::string_view what) {
  std::string detail;
  while (unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof(buf));
    absl::StrAppend(&detail, detail.empty() ? "" : "; ", buf);
  }
  return absl::InternalError(
      absl::StrCat("test signing: ", what, ": ", detail));
}

Asn1TimePtr ToAsn1Time(absl::Time t) {
  return Asn1TimePtr(
      ASN1_TIME_set(nullptr, static_cast<time_t>(absl::ToUnixSeconds(t))));
}

GeneralizedTimePtr ToGeneralizedTime(absl::Time t) {
  return GeneralizedTimePtr(ASN1_GENERALIZEDTIME_set(
      nullptr, static_cast<time_t>(absl::ToUnixSeconds(t))));
}

std::string CertDer(const X509* cert) {
  unsigned char* der = nullptr;
  const int len = i2d_X509(cert, &der);
  if (len <= 0) return "";
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::string CertPem(const X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || PEM_write_bio_X509(bio.get(), cert) != 1) return "";
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

std::string DerTlv(unsigned char tag, absl::string_view content) {
  std::string out(1, static_cast<char>(tag));
  const size_t len = content.size();
  if (len < 0x80) {
    out.push_back(static_cast<char>(len));
  } else {
    std::string bytes;
    for (size_t n = len; n > 0; n >>= 8) {
      bytes.insert(bytes.begin(), static_cast<char>(n & 0xff));
    }
    out.push_back(static_cast<char>(0x80 | bytes.size()));
    out += bytes;
  }
  out.append(content.data(), content.size());
  return out;
}

std::string DerOid(const char* dotted) {
  Asn1ObjectPtr obj(OBJ_txt2obj(dotted, 1));
  if (obj == nullptr) return "";
  unsigned char* der = nullptr;
  const int len = i2d_ASN1_OBJECT(obj.get(), &der);
  if (len <= 0) return "";
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::string DerSequence(const std::vector<std::string>& items) {
  std::string content;
  for (const std::string& item : items) content += item;
  return DerTlv(0x30, content);
}

const EVP_MD* DigestByName(absl::string_view name) {
  const EVP_MD* md = EVP_get_digestbyname(std::string(name).c_str());
  return md != nullptr ? md : EVP_sha256();
}

absl::StatusOr<std::string> Digest(const EVP_MD* md, absl::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    return OpenSslError("EVP_Digest");
  }
  return std::string(reinterpret_cast<char*>(out), len);
}

}  // namespace docintake::testing::signing::internal
