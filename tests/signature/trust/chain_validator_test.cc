// Path validation and revocation with a PKI generated in the test: root ->
// intermediate -> signers, CRLs and OCSP responses built with OpenSSL.
#include "signature/trust/chain_validator.h"

#include "gtest/gtest.h"
#include "tests/signature/trust/test_pki.h"

namespace docintake::signature {
namespace {

using testing::CertSpec;
using testing::Issue;
using testing::MakeCrl;
using testing::MakeOcspResponse;
using testing::OcspSpec;
using testing::TestIdentity;
using testing::Utc;

class ChainValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = Issue(testing::MakeSpec([](CertSpec& s) {
                    s.common_name = "Test Root";
                    s.serial = 1;
                    s.ca = true;
                    s.key_usage = "critical,keyCertSign,cRLSign";
                  }),
                  nullptr);
    ca_ = Issue(testing::MakeSpec([](CertSpec& s) {
                  s.common_name = "Test CA";
                  s.serial = 2;
                  s.ca = true;
                  s.key_usage = "critical,keyCertSign,cRLSign";
                }),
                root_.get());
    signer_ = Issue(testing::MakeSpec([](CertSpec& s) {
                      s.common_name = "Signer";
                      s.serial = 10;
                      s.not_before = Utc(2020, 1, 1);
                      s.not_after = Utc(2025, 1, 1);
                      s.key_usage = "critical,nonRepudiation";
                    }),
                    ca_.get());
    ASSERT_TRUE(store_.AddCertificates(root_->der(), "test-root.der").ok());
  }

  // CRLs for the CA (by the root) and the signer (by the CA), valid at T.
  RevocationData FreshCrls(std::vector<testing::RevokedEntry> revoked = {}) {
    RevocationData data;
    data.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1), {}));
    data.crls.push_back(
        MakeCrl(*ca_, Utc(2023, 6, 1), Utc(2023, 12, 1), revoked));
    return data;
  }

  ChainOptions Options() {
    ChainOptions o;
    o.validation_time = kTime;
    return o;
  }

  ChainResult Validate(const TestIdentity& leaf, const RevocationData& data,
                       const ChainOptions& options) {
    ChainValidator validator(store_);
    auto result = validator.Validate(leaf.der(), {ca_->der()}, data, options);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : ChainResult();
  }

  const absl::Time kTime = Utc(2023, 10, 5, 12);
  std::unique_ptr<TestIdentity> root_, ca_, signer_;
  TrustStore store_;
};

TEST_F(ChainValidatorTest, AcceptsSignerWithFreshCrls) {
  ChainResult r = Validate(*signer_, FreshCrls(), Options());
  EXPECT_EQ(r.status, ChainStatus::kValid)
      << ::testing::PrintToString(r.reasons);
  ASSERT_EQ(r.chain.size(), 3u);
  EXPECT_EQ(r.chain[0].subject, "CN=Signer");
  EXPECT_EQ(r.chain[0].serial_hex, "0a");
  EXPECT_EQ(r.chain[0].not_after, Utc(2025, 1, 1));
  EXPECT_FALSE(r.chain[0].is_anchor);
  EXPECT_EQ(r.chain[0].revocation.state, RevocationState::kGood);
  EXPECT_EQ(r.chain[0].revocation.source, "CRL");
  EXPECT_EQ(r.chain[1].revocation.state, RevocationState::kGood);
  EXPECT_TRUE(r.chain[2].is_anchor);
  ASSERT_EQ(r.chain[2].anchor_sources.size(), 1u);
  EXPECT_EQ(r.chain[2].anchor_sources[0].path, "test-root.der");
  EXPECT_EQ(r.chain[2].revocation.state, RevocationState::kNotChecked);
  EXPECT_STREQ(ChainIndication(r.status), "TOTAL-PASSED");
}

TEST_F(ChainValidatorTest, MissingRevocationDataIsTryLater) {
  ChainResult r = Validate(*signer_, RevocationData(), Options());
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  EXPECT_STREQ(ChainStatusName(r.status), "TRY_LATER");
  EXPECT_EQ(r.chain[0].revocation.state, RevocationState::kUnknown);

  ChainOptions lenient = Options();
  lenient.require_revocation_data = false;
  EXPECT_EQ(Validate(*signer_, RevocationData(), lenient).status,
            ChainStatus::kValid);
}

