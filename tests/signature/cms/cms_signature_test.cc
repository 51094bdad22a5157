// ParseCmsSignature: the facts of CMS signatures built in the test, with
// expected values taken from how they were built.
#include "signature/cms/cms_signature.h"

#include <openssl/cms.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/signature/cms/test_cms.h"

namespace docintake::signature {
namespace {

using testing::Attribute;
using testing::BuildCms;
using testing::CadesAttributes;
using testing::CmsSign;
using testing::Der;
using testing::HandCmsOptions;
using testing::KeyKind;
using testing::MakeIdentity;
using testing::OidDer;
using testing::TestIdentity;

constexpr absl::string_view kData = "the bytes a ByteRange selects";
constexpr char kOidRevocationArchival[] = "1.2.840.113583.1.1.8";
constexpr char kOidRevocationValues[] = "1.2.840.113549.1.9.16.2.24";
constexpr char kOidTimeStampToken[] = "1.2.840.113549.1.9.16.2.14";

class CmsSignatureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<TestIdentity> rsa = MakeIdentity(KeyKind::kRsa, "RSA");
    absl::StatusOr<TestIdentity> bp =
        MakeIdentity(KeyKind::kBrainpoolP256, "brainpool");
    if (rsa.ok()) rsa_ = std::make_unique<TestIdentity>(*std::move(rsa));
    if (bp.ok()) brainpool_ = std::make_unique<TestIdentity>(*std::move(bp));
  }
  static void TearDownTestSuite() {
    rsa_.reset();
    brainpool_.reset();
  }
  void SetUp() override {
    ASSERT_NE(rsa_, nullptr);
    ASSERT_NE(brainpool_, nullptr);
  }
  static std::unique_ptr<TestIdentity> rsa_, brainpool_;
};

std::unique_ptr<TestIdentity> CmsSignatureTest::rsa_;
std::unique_ptr<TestIdentity> CmsSignatureTest::brainpool_;

TEST_F(CmsSignatureTest, ReadsTheFactsOfACadesSignature) {
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, rsa_->cert_der);
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_TRUE(sig->is_signed_data);
  EXPECT_EQ(sig->signer_info_count, 1);
  EXPECT_EQ(sig->digest_algorithm_oid, "2.16.840.1.101.3.4.2.1");
  EXPECT_EQ(sig->digest_algorithm, "SHA256");
  EXPECT_EQ(sig->signature_algorithm_oid, "1.2.840.113549.1.1.11");
  EXPECT_EQ(sig->signature_algorithm, SignatureAlgorithm::kRsaPkcs1v15);
  EXPECT_TRUE(sig->has_signed_attributes);
  EXPECT_EQ(sig->content_type_attribute, "1.2.840.113549.1.7.1");
  EXPECT_EQ(sig->message_digest, testing::Sha256(kData));
  ASSERT_TRUE(sig->signing_time.has_value());
  EXPECT_EQ(*sig->signing_time,
            absl::FromCivil(absl::CivilSecond(2023, 6, 1, 10, 20, 30),
                            absl::UTCTimeZone()));
  EXPECT_FALSE(sig->has_ess_signing_certificate);
  EXPECT_TRUE(sig->has_ess_signing_certificate_v2);
  EXPECT_FALSE(sig->econtent.has_value());
  EXPECT_EQ(sig->signer_certificate, rsa_->cert_der);
  ASSERT_EQ(sig->certificates.size(), 1u);
  EXPECT_EQ(sig->certificates[0], rsa_->cert_der);
  EXPECT_EQ(sig->signature_value, *testing::OpenSslSignatureValue(*cms));
  EXPECT_TRUE(sig->signature_timestamps.empty());
  EXPECT_TRUE(sig->anomalies.empty());
}

TEST_F(CmsSignatureTest, FindsTheSignerBySubjectKeyIdentifier) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED | CMS_USE_KEYID);
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_EQ(sig->signer_certificate, rsa_->cert_der);
}

TEST_F(CmsSignatureTest, RecognisesSignatureAlgorithms) {
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, brainpool_->cert_der);
  options.plain_ecdsa = true;
  absl::StatusOr<std::string> plain = BuildCms(*brainpool_, kData, options);
  ASSERT_TRUE(plain.ok()) << plain.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*plain);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_EQ(sig->signature_algorithm, SignatureAlgorithm::kPlainEcdsa);
  EXPECT_EQ(sig->signature_algorithm_oid, "0.4.0.127.0.7.1.1.4.1.3");
  EXPECT_EQ(sig->signature_value.size(), 64u);

  absl::StatusOr<std::string> pss =
      CmsSign(*rsa_, kData, CMS_DETACHED, /*pss=*/true);
  ASSERT_TRUE(pss.ok()) << pss.status();
  sig = ParseCmsSignature(*pss);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_EQ(sig->signature_algorithm, SignatureAlgorithm::kRsaPss);

  absl::StatusOr<std::string> ecdsa =
      CmsSign(*brainpool_, kData, CMS_DETACHED | CMS_NOATTR);
  ASSERT_TRUE(ecdsa.ok()) << ecdsa.status();
  sig = ParseCmsSignature(*ecdsa);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_EQ(sig->signature_algorithm, SignatureAlgorithm::kEcdsa);
  EXPECT_FALSE(sig->has_signed_attributes);
  EXPECT_FALSE(sig->message_digest.has_value());
}

