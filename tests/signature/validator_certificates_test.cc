// End-to-end validator tests, part 3: the signer certificate — key usage,
// expiry and revocation relative to the proof of existence a signature
// timestamp gives (signature/trust/chain_validator.h), qualification under
// a plain PEM anchor — the written-form decision, and hostile input.
#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "base/time_util.h"
#include "tests/signature/validator_test_fixture.h"

namespace docintake::signature::validator_testing {
namespace {

using ::docintake::testing::signing::TamperPageText;

class ValidatorCertificatesTest : public ValidatorTest {
 protected:
  // Signs with `signer`, claiming `signing_time`, with a signature
  // timestamp at `timestamp` if set; then, if `ocsp` is not empty, adds a
  // DSS revision with it. Returns the report at kNow.
  static v1::SignatureReport SignAndValidate(
      const Credential& signer, absl::Time signing_time,
      std::optional<absl::Time> timestamp, const std::string& ocsp) {
    TestPdf pdf;
    SignOptions options = Options(signer);
    options.signing_time = signing_time;
    options.signature_timestamp = timestamp;
    Sign(pdf, options);
    if (!ocsp.empty()) AddDss(pdf, signer, ocsp);
    return Validate(pdf);
  }

  // Seconds Validate takes on `pdf`; fails the test if it returns a
  // report in which a signature passes.
  static double TimedValidate(const std::string& pdf) {
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<v1::SignatureReport> report =
        validator().Validate(pdf, kNow);
    const std::chrono::duration<double> took =
        std::chrono::steady_clock::now() - start;
    if (report.ok()) {
      for (const Validation& s : report->signatures()) {
        EXPECT_NE(s.indication(), v1::TOTAL_PASSED) << s.field_name();
      }
    }
    return took.count();
  }
};

// Verdict of a signature followed by one DSS revision.
Verdict WithDss(Verdict v) {
  v.coverage = Validation::ENTIRE_REVISION;
  v.later_changes = Validation::ALLOWED;
  return v;
}

// digitalSignature without nonRepudiation: the policy requires
// nonRepudiation of a signing certificate.
TEST_F(ValidatorCertificatesTest, AuthenticationKeyUsageIsChainConstraints) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().authentication()));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  ExpectVerdict(report.signatures(0),
                Failed(v1::INDETERMINATE, v1::CHAIN_CONSTRAINTS_FAILURE,
                       Validation::B_B));
}

// Expired 30 days ago and no proof that the signature existed before:
// validated at kNow, the certificate is out of bounds and no revocation
// data says "good" (chain_validator.h: OUT_OF_BOUNDS_NO_POE).
TEST_F(ValidatorCertificatesTest, ExpiredSignerWithoutTimestamp) {
  const v1::SignatureReport report =
      SignAndValidate(pki().expired(), DaysAgo(60), std::nullopt, "");
  ASSERT_EQ(report.signatures_size(), 1);
  ExpectVerdict(
      report.signatures(0),
      Failed(v1::INDETERMINATE, v1::OUT_OF_BOUNDS_NO_POE, Validation::B_B));
}

// A signature timestamp 60 days ago (the certificate still valid) and an
// OCSP response from then: validated at the timestamp's time, it passes.
TEST_F(ValidatorCertificatesTest, ExpiredSignerWithEarlierTimestampPasses) {
  const v1::SignatureReport report = SignAndValidate(
      pki().expired(), DaysAgo(60), DaysAgo(60) + absl::Minutes(5),
      Ocsp(pki().expired(), DaysAgo(60) + absl::Hours(1)));
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(s, WithDss(Passed(Validation::B_LT)));
  EXPECT_EQ(base::FromProtoTime(s.best_signature_time()),
            DaysAgo(60) + absl::Minutes(5));
}

