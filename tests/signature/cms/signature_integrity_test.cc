// VerifySignatureIntegrity over signatures made in the test: CMS_sign output
// for RSA, RSA-PSS, P-256 and brainpoolP256r1, hand-built plain-ECDSA and
// unsorted SignedAttributes, and every way the corpus breaks them.
#include "signature/cms/signature_integrity.h"

#include <openssl/cms.h>

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "tests/signature/cms/test_cms.h"

namespace docintake::signature {
namespace {

using testing::BuildCms;
using testing::CadesAttributes;
using testing::CmsSign;
using testing::HandCmsOptions;
using testing::KeyKind;
using testing::MakeIdentity;
using testing::TestIdentity;

constexpr absl::string_view kData =
    "%PDF-1.7 signed revision bytes before the gap and after the gap %%EOF\n";

class SignatureIntegrityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rsa_ = Make(KeyKind::kRsa, "RSA signer");
    p256_ = Make(KeyKind::kP256, "P-256 signer");
    brainpool_ = Make(KeyKind::kBrainpoolP256, "brainpool signer");
    other_ = Make(KeyKind::kP256, "someone else");
  }
  static void TearDownTestSuite() {
    rsa_.reset();
    p256_.reset();
    brainpool_.reset();
    other_.reset();
  }
  static std::unique_ptr<TestIdentity> Make(KeyKind kind, const char* cn) {
    absl::StatusOr<TestIdentity> id = MakeIdentity(kind, cn);
    if (!id.ok()) return nullptr;
    return std::make_unique<TestIdentity>(*std::move(id));
  }
  void SetUp() override {
    ASSERT_NE(rsa_, nullptr);
    ASSERT_NE(p256_, nullptr);
    ASSERT_NE(brainpool_, nullptr);
    ASSERT_NE(other_, nullptr);
  }

  // The data split like a ByteRange: before and after the gap.
  static IntegrityResult Verify(
      absl::string_view cms, absl::string_view data,
      SubFilter sub_filter = SubFilter::kEtsiCadesDetached) {
    const absl::string_view pieces[] = {data.substr(0, 20), data.substr(20)};
    return VerifySignatureIntegrity(cms, sub_filter, pieces);
  }

  static std::unique_ptr<TestIdentity> rsa_, p256_, brainpool_, other_;
};

std::unique_ptr<TestIdentity> SignatureIntegrityTest::rsa_;
std::unique_ptr<TestIdentity> SignatureIntegrityTest::p256_;
std::unique_ptr<TestIdentity> SignatureIntegrityTest::brainpool_;
std::unique_ptr<TestIdentity> SignatureIntegrityTest::other_;

std::string Flipped(absl::string_view s, size_t index) {
  std::string out(s);
  out[index] ^= 0x01;
  return out;
}

TEST_F(SignatureIntegrityTest, RsaCadesDetachedIsIntactWithEssBinding) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED | CMS_CADES);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_TRUE(r.signed_attributes_der);
  EXPECT_TRUE(r.verifies_over_der);
  EXPECT_EQ(r.ess, EssBinding::kMatches) << r.ess_detail;
}

TEST_F(SignatureIntegrityTest, ZeroPaddingAfterTheCmsIsIgnored) {
  absl::StatusOr<std::string> cms = CmsSign(*rsa_, kData, CMS_DETACHED);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const std::string padded = *cms + std::string(4096, '\0');
  EXPECT_EQ(Verify(padded, kData).integrity, Integrity::kIntact);
}

TEST_F(SignatureIntegrityTest, FlippedDataByteIsHashFailure) {
  absl::StatusOr<std::string> cms = CmsSign(*rsa_, kData, CMS_DETACHED);
  ASSERT_TRUE(cms.ok()) << cms.status();
  EXPECT_EQ(Verify(*cms, Flipped(kData, 30)).integrity,
            Integrity::kHashFailure);
}

TEST_F(SignatureIntegrityTest, FlippedSignatureByteIsSigCryptoFailure) {
  absl::StatusOr<std::string> cms = CmsSign(*rsa_, kData, CMS_DETACHED);
  ASSERT_TRUE(cms.ok()) << cms.status();
  absl::StatusOr<std::string> sig = testing::OpenSslSignatureValue(*cms);
  ASSERT_TRUE(sig.ok()) << sig.status();
  const size_t at = cms->find(*sig);
  ASSERT_NE(at, std::string::npos);
  const IntegrityResult r = Verify(Flipped(*cms, at + sig->size() / 2), kData);
  EXPECT_EQ(r.integrity, Integrity::kSigCryptoFailure) << r.detail;
}

