// Self-test of the PDF signer: pdfsig and OpenSSL's CMS verifier judge the
// produced signatures; ByteRanges, /Contents and attributes are read back
// from the file bytes with the independent helpers of signing_test_checks.
#include "tests/support/signing/pdf_signer.h"

#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/objects.h>
#include <openssl/ts.h>

#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/signing/signing_test_checks.h"
#include "tests/support/temp_dir.h"

namespace docintake::testing::signing {
namespace {

using checks::ByteRanges;
using checks::ContentsStrings;
using checks::Pdfsig;
using checks::RangeBytes;

const absl::Time kNow = absl::FromUnixSeconds(1696507200);  // 2023-10-05 12:00Z
constexpr char kValid[] = "Signature Validation: Signature is Valid.";

using CmsOwner = std::unique_ptr<CMS_ContentInfo, void (*)(CMS_ContentInfo*)>;

CmsOwner Parse(const std::string& der) {
  return CmsOwner(checks::ParseCms(der), CMS_ContentInfo_free);
}

CMS_SignerInfo* Signer(CMS_ContentInfo* cms) {
  return sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
}

// The single value of a signed (or unsigned) attribute as DER.
std::string AttributeDer(CMS_SignerInfo* si, int nid, bool is_signed = true) {
  const int index = is_signed ? CMS_signed_get_attr_by_NID(si, nid, -1)
                              : CMS_unsigned_get_attr_by_NID(si, nid, -1);
  if (index < 0) return "";
  X509_ATTRIBUTE* attr = is_signed ? CMS_signed_get_attr(si, index)
                                   : CMS_unsigned_get_attr(si, index);
  ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attr, 0);
  unsigned char* der = nullptr;
  const int len = i2d_ASN1_TYPE(value, &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

class PdfSignerTest : public ::testing::Test {
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

  SignOptions Options(const Credential& signer) {
    SignOptions options;
    options.signer = &signer;
    options.signing_time = kNow - absl::Hours(1);
    return options;
  }
  SignatureResult Sign(TestPdf& pdf, const SignOptions& options) {
    auto result = SignPdf(pdf, *pki_, options);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : SignatureResult();
  }
  std::string Write(const TestPdf& pdf, const std::string& name = "s.pdf") {
    const std::string path = dir_.Path(name);
    checks::WriteFile(path, pdf.bytes());
    return path;
  }
  // The i-th signature of the file, re-read from its bytes: the CMS
  // verifies over the bytes its ByteRange selects.
  bool CmsOfFileVerifies(const std::string& bytes, size_t i, bool detached) {
    const auto ranges = ByteRanges(bytes);
    const auto contents = ContentsStrings(bytes);
    if (i >= ranges.size() || i >= contents.size()) return false;
    CmsOwner cms = Parse(contents[i].bytes);
    return cms != nullptr &&
           checks::CmsVerifies(cms.get(), RangeBytes(bytes, ranges[i]),
                               detached);
  }

  static inline TestPki* pki_ = nullptr;
  TempDir dir_;
};

TEST_F(PdfSignerTest, CadesSignatureIsValidForPdfsigAndOpenSsl) {
  DocumentSpec spec;
  spec.signature_fields = {"Signature1"};
  TestPdf pdf(spec);
  const SignatureResult result = Sign(pdf, Options(pki_->qualified()));
  const std::string& bytes = pdf.bytes();

  // ByteRange = [0, '<', after '>', to EOF], read from the file.
  const auto contents = ContentsStrings(bytes);
  ASSERT_EQ(contents.size(), 1u);
  const int64_t c0 = static_cast<int64_t>(contents[0].offset);
  const int64_t c1 = static_cast<int64_t>(contents[0].end);
  EXPECT_EQ(ByteRanges(bytes)[0],
            (std::vector<int64_t>{0, c0, c1,
                                  static_cast<int64_t>(bytes.size()) - c1}));
  EXPECT_EQ(result.field, pdf.field("Signature1"));  // the existing field
  EXPECT_EQ(contents[0].bytes, result.contents);
  EXPECT_TRUE(CmsOfFileVerifies(bytes, 0, true));

  CmsOwner cms = Parse(result.cms);
  ASSERT_NE(cms, nullptr);
  CMS_SignerInfo* si = Signer(cms.get());
  EXPECT_LT(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1), 0);
  const std::string ess =
      AttributeDer(si, NID_id_smime_aa_signingCertificateV2);
  ASSERT_FALSE(ess.empty());
  const auto* p = reinterpret_cast<const unsigned char*>(ess.data());
  ESS_SIGNING_CERT_V2* v2 =
      d2i_ESS_SIGNING_CERT_V2(nullptr, &p, static_cast<long>(ess.size()));
  ASSERT_NE(v2, nullptr);
  STACK_OF(X509)* chain = sk_X509_new_null();
  sk_X509_push(chain, pki_->qualified().cert.get());
  EXPECT_EQ(OSSL_ESS_check_signing_certs(nullptr, v2, chain, 1), 1);
  sk_X509_free(chain);
  ESS_SIGNING_CERT_V2_free(v2);
  // The CMS carries signer and intermediate, not the root.
  STACK_OF(X509)* certs = CMS_get1_certs(cms.get());
  EXPECT_EQ(sk_X509_num(certs), 2);
  sk_X509_pop_free(certs, X509_free);

  const std::string path = Write(pdf);
  EXPECT_EQ(checks::QpdfCheck(path).exit_code, 0);
  const std::string sig = Pdfsig(path);
  EXPECT_TRUE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "Total document signed")) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "ETSI.CAdES.detached")) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "Erika Mustermann (qualified)")) << sig;
}