// Revoked 10 days ago; the signature timestamp (5 days ago) proves only a
// time after the revocation: TOTAL_FAILED/REVOKED.
TEST_F(ValidatorCertificatesTest, RevokedBeforeTimestampIsRevoked) {
  const v1::SignatureReport report =
      SignAndValidate(pki().revoked(), DaysAgo(5), DaysAgo(5),
                      Ocsp(pki().revoked(), DaysAgo(1), /*revoked=*/true));
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(
      s, WithDss(Failed(v1::TOTAL_FAILED, v1::REVOKED, Validation::B_LT)));
  ASSERT_GE(s.revocation_size(), 1);
  EXPECT_EQ(s.revocation(0).status(), v1::RevocationStatus::REVOKED);
  EXPECT_EQ(base::FromProtoTime(s.revocation(0).revoked_at()),
            pki().revocation_time());
}

// Revoked, and no timestamp at all: the validation time is no proof of
// existence, so REVOKED_NO_POE (INDETERMINATE).
TEST_F(ValidatorCertificatesTest, RevokedWithoutTimestampIsRevokedNoPoe) {
  const v1::SignatureReport report =
      SignAndValidate(pki().revoked(), DaysAgo(5), std::nullopt,
                      Ocsp(pki().revoked(), DaysAgo(1), /*revoked=*/true));
  ASSERT_EQ(report.signatures_size(), 1);
  ExpectVerdict(
      report.signatures(0),
      WithDss(Failed(v1::INDETERMINATE, v1::REVOKED_NO_POE, Validation::B_B)));
}

// The signature timestamp (20 days ago) precedes the revocation (10 days
// ago) that a later OCSP response reports: the signature stands.
TEST_F(ValidatorCertificatesTest, RevokedAfterTimestampPasses) {
  const v1::SignatureReport report =
      SignAndValidate(pki().revoked(), DaysAgo(20), DaysAgo(20),
                      Ocsp(pki().revoked(), DaysAgo(1), /*revoked=*/true));
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(s, WithDss(Passed(Validation::B_LT)));
  EXPECT_EQ(base::FromProtoTime(s.best_signature_time()), DaysAgo(20));
}

// QCStatements under a configured PEM root (no trusted list): a qualified
// certificate whose qualified status cannot be confirmed — ADESIG_QC — and
// a written form a person has to look at.
TEST_F(ValidatorCertificatesTest, QualifiedSignerUnderPemAnchorIsAdesigQc) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().qualified()));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(s, Passed(Validation::B_B));
  EXPECT_EQ(Validation::Qualification_Name(s.qualification()),
            Validation::Qualification_Name(Validation::ADESIG_QC));
  EXPECT_FALSE(s.trusted_list_anchored());
  const v1::WrittenForm form = WrittenForm(report);
  EXPECT_EQ(form.decision(), v1::WrittenForm::NEEDS_REVIEW);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::NONE);
}

TEST_F(ValidatorCertificatesTest, NonQualifiedSignerIsAdesig) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().non_qualified()));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  ExpectVerdict(report.signatures(0), Passed(Validation::B_B));
  EXPECT_EQ(
      Validation::Qualification_Name(report.signatures(0).qualification()),
      Validation::Qualification_Name(Validation::ADESIG));
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NEEDS_REVIEW);
}

// A portal submission identified with eID at level HIGH satisfies the
// written form whatever the PDF's signatures say — even a broken one.
TEST_F(ValidatorCertificatesTest, PortalWithEidHighIsEidForm) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().qualified()));
  ASSERT_TRUE(TamperPageText(pdf).ok());
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  ASSERT_EQ(report.signatures(0).indication(), v1::TOTAL_FAILED);
  v1::IntakeFacts intake;
  intake.set_channel(v1::PORTAL);
  intake.set_assurance_level(v1::HIGH);
  v1::WrittenForm form = WrittenForm(report, intake);
  EXPECT_EQ(form.decision(), v1::WrittenForm::SATISFIED);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::EID_FORM);
  // Level SUBSTANTIAL is not enough.
  intake.set_assurance_level(v1::SUBSTANTIAL);
  form = WrittenForm(report, intake);
  EXPECT_EQ(form.decision(), v1::WrittenForm::NOT_SATISFIED);
}

