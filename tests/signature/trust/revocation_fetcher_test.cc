// Online revocation fetching against a loopback HTTP server that plays an
// OCSP responder (answers built here with OpenSSL's OCSP API for the
// CertID it expects) and CRL distribution points; certificates of a test
// PKI carry AIA/CDP URLs pointing to it. Timeouts are short and bounded.
#include "signature/trust/revocation_fetcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

#include <chrono>
#include <map>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "base/owned.h"
#include "gtest/gtest.h"
#include "signature/trust/chain_validator.h"
#include "tests/signature/trust/test_http_server.h"
#include "tests/signature/trust/test_pki.h"

namespace docintake::signature {
namespace {

using testing::CertSpec;
using testing::HttpAnswer;
using testing::HttpExchange;
using testing::Issue;
using testing::MakeCrl;
using testing::TestHttpServer;
using testing::TestIdentity;
using testing::Utc;

using KeyPtr = base::Owned<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = base::Owned<X509, X509_free>;

// DER of an OpenSSL object through its i2d function.
template <typename T, typename Encode>
std::string Der(T* object, Encode encode) {
  unsigned char* out = nullptr;
  const int len = encode(object, &out);
  EXPECT_GT(len, 0);
  if (len <= 0 || out == nullptr) return "";
  std::string der(reinterpret_cast<char*>(out), static_cast<size_t>(len));
  OPENSSL_free(out);
  return der;
}

// A copy of `cert` with AIA/CDP extensions (OpenSSL config syntax, "" =
// none), re-signed by `issuer`.
std::unique_ptr<TestIdentity> WithUrls(const TestIdentity& cert,
                                       const TestIdentity& issuer,
                                       const std::string& aia,
                                       const std::string& cdp) {
  CertPtr copy(X509_dup(cert.cert()));
  for (const auto& [nid, value] :
       {std::pair<int, std::string>{NID_info_access, aia},
        {NID_crl_distribution_points, cdp}}) {
    if (value.empty()) continue;
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer.cert(), copy.get(), nullptr, nullptr, 0);
    base::Owned<X509_EXTENSION, X509_EXTENSION_free> ext(
        X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    EXPECT_NE(ext, nullptr) << value;
    if (ext != nullptr) X509_add_ext(copy.get(), ext.get(), -1);
  }
  EXPECT_GT(X509_sign(copy.get(), issuer.key(), EVP_sha256()), 0);
  const std::string der = Der(copy.get(), i2d_X509);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  CertPtr fresh(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  EVP_PKEY_up_ref(cert.key());
  return std::make_unique<TestIdentity>(KeyPtr(cert.key()), std::move(fresh));
}

enum class OcspMode { kGood, kRevoked, kTryLater, kWrongNonce };

class RevocationFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = TestHttpServer::Start(
        [this](const HttpExchange& e) { return Answer(e); });
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(server).value();
    root_ = Issue(testing::MakeSpec([](CertSpec& s) {
                    s.common_name = "Fetch Root";
                    s.ca = true;
                    s.key_usage = "critical,keyCertSign,cRLSign";
                  }),
                  nullptr);
    ca_ = Issue(testing::MakeSpec([](CertSpec& s) {
                  s.common_name = "Fetch CA";
                  s.serial = 2;
                  s.ca = true;
                  s.key_usage = "critical,keyCertSign,cRLSign";
                }),
                root_.get());
    plain_signer_ = Issue(testing::MakeSpec([](CertSpec& s) {
                            s.common_name = "Fetch Signer";
                            s.serial = 10;
                            s.not_before = Utc(2020, 1, 1);
                            s.not_after = Utc(2025, 1, 1);
                            s.key_usage = "critical,nonRepudiation";
                          }),
                          ca_.get());
    signer_ =
        WithUrls(*plain_signer_, *ca_, "OCSP;URI:" + server_->Url("/ocsp"),
                 "URI:" + server_->Url("/ca.crl"));
    ASSERT_TRUE(store_.AddCertificates(root_->der(), "root.der").ok());
    served_crl_ = MakeCrl(*ca_, kThisUpdate, kNextUpdate, {});
    SetRoute("/ca.crl", Body(served_crl_));
  }

  static HttpAnswer Body(std::string body) {
    HttpAnswer a;
    a.body = std::move(body);
    return a;
  }

  void SetRoute(const std::string& path, HttpAnswer answer) {
    absl::MutexLock lock(&mu_);
    routes_[path] = std::move(answer);
  }
  void SetOcspMode(OcspMode mode) {
    absl::MutexLock lock(&mu_);
    ocsp_mode_ = mode;
  }

