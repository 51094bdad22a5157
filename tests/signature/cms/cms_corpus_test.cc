// Every signature of the shared PDF signature corpus: integrity against the
// `integrity` column of expected.tsv, and the CMS facts the evidence column
// states (signature-timestamp imprint, DER-sorted SignedAttributes, no
// signed attributes, plain-ECDSA). Prints the level-relevant facts per file.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "signature/cms/cms_signature.h"
#include "signature/cms/signature_integrity.h"
#include "signature/cms/timestamp_token.h"
#include "signature/pdf/raw_signature.h"
#include "tests/support/corpus.h"

namespace docintake::signature {
namespace {

struct RowOutcome {
  std::string integrity;  // "intact" / "broken"
  std::string detail;
};

std::string Time(const std::optional<absl::Time>& t) {
  return t.has_value()
             ? absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", *t, absl::UTCTimeZone())
             : "-";
}

// The level-relevant facts of one CMS signature, one line.
std::string Facts(const CmsSignature& cms) {
  std::string out = absl::StrCat(
      SignatureAlgorithmName(cms.signature_algorithm), "/",
      cms.digest_algorithm, cms.has_signed_attributes ? "" : " no-signed-attrs",
      " signingTime=", Time(cms.signing_time),
      " ESSv1=", cms.has_ess_signing_certificate ? "yes" : "no",
      " ESSv2=", cms.has_ess_signing_certificate_v2 ? "yes" : "no",
      " sigTST=", cms.signature_timestamps.size());
  for (const std::string& token : cms.signature_timestamps) {
    absl::StatusOr<TimestampToken> tst = ParseTimestampToken(token);
    const IntegrityResult r =
        VerifyTimestampToken(token, {cms.signature_value});
    absl::StrAppend(
        &out, " [genTime=", tst.ok() ? Time(tst->gen_time) : "unparseable", " ",
        IntegrityName(r.integrity), "]");
  }
  if (!cms.revocation.empty()) {
    absl::StrAppend(&out, " embedded-revocation=", cms.revocation.size());
  }
  for (const std::string& a : cms.anomalies)
    absl::StrAppend(&out, " {", a, "}");
  return out;
}

// The pieces the ByteRange's offset/length pairs select; none when one lies
// outside the file.
std::vector<absl::string_view> Pieces(absl::string_view pdf,
                                      const std::vector<int64_t>& byte_range) {
  std::vector<absl::string_view> out;
  if (byte_range.size() % 2 != 0) return out;
  for (size_t k = 0; k < byte_range.size(); k += 2) {
    const int64_t offset = byte_range[k], length = byte_range[k + 1];
    if (offset < 0 || length < 0 ||
        static_cast<uint64_t>(offset) + static_cast<uint64_t>(length) >
            pdf.size()) {
      return {};
    }
    out.push_back(
        pdf.substr(static_cast<size_t>(offset), static_cast<size_t>(length)));
  }
  return out;
}

TEST(CmsCorpusTest, IntegrityAgreesWithExpectedTsv) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/signatures/";
  const testing::Manifest manifest =
      testing::ReadManifest(dir + "expected.tsv");
  ASSERT_EQ(manifest.rows.size(), 67u);
  std::map<std::string, std::string> files;
  std::map<std::string, std::vector<RawSignature>> signatures;
  int agree = 0;
  for (const std::vector<std::string>& row : manifest.rows) {
    const std::string file = manifest.Get(row, "file");
    const int index = std::stoi(manifest.Get(row, "sig_index"));
    const std::string kind = manifest.Get(row, "kind");
    const std::string expected = manifest.Get(row, "integrity");
    const std::string evidence = manifest.Get(row, "evidence");
    if (files.count(file) == 0) {
      files[file] = testing::ReadFileOrDie(dir + file);
      absl::StatusOr<std::vector<RawSignature>> found =
          FindRawSignatures(files[file]);
      ASSERT_TRUE(found.ok()) << found.status();
      signatures[file] = *std::move(found);
    }
    const std::vector<RawSignature>& sigs = signatures[file];
    SCOPED_TRACE(absl::StrCat(file, " #", index));
    ASSERT_LT(static_cast<size_t>(index), sigs.size());
    const RawSignature& sig = sigs[static_cast<size_t>(index)];
    ASSERT_EQ(sig.sub_filter, manifest.Get(row, "subfilter"));
    const std::vector<absl::string_view> ranges =
        Pieces(files[file], sig.byte_range.value_or(std::vector<int64_t>{}));

    IntegrityResult result;
    std::string facts;
    if (ranges.empty()) {
      result.detail = "ByteRange outside the file: not evaluable";
    } else if (kind == "doc_timestamp") {
      result = VerifyTimestampToken(sig.contents, ranges);
      absl::StatusOr<TimestampToken> tst = ParseTimestampToken(sig.contents);
      facts = tst.ok() ? absl::StrCat("document timestamp genTime=",
                                      Time(tst->gen_time))
                       : std::string(tst.status().message());
    } else {
      const std::optional<SubFilter> sub_filter =
          SubFilterFromName(sig.sub_filter);
      ASSERT_TRUE(sub_filter.has_value());
      result = VerifySignatureIntegrity(sig.contents, *sub_filter, ranges);
      absl::StatusOr<CmsSignature> cms = ParseCmsSignature(sig.contents);
      ASSERT_TRUE(cms.ok()) << cms.status();
      facts = Facts(*cms);
      // What the evidence column states about the CMS.
      EXPECT_EQ(result.signed_attributes_der,
                !absl::StrContains(evidence, "NOT DER-sorted"));
      if (absl::StrContains(evidence, "n/a(no signed attrs)")) {
        EXPECT_FALSE(cms->has_signed_attributes);
      }
      EXPECT_EQ(cms->signature_algorithm == SignatureAlgorithm::kPlainEcdsa,
                absl::StrContains(evidence, "plain-ecdsa"));
      if (absl::StrContains(evidence, "signature-time-stamp imprint matches")) {
        ASSERT_FALSE(cms->signature_timestamps.empty());
        for (const std::string& token : cms->signature_timestamps) {
          EXPECT_EQ(
              VerifyTimestampToken(token, {cms->signature_value}).integrity,
              Integrity::kIntact);
        }
      }
    }
    const std::string actual =
        result.integrity == Integrity::kIntact ? "intact" : "broken";
    std::cout << (actual == expected ? "AGREE    " : "DISAGREE ") << file
              << " #" << index << " " << kind << " expected=" << expected
              << " got=" << IntegrityName(result.integrity) << " ("
              << result.detail << ")\n      " << facts << "\n";
    EXPECT_EQ(actual, expected) << result.detail;
    if (actual == expected) ++agree;
  }
  std::cout << agree << " of " << manifest.rows.size() << " rows agree\n";
}

}  // namespace
}  // namespace docintake::signature