TEST_F(PdfSignerTest, Pkcs7DetachedCarriesTheGivenSigningTime) {
  TestPdf pdf;
  SignOptions options = Options(pki_->non_qualified());
  options.sub_filter = SubFilter::kPkcs7Detached;
  options.signing_time_attribute = true;
  const SignatureResult result = Sign(pdf, options);
  CmsOwner cms = Parse(result.cms);
  ASSERT_NE(cms, nullptr);
  CMS_SignerInfo* si = Signer(cms.get());
  const int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  ASSERT_GE(index, 0);
  ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, index), 0);
  EXPECT_EQ(checks::FromAsn1(t->value.utctime), kNow - absl::Hours(1));
  EXPECT_TRUE(absl::StrContains(pdf.bytes(), "/M (D:20231005110000+00'00')"));
  const std::string sig = Pdfsig(Write(pdf));
  EXPECT_TRUE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "adbe.pkcs7.detached")) << sig;
}

TEST_F(PdfSignerTest, Pkcs7Sha1EncapsulatesTheSha1OfTheRanges) {
  TestPdf pdf;
  SignOptions options = Options(pki_->non_qualified());
  options.sub_filter = SubFilter::kPkcs7Sha1;
  options.digest = "sha1";
  const SignatureResult result = Sign(pdf, options);
  CmsOwner cms = Parse(result.cms);
  ASSERT_NE(cms, nullptr);
  ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
  ASSERT_TRUE(content != nullptr && *content != nullptr);
  const std::string econtent(
      reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)),
      static_cast<size_t>(ASN1_STRING_length(*content)));
  EXPECT_EQ(
      econtent,
      checks::Sha("sha1", RangeBytes(pdf.bytes(), ByteRanges(pdf.bytes())[0])));
  EXPECT_TRUE(checks::CmsVerifies(cms.get(), "", false));
  const std::string sig = Pdfsig(Write(pdf));
  EXPECT_TRUE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "adbe.pkcs7.sha1")) << sig;
}