TEST_F(ChainValidatorTest, CaRevocationDataIsOptionalByDefault) {
  RevocationData signer_only;
  signer_only.crls.push_back(
      MakeCrl(*ca_, Utc(2023, 6, 1), Utc(2023, 12, 1), {}));
  ChainResult r = Validate(*signer_, signer_only, Options());
  EXPECT_EQ(r.status, ChainStatus::kValid);
  EXPECT_EQ(r.chain[1].revocation.state, RevocationState::kUnknown);

  ChainOptions strict = Options();
  strict.require_revocation_data_for_ca = true;
  EXPECT_EQ(Validate(*signer_, signer_only, strict).status,
            ChainStatus::kTryLater);
}

TEST_F(ChainValidatorTest, UnknownRootIsNoCertificateChainFound) {
  auto other_root = Issue(testing::MakeSpec([](CertSpec& s) {
                            s.common_name = "Other Root";
                            s.ca = true;
                          }),
                          nullptr);
  TrustStore other;
  ASSERT_TRUE(other.AddCertificates(other_root->der(), "other").ok());
  ChainValidator validator(other);
  auto r =
      validator.Validate(signer_->der(), {ca_->der()}, FreshCrls(), Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::kNoCertificateChainFound);
  EXPECT_STREQ(ChainIndication(r->status), "INDETERMINATE");
}

TEST_F(ChainValidatorTest, MissingIntermediateIsNoCertificateChainFound) {
  ChainValidator validator(store_);
  auto r = validator.Validate(signer_->der(), {}, FreshCrls(), Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::kNoCertificateChainFound);
}

TEST_F(ChainValidatorTest, AuthenticationCertificateFailsSigningPurpose) {
  auto auth = Issue(testing::MakeSpec([](CertSpec& s) {
                      s.common_name = "Auth";
                      s.serial = 11;
                      s.key_usage = "critical,digitalSignature";
                    }),
                    ca_.get());
  ChainResult r = Validate(*auth, FreshCrls(), Options());
  EXPECT_EQ(r.status, ChainStatus::kChainConstraintsFailure);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_NE(r.reasons[0].find("nonRepudiation"), std::string::npos);

  ChainOptions any = Options();
  any.purpose = CertificatePurpose::kAny;
  EXPECT_EQ(Validate(*auth, FreshCrls(), any).status, ChainStatus::kValid);
}

TEST_F(ChainValidatorTest, ExpiredSignerIsOutOfBounds) {
  auto expired = Issue(testing::MakeSpec([](CertSpec& s) {
                         s.common_name = "Expired";
                         s.serial = 12;
                         s.not_before = Utc(2019, 1, 1);
                         s.not_after = Utc(2021, 1, 1);
                         s.key_usage = "critical,nonRepudiation";
                       }),
                       ca_.get());
  EXPECT_EQ(Validate(*expired, RevocationData(), Options()).status,
            ChainStatus::kOutOfBoundsNoPoe);
  // A CRL covering the time that does not list it: expired, not revoked.
  EXPECT_EQ(Validate(*expired, FreshCrls(), Options()).status,
            ChainStatus::kOutOfBoundsNotRevoked);
  // At a time inside its validity (e.g. a timestamp) it is fine.
  ChainOptions past = Options();
  past.validation_time = Utc(2020, 6, 1);
  RevocationData old;
  old.crls.push_back(MakeCrl(*root_, Utc(2020, 6, 2), std::nullopt, {}));
  old.crls.push_back(MakeCrl(*ca_, Utc(2020, 6, 2), std::nullopt, {}));
  EXPECT_EQ(Validate(*expired, old, past).status, ChainStatus::kValid);
}

TEST_F(ChainValidatorTest, NotYetValidSignerIsOutOfBounds) {
  ChainOptions early = Options();
  early.validation_time = Utc(2019, 1, 1);
  EXPECT_EQ(Validate(*signer_, RevocationData(), early).status,
            ChainStatus::kOutOfBoundsNoPoe);
}

TEST_F(ChainValidatorTest, CrlRevocationBeforeTheTimeRevokes) {
  RevocationData data = FreshCrls({{signer_.get(), Utc(2023, 3, 1)}});
  ChainResult r = Validate(*signer_, data, Options());
  EXPECT_EQ(r.status, ChainStatus::kRevokedNoPoe);
  EXPECT_EQ(r.chain[0].revocation.state, RevocationState::kRevoked);
  EXPECT_EQ(r.chain[0].revocation.revocation_time, Utc(2023, 3, 1));

  ChainOptions poe = Options();
  poe.time_is_proof_of_existence = true;
  r = Validate(*signer_, data, poe);
  EXPECT_EQ(r.status, ChainStatus::kRevoked);
  EXPECT_STREQ(ChainIndication(r.status), "TOTAL-FAILED");
}

