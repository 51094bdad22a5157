#include "tests/signature/trust/corpus_pdf.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <zlib.h>

#include <algorithm>
#include <regex>

#include "absl/strings/escaping.h"
#include "base/owned.h"

namespace docintake::signature::testing {
namespace {

std::string Der(X509* cert) {
  unsigned char* out = nullptr;
  const int len = i2d_X509(cert, &out);
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

template <typename T, int (*kEncode)(const T*, unsigned char**)>
std::string Encode(const T* object) {
  unsigned char* out = nullptr;
  const int len = kEncode(object, &out);
  if (len <= 0) return "";
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

std::optional<std::string> Inflate(const std::string& data) {
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) return std::nullopt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < (16u << 20)) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// Classifies one blob that must be exactly one DER object.
void Classify(const std::string& blob, std::vector<std::string>& certs,
              RevocationData& revocation) {
  const auto* begin = reinterpret_cast<const unsigned char*>(blob.data());
  const long size = static_cast<long>(blob.size());
  const unsigned char* p = begin;
  if (X509* x = d2i_X509(nullptr, &p, size)) {
    if (p == begin + size) certs.push_back(blob);
    X509_free(x);
    return;
  }
  p = begin;
  if (OCSP_RESPONSE* r = d2i_OCSP_RESPONSE(nullptr, &p, size)) {
    if (p == begin + size) revocation.ocsp_responses.push_back(blob);
    OCSP_RESPONSE_free(r);
    return;
  }
  p = begin;
  if (X509_CRL* c = d2i_X509_CRL(nullptr, &p, size)) {
    if (p == begin + size) revocation.crls.push_back(blob);
    X509_CRL_free(c);
  }
}

std::optional<absl::Time> TokenTime(const unsigned char* p, long len) {
  PKCS7* token = d2i_PKCS7(nullptr, &p, len);
  if (token == nullptr) return std::nullopt;
  TS_TST_INFO* info = PKCS7_to_TS_TST_INFO(token);
  PKCS7_free(token);
  if (info == nullptr) return std::nullopt;
  struct tm tm_value {};
  std::optional<absl::Time> out;
  if (ASN1_TIME_to_tm(TS_TST_INFO_get_time(info), &tm_value) == 1) {
    out = absl::FromCivil(
        absl::CivilSecond(tm_value.tm_year + 1900, tm_value.tm_mon + 1,
                          tm_value.tm_mday, tm_value.tm_hour, tm_value.tm_min,
                          tm_value.tm_sec),
        absl::UTCTimeZone());
  }
  TS_TST_INFO_free(info);
  return out;
}

// adbe-revocationInfoArchival: SEQUENCE { [0] SEQUENCE OF CRL, [1] SEQUENCE
// OF OCSPResponse, ... }. Walks it with ASN1_get_object.
void ParseArchival(const unsigned char* p, long len, RevocationData& out) {
  const unsigned char* end = p + len;
  long inner_len = 0;
  int tag = 0, cls = 0;
  if (ASN1_get_object(&p, &inner_len, &tag, &cls, end - p) & 0x80) return;
  const unsigned char* seq_end = p + inner_len;
  while (p < seq_end) {
    const unsigned char* field = p;
    if (ASN1_get_object(&p, &inner_len, &tag, &cls, seq_end - p) & 0x80) {
      return;
    }
    const unsigned char* field_end = p + inner_len;
    long list_len = 0;
    if (!(ASN1_get_object(&p, &list_len, &tag, &cls, field_end - p) & 0x80)) {
      while (p < field_end) {
        const unsigned char* item = p;
        long item_len = 0;
        if (ASN1_get_object(&p, &item_len, &tag, &cls, field_end - p) & 0x80) {
          break;
        }
        p += item_len;
        std::string der(reinterpret_cast<const char*>(item),
                        static_cast<size_t>(p - item));
        const int field_tag = field[0] & 0x1f;
        if (field_tag == 0) out.crls.push_back(der);
        if (field_tag == 1) out.ocsp_responses.push_back(der);
      }
    }
    p = field_end;
  }
}

void ReadCms(const std::string& der, CorpusSignature& sig) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  base::Owned<CMS_ContentInfo, CMS_ContentInfo_free> cms(
      d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (cms == nullptr) return;
  sig.is_timestamp_token =
      OBJ_obj2nid(CMS_get0_eContentType(cms.get())) == NID_id_smime_ct_TSTInfo;
  STACK_OF(X509)* certs = CMS_get1_certs(cms.get());
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  CMS_SignerInfo* si = sk_CMS_SignerInfo_num(infos) > 0
                           ? sk_CMS_SignerInfo_value(infos, 0)
                           : nullptr;
  for (int i = 0; certs != nullptr && i < sk_X509_num(certs); ++i) {
    X509* cert = sk_X509_value(certs, i);
    sig.cms_certificates.push_back(Der(cert));
    if (si != nullptr && CMS_SignerInfo_cert_cmp(si, cert) == 0) {
      sig.signer_der = Der(cert);
    }
  }
  sk_X509_pop_free(certs, X509_free);
  STACK_OF(X509_CRL)* crls = CMS_get1_crls(cms.get());
  for (int i = 0; crls != nullptr && i < sk_X509_CRL_num(crls); ++i) {
    sig.cms_revocation.crls.push_back(
        Encode<X509_CRL, i2d_X509_CRL>(sk_X509_CRL_value(crls, i)));
  }
  sk_X509_CRL_pop_free(crls, X509_CRL_free);
  if (si == nullptr) return;
  if (sig.is_timestamp_token) {
    const unsigned char* q = reinterpret_cast<const unsigned char*>(der.data());
    sig.timestamp_time = TokenTime(q, static_cast<long>(der.size()));
    return;
  }
  const int ts_index =
      CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  if (ts_index >= 0) {
    ASN1_TYPE* value =
        X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, ts_index), 0);
    if (value != nullptr && value->type == V_ASN1_SEQUENCE) {
      sig.timestamp_time =
          TokenTime(value->value.sequence->data, value->value.sequence->length);
    }
  }
  ASN1_OBJECT* archival = OBJ_txt2obj("1.2.840.113583.1.1.8", 1);
  const int rev_index = CMS_signed_get_attr_by_OBJ(si, archival, -1);
  ASN1_OBJECT_free(archival);
  if (rev_index >= 0) {
    ASN1_TYPE* value =
        X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, rev_index), 0);
    if (value != nullptr && value->type == V_ASN1_SEQUENCE) {
      ParseArchival(value->value.sequence->data, value->value.sequence->length,
                    sig.cms_revocation);
    }
  }
}

}  // namespace