TEST_F(PdfSignerTest, EcdsaP256WithSha384IsValid) {
  TestPdf pdf;
  SignOptions options = Options(pki_->ecdsa());
  options.digest = "sha384";
  Sign(pdf, options);
  EXPECT_TRUE(CmsOfFileVerifies(pdf.bytes(), 0, true));
  const std::string sig = Pdfsig(Write(pdf));
  EXPECT_TRUE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "SHA-384")) << sig;
}

TEST_F(PdfSignerTest, RsaPssSignatureVerifies) {
  TestPdf pdf;
  SignOptions options = Options(pki_->qualified());
  options.algorithm = SignatureAlgorithm::kRsaPss;
  const SignatureResult result = Sign(pdf, options);
  EXPECT_TRUE(CmsOfFileVerifies(pdf.bytes(), 0, true));
  CmsOwner cms = Parse(result.cms);
  X509_ALGOR* alg = nullptr;
  CMS_SignerInfo_get0_algs(Signer(cms.get()), nullptr, nullptr, nullptr, &alg);
  const ASN1_OBJECT* oid = nullptr;
  X509_ALGOR_get0(&oid, nullptr, nullptr, alg);
  EXPECT_EQ(OBJ_obj2nid(oid), NID_rsassaPss);
}

TEST_F(PdfSignerTest, PlainEcdsaBrainpoolVerifiesOnceConvertedToDer) {
  TestPdf pdf;
  SignOptions options = Options(pki_->brainpool());
  options.algorithm = SignatureAlgorithm::kPlainEcdsa;
  const SignatureResult result = Sign(pdf, options);
  CmsOwner cms = Parse(ContentsStrings(pdf.bytes())[0].bytes);
  ASSERT_NE(cms, nullptr);
  CMS_SignerInfo* si = Signer(cms.get());
  X509_ALGOR* alg = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, nullptr, &alg);
  const ASN1_OBJECT* oid = nullptr;
  X509_ALGOR_get0(&oid, nullptr, nullptr, alg);
  char text[64];
  OBJ_obj2txt(text, sizeof(text), oid, 1);
  EXPECT_STREQ(text, "0.4.0.127.0.7.1.1.4.1.3");
  ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(si);
  ASSERT_EQ(ASN1_STRING_length(value), 64);               // r||s, 32 bytes each
  EXPECT_FALSE(CmsOfFileVerifies(pdf.bytes(), 0, true));  // as found

  // Rewrite r||s as DER ECDSA-Sig-Value with ecdsa-with-SHA256: OpenSSL's
  // own verifier then accepts it (it re-encodes the signed attributes).
  const unsigned char* rs = ASN1_STRING_get0_data(value);
  ECDSA_SIG* ecdsa = ECDSA_SIG_new();
  ECDSA_SIG_set0(ecdsa, BN_bin2bn(rs, 32, nullptr),
                 BN_bin2bn(rs + 32, 32, nullptr));
  unsigned char* der = nullptr;
  const int len = i2d_ECDSA_SIG(ecdsa, &der);
  ASN1_STRING_set(value, der, len);
  OPENSSL_free(der);
  ECDSA_SIG_free(ecdsa);
  X509_ALGOR_set0(alg, OBJ_nid2obj(NID_ecdsa_with_SHA256), V_ASN1_UNDEF,
                  nullptr);
  const auto br = ByteRanges(pdf.bytes())[0];
  EXPECT_TRUE(
      checks::CmsVerifies(cms.get(), RangeBytes(pdf.bytes(), br), true));
  EXPECT_EQ(result.signed_bytes, RangeBytes(pdf.bytes(), br));
}

