// End-to-end validator tests, part 1: PAdES levels (B-B, B-T, B-LT, B-LTA),
// document timestamps, serial signatures, plain-ECDSA with brainpool, and
// what breaks a signature outright — a changed byte, a flipped signature
// bit, empty /Contents and every ByteRange anomaly. The PDFs are signed by
// tests/support/signing with a fresh TestPki.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "base/time_util.h"
#include "tests/signature/validator_test_fixture.h"

namespace docintake::signature::validator_testing {
namespace {

using ::docintake::testing::signing::CrlSpec;
using ::docintake::testing::signing::TamperPageText;

class ValidatorLevelsTest : public ValidatorTest {};

// Policy (pdf_validator.h, ChainOptions::require_revocation_data): missing
// revocation data for the signer is INDETERMINATE/TRY_LATER, so a trusted
// B-B signature without any revocation data does not pass.
TEST_F(ValidatorLevelsTest, BaselineBWithoutRevocationDataIsTryLater) {
  TestPdf pdf;
  Sign(pdf, Options(pki().qualified()));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(s, Failed(v1::INDETERMINATE, v1::TRY_LATER, Validation::B_B));
  EXPECT_EQ(s.subfilter(), "ETSI.CAdES.detached");
  EXPECT_EQ(s.field_name(), "Signature1");
  EXPECT_EQ(s.docmdp_permissions(), 0u);
  EXPECT_EQ(s.qualification(), Validation::QUALIFICATION_INDETERMINATE);
  ASSERT_GE(s.revocation_size(), 1);
  EXPECT_EQ(s.revocation(0).status(), v1::RevocationStatus::UNKNOWN);
  // No proof of existence: the best signature time is the validation time.
  EXPECT_EQ(base::FromProtoTime(s.best_signature_time()), kNow);
  EXPECT_EQ(base::FromProtoTime(s.claimed_signing_time()),
            kNow - absl::Hours(1));
  EXPECT_EQ(report.revision_count(), 2u);
}

// The same signature with a good OCSP response in the signed
// adbe-revocationInfoArchival attribute passes; without a timestamp it is
// still B-B.
TEST_F(ValidatorLevelsTest, BaselineBWithArchivedOcspPasses) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().qualified()));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(s, Passed(Validation::B_B));
  ASSERT_GE(s.chain_size(), 3);
  EXPECT_TRUE(s.chain(s.chain_size() - 1).trust_anchor());
  EXPECT_EQ(s.signer().sha256(), s.chain(0).sha256());
  ASSERT_GE(s.revocation_size(), 1);
  EXPECT_EQ(s.revocation(0).status(), v1::RevocationStatus::GOOD);
  EXPECT_EQ(s.revocation(0).source().substr(0, 4), "OCSP");
}

// ... and with the OCSP response in a DSS added afterwards: a permitted
// update that only adds validation data.
TEST_F(ValidatorLevelsTest, BaselineBWithOcspInDssPasses) {
  TestPdf pdf;
  Sign(pdf, Options(pki().qualified()));
  AddDss(pdf, pki().qualified(),
         Ocsp(pki().qualified(), kNow - absl::Hours(2)));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  Verdict v = Passed(Validation::B_B);
  v.coverage = Validation::ENTIRE_REVISION;
  v.later_changes = Validation::ALLOWED;
  ExpectVerdict(report.signatures(0), v);
  EXPECT_TRUE(report.signatures(0).later_changes_validation_data_only());
  EXPECT_EQ(report.revision_count(), 3u);
}

