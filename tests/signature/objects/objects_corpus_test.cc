// The adapter over the signature corpus (corpus/signatures/expected.tsv):
// per row, the kind of the signature (signature / certification /
// doc_timestamp) and the verdict on the changes after its signed revision
// [0, BR[2]+BR[3]). Rows of a file are matched to signature dictionaries in
// the manifest's order: by /ByteRange[1], ties by object number (standing in
// for the file offset of the dictionary).
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "signature/objects/change_classifier.h"
#include "signature/objects/pdf_facts_reader.h"
#include "tests/support/corpus.h"

namespace docintake::signature {
namespace {

using ::docintake::internal::ChangeVerdict;
using ::docintake::internal::PdfFacts;
using ::docintake::internal::SignatureDictionary;

// Rows where the manifest and this adapter disagree for a reason we are sure
// of; the assertion then expects the value given here instead.
struct Exception {
  const char* file;
  int sig_index;
  const char* later_changes;
  const char* reason;
};
constexpr Exception kExceptions[] = {
    {"pdf/dss/hello_signed_INCSAVE_signed_EDITED.pdf", 1, "allowed",
     "this dictionary's /ByteRange was edited to the first signature's, so "
     "BR[2]+BR[3] ends the first revision and the update after it (which "
     "adds this very signature field) is judged; the manifest's 'none' "
     "describes the dictionary's own, last revision, which the invalid "
     "ByteRange does not designate (coverage 'invalid')"},
};

// Files PoDoFo refuses to parse; the facts of these come only from the
// raw-byte discovery in signature/pdf/.
struct Unparseable {
  const char* file;
  const char* reason;
};
constexpr Unparseable kUnparseable[] = {
    {"pdf/dss/malformed-pades.pdf",
     "the %PDF-1.5 header bytes were overwritten: PoDoFo 0.9.8 answers "
     "'This is not a PDF file'"},
    {"pdf/dss/pdf-signed-corrupted.pdf",
     "the file was cut 10 bytes short: PoDoFo finds no object at the "
     "offset the cross-reference data gives"},
};

// Files whose final trailer says /Prev 0: PoDoFo reads only the last
// cross-reference section and sees only the signature rows listed here
// (DOMAIN.md §3; the raw-byte count in signature/pdf/ fails closed).
struct PrevZero {
  const char* file;
  int visible_row;
};
constexpr PrevZero kPrevZero[] = {
    {"pdf/dss/pades-5-signatures-and-1-document-timestamp.pdf", 5},
};

int VisibleRow(const std::string& file) {
  for (const PrevZero& p : kPrevZero) {
    if (file == p.file) return p.visible_row;
  }
  return -1;
}

bool IsUnparseable(const std::string& file) {
  for (const Unparseable& u : kUnparseable) {
    if (file == u.file) return true;
  }
  return false;
}

const Exception* FindException(const std::string& file, int index) {
  for (const Exception& e : kExceptions) {
    if (file == e.file && index == e.sig_index) return &e;
  }
  return nullptr;
}

std::string Kind(const SignatureDictionary& dict) {
  if (dict.sub_filter() == "ETSI.RFC3161") return "doc_timestamp";
  if (dict.certification()) return "certification";
  return "signature";
}

std::string ChangeLabel(ChangeVerdict::Class c) {
  switch (c) {
    case ChangeVerdict::NONE:
      return "none";
    case ChangeVerdict::ALLOWED:
      return "allowed";
    case ChangeVerdict::SUSPICIOUS:
      return "suspicious";
    case ChangeVerdict::DISALLOWED:
      return "disallowed";
    default:
      return "unspecified";
  }
}

// Signature dictionaries of the facts in signing order.
std::vector<SignatureDictionary> Ordered(const PdfFacts& facts) {
  std::vector<SignatureDictionary> all;
  for (const auto& field : facts.signature_fields())
    all.push_back(field.value());
  for (const auto& orphan : facts.orphaned_signatures()) all.push_back(orphan);
  const auto gap = [](const SignatureDictionary& d) {
    return d.byte_range_size() > 1 ? d.byte_range(1) : int64_t{0};
  };
  std::stable_sort(
      all.begin(), all.end(),
      [&](const SignatureDictionary& a, const SignatureDictionary& b) {
        if (gap(a) != gap(b)) return gap(a) < gap(b);
        return a.object_number() < b.object_number();
      });
  return all;
}

// What ClassifyChanges says about the signature `dict` of `pdf`.
std::string LaterChanges(const std::string& pdf,
                         const SignatureDictionary& dict, std::string* detail) {
  if (dict.byte_range_size() != 4) return "no-byte-range";
  const int64_t end = dict.byte_range(2) + dict.byte_range(3);
  if (end <= 0 || static_cast<uint64_t>(end) > pdf.size()) return "bad-end";
  const uint64_t signed_end = static_cast<uint64_t>(end);
  absl::StatusOr<PdfFacts> signed_facts = ReadPdfFacts(pdf, signed_end);
  ChangePermissions permissions;
  if (signed_facts.ok()) {
    permissions = PermissionsForSignature(*signed_facts, dict.object_number());
  }
  absl::StatusOr<ChangeVerdict> verdict =
      ClassifyChanges(pdf, signed_end, permissions);
  if (!verdict.ok()) {
    *detail = verdict.status().ToString();
    return "error";
  }
  *detail = absl::StrJoin(verdict->reasons(), "; ");
  return ChangeLabel(verdict->verdict());
}

TEST(ObjectsCorpusTest, KindsAndLaterChangesMatchTheManifest) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/signatures/";
  const testing::Manifest manifest =
      testing::ReadManifest(dir + "expected.tsv");
  ASSERT_FALSE(manifest.rows.empty());

  std::map<std::string, std::vector<const std::vector<std::string>*>> rows;
  for (const auto& row : manifest.rows) {
    rows[manifest.Get(row, "file")].push_back(&row);
  }
  int checked = 0, disagreements = 0;
  for (const auto& [file, file_rows] : rows) {
    SCOPED_TRACE(file);
    const std::string pdf = testing::ReadFileOrDie(dir + file);
    absl::StatusOr<PdfFacts> facts = ReadPdfFacts(pdf, pdf.size());
    if (IsUnparseable(file)) {
      EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument);
      continue;
    }
    ASSERT_TRUE(facts.ok()) << facts.status();
    const std::vector<SignatureDictionary> sigs = Ordered(*facts);
    const int visible_row = VisibleRow(file);
    EXPECT_EQ(sigs.size(), visible_row >= 0 ? 1 : file_rows.size())
        << "signature dictionaries PoDoFo sees vs manifest rows";
    for (const auto* row : file_rows) {
      const int index = std::stoi(manifest.Get(*row, "sig_index"));
      SCOPED_TRACE(index);
      if (visible_row >= 0 && index != visible_row) continue;
      const size_t position = visible_row >= 0 ? 0 : static_cast<size_t>(index);
      if (position >= sigs.size()) continue;
      const SignatureDictionary& dict = sigs[position];
      EXPECT_EQ(Kind(dict), manifest.Get(*row, "kind"));
      std::string expected = manifest.Get(*row, "later_changes");
      if (expected == "n/a") continue;
      if (const Exception* e = FindException(file, index)) {
        expected = e->later_changes;
      }
      std::string detail;
      const std::string actual = LaterChanges(pdf, dict, &detail);
      ++checked;
      if (actual != expected) ++disagreements;
      EXPECT_EQ(actual, expected) << detail;
    }
  }
  EXPECT_GT(checked, 50);
  EXPECT_EQ(disagreements, 0);
}

}  // namespace
}  // namespace docintake::signature