  // Runs on the server thread.
  HttpAnswer Answer(const HttpExchange& e) {
    absl::MutexLock lock(&mu_);
    if (e.path == "/ocsp") return Body(OcspAnswer(e.body));
    auto it = routes_.find(e.path);
    if (it != routes_.end()) return it->second;
    HttpAnswer missing;
    missing.status = 404;
    return missing;
  }

  // An OCSP responder for signer_ only, signed by its CA.
  std::string OcspAnswer(const std::string& request_der)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    const unsigned char* p =
        reinterpret_cast<const unsigned char*>(request_der.data());
    base::Owned<OCSP_REQUEST, OCSP_REQUEST_free> request(
        d2i_OCSP_REQUEST(nullptr, &p, static_cast<long>(request_der.size())));
    base::Owned<OCSP_CERTID, OCSP_CERTID_free> expected(
        OCSP_cert_to_id(EVP_sha1(), signer_->cert(), ca_->cert()));
    int status = OCSP_RESPONSE_STATUS_SUCCESSFUL;
    OCSP_CERTID* id = nullptr;
    if (request == nullptr || OCSP_request_onereq_count(request.get()) != 1) {
      status = OCSP_RESPONSE_STATUS_MALFORMEDREQUEST;
    } else {
      id = OCSP_onereq_get0_id(OCSP_request_onereq_get0(request.get(), 0));
      request_had_nonce_ = OCSP_REQUEST_get_ext_by_NID(
                               request.get(), NID_id_pkix_OCSP_Nonce, -1) >= 0;
      if (OCSP_id_cmp(id, expected.get()) != 0) {
        status = OCSP_RESPONSE_STATUS_UNAUTHORIZED;
      } else if (ocsp_mode_ == OcspMode::kTryLater) {
        status = OCSP_RESPONSE_STATUS_TRYLATER;
      }
    }
    base::Owned<OCSP_BASICRESP, OCSP_BASICRESP_free> basic;
    if (status == OCSP_RESPONSE_STATUS_SUCCESSFUL) {
      basic.reset(OCSP_BASICRESP_new());
      base::Owned<ASN1_TIME, ASN1_TIME_free> this_update(
          ASN1_TIME_set(nullptr, absl::ToTimeT(kThisUpdate)));
      base::Owned<ASN1_TIME, ASN1_TIME_free> next_update(
          ASN1_TIME_set(nullptr, absl::ToTimeT(kNextUpdate)));
      base::Owned<ASN1_TIME, ASN1_TIME_free> revoked_at(
          ASN1_TIME_set(nullptr, absl::ToTimeT(kRevokedAt)));
      const bool revoked = ocsp_mode_ == OcspMode::kRevoked;
      EXPECT_NE(
          OCSP_basic_add1_status(
              basic.get(), id,
              revoked ? V_OCSP_CERTSTATUS_REVOKED : V_OCSP_CERTSTATUS_GOOD,
              revoked ? OCSP_REVOKED_STATUS_KEYCOMPROMISE : -1,
              revoked ? revoked_at.get() : nullptr, this_update.get(),
              next_update.get()),
          nullptr);
      if (ocsp_mode_ == OcspMode::kWrongNonce) {
        unsigned char other[16] = {1, 2, 3};
        EXPECT_EQ(OCSP_basic_add1_nonce(basic.get(), other, sizeof(other)), 1);
      } else {
        EXPECT_GT(OCSP_copy_nonce(basic.get(), request.get()), 0);
      }
      EXPECT_EQ(OCSP_basic_sign(basic.get(), ca_->cert(), ca_->key(),
                                EVP_sha256(), nullptr, 0),
                1);
    }
    base::Owned<OCSP_RESPONSE, OCSP_RESPONSE_free> response(
        OCSP_response_create(status, basic.get()));
    return Der(response.get(), i2d_OCSP_RESPONSE);
  }

  ChainOptions Options(RevocationFetcher* fetcher) {
    ChainOptions o;
    o.validation_time = kTime;
    o.fetcher = fetcher;
    return o;
  }

  ChainResult Validate(const TestIdentity& leaf, RevocationFetcher* fetcher,
                       const RevocationData& data = RevocationData(),
                       const TestIdentity* ca = nullptr) {
    ChainValidator validator(store_);
    auto result = validator.Validate(leaf.der(),
                                     {(ca != nullptr ? ca : ca_.get())->der()},
                                     data, Options(fetcher));
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : ChainResult();
  }