TEST_F(ValidatorCertificatesTest, ConfirmedDeMailIsDeMail) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().non_qualified()));
  const v1::SignatureReport report = Validate(pdf);
  v1::IntakeFacts intake;
  intake.set_channel(v1::EMAIL);
  intake.set_de_mail_sender_confirmed(true);
  const v1::WrittenForm form = WrittenForm(report, intake);
  EXPECT_EQ(form.decision(), v1::WrittenForm::SATISFIED);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::DE_MAIL);
}

TEST_F(ValidatorCertificatesTest, NotAPdfIsInvalidArgument) {
  const absl::StatusOr<v1::SignatureReport> report = validator().Validate(
      "Sehr geehrte Damen und Herren,\nanbei mein Antrag.\n", kNow);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(validator().Validate("", kNow).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// A signed PDF cut at several points (inside /Contents, inside the second
// signed range, in the final trailer, in the first revision): no crash,
// a prompt answer, and no signature that passes.
TEST_F(ValidatorCertificatesTest, TruncatedSignedPdfNeverPasses) {
  TestPdf pdf;
  const SignatureResult result =
      Sign(pdf, OptionsWithRevocation(pki().qualified()));
  ASSERT_EQ(result.byte_range.size(), 4u);
  const std::string& bytes = pdf.bytes();
  const size_t cuts[] = {
      result.contents_offset + 100,
      static_cast<size_t>(result.byte_range[2]) + 10,
      bytes.size() - 3,
      pdf.revision_ends()[0] / 2,
  };
  for (size_t cut : cuts) {
    SCOPED_TRACE(cut);
    EXPECT_LT(TimedValidate(bytes.substr(0, cut)), 5.0);
  }
}

// "%PDF-" and random bytes (fixed seeds), with and without signature
// keywords sprinkled in.
TEST_F(ValidatorCertificatesTest, RandomGarbageAfterHeaderReturnsPromptly) {
  for (unsigned seed = 1; seed <= 4; ++seed) {
    SCOPED_TRACE(seed);
    std::mt19937 random(seed);
    std::string pdf = "%PDF-1.7\n";
    for (int i = 0; i < 64 * 1024; ++i) {
      pdf.push_back(static_cast<char>(random() & 0xff));
      if (seed % 2 == 0 && random() % 4096 == 0) {
        pdf += " /ByteRange [0 10 20 30] /Contents <00> /Type /Sig ";
      }
    }
    if (seed % 2 == 0) pdf += "\nstartxref\n9\n%%EOF\n";
    EXPECT_LT(TimedValidate(pdf), 5.0);
  }
}

// A signed PDF with 64 random bytes overwritten at random places outside
// /Contents (fixed seeds): PoDoFo sees damaged objects, xrefs and
// dictionaries; every changed byte is signed, so nothing may pass.
TEST_F(ValidatorCertificatesTest, MutatedSignedPdfNeverPasses) {
  TestPdf pdf;
  const SignatureResult result =
      Sign(pdf, OptionsWithRevocation(pki().qualified()));
  ASSERT_EQ(result.byte_range.size(), 4u);
  const size_t gap_begin = static_cast<size_t>(result.byte_range[1]);
  const size_t gap_end = static_cast<size_t>(result.byte_range[2]);
  for (unsigned seed = 1; seed <= 8; ++seed) {
    SCOPED_TRACE(seed);
    std::mt19937 random(seed);
    std::string bytes = pdf.bytes();
    for (int i = 0; i < 64; ++i) {
      size_t at = random() % bytes.size();
      if (at >= gap_begin && at < gap_end) at = gap_begin - 1 - at % 100;
      bytes[at] = static_cast<char>(bytes[at] ^ (1 + random() % 255));
    }
    EXPECT_LT(TimedValidate(bytes), 5.0);
  }
}

}  // namespace
}  // namespace docintake::signature::validator_testing