TEST_F(PdfSignerTest, SignatureTimestampCoversTheSignatureValue) {
  TestPdf pdf;
  SignOptions options = Options(pki_->qualified());
  options.signature_timestamp = kNow - absl::Minutes(50);
  const SignatureResult result = Sign(pdf, options);
  EXPECT_TRUE(CmsOfFileVerifies(pdf.bytes(), 0, true));
  CmsOwner cms = Parse(result.cms);
  CMS_SignerInfo* si = Signer(cms.get());
  const std::string token =
      AttributeDer(si, NID_id_smime_aa_timeStampToken, false);
  ASSERT_FALSE(token.empty());
  const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(si);
  const std::string signature(
      reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
      static_cast<size_t>(ASN1_STRING_length(value)));

  const auto* p = reinterpret_cast<const unsigned char*>(token.data());
  PKCS7* pkcs7 = d2i_PKCS7(nullptr, &p, static_cast<long>(token.size()));
  ASSERT_NE(pkcs7, nullptr);
  TS_VERIFY_CTX* ctx = TS_VERIFY_CTX_new();
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, pki_->root().cert.get());
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), absl::ToTimeT(kNow));
  TS_VERIFY_CTX_set_store(ctx, store);
  TS_VERIFY_CTX_set_data(
      ctx,
      BIO_new_mem_buf(signature.data(), static_cast<int>(signature.size())));
  TS_VERIFY_CTX_set_flags(
      ctx, TS_VFY_VERSION | TS_VFY_SIGNER | TS_VFY_SIGNATURE | TS_VFY_DATA);
  EXPECT_EQ(TS_RESP_verify_token(ctx, pkcs7), 1);
  TS_TST_INFO* info = PKCS7_to_TS_TST_INFO(pkcs7);
  EXPECT_EQ(checks::FromAsn1(TS_TST_INFO_get_time(info)),
            kNow - absl::Minutes(50));
  TS_TST_INFO_free(info);
  TS_VERIFY_CTX_free(ctx);
  PKCS7_free(pkcs7);
}

TEST_F(PdfSignerTest, RevocationValuesAreInTheArchivalAttribute) {
  TestPdf pdf;
  CrlSpec crl_spec;
  crl_spec.this_update = kNow - absl::Hours(5);
  auto crl = pki_->MakeCrl(crl_spec);
  OcspSpec ocsp_spec;
  ocsp_spec.subject = &pki_->qualified();
  ocsp_spec.produced_at = ocsp_spec.this_update = kNow - absl::Hours(2);
  auto ocsp = pki_->MakeOcspResponse(ocsp_spec);
  ASSERT_TRUE(crl.ok() && ocsp.ok());
  SignOptions options = Options(pki_->qualified());
  options.crls = {*crl};
  options.ocsps = {*ocsp};
  const SignatureResult result = Sign(pdf, options);
  EXPECT_TRUE(CmsOfFileVerifies(pdf.bytes(), 0, true));
  CmsOwner cms = Parse(result.cms);
  ASN1_OBJECT* oid = OBJ_txt2obj("1.2.840.113583.1.1.8", 1);
  const int index = CMS_signed_get_attr_by_OBJ(Signer(cms.get()), oid, -1);
  ASN1_OBJECT_free(oid);
  ASSERT_GE(index, 0);
  ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(
      CMS_signed_get_attr(Signer(cms.get()), index), 0);
  ASSERT_EQ(value->type, V_ASN1_SEQUENCE);
  const std::string der(
      reinterpret_cast<const char*>(value->value.sequence->data),
      static_cast<size_t>(value->value.sequence->length));
  // The DER of both values appears inside, under [0] and [1].
  const size_t crl_at = der.find(*crl);
  const size_t ocsp_at = der.find(*ocsp);
  ASSERT_NE(crl_at, std::string::npos);
  ASSERT_NE(ocsp_at, std::string::npos);
  EXPECT_LT(crl_at, ocsp_at);
  EXPECT_EQ(static_cast<unsigned char>(der[crl_at - 4 - 4]), 0xA0);
}