CorpusPdf ExtractCorpusPdf(const std::string& pdf) {
  CorpusPdf out;
  static const std::regex kByteRange(
      R"(/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])");
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), kByteRange);
       it != std::sregex_iterator(); ++it) {
    const long a = std::stol((*it)[2]);
    const long c = std::stol((*it)[3]);
    if (a <= 0 || c <= a || static_cast<size_t>(c) > pdf.size()) continue;
    std::string hex =
        pdf.substr(static_cast<size_t>(a), static_cast<size_t>(c - a));
    hex.erase(
        std::remove_if(hex.begin(), hex.end(),
                       [](char ch) {
                         return !std::isxdigit(static_cast<unsigned char>(ch));
                       }),
        hex.end());
    if (hex.size() % 2 != 0) continue;
    CorpusSignature sig;
    sig.gap_start = a;
    ReadCms(absl::HexStringToBytes(hex), sig);
    if (!sig.signer_der.empty()) out.signatures.push_back(std::move(sig));
  }
  std::sort(out.signatures.begin(), out.signatures.end(),
            [](const CorpusSignature& x, const CorpusSignature& y) {
              return x.gap_start < y.gap_start;
            });
  size_t pos = 0;
  while ((pos = pdf.find("stream", pos)) != std::string::npos) {
    size_t start = pos + 6;
    if (pos >= 3 && pdf.compare(pos - 3, 3, "end") == 0) {
      pos = start;
      continue;
    }
    if (start < pdf.size() && pdf[start] == '\r') ++start;
    if (start < pdf.size() && pdf[start] == '\n') ++start;
    const size_t end = pdf.find("endstream", start);
    if (end == std::string::npos) break;
    std::string raw = pdf.substr(start, end - start);
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) {
      raw.pop_back();
    }
    std::optional<std::string> inflated = Inflate(raw);
    Classify(inflated.has_value() ? *inflated : raw, out.stream_certificates,
             out.stream_revocation);
    pos = end + 9;
  }
  ERR_clear_error();
  return out;
}

}  // namespace docintake::signature::testing
