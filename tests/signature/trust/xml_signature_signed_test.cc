// Small trusted lists signed in the test. The list is written in canonical
// form (no XML declaration, no empty-element tags, namespaces declared where
// used), so its C14N without the signature is its own text and the
// canonical SignedInfo is the written one with the in-scope namespace
// declarations added as the C14N specs prescribe: the bytes that are
// digested and signed are known without running the code under test.
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "signature/trust/trust_store.h"
#include "signature/trust/xml_signature.h"
#include "tests/signature/trust/test_pki.h"
#include "tests/support/corpus.h"

namespace docintake::signature {
namespace {

using testing::Issue;
using testing::MakeSpec;
using testing::TestIdentity;

constexpr char kDs[] = "http://www.w3.org/2000/09/xmldsig#";
constexpr char kTslNs[] = "http://uri.etsi.org/02231/v2#";
constexpr char kExcC14n[] = "http://www.w3.org/2001/10/xml-exc-c14n#";
constexpr char kIncC14n[] = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
constexpr char kSha256[] = "http://www.w3.org/2001/04/xmlenc#sha256";
constexpr char kSha384[] = "http://www.w3.org/2001/04/xmldsig-more#sha384";
constexpr char kEcdsaSha256[] =
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

enum class Scheme { kEcdsaPlain, kRsaPkcs1, kRsaPss };

struct SigningSpec {
  std::string territory = "XX";
  std::string c14n = kExcC14n;
  std::string signature_method = kEcdsaSha256;
  std::string signature_method_content;  // e.g. RSAPSSParams
  std::string reference_uri;             // "" or "#tsl"
  std::string extra_transforms;          // after enveloped-signature
  std::string digest_uri = kSha256;
  const EVP_MD* digest_md = EVP_sha256();
  // XAdES SignedProperties (exclusive C14N only) whose SigningCertificate
  // names this certificate; none if null.
  const TestIdentity* xades_signing_cert = nullptr;
  Scheme scheme = Scheme::kEcdsaPlain;
  const EVP_MD* signing_md = EVP_sha256();
  int pss_salt = 32;
};

template <typename Edit>
SigningSpec Spec(Edit edit) {
  SigningSpec spec;
  edit(spec);
  return spec;
}

std::string ListOpen(const std::string& territory) {
  return absl::StrCat(
      "<TrustServiceStatusList xmlns=\"", kTslNs,
      "\" Id=\"tsl\"><SchemeInformation Id=\"si\"><TSLVersionIdentifier>5"
      "</TSLVersionIdentifier><TSLSequenceNumber>7</TSLSequenceNumber>"
      "<TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric"
      "</TSLType><SchemeOperatorName><Name xml:lang=\"en\">Test Operator"
      "</Name></SchemeOperatorName><SchemeTerritory>",
      territory,
      "</SchemeTerritory><ListIssueDateTime>2023-01-02T03:04:05Z"
      "</ListIssueDateTime></SchemeInformation>");
}
constexpr char kListClose[] = "</TrustServiceStatusList>";

std::string Digest(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), out, &len, md, nullptr), 1);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string SignBytes(EVP_PKEY* key, const SigningSpec& spec,
                      const std::string& data) {
  base::Owned<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), &pctx, spec.signing_md, nullptr, key),
            1);
  if (spec.scheme == Scheme::kRsaPss) {
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, spec.pss_salt), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, spec.signing_md), 1);
  }
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  size_t len = 0;
  EXPECT_EQ(EVP_DigestSign(ctx.get(), nullptr, &len, in, data.size()), 1);
  std::string sig(len, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(&sig[0]),
                           &len, in, data.size()),
            1);
  sig.resize(len);
  if (spec.scheme != Scheme::kEcdsaPlain) return sig;
  // DER ECDSA-Sig-Value to XMLDSig r||s (P-256: 32 bytes each).
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  base::Owned<ECDSA_SIG, ECDSA_SIG_free> parsed(
      d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size())));
  std::string plain(64, '\0');
  auto* out = reinterpret_cast<unsigned char*>(&plain[0]);
  EXPECT_EQ(BN_bn2binpad(ECDSA_SIG_get0_r(parsed.get()), out, 32), 32);
  EXPECT_EQ(BN_bn2binpad(ECDSA_SIG_get0_s(parsed.get()), out + 32, 32), 32);
  return plain;
}

