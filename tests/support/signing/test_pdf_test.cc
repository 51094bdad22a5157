// Self-test of TestPdf: qpdf accepts every revision, follows the /Prev
// chain, and poppler sees the pages and text of each revision.
#include "tests/support/signing/test_pdf.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/command.h"
#include "tests/support/signing/signing_test_checks.h"
#include "tests/support/temp_dir.h"

namespace docintake::testing::signing {
namespace {

using checks::Qpdf;
using checks::QpdfCheck;
using checks::WriteFile;

constexpr char kClean[] = "No syntax or stream encoding errors found";

class TestPdfTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_.Path(name);
    WriteFile(path, bytes);
    return path;
  }
  TempDir dir_;
};

TEST_F(TestPdfTest, BaseDocumentIsCleanForQpdfAndPoppler) {
  DocumentSpec spec;
  spec.page_texts = {"Erste Seite", "Zweite Seite"};
  spec.text_fields = {{"name", "Erika", 0}, {"city", "", 1}};
  spec.signature_fields = {"Signature1"};
  TestPdf pdf(spec);
  const std::string path = Write("base.pdf", pdf.bytes());
  const auto check = QpdfCheck(path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_TRUE(absl::StrContains(check.out, kClean)) << check.out;
  EXPECT_FALSE(absl::StrContains(check.out, "WARNING")) << check.out;
  EXPECT_EQ(PdfinfoPages(path), 2);
  EXPECT_EQ(Words(PdftotextPage(path, 2)),
            (std::vector<std::string>{"Zweite", "Seite"}));
  EXPECT_EQ(pdf.revision_count(), 1);
  // The filled field's value as qpdf reads it.
  const auto field =
      Qpdf(absl::StrCat("--show-object=", pdf.field("name"), " '", path, "'"));
  EXPECT_TRUE(absl::StrContains(field.out, "/V (Erika)")) << field.out;
  EXPECT_TRUE(absl::StrContains(field.out, "/FT /Tx")) << field.out;
}

TEST_F(TestPdfTest, IncrementalUpdatesAreCleanAndFollowedByQpdf) {
  DocumentSpec spec;
  spec.text_fields = {{"name", "", 0}};
  TestPdf pdf(spec);
  ASSERT_TRUE(pdf.AddTextAnnotation(0, "Notiz").ok());
  ASSERT_TRUE(pdf.Commit().ok());
  ASSERT_TRUE(pdf.FillTextField("name", "Max").ok());
  ASSERT_TRUE(pdf.Commit().ok());
  pdf.AddPage("Neue Seite");
  ASSERT_TRUE(pdf.Commit().ok());
  ASSERT_TRUE(pdf.ReplacePageContent(0, "Ersetzter Inhalt").ok());
  ASSERT_TRUE(pdf.Commit().ok());
  DssSpec dss;
  dss.certs = {"cert-der-1", "cert-der-2"};
  dss.ocsps = {"ocsp-der"};
  dss.vri = {{"ABCDEF", {"cert-der-1"}, {"ocsp-der"}, {}}};
  const int dss_num = pdf.SetDss(dss);
  ASSERT_TRUE(pdf.Commit().ok());
  ASSERT_EQ(pdf.revision_count(), 6);
  EXPECT_FALSE(pdf.Commit().ok());  // nothing staged

  const std::string path = Write("updated.pdf", pdf.bytes());
  const auto check = QpdfCheck(path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_TRUE(absl::StrContains(check.out, kClean)) << check.out;
  EXPECT_FALSE(absl::StrContains(check.out, "WARNING")) << check.out;
  EXPECT_EQ(PdfinfoPages(path), 2);
  // The new content and the filled field's appearance.
  EXPECT_EQ(Words(PdftotextPage(path, 1)),
            (std::vector<std::string>{"Ersetzter", "Inhalt", "Max"}));
  // qpdf's merged xref: the content object at its latest offset, the font
  // from revision 1 at its original offset.
  const auto xref = Qpdf("--show-xref '" + path + "'");
  EXPECT_TRUE(absl::StrContains(
      xref.out, absl::StrCat(pdf.content(0), "/0: uncompressed; offset = ",
                             pdf.ObjectOffset(pdf.content(0)))))
      << xref.out;
  EXPECT_GT(pdf.ObjectOffset(pdf.content(0)), pdf.revision_ends()[2]);
  EXPECT_TRUE(absl::StrContains(
      xref.out, absl::StrCat(pdf.font(), "/0: uncompressed; offset = ",
                             pdf.ObjectOffset(pdf.font()))));
  const auto dss_object =
      Qpdf(absl::StrCat("--show-object=", dss_num, " '", path, "'"));
  EXPECT_TRUE(absl::StrContains(dss_object.out, "/VRI << /ABCDEF <<"))
      << dss_object.out;
  EXPECT_EQ(pdf.RevisionObjects(5).size(), 5u);  // catalog, DSS, 3 streams

  // Every earlier revision is a complete PDF of its own.
  const std::string first = Write("rev1.pdf", pdf.Revision(0));
  EXPECT_EQ(QpdfCheck(first).exit_code, 0);
  EXPECT_EQ(Words(PdftotextPage(first, 1))[0], "Antrag");
  const std::string third = Write("rev3.pdf", pdf.Revision(2));
  EXPECT_EQ(PdfinfoPages(third), 1);
  const std::string fourth = Write("rev4.pdf", pdf.Revision(3));
  EXPECT_EQ(PdfinfoPages(fourth), 2);
}

TEST_F(TestPdfTest, PrevZeroTrailerBreaksTheXrefChain) {
  TestPdf pdf;
  ASSERT_TRUE(pdf.AddTextAnnotation(0, "Notiz").ok());
  CommitOptions options;
  options.prev_override = 0;
  ASSERT_TRUE(pdf.Commit(options).ok());
  EXPECT_TRUE(absl::StrContains(pdf.bytes().substr(pdf.revision_ends()[0]),
                                "/Prev 0\n"));
  // qpdf, like PoDoFo, takes /Prev 0 as the end of the chain: it sees only
  // the last xref section, which has no catalog.
  const auto check = QpdfCheck(Write("prev0.pdf", pdf.bytes()));
  EXPECT_NE(check.exit_code, 0) << check.out;
  EXPECT_TRUE(absl::StrContains(check.out, "/Root")) << check.out;
}

TEST_F(TestPdfTest, EditsRejectUnknownTargets) {
  TestPdf pdf;
  EXPECT_FALSE(pdf.AddTextAnnotation(3, "x").ok());
  EXPECT_EQ(pdf.FillTextField("nope", "x").code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(pdf.ReplacePageContent(-1, "x").ok());
  ASSERT_TRUE(pdf.AddSignatureField("Sig", 0).ok());
  EXPECT_EQ(pdf.AddSignatureField("Sig", 0).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_FALSE(pdf.OverwriteBytes(pdf.bytes().size() - 1, "xx").ok());
}

}  // namespace
}  // namespace docintake::testing::signing
