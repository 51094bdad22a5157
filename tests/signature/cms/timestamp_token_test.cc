// Timestamp tokens from the in-process test TSA (OpenSSL's TS API): parsing
// their facts and verifying imprint and signature, for signature timestamps
// (over a signature value) and document timestamps (over ByteRange pieces).
#include "signature/cms/timestamp_token.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "base/clock.h"
#include "base/owned.h"
#include "gtest/gtest.h"
#include "tests/signature/cms/test_cms.h"
#include "tests/support/test_tsa.h"

namespace docintake::signature {
namespace {

using base::Owned;

const absl::Time kGenTime =
    absl::FromCivil(absl::CivilSecond(2023, 6, 1, 10, 20, 30),
                    absl::UTCTimeZone()) +
    absl::Milliseconds(250);

// The DER TimeStampReq for the SHA-256 `digest`, built with OpenSSL.
std::string MakeRequest(const std::string& digest) {
  Owned<TS_REQ, TS_REQ_free> req(TS_REQ_new());
  Owned<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free> imprint(TS_MSG_IMPRINT_new());
  Owned<X509_ALGOR, X509_ALGOR_free> alg(X509_ALGOR_new());
  X509_ALGOR_set_md(alg.get(), EVP_sha256());
  TS_MSG_IMPRINT_set_algo(imprint.get(), alg.get());
  TS_MSG_IMPRINT_set_msg(
      imprint.get(),
      reinterpret_cast<unsigned char*>(const_cast<char*>(digest.data())),
      static_cast<int>(digest.size()));
  TS_REQ_set_version(req.get(), 1);
  TS_REQ_set_msg_imprint(req.get(), imprint.get());
  TS_REQ_set_cert_req(req.get(), 1);
  unsigned char* der = nullptr;
  const int len = i2d_TS_REQ(req.get(), &der);
  if (len <= 0) return "";
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

class TimestampTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<testing::TestTsa>> tsa =
        testing::TestTsa::Create(clock_);
    ASSERT_TRUE(tsa.ok()) << tsa.status();
    tsa_ = *std::move(tsa);
  }

  // A token over SHA-256(data).
  std::string Token(absl::string_view data) {
    absl::StatusOr<std::string> response =
        tsa_->Respond(MakeRequest(testing::Sha256(data)));
    if (!response.ok()) return "";
    const unsigned char* p =
        reinterpret_cast<const unsigned char*>(response->data());
    Owned<TS_RESP, TS_RESP_free> resp(
        d2i_TS_RESP(nullptr, &p, static_cast<long>(response->size())));
    if (resp == nullptr || TS_RESP_get_token(resp.get()) == nullptr) return "";
    unsigned char* der = nullptr;
    const int len = i2d_PKCS7(TS_RESP_get_token(resp.get()), &der);
    if (len <= 0) return "";
    std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
    OPENSSL_free(der);
    return out;
  }

  std::string TsaCertDer() {
    const std::string& pem = tsa_->tsa_cert_pem();
    Owned<BIO, BIO_free> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Owned<X509, X509_free> cert(
        PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (cert == nullptr) return "";
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert.get(), &der);
    std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
    OPENSSL_free(der);
    return out;
  }

  base::FakeClock clock_{kGenTime};
  std::unique_ptr<testing::TestTsa> tsa_;
};

constexpr absl::string_view kSignatureValue =
    "\x01\x02\x03 stands in for a SignerInfo signature value";

TEST_F(TimestampTokenTest, ReadsTheFactsOfAToken) {
  const std::string token = Token(kSignatureValue);
  ASSERT_FALSE(token.empty());
  absl::StatusOr<TimestampToken> parsed = ParseTimestampToken(token);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->gen_time, kGenTime);
  EXPECT_EQ(parsed->imprint_algorithm_oid, "2.16.840.1.101.3.4.2.1");
  EXPECT_EQ(parsed->imprint_algorithm, "SHA256");
  EXPECT_EQ(parsed->imprint, testing::Sha256(kSignatureValue));
  EXPECT_FALSE(parsed->policy_oid.empty());
  EXPECT_FALSE(parsed->serial_number.empty());
  const std::string tsa_cert = TsaCertDer();
  ASSERT_FALSE(tsa_cert.empty());
  EXPECT_EQ(parsed->tsa_certificate, tsa_cert);
  EXPECT_GE(parsed->certificates.size(), 1u);
}

TEST_F(TimestampTokenTest, SignatureTimestampVerifiesOverTheSignatureValue) {
  const std::string token = Token(kSignatureValue);
  ASSERT_FALSE(token.empty());
  const IntegrityResult r = VerifyTimestampToken(token, {kSignatureValue});
  EXPECT_EQ(r.integrity, Integrity::kIntact) << r.detail;
  EXPECT_EQ(r.ess, EssBinding::kMatches) << r.ess_detail;
}

TEST_F(TimestampTokenTest, DocumentTimestampCoversTheByteRangePieces) {
  const std::string revision = "%PDF-1.7 ... <gap> ... %%EOF\n";
  const std::string token = Token(revision);
  ASSERT_FALSE(token.empty());
  const absl::string_view doc(revision);
  const absl::string_view pieces[] = {doc.substr(0, 13), doc.substr(13)};
  EXPECT_EQ(VerifyTimestampToken(token, pieces).integrity, Integrity::kIntact);
  const std::string other = revision.substr(1);
  EXPECT_EQ(VerifyTimestampToken(token, {other}).integrity,
            Integrity::kHashFailure);
}

TEST_F(TimestampTokenTest, ChangedTstInfoIsHashFailure) {
  std::string token = Token(kSignatureValue);
  ASSERT_FALSE(token.empty());
  // genTime "20230601102030.25Z": make it 2024.
  const size_t at = token.find("20230601102030");
  ASSERT_NE(at, std::string::npos);
  token[at + 3] = '4';
  const IntegrityResult r = VerifyTimestampToken(token, {kSignatureValue});
  EXPECT_EQ(r.integrity, Integrity::kHashFailure) << r.detail;
  absl::StatusOr<TimestampToken> parsed = ParseTimestampToken(token);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(absl::FormatTime("%Y", parsed->gen_time, absl::UTCTimeZone()),
            "2024");
}

TEST_F(TimestampTokenTest, GarbageAndOtherCmsAreErrors) {
  const std::string token = Token(kSignatureValue);
  ASSERT_FALSE(token.empty());
  absl::StatusOr<testing::TestIdentity> id =
      testing::MakeIdentity(testing::KeyKind::kP256, "not a TSA");
  ASSERT_TRUE(id.ok()) << id.status();
  absl::StatusOr<std::string> plain_cms = testing::CmsSign(*id, "data", 0);
  ASSERT_TRUE(plain_cms.ok()) << plain_cms.status();
  for (const std::string& bad :
       {std::string(), std::string(64, '\0'), token.substr(0, token.size() - 1),
        *plain_cms, std::string("garbage")}) {
    EXPECT_TRUE(absl::IsInvalidArgument(ParseTimestampToken(bad).status()));
    EXPECT_EQ(VerifyTimestampToken(bad, {kSignatureValue}).integrity,
              Integrity::kFormatFailure);
  }
}

TEST_F(TimestampTokenTest, EveryTruncationIsRejected) {
  const std::string token = Token(kSignatureValue);
  ASSERT_FALSE(token.empty());
  for (size_t n = 0; n < token.size(); ++n) {
    ASSERT_FALSE(ParseTimestampToken(token.substr(0, n)).ok()) << n;
  }
}

}  // namespace
}  // namespace docintake::signature