  static RevocationFetchOptions Fast() {
    RevocationFetchOptions o;
    o.connect_timeout = absl::Seconds(2);
    o.total_timeout = absl::Seconds(2);
    return o;
  }

  static std::string Notes(const RevocationFinding& f) {
    return absl::StrJoin(f.notes, " | ");
  }

  const absl::Time kTime = Utc(2023, 10, 5, 12);
  const absl::Time kThisUpdate = Utc(2023, 10, 5);
  const absl::Time kNextUpdate = Utc(2023, 10, 12);
  const absl::Time kRevokedAt = Utc(2023, 9, 1);

  std::unique_ptr<TestHttpServer> server_;
  std::unique_ptr<TestIdentity> root_, ca_, plain_signer_, signer_;
  std::string served_crl_;  // at /ca.crl unless a test replaces it
  TrustStore store_;

  absl::Mutex mu_;
  OcspMode ocsp_mode_ ABSL_GUARDED_BY(mu_) = OcspMode::kGood;
  bool request_had_nonce_ ABSL_GUARDED_BY(mu_) = false;
  std::map<std::string, HttpAnswer> routes_ ABSL_GUARDED_BY(mu_);
};

TEST_F(RevocationFetcherTest, FetchedGoodOcspMakesChainValid) {
  CurlRevocationFetcher fetcher(Fast());
  ChainResult r = Validate(*signer_, &fetcher);
  EXPECT_EQ(r.status, ChainStatus::kValid)
      << ::testing::PrintToString(r.reasons);
  ASSERT_GE(r.chain.size(), 2u);
  EXPECT_EQ(r.chain[0].revocation.state, RevocationState::kGood);
  EXPECT_EQ(r.chain[0].revocation.source, "OCSP (online)");
  EXPECT_EQ(r.chain[0].revocation.this_update, kThisUpdate);
  EXPECT_EQ(r.chain[0].revocation.responder_trust,
            RevocationFinding::ResponderTrust::kIssuer);
  // One POST of an OCSP request; the CA names no URL, so nothing else.
  std::vector<HttpExchange> seen = server_->exchanges();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].path, "/ocsp");
  EXPECT_EQ(seen[0].content_type, "application/ocsp-request");
  absl::MutexLock lock(&mu_);
  EXPECT_TRUE(request_had_nonce_);
}

TEST_F(RevocationFetcherTest, FetchedRevokedOcspRevokesSigner) {
  SetOcspMode(OcspMode::kRevoked);
  CurlRevocationFetcher fetcher(Fast());
  ChainResult r = Validate(*signer_, &fetcher);
  EXPECT_EQ(r.status, ChainStatus::kRevokedNoPoe);
  ASSERT_GE(r.chain.size(), 1u);
  EXPECT_EQ(r.chain[0].revocation.state, RevocationState::kRevoked);
  EXPECT_EQ(r.chain[0].revocation.source, "OCSP (online)");
  EXPECT_EQ(r.chain[0].revocation.revocation_time, kRevokedAt);
  EXPECT_EQ(r.chain[0].revocation.revocation_reason,
            OCSP_REVOKED_STATUS_KEYCOMPROMISE);
}

TEST_F(RevocationFetcherTest, FallsBackToCrlWhenResponderSaysTryLater) {
  SetOcspMode(OcspMode::kTryLater);
  SetRoute("/ca.crl", Body(MakeCrl(*ca_, kThisUpdate, kNextUpdate,
                                   {{signer_.get(), kRevokedAt}})));
  CurlRevocationFetcher fetcher(Fast());
  ChainResult r = Validate(*signer_, &fetcher);
  EXPECT_EQ(r.status, ChainStatus::kRevokedNoPoe);
  EXPECT_EQ(r.chain[0].revocation.source, "CRL (online)");
  EXPECT_EQ(r.chain[0].revocation.revocation_time, kRevokedAt);
  EXPECT_TRUE(absl::StrContains(Notes(r.chain[0].revocation), "trylater"))
      << Notes(r.chain[0].revocation);
  std::vector<HttpExchange> seen = server_->exchanges();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].method, "GET");
  EXPECT_EQ(seen[1].path, "/ca.crl");
}

