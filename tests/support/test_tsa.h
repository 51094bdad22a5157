// TestTsa: an in-process RFC 3161 time-stamping authority for tests. It makes
// its own CA and TSA certificate (P-256, EKU timeStamping critical) in memory,
// answers DER requests directly or over HTTP/1.1 on 127.0.0.1:<ephemeral port>
// (one request per connection, Content-Length framing), and can be told to
// refuse. genTime comes from the injected clock. Thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_TEST_TSA_H_
#define DOCINTAKE_TESTS_SUPPORT_TEST_TSA_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "archive/timestamp.h"
#include "base/clock.h"

namespace docintake::testing {

class TestTsa {
 public:
  enum class Mode {
    kGrant,    // timestamps every well-formed request
    kReject,   // answers with status rejection ("test TSA refuses")
    kHttp503,  // HTTP only: 503 Service Unavailable, no body
  };

  // A TSA whose certificates are valid from a year before to ten years after
  // the real now; `clock` (which must outlive it) gives genTime.
  static absl::StatusOr<std::unique_ptr<TestTsa>> Create(
      const base::Clock& clock = base::Clock::Real());
  // Stops the HTTP server, if started.
  ~TestTsa();
  TestTsa(const TestTsa&) = delete;
  TestTsa& operator=(const TestTsa&) = delete;

  // The self-signed CA certificate (PEM) to trust.
  const std::string& ca_pem() const;
  // The TSA's own certificate (PEM).
  const std::string& tsa_cert_pem() const;

  // The DER TimeStampResp to `request_der` (a rejection for garbage, as RFC
  // 3161 asks); INTERNAL only if OpenSSL fails.
  absl::StatusOr<std::string> Respond(absl::string_view request_der);

  // Starts serving POST requests in a background thread; url() is valid after.
  absl::Status StartHttp();
  // "http://127.0.0.1:<port>/tsa".
  std::string url() const;

  void set_mode(Mode mode);
  // HTTP requests received so far (answered or refused).
  int http_requests() const;

 private:
  struct Impl;
  explicit TestTsa(std::unique_ptr<Impl> impl);
  const std::unique_ptr<Impl> impl_;
};

// A TsaClient that hands requests straight to a TestTsa (no HTTP).
class InProcessTsaClient final : public archive::TsaClient {
 public:
  explicit InProcessTsaClient(TestTsa& tsa) : tsa_(tsa) {}
  absl::StatusOr<std::string> Request(absl::string_view request) override {
    return tsa_.Respond(request);
  }

 private:
  TestTsa& tsa_;
};

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SUPPORT_TEST_TSA_H_