constexpr char kXades[] = "http://uri.etsi.org/01903/v1.3.2#";

// The ds:Object with XAdES SignedProperties (Id "sp") naming `cert`, as
// written and, in `canonical`, its SignedProperties after exclusive C14N:
// xmlns:xades moves to the apex, and each ds element re-declares xmlns:ds
// because no output ancestor renders it.
std::string XadesObject(const TestIdentity& cert, std::string* canonical) {
  const std::string cert_digest =
      absl::Base64Escape(Digest(EVP_sha256(), cert.der()));
  const auto properties = [&](const std::string& xades_decl,
                              const std::string& ds_decl) {
    return absl::StrCat(
        "<xades:SignedProperties", xades_decl,
        " Id=\"sp\"><xades:SignedSignatureProperties><xades:SigningTime>"
        "2023-01-02T03:04:05Z</xades:SigningTime><xades:SigningCertificate>"
        "<xades:Cert><xades:CertDigest><ds:DigestMethod",
        ds_decl, " Algorithm=\"", kSha256,
        "\"></ds:DigestMethod><ds:DigestValue", ds_decl, ">", cert_digest,
        "</ds:DigestValue></xades:CertDigest></xades:Cert>"
        "</xades:SigningCertificate></xades:SignedSignatureProperties>"
        "</xades:SignedProperties>");
  };
  *canonical = properties(absl::StrCat(" xmlns:xades=\"", kXades, "\""),
                          absl::StrCat(" xmlns:ds=\"", kDs, "\""));
  return absl::StrCat("<ds:Object><xades:QualifyingProperties xmlns:xades=\"",
                      kXades, "\">", properties("", ""),
                      "</xades:QualifyingProperties></ds:Object>");
}

// The list of `spec.territory` with an enveloped signature by `signer`,
// whose KeyInfo carries `key_info` (the signer if null).
std::string SignedList(const TestIdentity& signer, const SigningSpec& spec,
                       const TestIdentity* key_info = nullptr) {
  const std::string open = ListOpen(spec.territory);
  const std::string digest = Digest(spec.digest_md, open + kListClose);
  std::string inner = absl::StrCat(
      "<ds:CanonicalizationMethod Algorithm=\"", spec.c14n,
      "\"></ds:CanonicalizationMethod><ds:SignatureMethod Algorithm=\"",
      spec.signature_method, "\">", spec.signature_method_content,
      "</ds:SignatureMethod><ds:Reference URI=\"", spec.reference_uri,
      "\"><ds:Transforms><ds:Transform Algorithm=\"", kDs,
      "enveloped-signature\"></ds:Transform>", spec.extra_transforms,
      "<ds:Transform Algorithm=\"", spec.c14n,
      "\"></ds:Transform></ds:Transforms><ds:DigestMethod Algorithm=\"",
      spec.digest_uri, "\"></ds:DigestMethod><ds:DigestValue>",
      absl::Base64Escape(digest), "</ds:DigestValue></ds:Reference>");
  std::string object;
  if (spec.xades_signing_cert != nullptr) {
    std::string canonical_properties;
    object = XadesObject(*spec.xades_signing_cert, &canonical_properties);
    absl::StrAppend(
        &inner,
        "<ds:Reference Type=\"http://uri.etsi.org/01903#SignedProperties\" "
        "URI=\"#sp\"><ds:Transforms><ds:Transform Algorithm=\"",
        kExcC14n,
        "\"></ds:Transform></ds:Transforms><ds:DigestMethod Algorithm=\"",
        kSha256, "\"></ds:DigestMethod><ds:DigestValue>",
        absl::Base64Escape(Digest(EVP_sha256(), canonical_properties)),
        "</ds:DigestValue></ds:Reference>");
  }
  // Exclusive C14N renders the visibly used ds namespace; inclusive C14N
  // every in-scope namespace (the list's default one too), sorted.
  const std::string canonical_signed_info = absl::StrCat(
      spec.c14n == kExcC14n ? absl::StrCat("<ds:SignedInfo xmlns:ds=\"", kDs)
                            : absl::StrCat("<ds:SignedInfo xmlns=\"", kTslNs,
                                           "\" xmlns:ds=\"", kDs),
      "\">", inner, "</ds:SignedInfo>");
  const std::string value =
      SignBytes(signer.key(), spec, canonical_signed_info);
  const TestIdentity& cert = key_info != nullptr ? *key_info : signer;
  return absl::StrCat(
      open, "<ds:Signature xmlns:ds=\"", kDs, "\"><ds:SignedInfo>", inner,
      "</ds:SignedInfo><ds:SignatureValue>", absl::Base64Escape(value),
      "</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>",
      absl::Base64Escape(cert.der()),
      "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>", object,
      "</ds:Signature>", kListClose);
}

class SignedListTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ec_ = Issue(MakeSpec([](auto& s) { s.common_name = "TL Signer EC"; }),
                nullptr)
              .release();
    other_ec_ =
        Issue(MakeSpec([](auto& s) { s.common_name = "Other"; }), nullptr)
            .release();
    // Issue() re-uses the key of `reuse_key`: an RSA key in a holder.
    TestIdentity holder(base::Owned<EVP_PKEY, EVP_PKEY_free>(EVP_RSA_gen(2048)),
                        base::Owned<X509, X509_free>(X509_new()));
    rsa_ = Issue(MakeSpec([](auto& s) { s.common_name = "TL Signer RSA"; }),
                 nullptr, &holder)
               .release();
  }
  static void TearDownTestSuite() {
    delete ec_;
    delete other_ec_;
    delete rsa_;
  }
  static XmlSignatureVerdict VerdictOf(const std::string& xml) {
    const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(xml);
    return v.verdict;
  }

  static TestIdentity* ec_;
  static TestIdentity* other_ec_;
  static TestIdentity* rsa_;
};
TestIdentity* SignedListTest::ec_ = nullptr;
TestIdentity* SignedListTest::other_ec_ = nullptr;
TestIdentity* SignedListTest::rsa_ = nullptr;

TEST_F(SignedListTest, EcdsaWithExclusiveC14nOverWholeDocumentVerifies) {
  const XmlSignatureVerification v =
      VerifyEnvelopedXmlSignature(SignedList(*ec_, SigningSpec()));
  ASSERT_TRUE(v.valid()) << v.detail;
  EXPECT_EQ(v.signer_certificate_der, ec_->der());
  EXPECT_EQ(v.signature_method, kEcdsaSha256);
  EXPECT_FALSE(v.signed_properties_verified);
  EXPECT_FALSE(v.signing_time.has_value());
}

TEST_F(SignedListTest, XadesSignedPropertiesAreVerified) {
  const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(SignedList(
      *ec_, Spec([](SigningSpec& s) { s.xades_signing_cert = ec_; })));
  ASSERT_TRUE(v.valid()) << v.detail;
  EXPECT_TRUE(v.signed_properties_verified);
  EXPECT_EQ(v.signing_time, testing::Utc(2023, 1, 2, 3, 4, 5));
}

TEST_F(SignedListTest, XadesSigningCertificateMustNameTheKeyInfoCertificate) {
  const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(SignedList(
      *ec_, Spec([](SigningSpec& s) { s.xades_signing_cert = other_ec_; })));
  EXPECT_EQ(v.verdict, XmlSignatureVerdict::kMalformed);
  EXPECT_TRUE(absl::StrContains(v.detail, "SigningCertificate")) << v.detail;
}

TEST_F(SignedListTest, RsaPssWithInclusiveC14nAndIdReferenceVerifies) {
  const SigningSpec spec = Spec([](SigningSpec& s) {
    s.c14n = kIncC14n;
    s.reference_uri = "#tsl";
    s.signature_method =
        "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    s.scheme = Scheme::kRsaPss;
  });
  const XmlSignatureVerification v =
      VerifyEnvelopedXmlSignature(SignedList(*rsa_, spec));
  ASSERT_TRUE(v.valid()) << v.detail;
  EXPECT_EQ(v.signer_certificate_der, rsa_->der());
}

