// Self-test of TestPki: chains, profiles, OCSP, CRL and timestamp tokens,
// checked with OpenSSL's verifiers and hand-written expected encodings.
#include "tests/support/signing/test_pki.h"

#include <openssl/ec.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include <memory>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "tests/support/signing/signing_test_checks.h"
#include "tests/support/temp_dir.h"

namespace docintake::testing::signing {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1696507200);  // 2023-10-05 12:00Z

class TestPkiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pki = TestPki::Create(kNow);
    ASSERT_TRUE(pki.ok()) << pki.status();
    pki_ = std::move(*pki).release();
  }
  static void TearDownTestSuite() {
    delete pki_;
    pki_ = nullptr;
  }

  // X509_verify_cert against the root at `at`; the error code (0 = valid).
  static int VerifyAt(const Credential& cert, absl::Time at) {
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, pki_->root().cert.get());
    STACK_OF(X509)* untrusted = sk_X509_new_null();
    sk_X509_push(untrusted, pki_->intermediate().cert.get());
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, cert.cert.get(), untrusted);
    X509_STORE_CTX_set_time(ctx, 0, absl::ToTimeT(at));
    const int ok = X509_verify_cert(ctx);
    const int error = ok == 1 ? 0 : X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    sk_X509_free(untrusted);
    X509_STORE_free(store);
    return error;
  }

  static inline TestPki* pki_ = nullptr;
};

TEST_F(TestPkiTest, EveryCertificateChainsToTheRootAtNow) {
  for (const Credential* c :
       {&pki_->qualified(), &pki_->non_qualified(), &pki_->authentication(),
        &pki_->revoked(), &pki_->brainpool(), &pki_->ecdsa(), &pki_->tsa(),
        &pki_->ocsp_responder(), &pki_->intermediate()}) {
    EXPECT_EQ(VerifyAt(*c, kNow), 0) << c->name;
  }
}

TEST_F(TestPkiTest, ExpiredSignerIsExpiredAtNowButNotTwoMonthsEarlier) {
  EXPECT_EQ(VerifyAt(pki_->expired(), kNow), X509_V_ERR_CERT_HAS_EXPIRED);
  EXPECT_EQ(VerifyAt(pki_->expired(), kNow - absl::Hours(24 * 60)), 0);
  EXPECT_EQ(VerifyAt(pki_->qualified(), kNow + absl::Hours(24 * 800)),
            X509_V_ERR_CERT_HAS_EXPIRED);
}

TEST_F(TestPkiTest, QualifiedCertificateCarriesQcStatementsAndNonRepudiation) {
  // QCStatements: QcCompliance, QcType(esign), QcSSCD — encoded by hand.
  const std::string expected = absl::HexStringToBytes(
      "3029"
      "3008"
      "060604008e460101"
      "3013"
      "060604008e460106"
      "3009"
      "060704008e46010601"
      "3008"
      "060604008e460104");
  ASN1_OBJECT* oid = OBJ_txt2obj("1.3.6.1.5.5.7.1.3", 1);
  X509* cert = pki_->qualified().cert.get();
  const int index = X509_get_ext_by_OBJ(cert, oid, -1);
  ASSERT_GE(index, 0);
  const ASN1_OCTET_STRING* value =
      X509_EXTENSION_get_data(X509_get_ext(cert, index));
  EXPECT_EQ(
      std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                  static_cast<size_t>(ASN1_STRING_length(value))),
      expected);
  EXPECT_EQ(X509_get_key_usage(cert),
            static_cast<uint32_t>(KU_NON_REPUDIATION | KU_DIGITAL_SIGNATURE));
  EXPECT_LT(X509_get_ext_by_OBJ(pki_->non_qualified().cert.get(), oid, -1), 0);
  EXPECT_EQ(X509_get_key_usage(pki_->non_qualified().cert.get()),
            static_cast<uint32_t>(KU_NON_REPUDIATION | KU_DIGITAL_SIGNATURE));
  ASN1_OBJECT_free(oid);
}