// B-T: a signature timestamp and no revocation data. The timestamp gives
// the proof of existence, but the policy still wants revocation data for
// the signer: INDETERMINATE/TRY_LATER, level B-T.
TEST_F(ValidatorLevelsTest, BaselineTCarriesTheSignatureTimestamp) {
  TestPdf pdf;
  SignOptions options = Options(pki().qualified());
  options.signature_timestamp = kNow - absl::Minutes(50);
  Sign(pdf, options);
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  ExpectVerdict(s, Failed(v1::INDETERMINATE, v1::TRY_LATER, Validation::B_T));
  ASSERT_EQ(s.timestamps_size(), 1);
  const v1::TimestampValidation& ts = s.timestamps(0);
  EXPECT_EQ(ts.kind(), v1::TimestampValidation::SIGNATURE_TIMESTAMP);
  EXPECT_TRUE(ts.intact());
  EXPECT_EQ(ts.indication(), v1::TOTAL_PASSED);
  EXPECT_EQ(base::FromProtoTime(ts.gen_time()), kNow - absl::Minutes(50));
  EXPECT_EQ(base::FromProtoTime(s.best_signature_time()),
            kNow - absl::Minutes(50));
}

// B-LT: signature timestamp, then a DSS with an OCSP response for the
// signer and a CRL of the root for the intermediate.
TEST_F(ValidatorLevelsTest, BaselineLtPassesWithDssValidationData) {
  TestPdf pdf;
  SignOptions options = Options(pki().qualified());
  options.signature_timestamp = kNow - absl::Minutes(50);
  const SignatureResult signed_result = Sign(pdf, options);
  CrlSpec crl_spec;
  crl_spec.issuer = &pki().root();
  crl_spec.this_update = kNow - absl::Minutes(30);
  crl_spec.next_update = kNow + absl::Hours(24 * 30);
  absl::StatusOr<std::string> crl = pki().MakeCrl(crl_spec);
  ASSERT_TRUE(crl.ok()) << crl.status();
  DssSpec dss;
  const std::string ocsp = Ocsp(pki().qualified(), kNow - absl::Minutes(30));
  dss.certs = {pki().qualified().CertDer(), pki().intermediate().CertDer(),
               pki().ocsp_responder().CertDer()};
  dss.ocsps = {ocsp};
  dss.crls = {*crl};
  dss.vri = {{signed_result.vri_key, {}, {ocsp}, {}}};
  pdf.SetDss(dss);
  ASSERT_TRUE(pdf.Commit().ok());

  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  Verdict v = Passed(Validation::B_LT);
  v.coverage = Validation::ENTIRE_REVISION;
  v.later_changes = Validation::ALLOWED;
  ExpectVerdict(s, v);
  EXPECT_TRUE(s.later_changes_validation_data_only());
  ASSERT_EQ(s.revocation_size(), 2);  // signer and intermediate
  EXPECT_EQ(s.revocation(0).status(), v1::RevocationStatus::GOOD);
  EXPECT_EQ(s.revocation(0).source().substr(0, 4), "OCSP");
  EXPECT_EQ(s.revocation(1).status(), v1::RevocationStatus::GOOD);
  EXPECT_EQ(s.revocation(1).source().substr(0, 3), "CRL");
}

// B-LTA: B-LT plus a document timestamp over the DSS revision.
TEST_F(ValidatorLevelsTest, BaselineLtaHasDocumentTimestampAfterDss) {
  TestPdf pdf;
  SignOptions options = Options(pki().qualified());
  options.signature_timestamp = kNow - absl::Minutes(50);
  Sign(pdf, options);
  AddDss(pdf, pki().qualified(),
         Ocsp(pki().qualified(), kNow - absl::Minutes(30)));
  Stamp(pdf, kNow - absl::Minutes(10));

  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 2);
  Verdict v = Passed(Validation::B_LTA);
  v.coverage = Validation::ENTIRE_REVISION;
  v.later_changes = Validation::ALLOWED;
  ExpectVerdict(report.signatures(0), v);
  EXPECT_TRUE(report.signatures(0).later_changes_validation_data_only());
  // The earliest proof of existence is the signature timestamp.
  EXPECT_EQ(base::FromProtoTime(report.signatures(0).best_signature_time()),
            kNow - absl::Minutes(50));

  Verdict ts = Passed(Validation::NO_LEVEL);
  ts.kind = Validation::DOCUMENT_TIMESTAMP;
  ExpectVerdict(report.signatures(1), ts);
  EXPECT_EQ(report.signatures(1).subfilter(), "ETSI.RFC3161");
  EXPECT_EQ(report.revision_count(), 4u);
}