TEST_F(PdfSignerTest, CertificationThenFormFillKeepsTheSignatureValid) {
  DocumentSpec spec;
  spec.text_fields = {{"name", "", 0}};
  TestPdf pdf(spec);
  SignOptions options = Options(pki_->qualified());
  options.docmdp_permissions = 2;
  const SignatureResult result = Sign(pdf, options);
  ASSERT_TRUE(pdf.FillTextField("name", "Erika").ok());
  ASSERT_TRUE(pdf.Commit().ok());
  const std::string path = Write(pdf);
  const auto catalog = checks::Qpdf("--show-object=1 '" + path + "'");
  EXPECT_TRUE(absl::StrContains(
      catalog.out,
      absl::StrCat("/Perms << /DocMDP ", result.signature_dict, " 0 R >>")))
      << catalog.out;
  const auto dict = checks::Qpdf(
      absl::StrCat("--show-object=", result.signature_dict, " '", path, "'"));
  EXPECT_TRUE(absl::StrContains(dict.out, "/TransformMethod /DocMDP"));
  EXPECT_TRUE(absl::StrContains(dict.out, "/P 2")) << dict.out;
  // The signature ends at the end of revision 2, not at EOF.
  EXPECT_EQ(ByteRanges(pdf.bytes())[0][2] + ByteRanges(pdf.bytes())[0][3],
            static_cast<int64_t>(pdf.revision_ends()[1]));
  const std::string sig = Pdfsig(path);
  EXPECT_TRUE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "Not total document signed")) << sig;
}

TEST_F(PdfSignerTest, FieldLockIsOnTheFieldAndInTheReference) {
  DocumentSpec spec;
  spec.text_fields = {{"a", "1", 0}, {"b", "2", 0}};
  TestPdf pdf(spec);
  SignOptions options = Options(pki_->qualified());
  options.lock = FieldLock{FieldLock::Action::kInclude, {"a"}};
  const SignatureResult result = Sign(pdf, options);
  const std::string path = Write(pdf);
  const auto field = checks::Qpdf(
      absl::StrCat("--show-object=", result.field, " '", path, "'"));
  EXPECT_TRUE(absl::StrContains(
      field.out,
      "/Lock << /Action /Include /Fields [ (a) ] /Type /SigFieldLock >>"))
      << field.out;
  const auto dict = checks::Qpdf(
      absl::StrCat("--show-object=", result.signature_dict, " '", path, "'"));
  EXPECT_TRUE(absl::StrContains(dict.out, "/TransformMethod /FieldMDP"))
      << dict.out;
  EXPECT_TRUE(absl::StrContains(Pdfsig(path), kValid));
}