TEST_F(TestPkiTest, AuthenticationTsaAndOcspProfiles) {
  EXPECT_EQ(X509_get_key_usage(pki_->authentication().cert.get()),
            static_cast<uint32_t>(KU_DIGITAL_SIGNATURE));
  X509* tsa = pki_->tsa().cert.get();
  EXPECT_EQ(X509_get_extended_key_usage(tsa),
            static_cast<uint32_t>(XKU_TIMESTAMP));
  EXPECT_EQ(X509_EXTENSION_get_critical(X509_get_ext(
                tsa, X509_get_ext_by_NID(tsa, NID_ext_key_usage, -1))),
            1);
  EXPECT_EQ(X509_get_extended_key_usage(pki_->ocsp_responder().cert.get()),
            static_cast<uint32_t>(XKU_OCSP_SIGN));
  EXPECT_EQ(X509_check_ca(pki_->intermediate().cert.get()), 1);
  EXPECT_EQ(X509_check_ca(pki_->qualified().cert.get()), 0);
}

TEST_F(TestPkiTest, BrainpoolSignerUsesBrainpoolP256r1) {
  char group[64] = {};
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_get_utf8_string_param(pki_->brainpool().key.get(), "group",
                                           group, sizeof(group), &len),
            1);
  EXPECT_STREQ(group, "brainpoolP256r1");
}

TEST_F(TestPkiTest, OcspResponsesVerifyAndCarryTheGivenTimes) {
  const absl::Time produced = kNow - absl::Hours(1);
  OcspSpec spec;
  spec.subject = &pki_->revoked();
  spec.status = OcspSpec::Status::kRevoked;
  spec.revocation_time = pki_->revocation_time();
  spec.produced_at = produced;
  spec.this_update = produced - absl::Hours(2);
  spec.next_update = produced + absl::Hours(24);
  auto der = pki_->MakeOcspResponse(spec);
  ASSERT_TRUE(der.ok()) << der.status();

  const auto* p = reinterpret_cast<const unsigned char*>(der->data());
  OCSP_RESPONSE* response =
      d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(der->size()));
  ASSERT_NE(response, nullptr);
  EXPECT_EQ(OCSP_response_status(response), OCSP_RESPONSE_STATUS_SUCCESSFUL);
  OCSP_BASICRESP* basic = OCSP_response_get1_basic(response);
  ASSERT_NE(basic, nullptr);
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, pki_->root().cert.get());
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), absl::ToTimeT(kNow));
  STACK_OF(X509)* certs = sk_X509_new_null();
  sk_X509_push(certs, pki_->intermediate().cert.get());
  EXPECT_EQ(OCSP_basic_verify(basic, certs, store, 0), 1);
  EXPECT_EQ(checks::FromAsn1(OCSP_resp_get0_produced_at(basic)), produced);

  OCSP_CERTID* id = OCSP_cert_to_id(EVP_sha1(), pki_->revoked().cert.get(),
                                    pki_->intermediate().cert.get());
  int status = -1, reason = -1;
  ASN1_GENERALIZEDTIME *revoked_at = nullptr, *this_update = nullptr,
                       *next_update = nullptr;
  ASSERT_EQ(OCSP_resp_find_status(basic, id, &status, &reason, &revoked_at,
                                  &this_update, &next_update),
            1);
  EXPECT_EQ(status, V_OCSP_CERTSTATUS_REVOKED);
  EXPECT_EQ(checks::FromAsn1(revoked_at), pki_->revocation_time());
  EXPECT_EQ(checks::FromAsn1(this_update), produced - absl::Hours(2));
  EXPECT_EQ(checks::FromAsn1(next_update), produced + absl::Hours(24));

  // A good status for another certificate is not found under this id.
  OCSP_CERTID* other = OCSP_cert_to_id(EVP_sha1(), pki_->qualified().cert.get(),
                                       pki_->intermediate().cert.get());
  EXPECT_EQ(OCSP_resp_find_status(basic, other, &status, nullptr, nullptr,
                                  nullptr, nullptr),
            0);
  OCSP_CERTID_free(other);
  OCSP_CERTID_free(id);
  sk_X509_free(certs);
  X509_STORE_free(store);
  OCSP_BASICRESP_free(basic);
  OCSP_RESPONSE_free(response);
}

