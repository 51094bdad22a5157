// TestPki: a complete test PKI made in memory for signature-validation tests
// — root CA, intermediate CA and signer certificates of every kind a PAdES
// validator must tell apart, a TSA and an OCSP responder — plus producers of
// OCSP responses, CRLs and RFC 3161 timestamp tokens. Nothing reads the wall
// clock: every validity window is relative to the `now` given to Create, and
// every produced time is a parameter. Keys are fresh per TestPki (random).
// Const methods are thread-safe; Issue() is not.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_TEST_PKI_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_TEST_PKI_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "tests/support/signing/credential.h"

namespace docintake::testing::signing {

enum class KeyType {
  kRsa2048,
  kEcP256,
  kEcBrainpoolP256r1,
};

enum class CertProfile {
  kCa,              // CA:TRUE, keyCertSign+cRLSign
  kQualified,       // nonRepudiation+digitalSignature; QCStatements
                    // QcCompliance, QcType esign, QcSSCD
  kNonQualified,    // nonRepudiation+digitalSignature, no QCStatements
  kAuthentication,  // digitalSignature only (no nonRepudiation)
  kTsa,             // digitalSignature; EKU timeStamping (critical)
  kOcspResponder,   // digitalSignature; EKU OCSPSigning; id-pkix-ocsp-nocheck
};

struct CertificateSpec {
  std::string common_name;
  CertProfile profile = CertProfile::kQualified;
  KeyType key_type = KeyType::kRsa2048;
  absl::Time not_before;
  absl::Time not_after;
  // Null: self-signed. Must outlive the issued Credential.
  const Credential* issuer = nullptr;
};

// One OCSP SingleResponse's content and the response's times.
struct OcspSpec {
  enum class Status { kGood, kRevoked, kUnknown };
  const Credential* subject = nullptr;  // required; issuer must be set
  Status status = Status::kGood;
  absl::Time revocation_time;  // for kRevoked
  absl::Time produced_at;
  absl::Time this_update;
  std::optional<absl::Time> next_update;
  // Signer; null = the PKI's OCSP responder (delegated, issued by the
  // intermediate). The subject's issuer may sign too.
  const Credential* responder = nullptr;
  bool include_responder_cert = true;
};

struct CrlSpec {
  struct Entry {
    long serial = 0;
    absl::Time revocation_date;
  };
  const Credential* issuer = nullptr;  // null = the intermediate CA
  std::vector<Entry> revoked;
  absl::Time this_update;
  std::optional<absl::Time> next_update;
  long crl_number = 1;
};

struct TimestampSpec {
  absl::Time gen_time;
  std::string digest = "sha256";    // message imprint algorithm
  const Credential* tsa = nullptr;  // null = the PKI's TSA
  long serial = 1;
};

class TestPki {
 public:
  // All certificates below, valid relative to `now`:
  //   root, intermediate CA: now-5y .. now+10y (RSA-2048)
  //   qualified, non_qualified, authentication, revoked, tsa, ocsp_responder:
  //     now-1y .. now+2y (RSA-2048), issued by the intermediate
  //   brainpool: like qualified with an ECDSA brainpoolP256r1 key
  //   ecdsa: non-qualified with an ECDSA P-256 key
  //   expired: qualified, now-2y .. now-30d
  //   revoked: qualified; revocation_time() = now-10d (the PKI only records
  //     it: produce an OCSP response / CRL saying so with the functions below)
  static absl::StatusOr<std::unique_ptr<TestPki>> Create(absl::Time now);
  ~TestPki();
  TestPki(const TestPki&) = delete;
  TestPki& operator=(const TestPki&) = delete;

  absl::Time now() const { return now_; }
  absl::Time revocation_time() const { return now_ - absl::Hours(24 * 10); }

  const Credential& root() const { return *root_; }
  const Credential& intermediate() const { return *intermediate_; }
  const Credential& qualified() const { return *qualified_; }
  const Credential& non_qualified() const { return *non_qualified_; }
  const Credential& authentication() const { return *authentication_; }
  const Credential& expired() const { return *expired_; }
  const Credential& revoked() const { return *revoked_; }
  const Credential& brainpool() const { return *brainpool_; }
  const Credential& ecdsa() const { return *ecdsa_; }
  const Credential& tsa() const { return *tsa_; }
  const Credential& ocsp_responder() const { return *ocsp_responder_; }

  // A further certificate (fresh key, next serial). INVALID_ARGUMENT for an
  // empty window.
  absl::StatusOr<std::unique_ptr<Credential>> Issue(
      const CertificateSpec& spec);

  // DER OCSPResponse (successful, BasicOCSPResponse signed with SHA-256,
  // responder id by name).
  absl::StatusOr<std::string> MakeOcspResponse(const OcspSpec& spec) const;
  // DER CRL v2 (SHA-256, AKI and CRL number extensions).
  absl::StatusOr<std::string> MakeCrl(const CrlSpec& spec) const;
  // DER RFC 3161 TimeStampToken (CMS SignedData, eContentType id-ct-TSTInfo,
  // ESS signing-certificate-v2, signingTime = genTime, the TSA certificate
  // and its issuers below the root included) whose message imprint is the
  // digest of `data`.
  absl::StatusOr<std::string> MakeTimestampToken(
      absl::string_view data, const TimestampSpec& spec) const;

  // PEM of the root CA (and the intermediate if `with_intermediate`).
  std::string AnchorsPem(bool with_intermediate = false) const;
  // Writes root.pem (and intermediate.pem) into the existing folder `dir`.
  absl::Status WriteTrustDir(const std::string& dir,
                             bool with_intermediate = false) const;

 private:
  explicit TestPki(absl::Time now) : now_(now) {}

  const absl::Time now_;
  long next_serial_ = 1;
  std::unique_ptr<Credential> root_, intermediate_, qualified_, non_qualified_,
      authentication_, expired_, revoked_, brainpool_, ecdsa_, tsa_,
      ocsp_responder_;
};

}  // namespace docintake::testing::signing

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_TEST_PKI_H_
