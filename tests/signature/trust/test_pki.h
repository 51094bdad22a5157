// A throw-away PKI for the trust tests, built with OpenSSL in the test:
// keys, certificates with chosen extensions and validity, CRLs and OCSP
// responses. Times are inputs (OpenSSL stamps an OCSP response's
// producedAt with the current time; the tests' responders stay valid until
// 2099 so that does not matter). Fails the test (gtest ADD_FAILURE) on
// OpenSSL errors.
#ifndef DOCINTAKE_TESTS_SIGNATURE_TRUST_TEST_PKI_H_
#define DOCINTAKE_TESTS_SIGNATURE_TRUST_TEST_PKI_H_

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "base/owned.h"

namespace docintake::signature::testing {

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0);

struct CertSpec {
  std::string common_name;
  long serial = 1;
  bool ca = false;
  absl::Time not_before = Utc(2000, 1, 1);
  absl::Time not_after = Utc(2099, 1, 1);
  // OpenSSL config syntax, e.g. "critical,nonRepudiation"; "" = none.
  std::string key_usage;
  std::string extended_key_usage;  // e.g. "critical,timeStamping"
  std::string policies;            // e.g. "0.4.0.194112.1.2"
  std::string qc_statements_der;   // raw extension value; "" = none
};

// Builds a spec by editing a default one (C++17 has no designated
// initializers).
template <typename Edit>
CertSpec MakeSpec(Edit edit) {
  CertSpec spec;
  edit(spec);
  return spec;
}

// A key with its certificate.
class TestIdentity {
 public:
  TestIdentity(base::Owned<EVP_PKEY, EVP_PKEY_free> key,
               base::Owned<X509, X509_free> cert);
  EVP_PKEY* key() const { return key_.get(); }
  X509* cert() const { return cert_.get(); }
  std::string der() const;

 private:
  base::Owned<EVP_PKEY, EVP_PKEY_free> key_;
  base::Owned<X509, X509_free> cert_;
};

// Issues a certificate for a fresh EC P-256 key; self-signed if `issuer`
// is null. `reuse_key` keeps the key of an existing identity (re-issued
// certificates).
std::unique_ptr<TestIdentity> Issue(const CertSpec& spec,
                                    const TestIdentity* issuer,
                                    const TestIdentity* reuse_key = nullptr);

struct RevokedEntry {
  const TestIdentity* cert;
  absl::Time when;
};
std::string MakeCrl(const TestIdentity& issuer, absl::Time this_update,
                    std::optional<absl::Time> next_update,
                    const std::vector<RevokedEntry>& revoked);

struct OcspSpec {
  const TestIdentity* responder = nullptr;
  const TestIdentity* subject = nullptr;
  const TestIdentity* issuer = nullptr;
  bool revoked = false;
  absl::Time revocation_time;
  absl::Time this_update;
  std::optional<absl::Time> next_update;
  bool include_responder_cert = true;
};
std::string MakeOcspResponse(const OcspSpec& spec);
template <typename Edit>
OcspSpec MakeOcspSpec(Edit edit) {
  OcspSpec spec;
  edit(spec);
  return spec;
}

// DER qcStatements value: QcCompliance, optionally QcSSCD and QcType OIDs
// (e.g. "0.4.0.1862.1.6.1").
std::string QcStatementsDer(bool compliance, bool sscd,
                            const std::vector<std::string>& types);

// A hand-written trusted list with one TSP and the given services.
struct MiniService {
  std::string name;
  std::string type_uri;
  std::string cert_der;
  std::string status_uri;
  std::string status_start;  // xsd:dateTime
  // Older states, newest first: {status URI, start}.
  std::vector<std::pair<std::string, std::string>> history;
  std::vector<std::string> additional_info;  // URIs
  std::string qualifications_xml;            // inner Qualifications XML
};
std::string MiniTrustedListXml(const std::string& territory, int sequence,
                               const std::vector<MiniService>& services);

}  // namespace docintake::signature::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_TRUST_TEST_PKI_H_