TEST_F(SignatureIntegrityTest, RsaPssIsIntact) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED, /*pss=*/true);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_EQ(Verify(*cms, Flipped(kData, 3)).integrity, Integrity::kHashFailure);
}

TEST_F(SignatureIntegrityTest, EcdsaP256AndBrainpoolAreIntact) {
  for (const TestIdentity* id : {p256_.get(), brainpool_.get()}) {
    absl::StatusOr<std::string> cms = CmsSign(*id, kData, CMS_DETACHED);
    ASSERT_TRUE(cms.ok()) << cms.status();
    const IntegrityResult r = Verify(*cms, kData);
    EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  }
}

TEST_F(SignatureIntegrityTest, PlainEcdsaBrainpoolIsVerifiedByHand) {
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, brainpool_->cert_der);
  options.plain_ecdsa = true;
  absl::StatusOr<std::string> cms = BuildCms(*brainpool_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData, SubFilter::kAdbePkcs7Detached);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_EQ(r.ess, EssBinding::kMatches) << r.ess_detail;

  options.flip_signature_byte = true;
  cms = BuildCms(*brainpool_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  EXPECT_EQ(Verify(*cms, kData).integrity, Integrity::kSigCryptoFailure);
}

TEST_F(SignatureIntegrityTest, WithoutSignedAttributesSignsTheDataItself) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED | CMS_NOATTR);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData, SubFilter::kAdbePkcs7Detached);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_EQ(r.ess, EssBinding::kAbsent);
  // Without a messageDigest a changed byte shows only as a bad signature.
  EXPECT_EQ(
      Verify(*cms, Flipped(kData, 40), SubFilter::kAdbePkcs7Detached).integrity,
      Integrity::kSigCryptoFailure);
}

TEST_F(SignatureIntegrityTest, Sha1SubFilterEncapsulatesTheDigest) {
  absl::StatusOr<std::string> cms = CmsSign(*rsa_, testing::Sha1(kData), 0);
  ASSERT_TRUE(cms.ok()) << cms.status();
  EXPECT_EQ(Verify(*cms, kData, SubFilter::kAdbePkcs7Sha1).integrity,
            Integrity::kIntact);
  EXPECT_EQ(
      Verify(*cms, Flipped(kData, 9), SubFilter::kAdbePkcs7Sha1).integrity,
      Integrity::kHashFailure);
  // The same CMS under a detached SubFilter carries eContent it must not.
  EXPECT_EQ(Verify(*cms, kData, SubFilter::kAdbePkcs7Detached).integrity,
            Integrity::kFormatFailure);
}

TEST_F(SignatureIntegrityTest, EContentInDetachedSignatureIsFormatFailure) {
  absl::StatusOr<std::string> cms = CmsSign(*rsa_, kData, 0);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kFormatFailure);
  EXPECT_NE(r.detail.find("eContent"), std::string::npos) << r.detail;
}

TEST_F(SignatureIntegrityTest, TwoSignerInfosAreFormatFailure) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED, false, p256_.get());
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kFormatFailure);
  EXPECT_NE(r.detail.find("2 SignerInfos"), std::string::npos) << r.detail;
}

TEST_F(SignatureIntegrityTest, MissingSignerCertificateIsFormatFailure) {
  absl::StatusOr<std::string> cms =
      CmsSign(*rsa_, kData, CMS_DETACHED | CMS_NOCERTS);
  ASSERT_TRUE(cms.ok()) << cms.status();
  EXPECT_EQ(Verify(*cms, kData).integrity, Integrity::kFormatFailure);
}