TEST_F(PdfSignerTest, TwoSignaturesDssAndDocumentTimestamp) {
  TestPdf pdf;
  const SignatureResult first = Sign(pdf, Options(pki_->qualified()));
  SignOptions second_options = Options(pki_->non_qualified());
  second_options.field_name = "Signature2";
  const SignatureResult second = Sign(pdf, second_options);
  OcspSpec ocsp_spec;
  ocsp_spec.subject = &pki_->qualified();
  ocsp_spec.produced_at = ocsp_spec.this_update = kNow - absl::Minutes(30);
  auto ocsp = pki_->MakeOcspResponse(ocsp_spec);
  ASSERT_TRUE(ocsp.ok());
  DssSpec dss;
  dss.certs = {pki_->qualified().CertDer(), pki_->intermediate().CertDer()};
  dss.ocsps = {*ocsp};
  dss.vri = {{first.vri_key, {pki_->qualified().CertDer()}, {*ocsp}, {}}};
  pdf.SetDss(dss);
  ASSERT_TRUE(pdf.Commit().ok());
  DocTimestampOptions ts_options;
  ts_options.gen_time = kNow - absl::Minutes(10);
  auto ts = AddDocumentTimestamp(pdf, *pki_, ts_options);
  ASSERT_TRUE(ts.ok()) << ts.status();
  EXPECT_EQ(pdf.revision_count(), 5);

  const std::string& bytes = pdf.bytes();
  EXPECT_EQ(checks::Sha("sha1", ContentsStrings(bytes)[0].bytes),
            checks::Sha("sha1", first.contents));
  EXPECT_TRUE(absl::StrContains(bytes, "/" + first.vri_key + " <<"));
  EXPECT_TRUE(CmsOfFileVerifies(bytes, 0, true));
  EXPECT_TRUE(CmsOfFileVerifies(bytes, 1, true));
  EXPECT_EQ(ByteRanges(bytes)[1][2] + ByteRanges(bytes)[1][3],
            static_cast<int64_t>(pdf.revision_ends()[2]));
  EXPECT_EQ(second.revision, 2);

  // The document timestamp's token imprint is the SHA-256 of its ranges.
  const std::string token = ContentsStrings(bytes)[2].bytes;
  const auto* p = reinterpret_cast<const unsigned char*>(token.data());
  PKCS7* pkcs7 = d2i_PKCS7(nullptr, &p, static_cast<long>(token.size()));
  ASSERT_NE(pkcs7, nullptr);
  TS_TST_INFO* info = PKCS7_to_TS_TST_INFO(pkcs7);
  const ASN1_OCTET_STRING* imprint =
      TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info));
  EXPECT_EQ(
      std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(imprint)),
                  static_cast<size_t>(ASN1_STRING_length(imprint))),
      checks::Sha("sha256", RangeBytes(bytes, ByteRanges(bytes)[2])));
  TS_TST_INFO_free(info);
  PKCS7_free(pkcs7);
  EXPECT_TRUE(absl::StrContains(bytes, "/Type /DocTimeStamp"));

  const std::string path = Write(pdf);
  const auto check = checks::QpdfCheck(path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
  const std::string sig = Pdfsig(path);
  const std::vector<std::string> parts = absl::StrSplit(sig, "Signature #");
  ASSERT_GE(parts.size(), 3u) << sig;
  EXPECT_TRUE(absl::StrContains(parts[1], kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(parts[1], "Not total document signed"));
  EXPECT_TRUE(absl::StrContains(parts[2], kValid)) << sig;
}

TEST_F(PdfSignerTest, TamperedTextBreaksTheDigest) {
  TestPdf pdf;
  Sign(pdf, Options(pki_->qualified()));
  const std::string before = pdf.bytes();
  ASSERT_TRUE(TamperPageText(pdf).ok());
  size_t diff = 0;
  while (before[diff] == pdf.bytes()[diff]) ++diff;
  EXPECT_LT(diff, static_cast<size_t>(ByteRanges(before)[0][1]));
  EXPECT_EQ(pdf.bytes().compare(diff + 1, std::string::npos, before, diff + 1,
                                std::string::npos),
            0);
  EXPECT_FALSE(CmsOfFileVerifies(pdf.bytes(), 0, true));
  const std::string sig = Pdfsig(Write(pdf));
  EXPECT_FALSE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "Digest Mismatch")) << sig;
}

TEST_F(PdfSignerTest, CorruptedSignatureValueIsInvalid) {
  TestPdf pdf;
  SignOptions options = Options(pki_->qualified());
  options.corrupt_signature_value = true;
  Sign(pdf, options);
  EXPECT_FALSE(CmsOfFileVerifies(pdf.bytes(), 0, true));
  const std::string sig = Pdfsig(Write(pdf));
  EXPECT_FALSE(absl::StrContains(sig, kValid)) << sig;
  EXPECT_TRUE(absl::StrContains(sig, "Signature is Invalid")) << sig;
}

TEST_F(PdfSignerTest, ZeroContentsLeavesThePlaceholder) {
  TestPdf pdf;
  SignOptions options = Options(pki_->qualified());
  options.zero_contents = true;
  const SignatureResult result = Sign(pdf, options);
  const auto contents = ContentsStrings(pdf.bytes());
  ASSERT_EQ(contents.size(), 1u);
  EXPECT_EQ(contents[0].bytes, std::string(options.reserved_bytes, '\0'));
  EXPECT_EQ(result.contents, contents[0].bytes);
  EXPECT_EQ(Parse(contents[0].bytes), nullptr);
  EXPECT_FALSE(absl::StrContains(Pdfsig(Write(pdf)), kValid));
}

