#include "archive/timestamp.h"

#include <curl/curl.h>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/owned.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

using base::Owned;

using TsReqPtr = Owned<TS_REQ, TS_REQ_free>;
using TsRespPtr = Owned<TS_RESP, TS_RESP_free>;
using TstInfoPtr = Owned<TS_TST_INFO, TS_TST_INFO_free>;
using VerifyCtxPtr = Owned<TS_VERIFY_CTX, TS_VERIFY_CTX_free>;
using MsgImprintPtr = Owned<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>;
using AlgorPtr = Owned<X509_ALGOR, X509_ALGOR_free>;
using Pkcs7Ptr = Owned<PKCS7, PKCS7_free>;
using StorePtr = Owned<X509_STORE, X509_STORE_free>;
using X509Ptr = Owned<X509, X509_free>;
using BioPtr = Owned<BIO, BIO_free>;
using BignumPtr = Owned<BIGNUM, BN_free>;
using IntegerPtr = Owned<ASN1_INTEGER, ASN1_INTEGER_free>;
// sk_X509_free is a macro.
struct CertStackFree {
  void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
};
using CertStackPtr = std::unique_ptr<STACK_OF(X509), CertStackFree>;

using CurlPtr = Owned<CURL, curl_easy_cleanup>;
using CurlListPtr = Owned<curl_slist, curl_slist_free_all>;

constexpr size_t kDigestBytes = 32;
constexpr size_t kMaxNonceBytes = 32;

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Everything in OpenSSL's per-thread error queue, as text; empties it.
std::string DrainOpenSslErrors() {
  std::string out;
  const char* data = nullptr;
  int flags = 0;
  while (unsigned long e =
             ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
    const char* reason = ERR_reason_error_string(e);
    absl::StrAppend(&out, out.empty() ? "" : "; ",
                    reason != nullptr ? reason : "unknown OpenSSL error");
    if ((flags & ERR_TXT_STRING) != 0 && data != nullptr && *data != '\0') {
      absl::StrAppend(&out, " (", data, ")");
    }
  }
  return out.empty() ? "no detail from OpenSSL" : out;
}

absl::Status OutOfMemory(absl::string_view what) {
  ERR_clear_error();
  return absl::ResourceExhaustedError(
      absl::StrCat("OpenSSL could not allocate ", what));
}

// A TimeStampReq over `digest`; no nonce if `nonce` is empty.
absl::StatusOr<TsReqPtr> MakeRequest(absl::string_view digest,
                                     absl::string_view nonce) {
  if (digest.size() != kDigestBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("a SHA-256 digest has 32 bytes, not ", digest.size()));
  }
  if (nonce.size() > kMaxNonceBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the nonce has ", nonce.size(), " bytes, more than ", kMaxNonceBytes));
  }
  TsReqPtr req(TS_REQ_new());
  AlgorPtr algorithm(X509_ALGOR_new());
  MsgImprintPtr imprint(TS_MSG_IMPRINT_new());
  if (req == nullptr || algorithm == nullptr || imprint == nullptr ||
      X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL,
                      nullptr) != 1 ||
      TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1 ||
      TS_MSG_IMPRINT_set_msg(imprint.get(),
                             const_cast<unsigned char*>(Bytes(digest)),
                             static_cast<int>(digest.size())) != 1 ||
      TS_REQ_set_version(req.get(), 1) != 1 ||
      TS_REQ_set_msg_imprint(req.get(), imprint.get()) != 1 ||
      TS_REQ_set_cert_req(req.get(), 1) != 1) {
    return OutOfMemory("a timestamp request");
  }
  if (!nonce.empty()) {
    BignumPtr n(
        BN_bin2bn(Bytes(nonce), static_cast<int>(nonce.size()), nullptr));
    IntegerPtr integer(n == nullptr ? nullptr
                                    : BN_to_ASN1_INTEGER(n.get(), nullptr));
    if (integer == nullptr || TS_REQ_set_nonce(req.get(), integer.get()) != 1) {
      return OutOfMemory("a nonce");
    }
  }
  return req;
}