TEST_F(SignatureIntegrityTest, UnsortedAttributesVerifyOnlyAsReceived) {
  std::vector<std::string> attrs = CadesAttributes(kData, p256_->cert_der);
  std::sort(attrs.rbegin(), attrs.rend());  // descending: not DER order
  HandCmsOptions options;
  options.signed_attributes = attrs;
  absl::StatusOr<std::string> cms = BuildCms(*p256_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_FALSE(r.signed_attributes_der);
  EXPECT_FALSE(r.verifies_over_der);
}

TEST_F(SignatureIntegrityTest, UnsortedAttributesSignedAsDerVerify) {
  std::vector<std::string> attrs = CadesAttributes(kData, rsa_->cert_der);
  std::sort(attrs.rbegin(), attrs.rend());
  HandCmsOptions options;
  options.signed_attributes = attrs;
  options.sign_sorted = true;
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_FALSE(r.signed_attributes_der);
  EXPECT_TRUE(r.verifies_over_der);
}

TEST_F(SignatureIntegrityTest, SortedHandBuiltAttributesAreDer) {
  std::vector<std::string> attrs = CadesAttributes(kData, rsa_->cert_der);
  std::sort(attrs.begin(), attrs.end());
  HandCmsOptions options;
  options.signed_attributes = attrs;
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_TRUE(r.signed_attributes_der);
}

TEST_F(SignatureIntegrityTest, EssHashOfAnotherCertificateIsMismatch) {
  HandCmsOptions options;
  options.signed_attributes = CadesAttributes(kData, other_->cert_der);
  absl::StatusOr<std::string> cms = BuildCms(*p256_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  const IntegrityResult r = Verify(*cms, kData);
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_EQ(r.ess, EssBinding::kMismatch);
}

TEST_F(SignatureIntegrityTest,
       SignedAttributesWithoutMessageDigestAreFormatFailure) {
  std::vector<std::string> attrs = CadesAttributes(kData, rsa_->cert_der);
  attrs.erase(attrs.begin() + 2);  // messageDigest
  HandCmsOptions options;
  options.signed_attributes = attrs;
  absl::StatusOr<std::string> cms = BuildCms(*rsa_, kData, options);
  ASSERT_TRUE(cms.ok()) << cms.status();
  EXPECT_EQ(Verify(*cms, kData).integrity, Integrity::kFormatFailure);
}

TEST_F(SignatureIntegrityTest, EveryTruncationIsFormatFailure) {
  absl::StatusOr<std::string> cms =
      CmsSign(*p256_, kData, CMS_DETACHED | CMS_CADES);
  ASSERT_TRUE(cms.ok()) << cms.status();
  for (size_t n = 0; n < cms->size(); ++n) {
    const IntegrityResult r = Verify(cms->substr(0, n), kData);
    ASSERT_EQ(r.integrity, Integrity::kFormatFailure) << "length " << n;
    ASSERT_FALSE(r.detail.empty());
  }
}

TEST_F(SignatureIntegrityTest, GarbageAndPlaceholdersAreFormatFailure) {
  for (const std::string& garbage :
       {std::string(), std::string(8192, '\0'), std::string("\x30\x80", 2),
        std::string("\x30\x84\xff\xff\xff\xff", 6), std::string(100, '\xff'),
        std::string("%PDF-1.7 not a CMS")}) {
    EXPECT_EQ(Verify(garbage, kData).integrity, Integrity::kFormatFailure);
  }
}

TEST_F(SignatureIntegrityTest, EverySingleByteCorruptionIsHandled) {
  absl::StatusOr<std::string> cms = CmsSign(*p256_, kData, CMS_DETACHED);
  ASSERT_TRUE(cms.ok()) << cms.status();
  int intact = 0;
  for (size_t i = 0; i < cms->size(); ++i) {
    std::string bad = *cms;
    bad[i] = static_cast<char>(bad[i] ^ 0x80);
    if (Verify(bad, kData).integrity == Integrity::kIntact) ++intact;
  }
  // Only bytes outside what is verified (other certificate fields, unused
  // parameters) may change without notice; the CMS_sign output has a
  // certificate of several hundred bytes, so some do, but far from all.
  EXPECT_LT(intact, static_cast<int>(cms->size()) / 2);
}

TEST(SubFilterTest, NamesMapToSubFilters) {
  EXPECT_EQ(SubFilterFromName("adbe.pkcs7.detached"),
            SubFilter::kAdbePkcs7Detached);
  EXPECT_EQ(SubFilterFromName("adbe.pkcs7.sha1"), SubFilter::kAdbePkcs7Sha1);
  EXPECT_EQ(SubFilterFromName("ETSI.CAdES.detached"),
            SubFilter::kEtsiCadesDetached);
  EXPECT_EQ(SubFilterFromName("ETSI.RFC3161"), std::nullopt);
}

}  // namespace
}  // namespace docintake::signature
