#include "archive/timestamp.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/clock.h"
#include "base/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/test_tsa.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

std::string Sha256(absl::string_view data) {
  base::Sha256 h;
  h.Update(data);
  return h.Finish();
}

// A loopback TCP socket bound to an ephemeral port; listening if asked.
class LoopbackSocket {
 public:
  explicit LoopbackSocket(bool listen) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    if (listen) {
      EXPECT_EQ(::listen(fd_, 4), 0);
    }
    EXPECT_EQ(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    port_ = ntohs(addr.sin_port);
  }
  ~LoopbackSocket() { Close(); }
  LoopbackSocket(const LoopbackSocket&) = delete;
  LoopbackSocket& operator=(const LoopbackSocket&) = delete;

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd() const { return fd_; }
  std::string url() const {
    return absl::StrCat("http://127.0.0.1:", port_, "/tsa");
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Accepts one connection and sends `reply` once the request has arrived.
class CannedHttpServer {
 public:
  explicit CannedHttpServer(std::string reply)
      : socket_(/*listen=*/true), reply_(std::move(reply)) {
    thread_ = std::thread([this] {
      const int fd = ::accept(socket_.fd(), nullptr, nullptr);
      if (fd < 0) return;
      char buf[4096];
      ::recv(fd, buf, sizeof(buf), 0);
      size_t sent = 0;
      while (sent < reply_.size()) {
        const ssize_t n = ::send(fd, reply_.data() + sent, reply_.size() - sent,
                                 MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
      }
      ::close(fd);
    });
  }
  ~CannedHttpServer() {
    ::shutdown(socket_.fd(), SHUT_RDWR);  // wakes accept() if never called
    thread_.join();
  }
  std::string url() const { return socket_.url(); }

 private:
  LoopbackSocket socket_;
  const std::string reply_;
  std::thread thread_;
};

class TimestampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<testing::TestTsa>> tsa =
        testing::TestTsa::Create(clock_);
    ASSERT_TRUE(tsa.ok()) << tsa.status();
    tsa_ = *std::move(tsa);
  }

  std::string Request() {
    absl::StatusOr<std::string> request =
        BuildTimestampRequest(digest_, nonce_);
    EXPECT_TRUE(request.ok()) << request.status();
    return request.value_or("");
  }
  std::string Respond() {
    absl::StatusOr<std::string> response = tsa_->Respond(Request());
    EXPECT_TRUE(response.ok()) << response.status();
    return response.value_or("");
  }
  std::vector<std::string> Trusted() const { return {tsa_->ca_pem()}; }

  // Whole milliseconds: the test TSA writes genTime to the millisecond.
  base::FakeClock clock_{absl::FromUnixMillis(absl::ToUnixMillis(absl::Now()))};
  std::unique_ptr<testing::TestTsa> tsa_;
  const std::string digest_ = Sha256("a checkpoint note\n");
  const std::string nonce_ = std::string("\x00\x9a\x01\xff\x42\x00\x17\x80", 8);
};

TEST_F(TimestampTest, ResponseVerifiesAndYieldsGenTime) {
  clock_.Advance(absl::Milliseconds(780));
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(Respond(), digest_, nonce_, Trusted());
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(token->gen_time, clock_.Now());
  EXPECT_THAT(token->tsa_name, HasSubstr("CN=docintake test TSA"));
  EXPECT_FALSE(token->token_der.empty());
}

TEST_F(TimestampTest, WrongDigestIsDataLoss) {
  absl::StatusOr<TimestampToken> token = VerifyTimestampResponse(
      Respond(), Sha256("another note\n"), nonce_, Trusted());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(token.status().message(), HasSubstr("imprint"));
}

TEST_F(TimestampTest, WrongNonceIsDataLoss) {
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(Respond(), digest_, "other nonce", Trusted());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(token.status().message(), HasSubstr("nonce"));
}

TEST_F(TimestampTest, UntrustedCaIsDataLoss) {
  absl::StatusOr<std::unique_ptr<testing::TestTsa>> other =
      testing::TestTsa::Create(clock_);
  ASSERT_TRUE(other.ok()) << other.status();
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(Respond(), digest_, nonce_, {(*other)->ca_pem()});
  EXPECT_EQ(token.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(token.status().message(), HasSubstr("certificate"));
}

TEST_F(TimestampTest, TsaCertificateAloneCanBeTheTrustAnchor) {
  absl::StatusOr<TimestampToken> token = VerifyTimestampResponse(
      Respond(), digest_, nonce_, {tsa_->tsa_cert_pem()});
  EXPECT_TRUE(token.ok()) << token.status();
}

TEST_F(TimestampTest, RejectionIsFailedPreconditionWithTheTsaText) {
  tsa_->set_mode(testing::TestTsa::Mode::kReject);
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(Respond(), digest_, nonce_, Trusted());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(token.status().message(), HasSubstr("rejection"));
  EXPECT_THAT(token.status().message(), HasSubstr("test TSA refuses"));
  EXPECT_THAT(token.status().message(), HasSubstr("systemFailure"));
}

TEST_F(TimestampTest, GarbageRequestIsRejectedByTheTsa) {
  absl::StatusOr<std::string> response = tsa_->Respond("not a request");
  ASSERT_TRUE(response.ok()) << response.status();
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(*response, digest_, nonce_, Trusted());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(token.status().message(), HasSubstr("badDataFormat"));
}

TEST_F(TimestampTest, BadInputIsInvalidArgument) {
  const std::string response = Respond();
  EXPECT_EQ(VerifyTimestampResponse("garbage", digest_, nonce_, Trusted())
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyTimestampResponse(response + "x", digest_, nonce_, Trusted())
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      VerifyTimestampResponse(response, digest_, nonce_, {}).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyTimestampResponse(response, digest_, nonce_, {"not a PEM"})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BuildTimestampRequest(digest_.substr(1), nonce_).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BuildTimestampRequest(digest_, "").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      BuildTimestampRequest(digest_, std::string(33, 'n')).status().code(),
      absl::StatusCode::kInvalidArgument);
}

TEST_F(TimestampTest, StoredTokenVerifies) {
  absl::StatusOr<TimestampToken> first =
      VerifyTimestampResponse(Respond(), digest_, nonce_, Trusted());
  ASSERT_TRUE(first.ok()) << first.status();
  clock_.Advance(absl::Hours(24));  // later audits do not depend on the clock
  absl::StatusOr<TimestampToken> again =
      VerifyTimestampToken(first->token_der, digest_, Trusted());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->gen_time, first->gen_time);
  EXPECT_EQ(again->tsa_name, first->tsa_name);
  EXPECT_EQ(again->token_der, first->token_der);
}

TEST_F(TimestampTest, StoredTokenRejections) {
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(Respond(), digest_, nonce_, Trusted());
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(VerifyTimestampToken(token->token_der, Sha256("other"), Trusted())
                .status()
                .code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyTimestampToken("garbage", digest_, Trusted()).status().code(),
            absl::StatusCode::kInvalidArgument);
  // The imprint inside the signed TSTInfo, changed.
  std::string tampered = token->token_der;
  const size_t at = tampered.find(digest_);
  ASSERT_NE(at, std::string::npos);
  tampered[at] = static_cast<char>(tampered[at] ^ 1);
  EXPECT_EQ(VerifyTimestampToken(tampered, digest_, Trusted()).status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(VerifyTimestampToken(tampered, tampered.substr(at, 32), Trusted())
                .status()
                .code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(TimestampTest, StoredTokenChainIsCheckedAtGenTime) {
  // The TSA certificate is valid from a year before the real now; a token
  // claiming a genTime two years back must not verify as a stored token.
  clock_.Advance(-absl::Hours(2 * 365 * 24));
  absl::StatusOr<TimestampToken> fresh =
      VerifyTimestampResponse(Respond(), digest_, nonce_, Trusted());
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  absl::StatusOr<TimestampToken> stored =
      VerifyTimestampToken(fresh->token_der, digest_, Trusted());
  EXPECT_EQ(stored.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(stored.status().message(), HasSubstr("not yet valid"));
}

TEST_F(TimestampTest, CurlClientGetsATokenOverHttp) {
  ASSERT_TRUE(tsa_->StartHttp().ok());
  CurlTsaClient client(tsa_->url(), absl::Seconds(10));
  absl::StatusOr<std::string> response = client.Request(Request());
  ASSERT_TRUE(response.ok()) << response.status();
  absl::StatusOr<TimestampToken> token =
      VerifyTimestampResponse(*response, digest_, nonce_, Trusted());
  EXPECT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(tsa_->http_requests(), 1);
}

TEST_F(TimestampTest, CurlClientReportsRejectionThroughTheVerifier) {
  ASSERT_TRUE(tsa_->StartHttp().ok());
  tsa_->set_mode(testing::TestTsa::Mode::kReject);
  CurlTsaClient client(tsa_->url(), absl::Seconds(10));
  absl::StatusOr<std::string> response = client.Request(Request());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(VerifyTimestampResponse(*response, digest_, nonce_, Trusted())
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(TimestampTest, Http503IsUnavailableAndRetrySucceeds) {
  ASSERT_TRUE(tsa_->StartHttp().ok());
  tsa_->set_mode(testing::TestTsa::Mode::kHttp503);
  CurlTsaClient client(tsa_->url(), absl::Seconds(10));
  absl::StatusOr<std::string> response = client.Request(Request());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr("503"));
  EXPECT_THAT(response.status().message(), HasSubstr(tsa_->url()));
  tsa_->set_mode(testing::TestTsa::Mode::kGrant);
  EXPECT_TRUE(client.Request(Request()).ok());
  EXPECT_EQ(tsa_->http_requests(), 2);
}

TEST_F(TimestampTest, ClosedPortIsUnavailable) {
  LoopbackSocket closed(/*listen=*/false);
  const std::string url = closed.url();
  closed.Close();
  CurlTsaClient client(url, absl::Seconds(5));
  const absl::Time start = absl::Now();
  absl::StatusOr<std::string> response = client.Request(Request());
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr(url));
}

TEST_F(TimestampTest, SilentServerTimesOutAsUnavailable) {
  // The kernel completes the connection; nobody ever answers.
  LoopbackSocket silent(/*listen=*/true);
  CurlTsaClient client(silent.url(), absl::Milliseconds(300));
  const absl::Time start = absl::Now();
  absl::StatusOr<std::string> response = client.Request(Request());
  const absl::Duration took = absl::Now() - start;
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_GE(took, absl::Milliseconds(250));
  EXPECT_LT(took, absl::Seconds(3));
}

TEST_F(TimestampTest, RedirectIsNotFollowed) {
  CannedHttpServer server(
      "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/\r\n"
      "Content-Length: 0\r\nConnection: close\r\n\r\n");
  absl::StatusOr<std::string> response =
      CurlTsaClient(server.url(), absl::Seconds(5)).Request(Request());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr("302"));
}

TEST_F(TimestampTest, OversizedReplyIsRefused) {
  const size_t size = (1 << 20) + 1;
  CannedHttpServer server(absl::StrCat(
      "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\n"
      "Connection: close\r\n\r\n",  // no length: curl must count itself
      std::string(size, 'x')));
  absl::StatusOr<std::string> response =
      CurlTsaClient(server.url(), absl::Seconds(5)).Request(Request());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr("larger than"));
}

TEST_F(TimestampTest, UnsupportedSchemeIsInvalidArgument) {
  absl::StatusOr<std::string> response =
      CurlTsaClient("ftp://127.0.0.1/tsa", absl::Seconds(1)).Request(Request());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docintake::archive