TEST_F(RevocationFetcherTest, FetchesForTheCaToo) {
  auto ca_with_cdp =
      WithUrls(*ca_, *root_, "", "URI:" + server_->Url("/root.crl"));
  SetRoute("/root.crl", Body(MakeCrl(*root_, kThisUpdate, kNextUpdate,
                                     {{ca_with_cdp.get(), kRevokedAt}})));
  CurlRevocationFetcher fetcher(Fast());
  ChainResult r =
      Validate(*signer_, &fetcher, RevocationData(), ca_with_cdp.get());
  EXPECT_EQ(r.status, ChainStatus::kRevokedCaNoPoe)
      << ::testing::PrintToString(r.reasons);
  ASSERT_GE(r.chain.size(), 2u);
  EXPECT_EQ(r.chain[0].revocation.source, "OCSP (online)");
  EXPECT_EQ(r.chain[1].revocation.state, RevocationState::kRevoked);
  EXPECT_EQ(r.chain[1].revocation.source, "CRL (online)");
}

TEST_F(RevocationFetcherTest, NoFetcherMeansNoNetworkAccess) {
  ChainResult r = Validate(*signer_, nullptr);
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  EXPECT_EQ(r.chain[0].revocation.source, "");
  EXPECT_FALSE(absl::StrContains(Notes(r.chain[0].revocation), "online"));
  EXPECT_EQ(server_->requests(), 0);
}

TEST_F(RevocationFetcherTest, OfflineDataThatCoversIsNotRefetched) {
  RevocationData data;
  data.crls.push_back(MakeCrl(*ca_, kThisUpdate, kNextUpdate, {}));
  CurlRevocationFetcher fetcher(Fast());
  ChainResult r = Validate(*signer_, &fetcher, data);
  EXPECT_EQ(r.status, ChainStatus::kValid);
  EXPECT_EQ(r.chain[0].revocation.source, "CRL");
  EXPECT_EQ(server_->requests(), 0);
}

TEST_F(RevocationFetcherTest, ValidatesOnSeveralThreadsWithOneFetcher) {
  CurlRevocationFetcher fetcher(Fast());
  std::vector<ChainStatus> statuses(4, ChainStatus::kNoCertificateChainFound);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] {
      ChainValidator validator(store_);
      auto r = validator.Validate(signer_->der(), {ca_->der()},
                                  RevocationData(), Options(&fetcher));
      if (r.ok()) statuses[i] = r->status;
    });
  }
  for (std::thread& t : threads) t.join();
  for (ChainStatus status : statuses) EXPECT_EQ(status, ChainStatus::kValid);
  EXPECT_EQ(server_->requests(), 4);
}

TEST_F(RevocationFetcherTest, CachingFetcherAsksEachUrlOnce) {
  CurlRevocationFetcher curl(Fast());
  CachingRevocationFetcher cache(curl);
  EXPECT_EQ(Validate(*signer_, &cache).status, ChainStatus::kValid);
  EXPECT_EQ(Validate(*signer_, &cache).status, ChainStatus::kValid);
  EXPECT_EQ(server_->requests(), 1);
  // Failures are remembered too: OCSP tryLater once, then the CRL.
  SetOcspMode(OcspMode::kTryLater);
  CachingRevocationFetcher fresh(curl);
  for (int i = 0; i < 2; ++i) {
    ChainResult r = Validate(*signer_, &fresh);
    EXPECT_EQ(r.status, ChainStatus::kValid);
    EXPECT_EQ(r.chain[0].revocation.source, "CRL (online)");
  }
  EXPECT_EQ(server_->requests(), 3);
}

TEST_F(RevocationFetcherTest, SlowResponderTimesOutAsTryLater) {
  HttpAnswer stall = Body(MakeCrl(*ca_, kThisUpdate, kNextUpdate, {}));
  stall.delay = absl::Seconds(30);
  SetRoute("/slow", stall);
  auto slow_signer =
      WithUrls(*plain_signer_, *ca_, "OCSP;URI:" + server_->Url("/slow"),
               "URI:" + server_->Url("/slow"));
  RevocationFetchOptions options;
  options.connect_timeout = absl::Milliseconds(500);
  options.total_timeout = absl::Milliseconds(500);
  CurlRevocationFetcher fetcher(options);
  const auto start = std::chrono::steady_clock::now();
  ChainResult r = Validate(*slow_signer, &fetcher);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  const std::string notes = Notes(r.chain[0].revocation);
  EXPECT_TRUE(absl::StrContains(notes, "online OCSP: DEADLINE_EXCEEDED"))
      << notes;
  EXPECT_TRUE(absl::StrContains(notes, "online CRL: DEADLINE_EXCEEDED"))
      << notes;
  EXPECT_TRUE(
      absl::StrContains(absl::StrJoin(r.reasons, " | "), "DEADLINE_EXCEEDED"));
}

