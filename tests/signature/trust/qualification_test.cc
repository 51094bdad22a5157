// QCStatements parsing and the qualification decision with a hand-written
// trusted list whose CA/QC service is granted 2016-06-30 .. 2021-05-21.
#include "signature/trust/qualification.h"

#include "gtest/gtest.h"
#include "tests/signature/trust/test_pki.h"

namespace docintake::signature {
namespace {

using testing::CertSpec;
using testing::Issue;
using testing::TestIdentity;
using testing::Utc;

constexpr char kEsign[] = "0.4.0.1862.1.6.1";
constexpr char kEseal[] = "0.4.0.1862.1.6.2";

class QualificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ca_ = Issue(testing::MakeSpec([](CertSpec& s) {
                  s.common_name = "QC CA";
                  s.ca = true;
                }),
                nullptr);
    testing::MiniService service;
    service.name = "QC CA";
    service.type_uri = kServiceTypeCaQc;
    service.cert_der = ca_->der();
    service.status_uri = kStatusWithdrawn;
    service.status_start = "2021-05-21T10:00:00Z";
    service.history = {{kStatusGranted, "2016-06-30T22:00:00Z"},
                       {kStatusUnderSupervision, "2011-01-01T00:00:00Z"}};
    service.additional_info = {std::string(kSvcInfoExtPrefix) +
                               "ForeSignatures"};
    ASSERT_TRUE(
        store_
            .AddTrustedList(testing::MiniTrustedListXml("XX", 1, {service}),
                            "mini.xml")
            .ok());
  }

  std::unique_ptr<TestIdentity> Signer(std::string qc, std::string ku,
                                       absl::Time not_before = Utc(2018, 1,
                                                                   1)) {
    return Issue(testing::MakeSpec([&](CertSpec& s) {
                   s.common_name = "Signer";
                   s.serial = 5;
                   s.not_before = not_before;
                   s.key_usage = ku;
                   s.qc_statements_der = qc;
                 }),
                 ca_.get());
  }

  QualificationResult Decide(const TestIdentity& signer, absl::Time when,
                             const TrustStore& store) {
    QualificationInput input;
    input.chain = {signer.der(), ca_->der()};
    input.signing_time = when;
    auto r = DetermineQualification(input, store);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : QualificationResult();
  }

  std::unique_ptr<TestIdentity> ca_;
  TrustStore store_;
};

TEST_F(QualificationTest, ParsesQcStatements) {
  auto signer = Signer(testing::QcStatementsDer(true, true, {kEsign}),
                       "critical,nonRepudiation");
  auto qc = ParseQcStatements(signer->der());
  ASSERT_TRUE(qc.ok()) << qc.status();
  EXPECT_TRUE(qc->has_qc_statements_extension);
  EXPECT_TRUE(qc->qc_compliance);
  EXPECT_TRUE(qc->qc_sscd);
  EXPECT_TRUE(qc->type_esign);
  EXPECT_FALSE(qc->type_eseal);
  EXPECT_TRUE(qc->non_repudiation);

  auto plain = ParseQcStatements(ca_->der());
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->has_qc_statements_extension);
  EXPECT_FALSE(plain->qc_compliance);

  auto broken = Signer(std::string("\x30\x05\x06\x03", 4), "");
  EXPECT_EQ(ParseQcStatements(broken->der()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QualificationTest, QcWithSscdUnderGrantedServiceIsQesig) {
  auto signer = Signer(testing::QcStatementsDer(true, true, {kEsign}),
                       "critical,nonRepudiation");
  QualificationResult r = Decide(*signer, Utc(2019, 1, 1), store_);
  EXPECT_EQ(r.qualification, SignatureQualification::kQesig)
      << ::testing::PrintToString(r.reasons);
  ASSERT_NE(r.service.service, nullptr);
  EXPECT_EQ(r.service.service->current.service_name, "QC CA");
}

TEST_F(QualificationTest, WithoutSscdIsAdesigQc) {
  auto signer = Signer(testing::QcStatementsDer(true, false, {kEsign}),
                       "critical,nonRepudiation");
  EXPECT_EQ(Decide(*signer, Utc(2019, 1, 1), store_).qualification,
            SignatureQualification::kAdesigQc);
}

TEST_F(QualificationTest, SignedAfterWithdrawalIsNotQualified) {
  auto signer = Signer(testing::QcStatementsDer(true, true, {kEsign}),
                       "critical,nonRepudiation");
  QualificationResult r = Decide(*signer, Utc(2022, 1, 1), store_);
  EXPECT_EQ(r.qualification, SignatureQualification::kAdesigQc);
  EXPECT_NE(::testing::PrintToString(r.reasons).find("withdrawn"),
            std::string::npos);
}

TEST_F(QualificationTest, PreEidasSupervisionCountsAsGranted) {
  // Issued and used in 2015 under "undersupervision", no QcType.
  auto signer = Signer(testing::QcStatementsDer(true, true, {}),
                       "critical,nonRepudiation", Utc(2015, 1, 1));
  EXPECT_EQ(Decide(*signer, Utc(2015, 6, 1), store_).qualification,
            SignatureQualification::kQesig);
}

TEST_F(QualificationTest, SealCertificateFromSignatureServiceIsNotQualified) {
  auto seal = Signer(testing::QcStatementsDer(true, true, {kEseal}),
                     "critical,nonRepudiation");
  EXPECT_EQ(Decide(*seal, Utc(2019, 1, 1), store_).qualification,
            SignatureQualification::kAdeseal);
}

TEST_F(QualificationTest, WithoutTrustedListTheBestIsAdesigQc) {
  TrustStore pem_only;
  ASSERT_TRUE(pem_only.AddCertificates(ca_->der(), "ca.der").ok());
  auto qualified = Signer(testing::QcStatementsDer(true, true, {kEsign}),
                          "critical,nonRepudiation");
  EXPECT_EQ(Decide(*qualified, Utc(2019, 1, 1), pem_only).qualification,
            SignatureQualification::kAdesigQc);
  auto plain = Signer("", "critical,nonRepudiation");
  EXPECT_EQ(Decide(*plain, Utc(2019, 1, 1), pem_only).qualification,
            SignatureQualification::kAdesig);
}

TEST_F(QualificationTest, AdesOutcomeComesFirst) {
  auto signer = Signer(testing::QcStatementsDer(true, true, {kEsign}),
                       "critical,nonRepudiation");
  QualificationInput input;
  input.chain = {signer->der(), ca_->der()};
  input.signing_time = Utc(2019, 1, 1);
  input.ades = AdesOutcome::kFailed;
  EXPECT_EQ(DetermineQualification(input, store_)->qualification,
            SignatureQualification::kNotAdes);
  input.ades = AdesOutcome::kIndeterminate;
  EXPECT_EQ(DetermineQualification(input, store_)->qualification,
            SignatureQualification::kIndeterminate);
  EXPECT_STREQ(SignatureQualificationName(SignatureQualification::kQesig),
               "QESIG");
  input.chain.clear();
  EXPECT_FALSE(DetermineQualification(input, store_).ok());
}

}  // namespace
}  // namespace docintake::signature