TEST_F(ChainValidatorTest, RevocationAfterTheTimeDoesNotRevoke) {
  RevocationData data;
  data.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1), {}));
  data.crls.push_back(MakeCrl(*ca_, Utc(2024, 2, 1), Utc(2024, 3, 1),
                              {{signer_.get(), Utc(2024, 1, 15)}}));
  ChainResult r = Validate(*signer_, data, Options());
  EXPECT_EQ(r.status, ChainStatus::kValid);
  EXPECT_EQ(r.chain[0].revocation.revocation_time, Utc(2024, 1, 15));
}

TEST_F(ChainValidatorTest, RevokedIntermediateIsRevokedCa) {
  RevocationData data;
  data.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1),
                              {{ca_.get(), Utc(2022, 5, 1)}}));
  data.crls.push_back(MakeCrl(*ca_, Utc(2023, 6, 1), Utc(2023, 12, 1), {}));
  EXPECT_EQ(Validate(*signer_, data, Options()).status,
            ChainStatus::kRevokedCaNoPoe);
}

TEST_F(ChainValidatorTest, StaleOrForeignCrlsAreNotUsed) {
  RevocationData stale;
  stale.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1), {}));
  stale.crls.push_back(MakeCrl(*ca_, Utc(2022, 1, 1), Utc(2022, 2, 1), {}));
  ChainResult r = Validate(*signer_, stale, Options());
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  ASSERT_FALSE(r.chain[0].revocation.notes.empty());
  EXPECT_NE(r.chain[0].revocation.notes[0].find("does not cover"),
            std::string::npos);

  // Same issuer name, wrong key: the signature check rejects the CRL.
  auto impostor = Issue(testing::MakeSpec([](CertSpec& s) {
                          s.common_name = "Test CA";
                          s.ca = true;
                        }),
                        nullptr);
  RevocationData forged;
  forged.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1), {}));
  forged.crls.push_back(
      MakeCrl(*impostor, Utc(2023, 6, 1), Utc(2023, 12, 1), {}));
  r = Validate(*signer_, forged, Options());
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  ASSERT_FALSE(r.chain[0].revocation.notes.empty());
  EXPECT_NE(r.chain[0].revocation.notes[0].find("not signed"),
            std::string::npos);
}

TEST_F(ChainValidatorTest, OcspFromDelegatedResponder) {
  auto responder = Issue(testing::MakeSpec([](CertSpec& s) {
                           s.common_name = "OCSP Responder";
                           s.serial = 20;
                           s.key_usage = "critical,digitalSignature";
                           s.extended_key_usage = "OCSPSigning";
                         }),
                         ca_.get());
  RevocationData data;
  data.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1), {}));
  OcspSpec good = testing::MakeOcspSpec([&](OcspSpec& o) {
    o.responder = responder.get();
    o.subject = signer_.get();
    o.issuer = ca_.get();
    o.this_update = Utc(2023, 10, 6);
  });
  data.ocsp_responses.push_back(MakeOcspResponse(good));
  ChainResult r = Validate(*signer_, data, Options());
  EXPECT_EQ(r.status, ChainStatus::kValid)
      << ::testing::PrintToString(r.reasons);
  EXPECT_EQ(r.chain[0].revocation.source, "OCSP");
  EXPECT_EQ(r.chain[0].revocation.issuer, "CN=OCSP Responder");

  OcspSpec revoked = good;
  revoked.revoked = true;
  revoked.revocation_time = Utc(2023, 9, 1);
  data.ocsp_responses = {MakeOcspResponse(revoked)};
  r = Validate(*signer_, data, Options());
  EXPECT_EQ(r.status, ChainStatus::kRevokedNoPoe);
  EXPECT_EQ(r.chain[0].revocation.revocation_time, Utc(2023, 9, 1));
}