// A bound but not listening socket: connections to its port are refused.
class DeadPort {
 public:
  DeadPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    EXPECT_EQ(
        ::bind(fd_.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(
        ::getsockname(fd_.get(), reinterpret_cast<sockaddr*>(&addr), &len), 0);
    port_ = ntohs(addr.sin_port);
  }
  std::string Url(const std::string& path) const {
    return absl::StrCat("http://127.0.0.1:", port_, path);
  }

 private:
  base::Fd fd_;
  int port_ = 0;
};

TEST_F(RevocationFetcherTest, ServerDownIsTryLaterWithNote) {
  DeadPort dead;
  auto orphan = WithUrls(*plain_signer_, *ca_, "OCSP;URI:" + dead.Url("/ocsp"),
                         "URI:" + dead.Url("/ca.crl"));
  CurlRevocationFetcher fetcher(Fast());
  ChainResult r = Validate(*orphan, &fetcher);
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  const std::string notes = Notes(r.chain[0].revocation);
  EXPECT_TRUE(absl::StrContains(notes, "online OCSP: UNAVAILABLE")) << notes;
  EXPECT_TRUE(absl::StrContains(notes, "online CRL: UNAVAILABLE")) << notes;
}

TEST_F(RevocationFetcherTest, TriesTheNextUrlWhenOneFails) {
  DeadPort dead;
  auto two = WithUrls(
      *plain_signer_, *ca_,
      "OCSP;URI:" + dead.Url("/ocsp") + ",OCSP;URI:" + server_->Url("/ocsp"),
      "");
  CurlRevocationFetcher fetcher(Fast());
  auto der = fetcher.FetchOcsp(two->der(), ca_->der());
  ASSERT_TRUE(der.ok()) << der.status();
  EXPECT_EQ(server_->requests(), 1);
}

TEST_F(RevocationFetcherTest, RefusesOversizedAnswers) {
  HttpAnswer sized = Body(std::string(4096, 'x'));
  HttpAnswer unsized = sized;
  unsized.send_content_length = false;
  SetRoute("/sized", sized);
  SetRoute("/unsized", unsized);
  RevocationFetchOptions options = Fast();
  options.max_response_bytes = 1024;
  CurlRevocationFetcher small(options);
  for (const char* path : {"/sized", "/unsized"}) {
    auto cert = WithUrls(*plain_signer_, *ca_, "", "URI:" + server_->Url(path));
    auto crl = small.FetchCrl(cert->der());
    EXPECT_EQ(crl.status().code(), absl::StatusCode::kResourceExhausted)
        << path << ": " << crl.status();
  }
  // The default cap is 10 MiB.
  SetRoute("/huge", Body(std::string((size_t{10} << 20) + 1, 'x')));
  auto cert =
      WithUrls(*plain_signer_, *ca_, "", "URI:" + server_->Url("/huge"));
  CurlRevocationFetcher defaults;
  EXPECT_EQ(defaults.FetchCrl(cert->der()).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST_F(RevocationFetcherTest, RefusesNonHttpUrlsWithoutConnecting) {
  const std::string host = absl::StrCat("127.0.0.1:", server_->port());
  auto cert = WithUrls(
      *plain_signer_, *ca_,
      absl::StrCat("OCSP;URI:ldap://", host, "/ocsp,OCSP;URI:https://", host,
                   "/ocsp"),
      absl::StrCat("URI:file:///etc/passwd,URI:ldap://", host, "/crl"));
  CurlRevocationFetcher fetcher(Fast());
  auto ocsp = fetcher.FetchOcsp(cert->der(), ca_->der());
  EXPECT_EQ(ocsp.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(ocsp.status().message(), "'ldap' refused"))
      << ocsp.status();
  EXPECT_TRUE(absl::StrContains(ocsp.status().message(), "'https' refused"));
  auto crl = fetcher.FetchCrl(cert->der());
  EXPECT_EQ(crl.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(crl.status().message(), "'file' refused"))
      << crl.status();
  EXPECT_EQ(server_->requests(), 0);
  // In the validator: TRY_LATER with the refusal as a note.
  ChainResult r = Validate(*cert, &fetcher);
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  EXPECT_TRUE(absl::StrContains(Notes(r.chain[0].revocation),
                                "online CRL: INVALID_ARGUMENT"));
}

TEST_F(RevocationFetcherTest, FollowsHttpRedirectsOnly) {
  HttpAnswer to_crl;
  to_crl.status = 302;
  to_crl.headers.push_back({"Location", server_->Url("/ca.crl")});
  HttpAnswer to_ocsp = to_crl;
  to_ocsp.headers[0].second = server_->Url("/ocsp");
  HttpAnswer to_file = to_crl;
  to_file.headers[0].second = "file:///etc/passwd";
  SetRoute("/moved.crl", to_crl);
  SetRoute("/moved-ocsp", to_ocsp);
  SetRoute("/file.crl", to_file);
  CurlRevocationFetcher fetcher(Fast());

  auto moved =
      WithUrls(*plain_signer_, *ca_, "OCSP;URI:" + server_->Url("/moved-ocsp"),
               "URI:" + server_->Url("/moved.crl"));
  auto crl = fetcher.FetchCrl(moved->der());
  ASSERT_TRUE(crl.ok()) << crl.status();
  EXPECT_EQ(*crl, served_crl_);
  auto ocsp = fetcher.FetchOcsp(moved->der(), ca_->der());
  ASSERT_TRUE(ocsp.ok()) << ocsp.status();
  std::vector<HttpExchange> seen = server_->exchanges();
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[3].path, "/ocsp");
  EXPECT_EQ(seen[3].method, "POST");  // a redirected POST stays a POST
  EXPECT_FALSE(seen[3].body.empty());

  auto to_local_file =
      WithUrls(*plain_signer_, *ca_, "", "URI:" + server_->Url("/file.crl"));
  auto refused = fetcher.FetchCrl(to_local_file->der());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument)
      << refused.status();
}

TEST_F(RevocationFetcherTest, RefusesAWrongNonce) {
  SetOcspMode(OcspMode::kWrongNonce);
  CurlRevocationFetcher fetcher(Fast());
  auto ocsp = fetcher.FetchOcsp(signer_->der(), ca_->der());
  EXPECT_EQ(ocsp.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(ocsp.status().message(), "nonce"))
      << ocsp.status();

  // Without a nonce in the request, an answer with one is taken.
  RevocationFetchOptions no_nonce = Fast();
  no_nonce.ocsp_nonce = false;
  CurlRevocationFetcher plain(no_nonce);
  EXPECT_TRUE(plain.FetchOcsp(signer_->der(), ca_->der()).ok());
  absl::MutexLock lock(&mu_);
  EXPECT_FALSE(request_had_nonce_);
}

TEST_F(RevocationFetcherTest, RefusesAnswersThatAreNotRevocationData) {
  SetRoute("/ca.crl", Body("<html>not a CRL</html>"));
  CurlRevocationFetcher fetcher(Fast());
  auto crl = fetcher.FetchCrl(signer_->der());
  EXPECT_EQ(crl.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(crl.status().message(), "not a DER or PEM CRL"))
      << crl.status();
  // An OCSP request about a certificate the responder does not serve.
  auto ocsp = fetcher.FetchOcsp(signer_->der(), root_->der());
  EXPECT_EQ(ocsp.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(absl::StrContains(ocsp.status().message(), "unauthorized"))
      << ocsp.status();
}

TEST_F(RevocationFetcherTest, AcceptsPemCrlsAsDer) {
  const std::string der = MakeCrl(*ca_, kThisUpdate, kNextUpdate, {});
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  base::Owned<X509_CRL, X509_CRL_free> crl(
      d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size())));
  base::Owned<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
  ASSERT_EQ(PEM_write_bio_X509_CRL(bio.get(), crl.get()), 1);
  char* pem = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &pem);
  SetRoute("/ca.crl", Body(std::string(pem, static_cast<size_t>(len))));
  CurlRevocationFetcher fetcher(Fast());
  auto fetched = fetcher.FetchCrl(signer_->der());
  ASSERT_TRUE(fetched.ok()) << fetched.status();
  EXPECT_EQ(*fetched, der);
}

TEST_F(RevocationFetcherTest, CertificateWithoutUrlsIsNotFound) {
  CurlRevocationFetcher fetcher(Fast());
  EXPECT_EQ(fetcher.FetchOcsp(plain_signer_->der(), ca_->der()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(fetcher.FetchCrl(plain_signer_->der()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(fetcher.FetchCrl("not a certificate").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(server_->requests(), 0);
}

}  // namespace
}  // namespace docintake::signature