// A store in which every certificate of `pems` is a trust anchor.
absl::StatusOr<StorePtr> TrustStore(const std::vector<std::string>& pems) {
  if (pems.empty()) {
    return absl::InvalidArgumentError("no trusted TSA CA certificate given");
  }
  StorePtr store(X509_STORE_new());
  if (store == nullptr) return OutOfMemory("a certificate store");
  for (size_t i = 0; i < pems.size(); ++i) {
    BioPtr bio(
        BIO_new_mem_buf(pems[i].data(), static_cast<int>(pems[i].size())));
    if (bio == nullptr) return OutOfMemory("a buffer");
    int count = 0;
    while (
        X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)}) {
      if (X509_STORE_add_cert(store.get(), cert.get()) != 1) {
        return OutOfMemory("a trusted certificate");
      }
      ++count;
    }
    ERR_clear_error();  // the read that ended the loop
    if (count == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("trusted TSA CA #", i + 1, " is not a PEM certificate"));
    }
  }
  // Listed intermediates (or TSA certificates, as on EU trust lists) anchor
  // a chain on their own.
  X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
  return store;
}

// genTime, "YYYYMMDDhhmmss[.fraction]Z" (RFC 3161 §2.4.2).
absl::StatusOr<absl::Time> GenTime(const TS_TST_INFO* tst) {
  const ASN1_GENERALIZEDTIME* t = TS_TST_INFO_get_time(tst);
  struct tm tm = {};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) {
    ERR_clear_error();
    return absl::InvalidArgumentError("the token's genTime is malformed");
  }
  absl::Time out = absl::FromCivil(
      absl::CivilSecond(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec),
      absl::UTCTimeZone());
  absl::string_view text(
      reinterpret_cast<const char*>(ASN1_STRING_get0_data(t)),
      static_cast<size_t>(ASN1_STRING_length(t)));
  const size_t dot = text.find('.');
  if (dot != text.npos) {
    absl::Duration unit = absl::Seconds(1);
    for (size_t i = dot + 1;
         i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      unit /= 10;
      out += unit * (text[i] - '0');
    }
  }
  return out;
}

std::string NameText(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr ||
      X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) {
    ERR_clear_error();
    return "";
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

// The TSTInfo's tsa name if it is a directory name, else the signer's subject.
std::string TsaName(PKCS7* token, TS_TST_INFO* tst) {
  const GENERAL_NAME* tsa = TS_TST_INFO_get_tsa(tst);
  if (tsa != nullptr && tsa->type == GEN_DIRNAME) return NameText(tsa->d.dirn);
  CertStackPtr signers(PKCS7_get0_signers(token, nullptr, 0));
  ERR_clear_error();
  if (signers == nullptr || sk_X509_num(signers.get()) < 1) return "";
  return NameText(X509_get_subject_name(sk_X509_value(signers.get(), 0)));
}

// When the TSA's certificate chain must be valid.
enum class ChainTime { kNow, kGenTime };

// Verifies `token` against what `request` asked for and `store`.
absl::StatusOr<TimestampToken> VerifyToken(PKCS7* token, TS_REQ* request,
                                           StorePtr store,
                                           ChainTime chain_time) {
  TstInfoPtr tst(PKCS7_to_TS_TST_INFO(token));
  if (tst == nullptr) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        "the CMS message does not carry a TSTInfo");
  }
  ASSIGN_OR_RETURN(absl::Time gen_time, GenTime(tst.get()));
  if (chain_time == ChainTime::kGenTime) {
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()),
                               absl::ToTimeT(gen_time));
  }
  VerifyCtxPtr ctx(TS_REQ_to_TS_VERIFY_CTX(request, nullptr));
  if (ctx == nullptr) return OutOfMemory("a verification context");
  TS_VERIFY_CTX_add_flags(ctx.get(), TS_VFY_SIGNATURE);
  TS_VERIFY_CTX_set_store(ctx.get(), store.release());
  ERR_clear_error();
  if (TS_RESP_verify_token(ctx.get(), token) != 1) {
    return absl::DataLossError(absl::StrCat(
        "the timestamp token does not verify: ", DrainOpenSslErrors()));
  }
  TimestampToken out;
  unsigned char* der = nullptr;
  const int len = i2d_PKCS7(token, &der);
  if (len <= 0) return OutOfMemory("the token encoding");
  out.token_der.assign(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  out.gen_time = gen_time;
  out.tsa_name = TsaName(token, tst.get());
  return out;
}

