#include "tests/support/test_tsa.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "base/owned.h"
#include "base/status_macros.h"

namespace docintake::testing {
namespace {

using base::Fd;
using base::Owned;

using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using X509Ptr = Owned<X509, X509_free>;
using ExtensionPtr = Owned<X509_EXTENSION, X509_EXTENSION_free>;
using BioPtr = Owned<BIO, BIO_free>;
using RespCtxPtr = Owned<TS_RESP_CTX, TS_RESP_CTX_free>;
using RespPtr = Owned<TS_RESP, TS_RESP_free>;
using ObjectPtr = Owned<ASN1_OBJECT, ASN1_OBJECT_free>;
// sk_X509_free is a macro.
struct CertStackFree {
  void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
};
using CertStackPtr = std::unique_ptr<STACK_OF(X509), CertStackFree>;

constexpr size_t kMaxHeaderBytes = 16 * 1024;
constexpr size_t kMaxBodyBytes = 1 << 20;
constexpr long kDaySeconds = 24 * 60 * 60;
constexpr char kPolicyOid[] = "1.3.6.1.4.1.99999.3161.1";  // test-only

absl::Status OpenSslError(absl::string_view what) {
  std::string detail;
  while (unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof(buf));
    absl::StrAppend(&detail, detail.empty() ? "" : "; ", buf);
  }
  return absl::InternalError(absl::StrCat("test TSA: ", what, ": ", detail));
}

absl::Status AddExtension(X509* cert, X509* issuer, int nid,
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

// A certificate for `key` named `cn`, signed by `issuer_key` (self-signed if
// `issuer` is null). A CA certificate if `ca`, else a TSA certificate.
absl::StatusOr<X509Ptr> MakeCertificate(EVP_PKEY* key, const char* cn,
                                        X509* issuer, EVP_PKEY* issuer_key,
                                        bool ca, long serial) {
  X509Ptr cert(X509_new());
  if (cert == nullptr || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
      ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial) != 1 ||
      X509_gmtime_adj(X509_getm_notBefore(cert.get()), -365 * kDaySeconds) ==
          nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3650 * kDaySeconds) ==
          nullptr ||
      X509_set_pubkey(cert.get(), key) != 1) {
    return OpenSslError("certificate fields");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(
          name, "O", MBSTRING_ASC,
          reinterpret_cast<const unsigned char*>("docintake tests"), -1, -1,
          0) != 1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>(cn), -1,
                                 -1, 0) != 1 ||
      X509_set_issuer_name(cert.get(), issuer != nullptr
                                           ? X509_get_subject_name(issuer)
                                           : name) != 1) {
    return OpenSslError("certificate names");
  }
  X509* signer = issuer != nullptr ? issuer : cert.get();
  RETURN_IF_ERROR(
      AddExtension(cert.get(), signer, NID_subject_key_identifier, "hash"));
  if (ca) {
    RETURN_IF_ERROR(AddExtension(cert.get(), signer, NID_basic_constraints,
                                 "critical,CA:TRUE"));
    RETURN_IF_ERROR(AddExtension(cert.get(), signer, NID_key_usage,
                                 "critical,keyCertSign,cRLSign"));
  } else {
    RETURN_IF_ERROR(AddExtension(cert.get(), signer, NID_basic_constraints,
                                 "critical,CA:FALSE"));
    RETURN_IF_ERROR(AddExtension(cert.get(), signer, NID_key_usage,
                                 "critical,digitalSignature"));
    RETURN_IF_ERROR(AddExtension(cert.get(), signer, NID_ext_key_usage,
                                 "critical,timeStamping"));
    RETURN_IF_ERROR(AddExtension(cert.get(), signer,
                                 NID_authority_key_identifier, "keyid:always"));
  }
  if (X509_sign(cert.get(), issuer_key, EVP_sha256()) <= 0) {
    return OpenSslError("X509_sign");
  }
  return cert;
}