TEST_F(SignedListTest, RsaPssWithExplicitParametersVerifies) {
  const SigningSpec spec = Spec([](SigningSpec& s) {
    s.signature_method = "http://www.w3.org/2007/05/xmldsig-more#rsa-pss";
    s.signature_method_content = absl::StrCat(
        "<pss:RSAPSSParams xmlns:pss=\"http://www.w3.org/2007/05/"
        "xmldsig-more#\"><ds:DigestMethod Algorithm=\"",
        kSha384,
        "\"></ds:DigestMethod><pss:SaltLength>20</pss:SaltLength>"
        "</pss:RSAPSSParams>");
    s.scheme = Scheme::kRsaPss;
    s.signing_md = EVP_sha384();
    s.pss_salt = 20;
  });
  const XmlSignatureVerification v =
      VerifyEnvelopedXmlSignature(SignedList(*rsa_, spec));
  EXPECT_TRUE(v.valid()) << v.detail;
}

TEST_F(SignedListTest, RsaPssWithAnotherSaltLengthDoesNotVerify) {
  const SigningSpec spec = Spec([](SigningSpec& s) {
    s.signature_method =
        "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    s.scheme = Scheme::kRsaPss;
    s.pss_salt = 20;  // the URI implies 32
  });
  EXPECT_EQ(VerdictOf(SignedList(*rsa_, spec)),
            XmlSignatureVerdict::kSignatureInvalid);
}

TEST_F(SignedListTest, RsaPkcs1Sha512WithSha384DigestVerifies) {
  const SigningSpec spec = Spec([](SigningSpec& s) {
    s.signature_method = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    s.scheme = Scheme::kRsaPkcs1;
    s.signing_md = EVP_sha512();
    s.digest_uri = kSha384;
    s.digest_md = EVP_sha384();
  });
  EXPECT_TRUE(VerifyEnvelopedXmlSignature(SignedList(*rsa_, spec)).valid());
}

TEST_F(SignedListTest, ChangedContentIsADigestMismatch) {
  const std::string xml = absl::StrReplaceAll(
      SignedList(*ec_, SigningSpec()), {{"Test Operator", "Test Operatos"}});
  EXPECT_EQ(VerdictOf(xml), XmlSignatureVerdict::kDigestMismatch);
}

TEST_F(SignedListTest, AnotherKeyInKeyInfoDoesNotVerify) {
  EXPECT_EQ(VerdictOf(SignedList(*ec_, SigningSpec(), other_ec_)),
            XmlSignatureVerdict::kSignatureInvalid);
  // An RSA SignatureMethod with an EC key.
  const SigningSpec rsa_method = Spec([](SigningSpec& s) {
    s.signature_method = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    s.scheme = Scheme::kRsaPkcs1;
  });
  EXPECT_EQ(VerdictOf(SignedList(*rsa_, rsa_method, ec_)),
            XmlSignatureVerdict::kSignatureInvalid);
}

TEST_F(SignedListTest, EcdsaValueOfWrongLengthDoesNotVerify) {
  std::string xml = SignedList(*ec_, SigningSpec());
  const size_t start = xml.find("<ds:SignatureValue>") + 19;
  const size_t end = xml.find("</ds:SignatureValue>");
  xml.replace(start, end - start, absl::Base64Escape(std::string(63, '\x01')));
  EXPECT_EQ(VerdictOf(xml), XmlSignatureVerdict::kSignatureInvalid);
}

