// TestPdf's common edits: annotations, form filling, pages, content
// replacement, signature fields and the DSS dictionary.
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "tests/support/signing/test_pdf.h"

namespace docintake::testing::signing {

absl::StatusOr<int> TestPdf::AddTextAnnotation(int page_index,
                                               absl::string_view text) {
  if (page_index < 0 || page_index >= page_count()) {
    return absl::InvalidArgumentError("no such page");
  }
  PdfObject note;
  note.Set("Type", "/Annot")
      .Set("Subtype", "/Text")
      .Set("Rect", "[500 780 520 800]")
      .Set("Contents", PdfString(text))
      .Set("P", Ref(page(page_index)))
      .Set("F", "4");
  const int num = Add(std::move(note));
  Edit(page(page_index)).AppendToArray("Annots", Ref(num));
  return num;
}

absl::Status TestPdf::FillTextField(absl::string_view name,
                                    absl::string_view value) {
  const int num = field(name);
  if (num == 0 || Find(num)->Get("FT") != "/Tx") {
    return absl::NotFoundError(absl::StrCat("no text field ", name));
  }
  PdfObject appearance;
  appearance.Set("Type", "/XObject")
      .Set("Subtype", "/Form")
      .Set("BBox", "[0 0 200 20]")
      .Set("Resources",
           absl::StrCat("<< /Font << /Helv ", Ref(font()), " >> >>"));
  appearance.stream = absl::StrCat("/Tx BMC\nBT\n/Helv 10 Tf\n2 6 Td\n",
                                   PdfString(value), " Tj\nET\nEMC");
  const int ap = Add(std::move(appearance));
  Edit(num)
      .Set("V", PdfString(value))
      .Set("AP", absl::StrCat("<< /N ", Ref(ap), " >>"));
  return absl::OkStatus();
}

int TestPdf::AddPage(absl::string_view text) {
  PdfObject content;
  content.stream = ContentStream(text);
  const int content_num = Add(std::move(content));
  PdfObject page_object;
  page_object.Set("Type", "/Page")
      .Set("Parent", Ref(page_tree()))
      .Set("MediaBox", "[0 0 595 842]")
      .Set("Resources", absl::StrCat("<< /Font << /F1 ", Ref(font()), " >> >>"))
      .Set("Contents", Ref(content_num));
  const int num = Add(std::move(page_object));
  pages_.push_back(num);
  contents_.push_back(content_num);
  std::string kids = "[";
  for (size_t i = 0; i < pages_.size(); ++i) {
    absl::StrAppend(&kids, i > 0 ? " " : "", Ref(pages_[i]));
  }
  Edit(page_tree())
      .Set("Type", "/Pages")
      .Set("Kids", kids + "]")
      .Set("Count", absl::StrCat(pages_.size()));
  return num;
}

absl::Status TestPdf::ReplacePageContent(int page_index,
                                         absl::string_view text) {
  if (page_index < 0 || page_index >= page_count()) {
    return absl::InvalidArgumentError("no such page");
  }
  Edit(contents_[static_cast<size_t>(page_index)]).stream = ContentStream(text);
  return absl::OkStatus();
}

absl::StatusOr<int> TestPdf::AddSignatureField(absl::string_view name,
                                               int page_index) {
  if (page_index < 0 || page_index >= page_count()) {
    return absl::InvalidArgumentError("no such page");
  }
  if (field(name) != 0) {
    return absl::AlreadyExistsError(absl::StrCat("field ", name));
  }
  const int form = EnsureAcroForm();
  PdfObject widget;
  widget.Set("Type", "/Annot")
      .Set("Subtype", "/Widget")
      .Set("FT", "/Sig")
      .Set("T", PdfString(name))
      .Set("Rect", "[0 0 0 0]")
      .Set("F", "132")
      .Set("P", Ref(page(page_index)));
  const int num = Add(std::move(widget));
  Edit(form).AppendToArray("Fields", Ref(num));
  Edit(page(page_index)).AppendToArray("Annots", Ref(num));
  fields_[std::string(name)] = num;
  return num;
}

int TestPdf::SetDss(const DssSpec& spec) {
  std::map<std::string, int> streams;  // DER -> object number
  auto refs = [&](const std::vector<std::string>& ders) {
    std::string out = "[";
    for (const std::string& der : ders) {
      int& num = streams[der];
      if (num == 0) num = AddStreamObject(der);
      absl::StrAppend(&out, out.size() > 1 ? " " : "", Ref(num));
    }
    return out + "]";
  };
  PdfObject dss;
  dss.Set("Type", "/DSS");
  if (!spec.certs.empty()) dss.Set("Certs", refs(spec.certs));
  if (!spec.ocsps.empty()) dss.Set("OCSPs", refs(spec.ocsps));
  if (!spec.crls.empty()) dss.Set("CRLs", refs(spec.crls));
  if (!spec.vri.empty()) {
    std::string vri = "<<";
    for (const DssSpec::Vri& entry : spec.vri) {
      absl::StrAppend(&vri, "\n/", entry.key, " <<");
      if (!entry.certs.empty())
        absl::StrAppend(&vri, " /Cert ", refs(entry.certs));
      if (!entry.ocsps.empty())
        absl::StrAppend(&vri, " /OCSP ", refs(entry.ocsps));
      if (!entry.crls.empty())
        absl::StrAppend(&vri, " /CRL ", refs(entry.crls));
      absl::StrAppend(&vri, " >>");
    }
    dss.Set("VRI", vri + "\n>>");
  }
  const int num = Add(std::move(dss));
  Edit(catalog()).Set("DSS", Ref(num));
  return num;
}

}  // namespace docintake::testing::signing