TEST_F(CmsSignatureTest, CollectsRevocationDataFromAllPlaces) {
  absl::StatusOr<std::string> crl = testing::MakeCrl(*rsa_);
  std::string basic;
  absl::StatusOr<std::string> ocsp = testing::MakeOcspResponse(*rsa_, &basic);
  ASSERT_TRUE(crl.ok()) << crl.status();
  ASSERT_TRUE(ocsp.ok()) << ocsp.status();
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, rsa_->cert_der);
  // Adobe: { [0] { CRLs }, [1] { OCSPResponses } }.
  options.signed_attributes.push_back(Attribute(
      kOidRevocationArchival,
      Der(0x30, Der(0xa0, Der(0x30, *crl)) + Der(0xa1, Der(0x30, *ocsp)))));
  // CAdES revocation values carry a BasicOCSPResponse.
  options.unsigned_attributes.push_back(
      Attribute(kOidRevocationValues, Der(0x30, Der(0xa1, Der(0x30, basic)))));
  // SignedData.crls: a CRL and an RFC 5940 OCSP response.
  options.revocation_choices = {
      *crl, Der(0xa1, OidDer("1.3.6.1.5.5.7.16.2") + *ocsp)};
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  using Kind = EmbeddedRevocation::Kind;
  ASSERT_EQ(sig->revocation.size(), 5u);
  int crls = 0, responses = 0;
  for (const EmbeddedRevocation& r : sig->revocation) {
    if (r.kind == Kind::kCrl) {
      ++crls;
      EXPECT_EQ(r.der, *crl);
    } else {
      ++responses;
      // The wrapped BasicOCSPResponse equals OpenSSL's own OCSPResponse.
      EXPECT_EQ(r.der, *ocsp);
    }
  }
  EXPECT_EQ(crls, 2);
  EXPECT_EQ(responses, 3);
  EXPECT_EQ(sig->revocation.back().source,
            RevocationSource::kCadesRevocationValues);
  EXPECT_TRUE(sig->anomalies.empty());
}

TEST_F(CmsSignatureTest, ExposesSignatureTimestampTokens) {
  // Any DER ContentInfo stands in for a token here; timestamp_token_test
  // parses real ones.
  const std::string token =
      Der(0x30, OidDer("1.2.840.113549.1.7.2") + Der(0xa0, Der(0x30, "")));
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, rsa_->cert_der);
  options.unsigned_attributes.push_back(Attribute(kOidTimeStampToken, token));
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  ASSERT_EQ(sig->signature_timestamps.size(), 1u);
  EXPECT_EQ(sig->signature_timestamps[0], token);
}

TEST_F(CmsSignatureTest, MalformedSigningTimeIsAnAnomaly) {
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, rsa_->cert_der);
  options.signed_attributes[1] =
      Attribute("1.2.840.113549.1.9.5", Der(0x17, "2306011020"));  // no Z
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_FALSE(sig->signing_time.has_value());
  EXPECT_EQ(sig->anomalies.size(), 1u);
}

TEST_F(CmsSignatureTest, CountsSignerInfos) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED, false, brainpool_.get());
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_EQ(sig->signer_info_count, 2);
}

TEST_F(CmsSignatureTest, OtherContentTypesAreNotSignedData) {
  const std::string data_content_info =
      Der(0x30, OidDer("1.2.840.113549.1.7.1") + Der(0xa0, Der(0x04, "x")));
  absl::StatusOr<CmsSignature> sig = ParseCmsSignature(data_content_info);
  ASSERT_TRUE(sig.ok()) << sig.status();
  EXPECT_FALSE(sig->is_signed_data);
  EXPECT_EQ(sig->content_type_oid, "1.2.840.113549.1.7.1");
}

TEST_F(CmsSignatureTest, GarbageIsInvalidArgument) {
  absl::StatusOr<std::string> cms = CmsSign(*rsa_, kData, CMS_DETACHED);
  ASSERT_TRUE(cms.ok()) << cms.status();
  for (const std::string& garbage :
       {std::string(), std::string(4096, '\0'), std::string("\x31\x00", 2),
        cms->substr(0, cms->size() / 2), std::string("\x30\x80\x30\x80", 4)}) {
    absl::StatusOr<CmsSignature> sig = ParseCmsSignature(garbage);
    EXPECT_TRUE(absl::IsInvalidArgument(sig.status())) << sig.status();
  }
}

}  // namespace
}  // namespace docintake::signature