absl::StatusOr<std::string> ToPem(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || PEM_write_bio_X509(bio.get(), cert) != 1) {
    return OpenSslError("PEM_write_bio_X509");
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

// Sends all of `data`; false if the peer went away.
bool SendAll(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads one request with a Content-Length body; returns the body.
absl::StatusOr<std::string> ReadRequestBody(int fd) {
  std::string data;
  size_t header_end = std::string::npos;
  size_t content_length = 0;
  char buf[4096];
  while (true) {
    if (header_end == std::string::npos) {
      header_end = data.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        bool has_length = false;
        for (absl::string_view line : absl::StrSplit(
                 absl::string_view(data).substr(0, header_end), "\r\n")) {
          std::pair<absl::string_view, absl::string_view> field =
              absl::StrSplit(line, absl::MaxSplits(':', 1));
          if (absl::EqualsIgnoreCase(field.first, "content-length")) {
            has_length = absl::SimpleAtoi(
                absl::StripAsciiWhitespace(field.second), &content_length);
          }
        }
        if (!has_length || content_length > kMaxBodyBytes) {
          return absl::InvalidArgumentError("bad Content-Length");
        }
      } else if (data.size() > kMaxHeaderBytes) {
        return absl::InvalidArgumentError("header too long");
      }
    }
    if (header_end != std::string::npos &&
        data.size() >= header_end + 4 + content_length) {
      return data.substr(header_end + 4, content_length);
    }
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return absl::UnavailableError("connection closed early");
    data.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

struct TestTsa::Impl {
  explicit Impl(const base::Clock& c) : clock(c) {}

  static ASN1_INTEGER* NextSerial(TS_RESP_CTX* ctx, void* data);
  static int Now(TS_RESP_CTX* ctx, void* data, long* sec, long* usec);
  absl::StatusOr<std::string> Respond(absl::string_view request_der);
  void Serve();
  void HandleConnection(int fd);

  const base::Clock& clock;
  std::string ca_pem;
  std::string tsa_cert_pem;

  mutable absl::Mutex mu;
  RespCtxPtr ctx ABSL_GUARDED_BY(mu);
  Mode mode ABSL_GUARDED_BY(mu) = Mode::kGrant;
  long serial ABSL_GUARDED_BY(mu) = 0;
  int http_requests ABSL_GUARDED_BY(mu) = 0;

  Fd listener;
  Fd stop_read;
  Fd stop_write;
  int port = 0;
  std::thread server;
};

// Called by TS_RESP_create_response, under `mu`.
ASN1_INTEGER* TestTsa::Impl::NextSerial(TS_RESP_CTX* ctx, void* data) {
  auto* impl = static_cast<Impl*>(data);
  impl->mu.AssertHeld();
  if (impl->mode == Mode::kReject) {
    TS_RESP_CTX_set_status_info(ctx, TS_STATUS_REJECTION, "test TSA refuses");
    TS_RESP_CTX_add_failure_info(ctx, TS_INFO_SYSTEM_FAILURE);
    return nullptr;
  }
  ASN1_INTEGER* serial = ASN1_INTEGER_new();
  if (serial != nullptr) ASN1_INTEGER_set(serial, ++impl->serial);
  return serial;
}

int TestTsa::Impl::Now(TS_RESP_CTX*, void* data, long* sec, long* usec) {
  const absl::Time now = static_cast<Impl*>(data)->clock.Now();
  const int64_t s = absl::ToUnixSeconds(now);
  *sec = static_cast<long>(s);
  *usec = static_cast<long>(
      absl::ToInt64Microseconds(now - absl::FromUnixSeconds(s)));
  return 1;
}

TestTsa::TestTsa(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TestTsa::~TestTsa() {
  if (impl_->server.joinable()) {
    const char stop = 's';
    while (::write(impl_->stop_write.get(), &stop, 1) < 0 && errno == EINTR) {
    }
    impl_->server.join();
  }
}

absl::StatusOr<std::unique_ptr<TestTsa>> TestTsa::Create(
    const base::Clock& clock) {
  PkeyPtr ca_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  PkeyPtr tsa_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (ca_key == nullptr || tsa_key == nullptr) return OpenSslError("keygen");
  ASSIGN_OR_RETURN(X509Ptr ca_cert,
                   MakeCertificate(ca_key.get(), "docintake test CA", nullptr,
                                   ca_key.get(), /*ca=*/true, 1));
  ASSIGN_OR_RETURN(
      X509Ptr tsa_cert,
      MakeCertificate(tsa_key.get(), "docintake test TSA", ca_cert.get(),
                      ca_key.get(), /*ca=*/false, 2));
  auto impl = std::make_unique<Impl>(clock);
  ASSIGN_OR_RETURN(impl->ca_pem, ToPem(ca_cert.get()));
  ASSIGN_OR_RETURN(impl->tsa_cert_pem, ToPem(tsa_cert.get()));

  RespCtxPtr ctx(TS_RESP_CTX_new());
  ObjectPtr policy(OBJ_txt2obj(kPolicyOid, 1));
  CertStackPtr chain(sk_X509_new_null());
  if (ctx == nullptr || policy == nullptr || chain == nullptr ||
      sk_X509_push(chain.get(), ca_cert.get()) <= 0 ||
      TS_RESP_CTX_set_signer_cert(ctx.get(), tsa_cert.get()) != 1 ||
      TS_RESP_CTX_set_signer_key(ctx.get(), tsa_key.get()) != 1 ||
      TS_RESP_CTX_set_signer_digest(ctx.get(), EVP_sha256()) != 1 ||
      TS_RESP_CTX_set_ess_cert_id_digest(ctx.get(), EVP_sha256()) != 1 ||
      TS_RESP_CTX_set_certs(ctx.get(), chain.get()) != 1 ||
      TS_RESP_CTX_set_def_policy(ctx.get(), policy.get()) != 1 ||
      TS_RESP_CTX_add_md(ctx.get(), EVP_sha256()) != 1 ||
      TS_RESP_CTX_set_clock_precision_digits(ctx.get(), 3) != 1) {
    return OpenSslError("TS_RESP_CTX setup");
  }
  TS_RESP_CTX_add_flags(ctx.get(), TS_TSA_NAME);
  TS_RESP_CTX_set_serial_cb(ctx.get(), &Impl::NextSerial, impl.get());
  TS_RESP_CTX_set_time_cb(ctx.get(), &Impl::Now, impl.get());
  {
    absl::MutexLock lock(&impl->mu);
    impl->ctx = std::move(ctx);
  }
  return std::unique_ptr<TestTsa>(new TestTsa(std::move(impl)));
}

const std::string& TestTsa::ca_pem() const { return impl_->ca_pem; }
const std::string& TestTsa::tsa_cert_pem() const { return impl_->tsa_cert_pem; }

absl::StatusOr<std::string> TestTsa::Respond(absl::string_view request_der) {
  return impl_->Respond(request_der);
}

absl::StatusOr<std::string> TestTsa::Impl::Respond(
    absl::string_view request_der) {
  BioPtr request(BIO_new_mem_buf(request_der.data(),
                                 static_cast<int>(request_der.size())));
  if (request == nullptr) return OpenSslError("BIO_new_mem_buf");
  absl::MutexLock lock(&mu);
  RespPtr response(TS_RESP_create_response(ctx.get(), request.get()));
  if (response == nullptr) return OpenSslError("TS_RESP_create_response");
  ERR_clear_error();  // refusals leave notes in the queue
  unsigned char* der = nullptr;
  const int len = i2d_TS_RESP(response.get(), &der);
  if (len <= 0) return OpenSslError("i2d_TS_RESP");
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

void TestTsa::set_mode(Mode mode) {
  absl::MutexLock lock(&impl_->mu);
  impl_->mode = mode;
}

int TestTsa::http_requests() const {
  absl::MutexLock lock(&impl_->mu);
  return impl_->http_requests;
}

std::string TestTsa::url() const {
  return absl::StrCat("http://127.0.0.1:", impl_->port, "/tsa");
}

absl::Status TestTsa::StartHttp() {
  if (impl_->server.joinable()) return absl::OkStatus();
  impl_->listener.Reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (impl_->listener.get() < 0) return absl::ErrnoToStatus(errno, "socket");
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t addr_len = sizeof(addr);
  if (::bind(impl_->listener.get(), reinterpret_cast<sockaddr*>(&addr),
             sizeof(addr)) != 0 ||
      ::listen(impl_->listener.get(), 16) != 0 ||
      ::getsockname(impl_->listener.get(), reinterpret_cast<sockaddr*>(&addr),
                    &addr_len) != 0) {
    return absl::ErrnoToStatus(errno, "listen on 127.0.0.1");
  }
  impl_->port = ntohs(addr.sin_port);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return absl::ErrnoToStatus(errno, "pipe2");
  }
  impl_->stop_read.Reset(pipe_fds[0]);
  impl_->stop_write.Reset(pipe_fds[1]);
  impl_->server = std::thread([impl = impl_.get()] { impl->Serve(); });
  return absl::OkStatus();
}

void TestTsa::Impl::Serve() {
  while (true) {
    pollfd fds[2] = {{listener.get(), POLLIN, 0}, {stop_read.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    Fd connection(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (connection.get() < 0) continue;
    HandleConnection(connection.get());
  }
}

void TestTsa::Impl::HandleConnection(int fd) {
  // A client that stalls must not wedge the server (or the destructor).
  timeval timeout = {5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  absl::StatusOr<std::string> body = ReadRequestBody(fd);
  Mode current;
  {
    absl::MutexLock lock(&mu);
    ++http_requests;
    current = mode;
  }
  std::string status = "200 OK";
  std::string reply;
  if (!body.ok()) {
    status = "400 Bad Request";
  } else if (current == Mode::kHttp503) {
    status = "503 Service Unavailable";
  } else {
    absl::StatusOr<std::string> response = Respond(*body);
    if (response.ok()) {
      reply = *std::move(response);
    } else {
      status = "500 Internal Server Error";
    }
  }
  SendAll(fd,
          absl::StrCat("HTTP/1.1 ", status,
                       "\r\nContent-Type: application/timestamp-reply"
                       "\r\nContent-Length: ",
                       reply.size(), "\r\nConnection: close\r\n\r\n", reply));
}

}  // namespace docintake::testing
