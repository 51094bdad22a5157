// Hand-built signed documents for the adapter tests: one page with a content
// stream and a font, an AcroForm with a signed signature field (Sig1, its
// /V is object 8) and a text field (Name), optionally certified or locked.
// Test-only.
#ifndef DOCINTAKE_TESTS_SIGNATURE_OBJECTS_TEST_DOCUMENTS_H_
#define DOCINTAKE_TESTS_SIGNATURE_OBJECTS_TEST_DOCUMENTS_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "tests/signature/objects/test_pdf_builder.h"

namespace docintake::signature::testing {

// Object numbers of the base document.
inline constexpr uint32_t kCatalog = 1, kPages = 2, kPage = 3, kContent = 4,
                          kAcroForm = 5, kSigField = 6, kTextField = 7,
                          kSigDict = 8, kFont = 9, kTextAppearance = 10,
                          kSigAppearance = 11;

struct BaseOptions {
  int docmdp_p = 0;  // 0: approval signature; -1: DocMDP without /P
  std::string lock;  // a /Lock dictionary for Sig1, "" for none
  // Also refer to the text field's appearance from the catalog (/FooBar).
  bool shared_appearance = false;
  std::string catalog_extra;
};

inline std::string SignatureDictionary(const std::string& extra) {
  return absl::StrCat(
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
      "/ByteRange [0 100 300 50] /Contents <",
      std::string(64, '0'), "> ", extra, " >>");
}

inline std::string PageDict(const std::string& annots) {
  return absl::StrCat(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
      "/Resources << /Font << /F1 9 0 R >> >> /Annots [",
      annots, "] >>");
}

inline std::string TextField(const std::string& extra, int appearance = 10) {
  return absl::StrCat(
      "<< /FT /Tx /T (Name) /Type /Annot /Subtype /Widget /Rect [10 50 150 70]"
      " /P 3 0 R /AP << /N ",
      appearance, " 0 R >> ", extra, " >>");
}

// Writes the base document as the first revision of `pdf`; returns its end.
inline size_t WriteBaseDocument(TestPdfBuilder& pdf, const BaseOptions& o) {
  std::string reference;
  std::string perms;
  if (o.docmdp_p != 0) {
    const std::string p =
        o.docmdp_p > 0 ? absl::StrCat("/P ", o.docmdp_p) : std::string();
    reference = absl::StrCat(
        "/Reference [<< /Type /SigRef /TransformMethod /DocMDP "
        "/TransformParams << /Type /TransformParams ",
        p, " /V /1.2 >> >>]");
    perms = "/Perms << /DocMDP 8 0 R >>";
  }
  pdf.Set(kCatalog,
          absl::StrCat("<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R ", perms,
                       o.shared_appearance ? " /FooBar 10 0 R " : "",
                       o.catalog_extra, " >>"));
  pdf.Set(kPages, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.Set(kPage, PageDict("6 0 R 7 0 R"));
  pdf.SetStream(kContent, "", "BT /F1 12 Tf 10 10 Td (Pay 100 EUR) Tj ET");
  pdf.Set(kAcroForm, "<< /Fields [6 0 R 7 0 R] /SigFlags 3 >>");
  pdf.Set(kSigField,
          absl::StrCat("<< /FT /Sig /T (Sig1) /Type /Annot /Subtype /Widget "
                       "/Rect [10 100 150 140] /F 4 /P 3 0 R "
                       "/AP << /N 11 0 R >> /V 8 0 R ",
                       o.lock.empty() ? "" : "/Lock " + o.lock, " >>"));
  pdf.Set(kTextField, TextField("/V (Alice)"));
  pdf.Set(kSigDict, SignatureDictionary(reference));
  pdf.Set(kFont, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  pdf.SetStream(kTextAppearance,
                "/Type /XObject /Subtype /Form /BBox [0 0 140 20]",
                "BT /F1 10 Tf 2 5 Td (Alice) Tj ET");
  pdf.SetStream(kSigAppearance,
                "/Type /XObject /Subtype /Form /BBox [0 0 140 40]",
                "BT /F1 10 Tf 2 5 Td (Signed by Alice) Tj ET");
  return pdf.EndRevision();
}

}  // namespace docintake::signature::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_OBJECTS_TEST_DOCUMENTS_H_