// FAILED_PRECONDITION unless the response's status is granted(WithMods).
absl::Status CheckGranted(TS_RESP* response) {
  TS_STATUS_INFO* info = TS_RESP_get_status_info(response);
  const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(info));
  if (status == TS_STATUS_GRANTED || status == TS_STATUS_GRANTED_WITH_MODS) {
    return absl::OkStatus();
  }
  static constexpr const char* kStatusNames[] = {
      "granted", "grantedWithMods",   "rejection",
      "waiting", "revocationWarning", "revocationNotification"};
  std::string message =
      absl::StrCat("the TSA did not grant the timestamp: status ",
                   status >= 0 && status < 6 ? kStatusNames[status] : "unknown",
                   " (", status, ")");
  const STACK_OF(ASN1_UTF8STRING)* texts = TS_STATUS_INFO_get0_text(info);
  for (int i = 0; i < sk_ASN1_UTF8STRING_num(texts); ++i) {
    const ASN1_UTF8STRING* s = sk_ASN1_UTF8STRING_value(texts, i);
    absl::StrAppend(&message, i == 0 ? ", \"" : " \"",
                    absl::string_view(
                        reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                        static_cast<size_t>(ASN1_STRING_length(s))),
                    "\"");
  }
  static constexpr struct {
    int bit;
    const char* name;
  } kFailures[] = {{TS_INFO_BAD_ALG, "badAlg"},
                   {TS_INFO_BAD_REQUEST, "badRequest"},
                   {TS_INFO_BAD_DATA_FORMAT, "badDataFormat"},
                   {TS_INFO_TIME_NOT_AVAILABLE, "timeNotAvailable"},
                   {TS_INFO_UNACCEPTED_POLICY, "unacceptedPolicy"},
                   {TS_INFO_UNACCEPTED_EXTENSION, "unacceptedExtension"},
                   {TS_INFO_ADD_INFO_NOT_AVAILABLE, "addInfoNotAvailable"},
                   {TS_INFO_SYSTEM_FAILURE, "systemFailure"}};
  const ASN1_BIT_STRING* failure = TS_STATUS_INFO_get0_failure_info(info);
  std::vector<absl::string_view> failures;
  for (const auto& f : kFailures) {
    if (failure != nullptr && ASN1_BIT_STRING_get_bit(failure, f.bit)) {
      failures.push_back(f.name);
    }
  }
  if (!failures.empty()) {
    absl::StrAppend(&message, ", failure ", absl::StrJoin(failures, ","));
  }
  return absl::FailedPreconditionError(message);
}

constexpr size_t kMaxReplyBytes = 1 << 20;

// curl_global_init once per process, from whichever thread comes first.
absl::Status InitCurlOnce() {
  static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) {
    return absl::InternalError(
        absl::StrCat("curl_global_init: ", curl_easy_strerror(rc)));
  }
  return absl::OkStatus();
}

struct Reply {
  std::string body;
  bool too_large = false;
};

size_t AppendReply(char* data, size_t size, size_t count, void* user) {
  auto* reply = static_cast<Reply*>(user);
  const size_t n = size * count;
  if (reply->body.size() + n > kMaxReplyBytes) {
    reply->too_large = true;
    return 0;  // makes curl abort the transfer
  }
  reply->body.append(data, n);
  return n;
}

absl::StatusOr<CurlListPtr> RequestHeaders() {
  CurlListPtr list;
  for (const char* header :
       {"Content-Type: application/timestamp-query",
        "Accept: application/timestamp-reply", "Expect:"}) {
    curl_slist* head = curl_slist_append(list.get(), header);
    if (head == nullptr) {
      return absl::ResourceExhaustedError("curl_slist_append failed");
    }
    (void)list.release();  // `head` is the same list, possibly new
    list.reset(head);
  }
  return list;
}

}  // namespace