TEST_F(TestPkiTest, CrlIsSignedByTheIntermediateAndListsTheSerial) {
  CrlSpec spec;
  spec.revoked.push_back({pki_->revoked().Serial(), pki_->revocation_time()});
  spec.this_update = kNow - absl::Hours(3);
  spec.next_update = kNow + absl::Hours(24 * 7);
  auto der = pki_->MakeCrl(spec);
  ASSERT_TRUE(der.ok()) << der.status();
  const auto* p = reinterpret_cast<const unsigned char*>(der->data());
  X509_CRL* crl = d2i_X509_CRL(nullptr, &p, static_cast<long>(der->size()));
  ASSERT_NE(crl, nullptr);
  EXPECT_EQ(
      X509_CRL_verify(crl, X509_get0_pubkey(pki_->intermediate().cert.get())),
      1);
  EXPECT_EQ(checks::FromAsn1(X509_CRL_get0_lastUpdate(crl)),
            kNow - absl::Hours(3));
  EXPECT_EQ(checks::FromAsn1(X509_CRL_get0_nextUpdate(crl)),
            kNow + absl::Hours(24 * 7));
  X509_REVOKED* entry = nullptr;
  ASSERT_EQ(X509_CRL_get0_by_cert(crl, &entry, pki_->revoked().cert.get()), 1);
  EXPECT_EQ(checks::FromAsn1(X509_REVOKED_get0_revocationDate(entry)),
            pki_->revocation_time());
  EXPECT_EQ(X509_CRL_get0_by_cert(crl, &entry, pki_->qualified().cert.get()),
            0);
  X509_CRL_free(crl);
}

TEST_F(TestPkiTest, TimestampTokenVerifiesWithTheTsApiOverItsData) {
  const std::string data = "the signature value";
  TimestampSpec spec;
  spec.gen_time = kNow - absl::Minutes(5);
  auto token = pki_->MakeTimestampToken(data, spec);
  ASSERT_TRUE(token.ok()) << token.status();

  auto verify = [&](const std::string& over) {
    const auto* p = reinterpret_cast<const unsigned char*>(token->data());
    PKCS7* pkcs7 = d2i_PKCS7(nullptr, &p, static_cast<long>(token->size()));
    if (pkcs7 == nullptr) return false;
    TS_VERIFY_CTX* ctx = TS_VERIFY_CTX_new();
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, pki_->root().cert.get());
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store),
                               absl::ToTimeT(kNow));
    TS_VERIFY_CTX_set_store(ctx, store);
    TS_VERIFY_CTX_set_data(
        ctx, BIO_new_mem_buf(over.data(), static_cast<int>(over.size())));
    TS_VERIFY_CTX_set_flags(
        ctx, TS_VFY_VERSION | TS_VFY_SIGNER | TS_VFY_SIGNATURE | TS_VFY_DATA);
    const int ok = TS_RESP_verify_token(ctx, pkcs7);
    TS_VERIFY_CTX_free(ctx);  // frees store and data
    PKCS7_free(pkcs7);
    return ok == 1;
  };
  EXPECT_TRUE(verify(data));
  EXPECT_FALSE(verify("other data"));

  const auto* p = reinterpret_cast<const unsigned char*>(token->data());
  PKCS7* pkcs7 = d2i_PKCS7(nullptr, &p, static_cast<long>(token->size()));
  ASSERT_NE(pkcs7, nullptr);
  TS_TST_INFO* info = PKCS7_to_TS_TST_INFO(pkcs7);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(checks::FromAsn1(TS_TST_INFO_get_time(info)), spec.gen_time);
  const ASN1_OCTET_STRING* imprint =
      TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info));
  EXPECT_EQ(
      std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(imprint)),
                  static_cast<size_t>(ASN1_STRING_length(imprint))),
      checks::Sha("sha256", data));
  TS_TST_INFO_free(info);
  PKCS7_free(pkcs7);
}

TEST_F(TestPkiTest, TrustDirHoldsTheRootAsPem) {
  TempDir dir;
  ASSERT_TRUE(pki_->WriteTrustDir(dir.path()).ok());
  FILE* f = fopen(dir.Path("root.pem").c_str(), "r");
  ASSERT_NE(f, nullptr);
  X509* root = PEM_read_X509(f, nullptr, nullptr, nullptr);
  fclose(f);
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(X509_cmp(root, pki_->root().cert.get()), 0);
  EXPECT_EQ(X509_check_issued(root, root), X509_V_OK);
  X509_free(root);
  EXPECT_NE(pki_->AnchorsPem(true).find("BEGIN CERTIFICATE"),
            pki_->AnchorsPem(true).rfind("BEGIN CERTIFICATE"));
}

TEST_F(TestPkiTest, IssueRejectsAnEmptyValidityWindow) {
  CertificateSpec spec;
  spec.common_name = "broken";
  spec.not_before = kNow;
  spec.not_after = kNow;
  spec.issuer = &pki_->intermediate();
  EXPECT_EQ(pki_->Issue(spec).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docintake::testing::signing