TEST_F(ChainValidatorTest, OcspFromUnauthorisedResponderIsIgnored) {
  auto rogue_root = Issue(testing::MakeSpec([](CertSpec& s) {
                            s.common_name = "Rogue";
                            s.ca = true;
                          }),
                          nullptr);
  auto rogue = Issue(testing::MakeSpec([](CertSpec& s) {
                       s.common_name = "Rogue Responder";
                       s.extended_key_usage = "OCSPSigning";
                     }),
                     rogue_root.get());
  RevocationData data;
  data.crls.push_back(MakeCrl(*root_, Utc(2023, 1, 1), Utc(2024, 1, 1), {}));
  data.ocsp_responses.push_back(
      MakeOcspResponse(testing::MakeOcspSpec([&](OcspSpec& o) {
        o.responder = rogue.get();
        o.subject = signer_.get();
        o.issuer = ca_.get();
        o.this_update = Utc(2023, 10, 6);
      })));
  ChainResult r = Validate(*signer_, data, Options());
  EXPECT_EQ(r.status, ChainStatus::kTryLater);
  ASSERT_FALSE(r.chain[0].revocation.notes.empty());
  EXPECT_NE(r.chain[0].revocation.notes[0].find("not authorised"),
            std::string::npos);
}

TEST_F(ChainValidatorTest, IntermediateAnchorEndsThePath) {
  TrustStore tl_like;
  ASSERT_TRUE(tl_like.AddCertificates(ca_->der(), "ca-only").ok());
  ChainValidator validator(tl_like);
  RevocationData data;
  data.crls.push_back(MakeCrl(*ca_, Utc(2023, 6, 1), Utc(2023, 12, 1), {}));
  auto r = validator.Validate(signer_->der(), {}, data, Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::kValid);
  ASSERT_EQ(r->chain.size(), 2u);
  EXPECT_TRUE(r->chain[1].is_anchor);
}

TEST_F(ChainValidatorTest, ReissuedAnchorMatchesBySubjectAndKey) {
  // The store holds one certificate of a self-signed signer; the document
  // carries another one with the same subject and key.
  auto original = Issue(testing::MakeSpec([](CertSpec& s) {
                          s.common_name = "Self Signer";
                          s.serial = 30;
                          s.key_usage = "critical,nonRepudiation";
                        }),
                        nullptr);
  auto reissued = Issue(testing::MakeSpec([](CertSpec& s) {
                          s.common_name = "Self Signer";
                          s.serial = 31;
                          s.not_before = Utc(2010, 1, 1);
                          s.key_usage = "critical,nonRepudiation";
                        }),
                        nullptr, original.get());
  TrustStore store;
  ASSERT_TRUE(store.AddCertificates(original->der(), "self").ok());
  ChainValidator validator(store);
  auto r = validator.Validate(reissued->der(), {}, RevocationData(), Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::kValid)
      << ::testing::PrintToString(r->reasons);
  ASSERT_EQ(r->chain.size(), 1u);
  EXPECT_TRUE(r->chain[0].is_anchor);
  EXPECT_EQ(r->chain[0].serial_hex, "1f");
}

TEST_F(ChainValidatorTest, TimestampingPurposeNeedsTheExtendedKeyUsage) {
  auto tsa = Issue(testing::MakeSpec([](CertSpec& s) {
                     s.common_name = "TSA";
                     s.serial = 40;
                     s.key_usage = "critical,digitalSignature";
                     s.extended_key_usage = "critical,timeStamping";
                   }),
                   ca_.get());
  ChainOptions ts = Options();
  ts.purpose = CertificatePurpose::kTimestamping;
  EXPECT_EQ(Validate(*tsa, FreshCrls(), ts).status, ChainStatus::kValid);
  EXPECT_EQ(Validate(*signer_, FreshCrls(), ts).status,
            ChainStatus::kChainConstraintsFailure);
}

TEST_F(ChainValidatorTest, HostileInputIsAnErrorOrANote) {
  ChainValidator validator(store_);
  EXPECT_EQ(validator.Validate("not a certificate", {}, {}, Options())
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  RevocationData junk;
  junk.crls.push_back("junk");
  junk.ocsp_responses.push_back(std::string("\x30\x03\x0a\x01\x01", 5));
  auto r = validator.Validate(signer_->der(), {"garbage", ca_->der()}, junk,
                              Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::kTryLater);
  std::string all = ::testing::PrintToString(r->reasons);
  EXPECT_NE(all.find("untrusted certificate #0 skipped"), std::string::npos);
  EXPECT_NE(all.find("CRL #0 is not a DER CRL"), std::string::npos);
}

}  // namespace
}  // namespace docintake::signature