absl::StatusOr<std::string> BuildTimestampRequest(
    absl::string_view sha256_digest, absl::string_view nonce) {
  if (nonce.empty()) {
    return absl::InvalidArgumentError("the nonce must not be empty");
  }
  ASSIGN_OR_RETURN(TsReqPtr req, MakeRequest(sha256_digest, nonce));
  unsigned char* der = nullptr;
  const int len = i2d_TS_REQ(req.get(), &der);
  if (len <= 0) return OutOfMemory("the request encoding");
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

absl::StatusOr<TimestampToken> VerifyTimestampResponse(
    absl::string_view response_der, absl::string_view sha256_digest,
    absl::string_view nonce, const std::vector<std::string>& trusted_ca_pems) {
  if (nonce.empty()) {
    return absl::InvalidArgumentError("the nonce must not be empty");
  }
  ASSIGN_OR_RETURN(TsReqPtr request, MakeRequest(sha256_digest, nonce));
  ASSIGN_OR_RETURN(StorePtr store, TrustStore(trusted_ca_pems));
  const unsigned char* p = Bytes(response_der);
  TsRespPtr response(
      d2i_TS_RESP(nullptr, &p, static_cast<long>(response_der.size())));
  if (response == nullptr || p != Bytes(response_der) + response_der.size()) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        "the TSA's reply is not a DER TimeStampResp");
  }
  RETURN_IF_ERROR(CheckGranted(response.get()));
  PKCS7* token = TS_RESP_get_token(response.get());
  if (token == nullptr) {
    return absl::InvalidArgumentError("the granted response has no token");
  }
  return VerifyToken(token, request.get(), std::move(store), ChainTime::kNow);
}

absl::StatusOr<TimestampToken> VerifyTimestampToken(
    absl::string_view token_der, absl::string_view sha256_digest,
    const std::vector<std::string>& trusted_ca_pems) {
  ASSIGN_OR_RETURN(TsReqPtr request, MakeRequest(sha256_digest, ""));
  ASSIGN_OR_RETURN(StorePtr store, TrustStore(trusted_ca_pems));
  const unsigned char* p = Bytes(token_der);
  Pkcs7Ptr token(d2i_PKCS7(nullptr, &p, static_cast<long>(token_der.size())));
  if (token == nullptr || p != Bytes(token_der) + token_der.size()) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        "the stored timestamp token is not a DER CMS message");
  }
  return VerifyToken(token.get(), request.get(), std::move(store),
                     ChainTime::kGenTime);
}

absl::StatusOr<std::string> CurlTsaClient::Request(
    absl::string_view request_der) {
  RETURN_IF_ERROR(InitCurlOnce());
  CurlPtr curl(curl_easy_init());
  if (curl == nullptr) {
    return absl::ResourceExhaustedError("curl_easy_init failed");
  }
  ASSIGN_OR_RETURN(CurlListPtr headers, RequestHeaders());
  Reply reply;
  char error[CURL_ERROR_SIZE] = {};
  const long timeout_ms = static_cast<long>(
      std::max<int64_t>(1, absl::ToInt64Milliseconds(timeout_)));
  CURL* c = curl.get();
  CURLcode rc = CURLE_OK;
  const auto set = [&rc](CURLcode result) {
    if (rc == CURLE_OK) rc = result;
  };
  set(curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error));
  set(curl_easy_setopt(c, CURLOPT_URL, url_.c_str()));
  set(curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https"));
  set(curl_easy_setopt(c, CURLOPT_NOPROXY, "*"));
  set(curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L));
  set(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms));
  set(curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms));
  set(curl_easy_setopt(c, CURLOPT_POST, 1L));
  set(curl_easy_setopt(c, CURLOPT_POSTFIELDS, request_der.data()));
  set(curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request_der.size())));
  set(curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get()));
  set(curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                       static_cast<curl_off_t>(kMaxReplyBytes)));
  set(curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &AppendReply));
  set(curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply));
  if (rc != CURLE_OK) {
    return absl::InternalError(absl::StrCat("setting up the request to ", url_,
                                            ": ", curl_easy_strerror(rc)));
  }
  rc = curl_easy_perform(c);
  if (rc == CURLE_URL_MALFORMAT || rc == CURLE_UNSUPPORTED_PROTOCOL) {
    return absl::InvalidArgumentError(
        absl::StrCat("TSA URL ", url_, ": ", curl_easy_strerror(rc)));
  }
  if (reply.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    return absl::UnavailableError(absl::StrCat("the TSA at ", url_,
                                               " sent a reply larger than ",
                                               kMaxReplyBytes, " bytes"));
  }
  if (rc != CURLE_OK) {
    return absl::UnavailableError(
        absl::StrCat("the TSA at ", url_, " could not be reached: ",
                     error[0] != '\0' ? error : curl_easy_strerror(rc)));
  }
  long http_status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http_status);
  if (http_status != 200) {
    return absl::UnavailableError(absl::StrCat(
        "the TSA at ", url_, " answered HTTP ", http_status, ", not 200"));
  }
  return std::move(reply.body);
}

}  // namespace docintake::archive