TEST_F(SignedListTest, UnsupportedAlgorithmsAndReferencesAreRefused) {
  const std::vector<SigningSpec> specs = {
      Spec([](SigningSpec& s) {
        s.digest_uri = std::string(kDs) + "sha1";
        s.digest_md = EVP_sha1();
      }),
      Spec([](SigningSpec& s) {
        s.signature_method = std::string(kDs) + "rsa-sha1";
      }),
      Spec([](SigningSpec& s) {
        s.extra_transforms =
            "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/"
            "REC-xpath-19991116\"><ds:XPath>1</ds:XPath></ds:Transform>";
      }),
      Spec([](SigningSpec& s) { s.reference_uri = "#si"; }),
      Spec([](SigningSpec& s) { s.reference_uri = "http://example.com/tl"; }),
      Spec([](SigningSpec& s) { s.c14n = "urn:unknown-c14n"; }),
  };
  for (const SigningSpec& spec : specs) {
    const XmlSignatureVerification v =
        VerifyEnvelopedXmlSignature(SignedList(*ec_, spec));
    EXPECT_EQ(v.verdict, XmlSignatureVerdict::kUnsupported) << v.detail;
  }
}

TEST_F(SignedListTest, AmbiguousOrMisplacedSignaturesAreMalformed) {
  const std::string good = SignedList(*ec_, SigningSpec());
  const size_t sig_start = good.find("<ds:Signature ");
  const size_t sig_end = good.find(kListClose);
  const std::string signature = good.substr(sig_start, sig_end - sig_start);
  const std::string unsigned_list = ListOpen("XX") + kListClose;
  const std::string cases[] = {
      // A second element with the Id of the signed root.
      absl::StrReplaceAll(good, {{"<SchemeOperatorName>",
                                  "<X Id=\"tsl\"></X><SchemeOperatorName>"}}),
      // Two signatures.
      absl::StrCat(good.substr(0, sig_end), signature, kListClose),
      // The signature inside SchemeInformation, not a child of the root.
      absl::StrReplaceAll(unsigned_list,
                          {{"</SchemeInformation>",
                            absl::StrCat(signature, "</SchemeInformation>")}}),
      // A reference to an Id that does not exist.
      SignedList(*ec_, Spec([](SigningSpec& s) { s.reference_uri = "#no"; })),
  };
  for (const std::string& xml : cases) {
    const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(xml);
    EXPECT_EQ(v.verdict, XmlSignatureVerdict::kMalformed) << v.detail;
  }
}

TEST_F(SignedListTest, StoreReportsSignerOfListWithoutLotl) {
  TrustStore store;
  ASSERT_TRUE(
      store.AddTrustedList(SignedList(*ec_, SigningSpec()), "xx.xml", {}).ok());
  const TrustedListAuthentication& a = store.trusted_list_authentications()[0];
  EXPECT_EQ(a.kind, TrustedListAuthentication::Kind::kSignerNotAuthenticated);
  EXPECT_EQ(a.signer_certificate_der, ec_->der());
  EXPECT_EQ(a.signer_subject, "CN=TL Signer EC");
}

TEST_F(SignedListTest, StoreRefusesListWhoseSignerTheLotlDoesNotList) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  TrustStore store;
  ASSERT_TRUE(
      store
          .AddTrustedList(docintake::testing::ReadFileOrDie(
                              corpus + "/signatures/trust/trusted-lists/"
                                       "EU-LOTL_seq332_2023-09-27.xml"),
                          "lotl.xml", {})
          .ok());
  const absl::Status ee = store.AddTrustedList(
      SignedList(*ec_, Spec([](SigningSpec& s) { s.territory = "EE"; })),
      "ee.xml", {});
  EXPECT_EQ(ee.code(), absl::StatusCode::kPermissionDenied) << ee;
  EXPECT_TRUE(absl::StrContains(ee.message(), "territory EE")) << ee;
  const absl::Status zz = store.AddTrustedList(
      SignedList(*ec_, Spec([](SigningSpec& s) { s.territory = "ZZ"; })),
      "zz.xml", {});
  EXPECT_EQ(zz.code(), absl::StatusCode::kPermissionDenied) << zz;
  EXPECT_TRUE(absl::StrContains(zz.message(), "no pointer")) << zz;
  EXPECT_EQ(store.trusted_lists().size(), 1u);
}

}  // namespace
}  // namespace docintake::signature
