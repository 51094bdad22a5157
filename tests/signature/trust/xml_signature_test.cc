// XML signatures of trusted lists: the corpus LOTL and EE list as they are
// and altered copies (content, SignatureValue, XAdES SignedProperties,
// signature removed), trust-store authentication of a national list through
// the LOTL, hostile XML, and small lists signed in the test (ECDSA, RSA-PSS,
// RSA PKCS#1) whose canonical form is their own text, so the signed bytes
// are known without the code under test.
#include "signature/trust/xml_signature.h"

#include <openssl/ecdsa.h>
#include <openssl/rsa.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "signature/trust/trust_store.h"
#include "signature/trust/trusted_list.h"
#include "tests/signature/trust/test_pki.h"
#include "tests/support/corpus.h"

namespace docintake::signature {
namespace {

namespace fs = std::filesystem;
using docintake::testing::ReadFileOrDie;
using Kind = TrustedListAuthentication::Kind;

constexpr char kLotlName[] = "EU-LOTL_seq332_2023-09-27.xml";
constexpr char kEeName[] = "EE-TL_seq62_2023-10-05.xml";

std::string ListsDir(const std::string& corpus) {
  return corpus + "/signatures/trust/trusted-lists/";
}

// A fresh directory under the test temp dir holding the given files,
// removed at the end of the test.
class TempFolder {
 public:
  explicit TempFolder(
      const std::vector<std::pair<std::string, std::string>>& files) {
    std::string pattern = ::testing::TempDir() + "/xmlsig_XXXXXX";
    EXPECT_NE(mkdtemp(pattern.data()), nullptr);
    path_ = pattern;
    for (const auto& [name, data] : files) {
      std::ofstream(path_ + "/" + name, std::ios::binary) << data;
    }
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

absl::StatusOr<TrustStore> LoadFiles(
    const std::vector<std::pair<std::string, std::string>>& files,
    const TrustStoreOptions& options = {}) {
  TempFolder folder(files);
  return TrustStore::Load({folder.path()}, options);
}

// Replaces the text between the first `open` (its '>') and the next '<'.
std::string EditText(std::string xml, const std::string& open,
                     const std::function<std::string(std::string)>& edit) {
  const size_t start = xml.find('>', xml.find(open)) + 1;
  const size_t end = xml.find('<', start);
  return xml.replace(start, end - start, edit(xml.substr(start, end - start)));
}

std::string ChangeOneChar(std::string text) {
  text[0] = text[0] == 'X' ? 'Y' : 'X';
  return text;
}

std::string FlipSignatureByte(const std::string& base64) {
  std::string raw;
  EXPECT_TRUE(absl::Base64Unescape(base64, &raw));
  raw[raw.size() / 2] = static_cast<char>(raw[raw.size() / 2] ^ 0x01);
  return absl::Base64Escape(raw);
}

std::string WithoutSignature(std::string xml) {
  const size_t start = xml.find("<ds:Signature ");
  const std::string close = "</ds:Signature>";
  return xml.erase(start, xml.find(close) + close.size() - start);
}

class CorpusListsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DOCINTAKE_REQUIRE_CORPUS(corpus);
    lotl_ = ReadFileOrDie(ListsDir(corpus) + kLotlName);
    ee_ = ReadFileOrDie(ListsDir(corpus) + kEeName);
  }
  std::string lotl_, ee_;
};

TEST_F(CorpusListsTest, BothListsVerify) {
  const XmlSignatureVerification lotl = VerifyEnvelopedXmlSignature(lotl_);
  ASSERT_TRUE(lotl.valid()) << lotl.detail;
  const XmlSignatureVerification ee = VerifyEnvelopedXmlSignature(ee_);
  ASSERT_TRUE(ee.valid()) << ee.detail;
  for (const auto* v : {&lotl, &ee}) {
    EXPECT_EQ(v->signature_method,
              "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    EXPECT_EQ(v->canonicalization_method,
              "http://www.w3.org/2001/10/xml-exc-c14n#");
    EXPECT_TRUE(v->signed_properties_verified);
  }
  // The XAdES SigningTime values written in the two files.
  EXPECT_EQ(lotl.signing_time, testing::Utc(2023, 9, 27, 16, 10, 15));
  EXPECT_EQ(ee.signing_time, testing::Utc(2023, 10, 4, 11, 36, 34));
}

TEST_F(CorpusListsTest, EeSignerIsTheCertificateOfTheLotlEePointer) {
  const XmlSignatureVerification ee = VerifyEnvelopedXmlSignature(ee_);
  ASSERT_TRUE(ee.valid()) << ee.detail;
  auto lotl = ParseTrustedList(lotl_);
  ASSERT_TRUE(lotl.ok()) << lotl.status();
  int matches = 0;
  for (const OtherTslPointer& p : lotl->pointers) {
    if (p.territory != "EE") continue;
    matches += static_cast<int>(std::count(p.certificates.begin(),
                                           p.certificates.end(),
                                           ee.signer_certificate_der));
  }
  EXPECT_GE(matches, 1);
}

TEST_F(CorpusListsTest, TrustStoreAuthenticatesEeListThroughLotl) {
  // EE sorts before EU: Load must still add the LOTL first.
  auto store = LoadFiles({{kEeName, ee_}, {kLotlName, lotl_}});
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_EQ(store->trusted_lists().size(), 2u);
  bool saw_ee = false;
  for (size_t i = 0; i < store->trusted_lists().size(); ++i) {
    const TrustedListAuthentication& a =
        store->trusted_list_authentications()[i];
    if (store->trusted_lists()[i].territory == "EE") {
      saw_ee = true;
      EXPECT_EQ(a.kind, Kind::kSignerListedInLotl);
      EXPECT_TRUE(absl::StrContains(a.signer_subject,
                                    "CN=Estonian Trusted List Scheme Operator"))
          << a.signer_subject;
    } else {
      EXPECT_EQ(a.kind, Kind::kListOfListsAsConfigured);
      EXPECT_TRUE(absl::StrContains(a.signer_subject, "European Commission"));
    }
  }
  EXPECT_TRUE(saw_ee);
  EXPECT_TRUE(store->TrustedListWarnings().empty());
}

TEST_F(CorpusListsTest, WithoutLotlTheSignerIsReportedUnauthenticated) {
  auto store = LoadFiles({{kEeName, ee_}});
  ASSERT_TRUE(store.ok()) << store.status();
  const TrustedListAuthentication& a = store->trusted_list_authentications()[0];
  EXPECT_EQ(a.kind, Kind::kSignerNotAuthenticated);
  EXPECT_TRUE(absl::StrContains(a.signer_subject, "Estonian Trusted List"));
  ASSERT_EQ(store->TrustedListWarnings().size(), 1u);
  EXPECT_TRUE(absl::StrContains(store->TrustedListWarnings()[0],
                                "no LOTL to authenticate the signer"));
  EXPECT_FALSE(store->anchors().empty());
}

TEST_F(CorpusListsTest, ChangedServiceNameIsADigestMismatch) {
  const std::string changed = EditText(ee_, "<ServiceName>", ChangeOneChar);
  ASSERT_NE(changed, ee_);
  const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(changed);
  EXPECT_EQ(v.verdict, XmlSignatureVerdict::kDigestMismatch) << v.detail;
  EXPECT_TRUE(v.signer_certificate_der.empty());
  // Load refuses the whole folder and names the file and the reason.
  auto store = LoadFiles({{kEeName, changed}, {kLotlName, lotl_}});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(store.status().message(), kEeName));
  EXPECT_TRUE(absl::StrContains(store.status().message(), "digest-mismatch"))
      << store.status();
}

TEST_F(CorpusListsTest, ChangedSigningTimeBreaksTheSignedPropertiesReference) {
  const std::string changed = absl::StrReplaceAll(
      ee_, {{"2023-10-04T11:36:34Z", "2023-10-04T11:36:35Z"}});
  ASSERT_NE(changed, ee_);
  const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(changed);
  EXPECT_EQ(v.verdict, XmlSignatureVerdict::kDigestMismatch);
  EXPECT_TRUE(absl::StrContains(v.detail, "#xades-")) << v.detail;
}

TEST_F(CorpusListsTest, ChangedSignatureValueByteDoesNotVerify) {
  for (const std::string* xml : {&ee_, &lotl_}) {
    const std::string changed =
        EditText(*xml, "<ds:SignatureValue", FlipSignatureByte);
    ASSERT_NE(changed, *xml);
    const XmlSignatureVerification v = VerifyEnvelopedXmlSignature(changed);
    EXPECT_EQ(v.verdict, XmlSignatureVerdict::kSignatureInvalid) << v.detail;
  }
  auto store = LoadFiles(
      {{kLotlName, EditText(lotl_, "<ds:SignatureValue", FlipSignatureByte)}});
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(absl::StrContains(store.status().message(), kLotlName));
  EXPECT_TRUE(absl::StrContains(store.status().message(), "signature-invalid"));
}

TEST_F(CorpusListsTest, RemovedSignatureIsRefusedUnlessAllowed) {
  const std::string unsigned_ee = WithoutSignature(ee_);
  ASSERT_TRUE(ParseTrustedList(unsigned_ee).ok());
  EXPECT_EQ(VerifyEnvelopedXmlSignature(unsigned_ee).verdict,
            XmlSignatureVerdict::kMissing);
  auto refused = LoadFiles({{kEeName, unsigned_ee}, {kLotlName, lotl_}});
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(absl::StrContains(refused.status().message(), kEeName));
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "not signed"));
  TrustStoreOptions options;
  options.allow_unsigned_trusted_lists = true;
  auto allowed =
      LoadFiles({{kEeName, unsigned_ee}, {kLotlName, lotl_}}, options);
  ASSERT_TRUE(allowed.ok()) << allowed.status();
  EXPECT_EQ(allowed->TrustedListWarnings().size(), 1u);
}

TEST(XmlSignatureHostileTest, HostileOrForeignXmlIsRefused) {
  const std::string kMalformed[] = {
      "",
      "<notxml",
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>",
      "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://example.com/x\"><x/>",
      std::string(kMaxSignedXmlBytes + 1, ' '),
      // Deeper than libxml2's nesting limit.
      absl::StrCat(absl::StrJoin(std::vector<std::string>(300, "<a>"), ""),
                   absl::StrJoin(std::vector<std::string>(300, "</a>"), "")),
  };
  for (const std::string& xml : kMalformed) {
    EXPECT_EQ(VerifyEnvelopedXmlSignature(xml).verdict,
              XmlSignatureVerdict::kMalformed)
        << xml.substr(0, 80);
  }
  EXPECT_EQ(VerifyEnvelopedXmlSignature("<x/>").verdict,
            XmlSignatureVerdict::kMissing);
  auto store = LoadFiles({{"evil.xml", kMalformed[2]}});
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(absl::StrContains(store.status().message(), "evil.xml"));
}

}  // namespace
}  // namespace docintake::signature