// A document timestamp on an unsigned document: no level, and no
// signature for the written form.
TEST_F(ValidatorLevelsTest, DocumentTimestampAlone) {
  TestPdf pdf;
  Stamp(pdf, kNow - absl::Hours(1));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  Verdict v = Passed(Validation::NO_LEVEL);
  v.kind = Validation::DOCUMENT_TIMESTAMP;
  ExpectVerdict(s, v);
  EXPECT_EQ(s.field_name(), "DocTimeStamp1");
  EXPECT_EQ(base::FromProtoTime(s.best_signature_time()),
            kNow - absl::Hours(1));
  ASSERT_EQ(s.timestamps_size(), 1);
  EXPECT_EQ(s.timestamps(0).kind(),
            v1::TimestampValidation::DOCUMENT_TIMESTAMP);
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NOT_SATISFIED);
}

// Two approval signatures one after the other into prepared fields: the
// first sees a further signature (allowed, not validation data only).
TEST_F(ValidatorLevelsTest, SerialSignaturesBothPass) {
  DocumentSpec spec;
  spec.signature_fields = {"Antragsteller", "Sachbearbeiter"};
  TestPdf pdf(spec);
  SignOptions first = OptionsWithRevocation(pki().qualified());
  first.field_name = "Antragsteller";
  Sign(pdf, first);
  SignOptions second = OptionsWithRevocation(pki().non_qualified());
  second.field_name = "Sachbearbeiter";
  second.signing_time = kNow - absl::Minutes(30);
  Sign(pdf, second);

  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 2);
  EXPECT_EQ(report.revision_count(), 3u);
  Verdict v1_verdict = Passed(Validation::B_B);
  v1_verdict.coverage = Validation::ENTIRE_REVISION;
  v1_verdict.later_changes = Validation::ALLOWED;
  ExpectVerdict(report.signatures(0), v1_verdict);
  EXPECT_FALSE(report.signatures(0).later_changes_validation_data_only());
  EXPECT_EQ(report.signatures(0).field_name(), "Antragsteller");
  EXPECT_EQ(report.signatures(0).index(), 0u);
  ExpectVerdict(report.signatures(1), Passed(Validation::B_B));
  EXPECT_EQ(report.signatures(1).field_name(), "Sachbearbeiter");
  EXPECT_EQ(report.signatures(1).index(), 1u);
  EXPECT_EQ(report.signatures(0).qualification(), Validation::ADESIG_QC);
  EXPECT_EQ(report.signatures(1).qualification(), Validation::ADESIG);
}

// BSI TR-03111 plain ECDSA over brainpoolP256r1 (which OpenSSL's CMS code
// cannot verify): intact and passing with revocation data.
TEST_F(ValidatorLevelsTest, PlainEcdsaBrainpoolPasses) {
  TestPdf pdf;
  SignOptions options = OptionsWithRevocation(pki().brainpool());
  options.algorithm = SignatureAlgorithm::kPlainEcdsa;
  Sign(pdf, options);
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  ExpectVerdict(report.signatures(0), Passed(Validation::B_B));
  EXPECT_EQ(report.signatures(0).qualification(), Validation::ADESIG_QC);
}

// One letter of the signed page text changed after signing.
TEST_F(ValidatorLevelsTest, TamperedByteIsHashFailure) {
  TestPdf pdf;
  Sign(pdf, OptionsWithRevocation(pki().qualified()));
  ASSERT_TRUE(TamperPageText(pdf).ok());
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  Verdict v = Failed(v1::TOTAL_FAILED, v1::HASH_FAILURE, Validation::B_B);
  v.integrity = Validation::BROKEN;
  ExpectVerdict(report.signatures(0), v);
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NOT_SATISFIED);
}

