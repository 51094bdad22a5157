// A minimal HTTP/1.1 server on 127.0.0.1 (port 0) for the revocation
// fetcher tests: one connection at a time, one request per connection,
// answers from a handler that runs on the server thread. It can stall an
// answer (a slow server) without wedging its destructor, and counts every
// request it read. Thread-safe accessors; the handler must not call them.
#ifndef DOCINTAKE_TESTS_SIGNATURE_TRUST_TEST_HTTP_SERVER_H_
#define DOCINTAKE_TESTS_SIGNATURE_TRUST_TEST_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docintake::signature::testing {

struct HttpExchange {
  std::string method;
  std::string path;
  std::string content_type;  // of the request; "" if none
  std::string body;
};

struct HttpAnswer {
  int status = 200;
  std::string content_type = "application/octet-stream";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Without Content-Length the body ends when the connection closes.
  bool send_content_length = true;
  // Wait this long before answering (ends early when the client leaves).
  absl::Duration delay = absl::ZeroDuration();
};

class TestHttpServer {
 public:
  using Handler = std::function<HttpAnswer(const HttpExchange&)>;

  // Listens on 127.0.0.1 with a kernel-chosen port and serves `handler`.
  static absl::StatusOr<std::unique_ptr<TestHttpServer>> Start(Handler handler);
  ~TestHttpServer();  // stops serving; returns within a second or so
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  int port() const;
  // "http://127.0.0.1:<port><path>"
  std::string Url(const std::string& path) const;
  int requests() const;
  std::vector<HttpExchange> exchanges() const;

  struct Impl;

 private:
  explicit TestHttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace docintake::signature::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_TRUST_TEST_HTTP_SERVER_H_
