#include "tests/support/signing/test_pdf.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace docintake::testing::signing {
namespace {

constexpr char kHeader[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
constexpr char kFileId[] = "<D0C1A7A4E0000000000000000000BEEF>";

std::string XrefEntry(size_t offset) {
  return absl::StrFormat("%010d 00000 n\r\n", offset);
}

}  // namespace

TestPdf::TestPdf(const DocumentSpec& spec) : spec_(spec) {
  WriteFirstRevision();
}

std::string TestPdf::Revision(int index) const {
  return bytes_.substr(0, revision_ends_.at(static_cast<size_t>(index)));
}

const std::vector<int>& TestPdf::RevisionObjects(int index) const {
  return revision_objects_.at(static_cast<size_t>(index));
}

const PdfObject* TestPdf::Find(int num) const {
  if (auto it = staged_.find(num); it != staged_.end()) return &it->second;
  if (auto it = objects_.find(num); it != objects_.end()) return &it->second;
  return nullptr;
}

PdfObject& TestPdf::Edit(int num) {
  if (auto it = staged_.find(num); it != staged_.end()) return it->second;
  PdfObject copy;
  if (auto it = objects_.find(num); it != objects_.end()) copy = it->second;
  return staged_[num] = std::move(copy);
}

int TestPdf::Add(PdfObject object) {
  const int num = NewNumber();
  staged_[num] = std::move(object);
  return num;
}

size_t TestPdf::ObjectOffset(int num) const {
  auto it = offsets_.find(num);
  return it == offsets_.end() ? 0 : it->second;
}

int TestPdf::field(absl::string_view name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? 0 : it->second;
}

absl::Status TestPdf::Commit(const CommitOptions& options) {
  if (staged_.empty()) {
    return absl::FailedPreconditionError("no staged objects to commit");
  }
  const bool first = bytes_.empty();
  if (first) bytes_ = kHeader;
  std::vector<int> written;
  for (auto& [num, object] : staged_) {
    offsets_[num] = bytes_.size();
    bytes_ += object.Serialize(num);
    objects_[num] = std::move(object);
    written.push_back(num);
  }
  staged_.clear();

  const size_t xref = bytes_.size();
  bytes_ += "xref\n";
  if (first) {
    // All numbers 1..next-1 exist in the first revision.
    absl::StrAppend(&bytes_, "0 ", next_number_, "\n0000000000 65535 f\r\n");
    for (int num : written) bytes_ += XrefEntry(offsets_[num]);
  } else {
    // One subsection per run of consecutive object numbers.
    for (size_t i = 0; i < written.size();) {
      size_t j = i + 1;
      while (j < written.size() && written[j] == written[j - 1] + 1) ++j;
      absl::StrAppend(&bytes_, written[i], " ", j - i, "\n");
      for (size_t k = i; k < j; ++k) bytes_ += XrefEntry(offsets_[written[k]]);
      i = j;
    }
  }
  absl::StrAppend(&bytes_, "trailer\n<<\n/Size ", next_number_, "\n/Root ",
                  Ref(catalog()), "\n/ID [", kFileId, " ", kFileId, "]\n");
  if (!first || options.prev_override.has_value()) {
    absl::StrAppend(&bytes_, "/Prev ",
                    options.prev_override.value_or(last_xref_), "\n");
  }
  absl::StrAppend(&bytes_, ">>\nstartxref\n", xref, "\n%%EOF\n");
  last_xref_ = xref;
  revision_ends_.push_back(bytes_.size());
  revision_objects_.push_back(std::move(written));
  return absl::OkStatus();
}

absl::Status TestPdf::OverwriteBytes(size_t offset, absl::string_view data) {
  if (offset > bytes_.size() || data.size() > bytes_.size() - offset) {
    return absl::InvalidArgumentError("overwrite outside the file");
  }
  bytes_.replace(offset, data.size(), data.data(), data.size());
  return absl::OkStatus();
}

std::string TestPdf::ContentStream(absl::string_view text) const {
  std::string out = "BT\n/F1 12 Tf\n14 TL\n72 770 Td\n";
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    absl::StrAppend(&out, PdfString(line), " Tj T*\n");
  }
  return out + "ET";
}

void TestPdf::WriteFirstRevision() {
  Edit(catalog()).Set("Type", "/Catalog").Set("Pages", Ref(page_tree()));
  Edit(font())
      .Set("Type", "/Font")
      .Set("Subtype", "/Type1")
      .Set("BaseFont", "/Helvetica")
      .Set("Encoding", "/WinAnsiEncoding");
  std::vector<std::string> texts = spec_.page_texts;
  if (texts.empty()) texts.emplace_back();
  for (const std::string& text : texts) AddPage(text);
  for (size_t i = 0; i < spec_.text_fields.size(); ++i) {
    const TextFieldSpec& f = spec_.text_fields[i];
    const int page_index = f.page >= 0 && f.page < page_count() ? f.page : 0;
    const int y = 680 - 30 * static_cast<int>(i);
    PdfObject widget;
    widget.Set("Type", "/Annot")
        .Set("Subtype", "/Widget")
        .Set("FT", "/Tx")
        .Set("T", PdfString(f.name))
        .Set("Rect", absl::StrCat("[72 ", y, " 272 ", y + 20, "]"))
        .Set("P", Ref(page(page_index)))
        .Set("F", "4")
        .Set("DA", "(/Helv 10 Tf 0 g)");
    const int num = Add(std::move(widget));
    Edit(EnsureAcroForm()).AppendToArray("Fields", Ref(num));
    Edit(page(page_index)).AppendToArray("Annots", Ref(num));
    fields_[f.name] = num;
    if (!f.value.empty()) FillTextField(f.name, f.value).IgnoreError();
  }
  for (const std::string& name : spec_.signature_fields) {
    AddSignatureField(name, 0).IgnoreError();
  }
  Commit().IgnoreError();  // cannot fail: objects are staged
}

int TestPdf::EnsureAcroForm() {
  if (acroform_ != 0) return acroform_;
  PdfObject form;
  form.Set("Fields", "[]")
      .Set("DA", "(/Helv 0 Tf 0 g)")
      .Set("DR", absl::StrCat("<< /Font << /Helv ", Ref(font()), " >> >>"));
  acroform_ = Add(std::move(form));
  Edit(catalog()).Set("AcroForm", Ref(acroform_));
  return acroform_;
}

int TestPdf::AddStreamObject(const std::string& data) {
  PdfObject object;
  object.stream = data;
  return Add(std::move(object));
}

}  // namespace docintake::testing::signing