TEST_F(PdfSignerTest, ByteRangeVariantsAreWrittenAsSpecifiedAndSigned) {
  struct Case {
    ByteRangeVariant variant;
    const char* name;
  };
  for (const Case& c : {Case{ByteRangeVariant::kThreeNumbers, "three"},
                        Case{ByteRangeVariant::kGapNotAtContents, "shifted"},
                        Case{ByteRangeVariant::kOverlapping, "overlap"},
                        Case{ByteRangeVariant::kBeyondEof, "beyond"},
                        Case{ByteRangeVariant::kPartial, "partial"}}) {
    SCOPED_TRACE(c.name);
    TestPdf pdf;
    SignOptions options = Options(pki_->qualified());
    options.byte_range = c.variant;
    const SignatureResult result = Sign(pdf, options);
    const std::string& bytes = pdf.bytes();
    const auto contents = ContentsStrings(bytes);
    const int64_t c0 = static_cast<int64_t>(contents[0].offset);
    const int64_t c1 = static_cast<int64_t>(contents[0].end);
    const int64_t size = static_cast<int64_t>(bytes.size());
    const int64_t startxref = static_cast<int64_t>(bytes.rfind("startxref"));
    std::vector<int64_t> expected;
    std::string covered;
    switch (c.variant) {
      case ByteRangeVariant::kThreeNumbers:
        expected = {0, c0, c1};
        covered = bytes.substr(0, c0) + bytes.substr(c1);
        break;
      case ByteRangeVariant::kGapNotAtContents:
        expected = {0, c0 - 2, c1 - 2, size - c1 + 2};
        covered = bytes.substr(0, c0 - 2) + bytes.substr(c1 - 2);
        break;
      case ByteRangeVariant::kOverlapping:
        expected = {0, c0, c0 - 20, 20};
        covered = bytes.substr(0, c0) + bytes.substr(c0 - 20, 20);
        break;
      case ByteRangeVariant::kBeyondEof:
        expected = {0, c0, c1, size - c1 + 100};
        covered = bytes.substr(0, c0) + bytes.substr(c1);
        break;
      default:
        expected = {0, c0, c1, startxref - c1};
        covered = bytes.substr(0, c0) + bytes.substr(c1, startxref - c1);
        break;
    }
    EXPECT_EQ(ByteRanges(bytes)[0], expected);
    EXPECT_EQ(result.byte_range, expected);
    CmsOwner cms = Parse(contents[0].bytes);
    ASSERT_NE(cms, nullptr);
    EXPECT_TRUE(checks::CmsVerifies(cms.get(), covered, true));
    EXPECT_EQ(checks::QpdfCheck(Write(pdf)).exit_code, 0);
  }
}

TEST_F(PdfSignerTest, RejectsBadOptions) {
  TestPdf pdf;
  SignOptions options;
  EXPECT_EQ(SignPdf(pdf, *pki_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options = Options(pki_->qualified());
  options.algorithm = SignatureAlgorithm::kPlainEcdsa;
  EXPECT_EQ(SignPdf(pdf, *pki_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options = Options(pki_->qualified());
  options.digest = "md17";
  EXPECT_EQ(SignPdf(pdf, *pki_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options = Options(pki_->qualified());
  options.docmdp_permissions = 4;
  EXPECT_EQ(SignPdf(pdf, *pki_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options = Options(pki_->qualified());
  ASSERT_TRUE(SignPdf(pdf, *pki_, options).ok());
  EXPECT_EQ(SignPdf(pdf, *pki_, options).status().code(),
            absl::StatusCode::kFailedPrecondition);
  TestPdf small;
  options.reserved_bytes = 100;
  EXPECT_EQ(SignPdf(small, *pki_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docintake::testing::signing
