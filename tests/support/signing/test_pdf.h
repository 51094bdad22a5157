// TestPdf: a tiny PDF writer for signature tests that knows its own objects.
// The constructor writes revision 1 (pages with text, optionally an AcroForm
// with text fields and empty signature fields); edits are staged and
// Commit() appends them as an incremental update (changed and new objects,
// a classic xref section with only those objects, a trailer with /Prev).
// Every revision ends with "%%EOF\n". Strings are ASCII. Not thread-safe.
//
// Object numbers of the first revision: 1 catalog, 2 page tree, 3 Helvetica;
// then per page its content stream and the page, then the AcroForm and the
// fields in the order given.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_TEST_PDF_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_TEST_PDF_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tests/support/signing/pdf_object.h"

namespace docintake::testing::signing {

struct TextFieldSpec {
  std::string name;
  std::string value;  // "" = empty field (no /V)
  int page = 0;
};

struct DocumentSpec {
  // One page per entry; '\n' separates lines.
  std::vector<std::string> page_texts = {
      "Antrag auf Akteneinsicht\n"
      "Bitte unterschreiben."};
  std::vector<TextFieldSpec> text_fields;
  // Names of empty, invisible signature fields on page 0.
  std::vector<std::string> signature_fields;
};

// The content of a /DSS dictionary; values are DER. Equal DER values share
// one stream object.
struct DssSpec {
  struct Vri {
    std::string key;  // upper-case hex SHA-1 of the signature's /Contents
    std::vector<std::string> certs, ocsps, crls;
  };
  std::vector<std::string> certs, ocsps, crls;
  std::vector<Vri> vri;
};

struct CommitOptions {
  // Write this /Prev instead of the previous xref offset (0: the trailer
  // that makes PoDoFo 0.9.8 drop older revisions).
  std::optional<size_t> prev_override;
};

class TestPdf {
 public:
  explicit TestPdf(const DocumentSpec& spec = DocumentSpec());
  TestPdf(const TestPdf&) = delete;
  TestPdf& operator=(const TestPdf&) = delete;

  const std::string& bytes() const { return bytes_; }
  int revision_count() const { return static_cast<int>(revision_ends_.size()); }
  // Offsets just after each revision's "%%EOF\n", in order.
  const std::vector<size_t>& revision_ends() const { return revision_ends_; }
  // The file as it was after revision `index` (0-based).
  std::string Revision(int index) const;
  // The objects written in revision `index` (sorted).
  const std::vector<int>& RevisionObjects(int index) const;

  // The current state of object `num` (staged edits included); null if
  // there is no such object.
  const PdfObject* Find(int num) const;
  // Stages object `num` (which must exist) for the next update and returns
  // it for editing.
  PdfObject& Edit(int num);
  // Stages a new object; returns its number.
  int Add(PdfObject object);
  bool HasStagedChanges() const { return !staged_.empty(); }
  // Appends the staged objects as an incremental update.
  // FAILED_PRECONDITION if nothing is staged.
  absl::Status Commit(const CommitOptions& options = CommitOptions());
  // File offset of "num 0 obj" as last written; 0 if never written.
  size_t ObjectOffset(int num) const;

  // Structure (staged edits included).
  int catalog() const { return 1; }
  int page_tree() const { return 2; }
  int font() const { return 3; }
  int page_count() const { return static_cast<int>(pages_.size()); }
  int page(int index) const { return pages_.at(static_cast<size_t>(index)); }
  // The content stream object of page `index`.
  int content(int index) const {
    return contents_.at(static_cast<size_t>(index));
  }
  int acroform() const { return acroform_; }  // 0 if none
  // The field named `name`; 0 if none.
  int field(absl::string_view name) const;

  // Common edits; they stage objects, call Commit() afterwards.
  // A /Text annotation (sticky note) on page `page_index`.
  absl::StatusOr<int> AddTextAnnotation(int page_index, absl::string_view text);
  // Sets /V of a text field and gives it a new appearance stream.
  absl::Status FillTextField(absl::string_view name, absl::string_view value);
  // A new last page with `text`; returns its object number.
  int AddPage(absl::string_view text);
  // Rewrites the content stream object of page `page_index` (same number).
  absl::Status ReplacePageContent(int page_index, absl::string_view text);
  // An empty invisible signature field on page `page_index` (creates the
  // AcroForm if needed); returns its object number.
  absl::StatusOr<int> AddSignatureField(absl::string_view name, int page_index);
  // Sets the catalog's /DSS to a new dictionary with exactly `spec`.
  int SetDss(const DssSpec& spec);

  // Raw byte surgery for anomaly tests. Overwrites in place (no length
  // change); INVALID_ARGUMENT if the range is outside the file.
  absl::Status OverwriteBytes(size_t offset, absl::string_view data);
  // Appends bytes that are not part of any revision.
  void AppendBytes(absl::string_view data) {
    bytes_.append(data.data(), data.size());
  }

 private:
  void WriteFirstRevision();
  int NewNumber() { return next_number_++; }
  std::string ContentStream(absl::string_view text) const;
  int EnsureAcroForm();
  int AddStreamObject(const std::string& data);

  std::string bytes_;
  std::map<int, PdfObject> objects_;  // as committed
  std::map<int, PdfObject> staged_;
  std::map<int, size_t> offsets_;
  std::vector<size_t> revision_ends_;
  std::vector<std::vector<int>> revision_objects_;
  size_t last_xref_ = 0;
  int next_number_ = 4;
  std::vector<int> pages_;
  std::vector<int> contents_;
  int acroform_ = 0;
  std::map<std::string, int, std::less<>> fields_;
  const DocumentSpec spec_;
};

}  // namespace docintake::testing::signing

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_TEST_PDF_H_