TEST_F(ValidatorLevelsTest, FlippedSignatureBitIsSigCryptoFailure) {
  TestPdf pdf;
  SignOptions options = OptionsWithRevocation(pki().qualified());
  options.corrupt_signature_value = true;
  Sign(pdf, options);
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  Verdict v = Failed(v1::TOTAL_FAILED, v1::SIG_CRYPTO_FAILURE, Validation::B_B);
  v.integrity = Validation::BROKEN;
  ExpectVerdict(report.signatures(0), v);
}

// /Contents left all zeros: there is no CMS, so no level either.
TEST_F(ValidatorLevelsTest, ZeroContentsIsFormatFailure) {
  TestPdf pdf;
  SignOptions options = Options(pki().qualified());
  options.zero_contents = true;
  Sign(pdf, options);
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  EXPECT_EQ(s.indication(), v1::TOTAL_FAILED);
  EXPECT_EQ(s.subindication(), v1::FORMAT_FAILURE);
  EXPECT_EQ(s.integrity(), Validation::BROKEN);
  EXPECT_EQ(s.coverage(), Validation::ENTIRE_FILE);
  EXPECT_EQ(s.kind(), Validation::SIGNATURE);
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NOT_SATISFIED);
}

struct ByteRangeCase {
  const char* name;
  ByteRangeVariant variant;
  Validation::Coverage coverage;
};

class ByteRangeAnomalyTest
    : public ValidatorTest,
      public ::testing::WithParamInterface<ByteRangeCase> {};

// Every ByteRange anomaly fails the format check, whatever the CMS says
// (the signer computes it over exactly the bytes the ByteRange selects,
// with revocation data, so nothing else could fail it), and breaks the
// written form.
TEST_P(ByteRangeAnomalyTest, FailsFormatAndWrittenForm) {
  TestPdf pdf;
  SignOptions options = OptionsWithRevocation(pki().qualified());
  options.byte_range = GetParam().variant;
  const SignatureResult result = Sign(pdf, options);
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 1);
  const Validation& s = report.signatures(0);
  EXPECT_EQ(Validation::Coverage_Name(s.coverage()),
            Validation::Coverage_Name(GetParam().coverage));
  EXPECT_EQ(v1::Indication_Name(s.indication()),
            v1::Indication_Name(v1::TOTAL_FAILED));
  EXPECT_EQ(v1::SubIndication_Name(s.subindication()),
            v1::SubIndication_Name(v1::FORMAT_FAILURE))
      << absl::StrJoin(s.errors(), " | ");
  EXPECT_EQ(s.kind(), Validation::SIGNATURE);
  EXPECT_EQ(std::vector<int64_t>(s.byte_range().begin(), s.byte_range().end()),
            result.byte_range);
  if (GetParam().coverage == Validation::PARTIAL) {
    EXPECT_EQ(s.later_changes(), Validation::NOT_APPLICABLE);
  }
  const v1::WrittenForm form = WrittenForm(report);
  EXPECT_EQ(form.decision(), v1::WrittenForm::NOT_SATISFIED);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::NONE);
}

INSTANTIATE_TEST_SUITE_P(
    Variants, ByteRangeAnomalyTest,
    ::testing::Values(
        ByteRangeCase{"ThreeNumbers", ByteRangeVariant::kThreeNumbers,
                      Validation::INVALID},
        ByteRangeCase{"GapNotAtContents", ByteRangeVariant::kGapNotAtContents,
                      Validation::INVALID},
        ByteRangeCase{"Overlapping", ByteRangeVariant::kOverlapping,
                      Validation::INVALID},
        ByteRangeCase{"BeyondEof", ByteRangeVariant::kBeyondEof,
                      Validation::INVALID},
        ByteRangeCase{"Partial", ByteRangeVariant::kPartial,
                      Validation::PARTIAL}),
    [](const ::testing::TestParamInfo<ByteRangeCase>& param) {
      return std::string(param.param.name);
    });

}  // namespace
}  // namespace docintake::signature::validator_testing
