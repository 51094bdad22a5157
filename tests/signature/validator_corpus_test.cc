// The validator over the shared signature corpus: every row of
// signatures/expected.tsv (kind, subfilter, integrity, coverage, later
// changes, PAdES level, indication, sub-indication; `unknown` cells
// excepted) and every file's written-form disposition in files.tsv, with
// the trust anchors, policy and validation time the corpus README names.
// Cells where we are sure the manifest is wrong are listed with the reason
// in corpus_exceptions.tsv beside this file; for those the test asserts our
// documented value instead, so a change in either shows.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "signature/pdf_validator.h"
#include "signature/trust/trust_store.h"
#include "signature/written_form.h"
#include "tests/support/corpus.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;
using testing::Manifest;

// The README's validation time.
absl::Time CorpusValidationTime() {
  absl::Time t;
  std::string error;
  EXPECT_TRUE(
      absl::ParseTime(absl::RFC3339_full, "2023-10-05T12:00:00Z", &t, &error));
  return t;
}

// A corpus cell as our enum value name ("B-LT" -> "B_LT").
std::string Normalised(const std::string& column, const std::string& value) {
  if (column == "kind" && value == "doc_timestamp") {
    return "DOCUMENT_TIMESTAMP";
  }
  if (column == "later_changes" && value == "n/a") return "NOT_APPLICABLE";
  if (column == "pades_level" && value == "none") return "NO_LEVEL";
  return absl::AsciiStrToUpper(absl::StrReplaceAll(value, {{"-", "_"}}));
}

std::string Ours(const std::string& column, const Validation& s) {
  if (column == "kind") return Validation::Kind_Name(s.kind());
  if (column == "subfilter") return absl::AsciiStrToUpper(s.subfilter());
  if (column == "integrity") return Validation::Integrity_Name(s.integrity());
  if (column == "coverage") return Validation::Coverage_Name(s.coverage());
  if (column == "later_changes") {
    return Validation::LaterChanges_Name(s.later_changes());
  }
  if (column == "pades_level") return Validation::Level_Name(s.level());
  if (column == "expected_indication") {
    return v1::Indication_Name(s.indication());
  }
  if (column == "expected_subindication") {
    return s.subindication() == v1::SUBINDICATION_UNSPECIFIED
               ? ""
               : v1::SubIndication_Name(s.subindication());
  }
  ADD_FAILURE() << "no such column " << column;
  return "";
}

const char* const kColumns[] = {"kind",
                                "subfilter",
                                "integrity",
                                "coverage",
                                "later_changes",
                                "pades_level",
                                "expected_indication",
                                "expected_subindication"};

// file + sig_index + column -> (our value as enum name, reason).
using Exceptions = std::map<std::string, std::pair<std::string, std::string>>;

Exceptions ReadExceptions() {
  Exceptions out;
  const Manifest m =
      testing::ReadManifest(std::string(DOCINTAKE_SOURCE_DIR) +
                            "/tests/signature/corpus_exceptions.tsv");
  for (const auto& row : m.rows) {
    out[m.Get(row, "file") + "#" + m.Get(row, "sig_index") + "#" +
        m.Get(row, "column")] = {m.Get(row, "ours"), m.Get(row, "reason")};
  }
  return out;
}

class SignatureCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string corpus = testing::CorpusDir();
    if (corpus.empty()) return;
    absl::StatusOr<std::shared_ptr<const TrustStore>> trust =
        LoadTrustStore({corpus + "/signatures/trust"});
    ASSERT_TRUE(trust.ok()) << trust.status();
    validator_ = new PdfValidator(*std::move(trust));
  }
  static void TearDownTestSuite() {
    delete validator_;
    validator_ = nullptr;
  }
  static PdfValidator* validator_;
};

PdfValidator* SignatureCorpusTest::validator_ = nullptr;

TEST_F(SignatureCorpusTest, EveryExpectedRowAndWrittenFormDisposition) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/signatures/";
  const Manifest expected = testing::ReadManifest(dir + "expected.tsv");
  const Manifest files = testing::ReadManifest(dir + "files.tsv");
  ASSERT_EQ(files.rows.size(), 42u);
  ASSERT_EQ(expected.rows.size(), 67u);
  const Exceptions exceptions = ReadExceptions();
  std::map<std::string, std::vector<const std::vector<std::string>*>> rows;
  for (const auto& row : expected.rows) {
    rows[expected.Get(row, "file")].push_back(&row);
  }
  int cells = 0;
  int excepted = 0;
  for (const auto& file_row : files.rows) {
    const std::string file = files.Get(file_row, "file");
    SCOPED_TRACE(file);
    absl::StatusOr<v1::SignatureReport> report = validator_->Validate(
        testing::ReadFileOrDie(dir + file), CorpusValidationTime());
    if (!report.ok()) {
      ADD_FAILURE() << file << ": " << report.status();
      continue;
    }
    const auto& want = rows[file];
    if (report->signatures_size() != static_cast<int>(want.size())) {
      ADD_FAILURE() << file << ": " << report->signatures_size()
                    << " signatures, the manifest has " << want.size();
      continue;
    }
    for (const auto* row : want) {
      const int index = std::stoi(expected.Get(*row, "sig_index"));
      const Validation& s = report->signatures(index);
      for (const char* column : kColumns) {
        const std::string value = expected.Get(*row, column);
        if (value == "unknown") continue;
        const std::string key =
            file + "#" + std::to_string(index) + "#" + column;
        SCOPED_TRACE(key);
        ++cells;
        if (auto e = exceptions.find(key); e != exceptions.end()) {
          ++excepted;
          EXPECT_EQ(Ours(column, s), e->second.first)
              << "excepted cell changed; reason was: " << e->second.second;
          continue;
        }
        EXPECT_EQ(Ours(column, s), Normalised(column, value))
            << key << " errors: " << absl::StrJoin(s.errors(), " | ");
      }
    }
    const std::string disposition = files.Get(file_row, "schriftform");
    const v1::WrittenForm form =
        DecideWrittenForm(report->signatures(), v1::IntakeFacts());
    if (disposition == "reject") {
      EXPECT_EQ(form.decision(), v1::WrittenForm::NOT_SATISFIED)
          << file << ": " << absl::StrJoin(form.reasons(), " | ");
    } else if (disposition == "manual review") {
      EXPECT_EQ(form.decision(), v1::WrittenForm::NEEDS_REVIEW)
          << file << ": " << absl::StrJoin(form.reasons(), " | ");
    } else {
      ASSERT_EQ(disposition, "accept (QES)");
      EXPECT_EQ(form.decision(), v1::WrittenForm::SATISFIED)
          << file << ": " << absl::StrJoin(form.reasons(), " | ");
      EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::QES);
    }
  }
  EXPECT_EQ(excepted, static_cast<int>(exceptions.size()))
      << "an exception names a cell the corpus does not assert";
  RecordProperty("cells", cells);
}

}  // namespace
}  // namespace docintake::signature
