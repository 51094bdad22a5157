// Shared fixture of the end-to-end validator tests: one TestPki per test
// suite (times relative to kNow), a PdfValidator whose trust store holds
// only the PKI's root as a plain PEM anchor (no trusted list), and helpers
// that sign, timestamp and validate TestPdf documents. The expected values
// of every test follow from how it builds its PDF, never from a run of the
// validator. Not thread-safe (tests run sequentially).
#ifndef DOCINTAKE_TESTS_SIGNATURE_VALIDATOR_TEST_FIXTURE_H_
#define DOCINTAKE_TESTS_SIGNATURE_VALIDATOR_TEST_FIXTURE_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "signature/pdf_validator.h"
#include "signature/trust/trust_store.h"
#include "signature/written_form.h"
#include "tests/support/signing/pdf_signer.h"
#include "tests/support/signing/test_pdf.h"
#include "tests/support/signing/test_pki.h"

namespace docintake::signature::validator_testing {

using ::docintake::testing::signing::AddDocumentTimestamp;
using ::docintake::testing::signing::ByteRangeVariant;
using ::docintake::testing::signing::Credential;
using ::docintake::testing::signing::DocTimestampOptions;
using ::docintake::testing::signing::DocumentSpec;
using ::docintake::testing::signing::DssSpec;
using ::docintake::testing::signing::FieldLock;
using ::docintake::testing::signing::OcspSpec;
using ::docintake::testing::signing::SignatureAlgorithm;
using ::docintake::testing::signing::SignatureResult;
using ::docintake::testing::signing::SignOptions;
using ::docintake::testing::signing::SignPdf;
using ::docintake::testing::signing::TestPdf;
using ::docintake::testing::signing::TestPki;
using ::docintake::testing::signing::TextFieldSpec;
using Validation = v1::SignatureValidation;

// 2023-10-05T12:00:00Z: the PKI's "now" and the default validation time.
inline const absl::Time kNow = absl::FromUnixSeconds(1696507200);

inline absl::Time DaysAgo(int days) { return kNow - absl::Hours(24 * days); }

// The fields (almost) every test asserts, with the values of an intact,
// passing, unchanged approval signature.
struct Verdict {
  v1::Indication indication = v1::TOTAL_PASSED;
  v1::SubIndication subindication = v1::SUBINDICATION_UNSPECIFIED;
  Validation::Level level = Validation::B_B;
  // False where the level is not the point and the standards leave it open
  // (e.g. revocation data only in the CMS, covered by a document timestamp).
  bool check_level = true;
  Validation::Coverage coverage = Validation::ENTIRE_FILE;
  Validation::Integrity integrity = Validation::INTACT;
  Validation::LaterChanges later_changes = Validation::NONE;
  Validation::Kind kind = Validation::SIGNATURE;
};

inline Verdict Passed(Validation::Level level) {
  Verdict v;
  v.level = level;
  return v;
}

inline Verdict Failed(v1::Indication indication, v1::SubIndication sub,
                      Validation::Level level) {
  Verdict v;
  v.indication = indication;
  v.subindication = sub;
  v.level = level;
  return v;
}

// Compares by enum name so that a failure says what differs.
inline void ExpectVerdict(const Validation& s, const Verdict& v) {
  const std::string context = "errors: [" + absl::StrJoin(s.errors(), " | ") +
                              "] changes: [" +
                              absl::StrJoin(s.change_details(), " | ") + "]";
  EXPECT_EQ(v1::Indication_Name(s.indication()),
            v1::Indication_Name(v.indication))
      << context;
  EXPECT_EQ(v1::SubIndication_Name(s.subindication()),
            v1::SubIndication_Name(v.subindication))
      << context;
  if (v.check_level) {
    EXPECT_EQ(Validation::Level_Name(s.level()),
              Validation::Level_Name(v.level));
  }
  EXPECT_EQ(Validation::Coverage_Name(s.coverage()),
            Validation::Coverage_Name(v.coverage));
  EXPECT_EQ(Validation::Integrity_Name(s.integrity()),
            Validation::Integrity_Name(v.integrity));
  EXPECT_EQ(Validation::LaterChanges_Name(s.later_changes()),
            Validation::LaterChanges_Name(v.later_changes))
      << context;
  EXPECT_EQ(Validation::Kind_Name(s.kind()), Validation::Kind_Name(v.kind));
}

class ValidatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<TestPki>> pki = TestPki::Create(kNow);
    ASSERT_TRUE(pki.ok()) << pki.status();
    pki_ = std::move(*pki).release();
    auto store = std::make_shared<TrustStore>();
    const absl::Status added =
        store->AddCertificates(pki_->AnchorsPem(), "test-root.pem");
    ASSERT_TRUE(added.ok()) << added;
    validator_ = new PdfValidator(std::shared_ptr<const TrustStore>(store));
  }
  static void TearDownTestSuite() {
    delete validator_;
    validator_ = nullptr;
    delete pki_;
    pki_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(pki_, nullptr);
    ASSERT_NE(validator_, nullptr);
  }

  static const TestPki& pki() { return *pki_; }

  // Options for an approval signature by `signer` claiming kNow - 1h.
  static SignOptions Options(const Credential& signer) {
    SignOptions options;
    options.signer = &signer;
    options.signing_time = kNow - absl::Hours(1);
    return options;
  }

  // An OCSP response of the PKI's delegated responder about `subject`,
  // produced (and thisUpdate) at `at`, nextUpdate a week later; revoked at
  // pki().revocation_time() if `revoked`.
  static std::string Ocsp(const Credential& subject, absl::Time at,
                          bool revoked = false) {
    OcspSpec spec;
    spec.subject = &subject;
    spec.produced_at = at;
    spec.this_update = at;
    spec.next_update = at + absl::Hours(24 * 7);
    if (revoked) {
      spec.status = OcspSpec::Status::kRevoked;
      spec.revocation_time = pki_->revocation_time();
    }
    absl::StatusOr<std::string> der = pki_->MakeOcspResponse(spec);
    EXPECT_TRUE(der.ok()) << der.status();
    return der.ok() ? *der : std::string();
  }

  // Options as above with a good OCSP response about the signer, produced
  // two hours before kNow, in the signed adbe-revocationInfoArchival
  // attribute: revocation data that covers validation at kNow.
  static SignOptions OptionsWithRevocation(const Credential& signer) {
    SignOptions options = Options(signer);
    options.ocsps = {Ocsp(signer, kNow - absl::Hours(2))};
    return options;
  }

  static SignatureResult Sign(TestPdf& pdf, const SignOptions& options) {
    absl::StatusOr<SignatureResult> result = SignPdf(pdf, *pki_, options);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *std::move(result) : SignatureResult();
  }

  static SignatureResult Stamp(TestPdf& pdf, absl::Time gen_time,
                               const std::string& field = "DocTimeStamp1") {
    DocTimestampOptions options;
    options.gen_time = gen_time;
    options.field_name = field;
    absl::StatusOr<SignatureResult> result =
        AddDocumentTimestamp(pdf, *pki_, options);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *std::move(result) : SignatureResult();
  }

  // A DSS revision with `ocsp` and the certificates of `signer`'s chain.
  static void AddDss(TestPdf& pdf, const Credential& signer,
                     const std::string& ocsp) {
    DssSpec dss;
    dss.certs = {signer.CertDer(), pki_->intermediate().CertDer()};
    dss.ocsps = {ocsp};
    pdf.SetDss(dss);
    const absl::Status committed = pdf.Commit();
    EXPECT_TRUE(committed.ok()) << committed;
  }

  static v1::SignatureReport Validate(absl::string_view pdf,
                                      absl::Time at = kNow) {
    absl::StatusOr<v1::SignatureReport> report = validator_->Validate(pdf, at);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *std::move(report) : v1::SignatureReport();
  }
  static v1::SignatureReport Validate(const TestPdf& pdf,
                                      absl::Time at = kNow) {
    return Validate(pdf.bytes(), at);
  }

  static v1::WrittenForm WrittenForm(
      const v1::SignatureReport& report,
      const v1::IntakeFacts& intake = v1::IntakeFacts()) {
    return DecideWrittenForm(report.signatures(), intake);
  }

  static const PdfValidator& validator() { return *validator_; }

 private:
  inline static TestPki* pki_ = nullptr;
  inline static PdfValidator* validator_ = nullptr;
};

}  // namespace docintake::signature::validator_testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_VALIDATOR_TEST_FIXTURE_H_
