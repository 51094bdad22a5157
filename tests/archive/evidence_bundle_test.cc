// Evidence bundles from a real RecordStore verify offline; a flipped byte in
// any evidence member fails naming that member; keys and timestamps count
// only against trust anchors from outside the bundle.
#include "archive/evidence_bundle.h"

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "archive/signing_key.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/archive/evidence_bundle_fixture.h"

namespace docintake::archive {
namespace {

using ::testing::HasSubstr;

TEST_F(EvidenceBundleTest, UntouchedBundleVerifies) {
  const std::string bundle = Build();
  v1::VerificationReport report = Verify(bundle, WithKey());
  EXPECT_TRUE(report.ok()) << Describe(report);
  EXPECT_EQ(report.document_id(), id_);
  std::set<std::string> names;
  for (const v1::VerificationCheck& check : report.checks()) {
    EXPECT_TRUE(check.ok()) << check.name() << ": " << check.detail();
    names.insert(check.name());
  }
  EXPECT_EQ(names, (std::set<std::string>{
                       "bundle", "record", "record-json", "content", "leaf",
                       "content-commitment", "record-hash", "checkpoint",
                       "inclusion", "public-key", "checkpoint-signature"}));
}

TEST_F(EvidenceBundleTest, WithoutAnExpectedKeyTheKeyIsOnlySelfAttested) {
  v1::VerificationReport report = Verify(Build());
  EXPECT_TRUE(report.ok()) << Describe(report);
  const v1::VerificationCheck* key = FindCheck(report, "public-key");
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(IsUnchecked(*key));
  EXPECT_THAT(key->detail(), HasSubstr("only attested by the bundle itself"));
}

class FlippedMemberTest : public EvidenceBundleTest,
                          public ::testing::WithParamInterface<const char*> {};

TEST_P(FlippedMemberTest, FailsNamingTheMember) {
  const std::string member = GetParam();
  const std::string bundle = Build();
  // record.json is compared by meaning: its final newline is not evidence.
  const std::vector<double> fractions =
      member == "record.json" ? std::vector<double>{0.0, 0.5}
                              : std::vector<double>{0.0, 0.5, 1.0};
  for (double fraction : fractions) {
    SCOPED_TRACE(absl::StrCat(member, " at ", fraction));
    v1::VerificationReport report =
        Verify(Flip(bundle, member, fraction), WithKey());
    EXPECT_FALSE(report.ok()) << Describe(report);
    EXPECT_THAT(Failures(report), HasSubstr(member)) << Describe(report);
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryEvidenceMember, FlippedMemberTest,
    ::testing::Values("original.pdf", "record.binpb", "record.json", "salt.bin",
                      "leaf.binpb", "inclusion-proof.binpb", "checkpoint.txt",
                      "public-key.pem"),
    [](const ::testing::TestParamInfo<const char*>& param) {
      std::string name = param.param;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST_F(EvidenceBundleTest, FailureNamesExpectedAndActualHashes) {
  v1::VerificationReport report =
      Verify(Flip(Build(), "original.pdf"), WithKey());
  const v1::VerificationCheck* content = FindCheck(report, "content");
  ASSERT_NE(content, nullptr);
  EXPECT_FALSE(content->ok());
  EXPECT_THAT(content->detail(),
              HasSubstr("expected SHA-256 " + base::Sha256Hex(content_)));
  EXPECT_THAT(content->detail(), HasSubstr("actual "));
}

TEST_F(EvidenceBundleTest, AnotherExpectedKeyFailsKeyAndSignature) {
  BundleTrust trust;
  trust.expected_public_key_pem =
      SigningKey::Generate(KeyAlgorithm::kEd25519)->PublicKeyPem();
  v1::VerificationReport report = Verify(Build(), trust);
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(FindCheck(report, "public-key")->ok());
  EXPECT_FALSE(FindCheck(report, "checkpoint-signature")->ok());
  trust.expected_public_key_pem = "not a key";
  EXPECT_TRUE(absl::IsInvalidArgument(
      VerifyEvidenceBundleBytes(Build(), trust).status()));
}

TEST_F(EvidenceBundleTest, TimestampVerifiesOnlyAgainstATrustedCa) {
  auto tsa = testing::TestTsa::Create();
  ASSERT_TRUE(tsa.ok()) << tsa.status();
  InProcessTsa client(**tsa);
  ASSERT_EQ(*store_->TimestampCheckpoints(client, {(*tsa)->ca_pem()}), 1);
  Refresh();
  const std::string bundle = Build();
  BundleTrust trust = WithKey();
  trust.tsa_ca_pems = {(*tsa)->ca_pem()};
  v1::VerificationReport trusted = Verify(bundle, trust);
  EXPECT_TRUE(trusted.ok()) << Describe(trusted);
  ASSERT_NE(FindCheck(trusted, "timestamp"), nullptr);
  EXPECT_TRUE(FindCheck(trusted, "timestamp")->ok());

  // No CA: reported as unchecked, not as passed, and not as a failure.
  v1::VerificationReport untrusted = Verify(bundle, WithKey());
  EXPECT_TRUE(untrusted.ok()) << Describe(untrusted);
  EXPECT_TRUE(IsUnchecked(*FindCheck(untrusted, "timestamp")));

  // Another TSA's CA, or a flipped byte in the token: failure.
  auto other = testing::TestTsa::Create();
  ASSERT_TRUE(other.ok());
  trust.tsa_ca_pems = {(*other)->ca_pem()};
  EXPECT_FALSE(Verify(bundle, trust).ok());
  trust.tsa_ca_pems = {(*tsa)->ca_pem()};
  // The signed imprint (SHA-256 of the note) and the signature at the end.
  // (Copies of CA certificates inside the token are not evidence: the chain
  // is built from the trusted CA, as every CMS verifier does.)
  const std::string token = material_.proof.checkpoint().timestamp_token();
  const size_t imprint =
      token.find(Sha256(material_.proof.checkpoint().note()));
  ASSERT_NE(imprint, std::string::npos);
  for (uint64_t at : {uint64_t{imprint + 5}, uint64_t{token.size() - 1}}) {
    v1::VerificationReport flipped = Verify(
        FlipAt(bundle, "checkpoint.tsr", [at](uint64_t) { return at; }), trust);
    EXPECT_FALSE(flipped.ok()) << at;
    EXPECT_THAT(Failures(flipped), HasSubstr("checkpoint.tsr")) << at;
  }

  // A bundled CA is only self-attested.
  EvidenceBundleOptions options;
  options.tsa_ca_pem = (*tsa)->ca_pem();
  v1::VerificationReport bundled = Verify(Build(options), WithKey());
  EXPECT_TRUE(bundled.ok()) << Describe(bundled);
  EXPECT_TRUE(IsUnchecked(*FindCheck(bundled, "timestamp")));
  EXPECT_THAT(FindCheck(bundled, "timestamp")->detail(),
              HasSubstr("tsa-ca.pem"));
}

}  // namespace
}  // namespace docintake::archive
