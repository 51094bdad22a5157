// ClassifyChanges over hand-built documents: each change class, each DocMDP
// level, FieldMDP locks, shadow-attack patterns and broken inputs. Expected
// verdicts follow from the permission rules (DOMAIN.md §3), not from runs.
#include "signature/objects/change_classifier.h"

#include <string>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "signature/objects/pdf_facts_reader.h"
#include "tests/signature/objects/test_documents.h"

namespace docintake::signature {
namespace {

using ::docintake::internal::ChangeVerdict;
using testing::BaseOptions;
using ::testing::HasSubstr;
using testing::TestPdfBuilder;
using testing::WriteBaseDocument;

class ChangeClassifierTest : public ::testing::Test {
 protected:
  // Builds the base document; the test then appends updates to pdf_.
  void Base(const BaseOptions& options = BaseOptions()) {
    signed_end_ = WriteBaseDocument(pdf_, options);
  }
  ChangeVerdict Classify(int docmdp_p) {
    ChangePermissions permissions;
    permissions.docmdp_p = docmdp_p;
    return ClassifyWith(permissions);
  }
  ChangeVerdict ClassifyWith(const ChangePermissions& permissions) {
    absl::StatusOr<ChangeVerdict> verdict =
        ClassifyChanges(pdf_.bytes(), signed_end_, permissions);
    EXPECT_TRUE(verdict.ok()) << verdict.status();
    if (!verdict.ok()) return ChangeVerdict();
    return *verdict;
  }
  // Permissions as derived from the signed revision's own facts.
  ChangePermissions PermissionsFromFacts() {
    absl::StatusOr<::docintake::internal::PdfFacts> facts =
        ReadPdfFacts(pdf_.bytes(), signed_end_);
    EXPECT_TRUE(facts.ok()) << facts.status();
    if (!facts.ok()) return ChangePermissions();
    return PermissionsForSignature(*facts, testing::kSigDict);
  }
  static std::string Reasons(const ChangeVerdict& v) {
    return absl::StrJoin(v.reasons(), "\n");
  }
  void FillTextField() {
    pdf_.Set(testing::kTextField, testing::TextField("/V (Mallory)", 20));
    pdf_.SetStream(20, "/Type /XObject /Subtype /Form /BBox [0 0 140 20]",
                   "BT /F1 10 Tf 2 5 Td (Mallory) Tj ET");
    pdf_.EndRevision();
  }
  void AddTextAnnotation() {
    pdf_.Set(testing::kPage, testing::PageDict("6 0 R 7 0 R 21 0 R"));
    pdf_.Set(21,
             "<< /Type /Annot /Subtype /Text /Rect [150 150 170 170] "
             "/Contents (A note) /P 3 0 R >>");
    pdf_.EndRevision();
  }
  // A second signature field (Sig2, object 22) with dictionary 23.
  void AddSignature(const std::string& sig_dict) {
    pdf_.Set(testing::kAcroForm,
             "<< /Fields [6 0 R 7 0 R 22 0 R] /SigFlags 3 >>");
    pdf_.Set(testing::kPage, testing::PageDict("6 0 R 7 0 R 22 0 R"));
    pdf_.Set(22,
             "<< /FT /Sig /T (Sig2) /Type /Annot /Subtype /Widget "
             "/Rect [0 0 0 0] /F 132 /P 3 0 R /V 23 0 R >>");
    pdf_.Set(23, sig_dict);
    pdf_.EndRevision();
  }
  void AddDss() {
    pdf_.Set(testing::kCatalog,
             "<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R /DSS 24 0 R >>");
    pdf_.Set(24,
             "<< /Certs [25 0 R] /VRI << /ABCDEF << /Cert [25 0 R] >> >> >>");
    pdf_.SetStream(25, "", "certificate bytes");
    pdf_.EndRevision();
  }

  TestPdfBuilder pdf_;
  size_t signed_end_ = 0;
};

TEST_F(ChangeClassifierTest, NoLaterRevisionIsNone) {
  Base();
  EXPECT_EQ(Classify(0).verdict(), ChangeVerdict::NONE);
}

TEST_F(ChangeClassifierTest, IdenticalRewriteIsAllowed) {
  Base();
  pdf_.Set(testing::kFont,
           "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::ALLOWED) << Reasons(v);
  EXPECT_EQ(v.changed_objects(), 0u);
}

TEST_F(ChangeClassifierTest, FormFillingIsAllowedForApprovalSignature) {
  Base();
  FillTextField();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::ALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("field Name"));
}

TEST_F(ChangeClassifierTest, FormFillingFollowsDocMdpLevel) {
  for (const int p : {1, 2, 3}) {
    SCOPED_TRACE(p);
    pdf_ = TestPdfBuilder();
    BaseOptions options;
    options.docmdp_p = p;
    Base(options);
    FillTextField();
    const ChangeVerdict v = ClassifyWith(PermissionsFromFacts());
    EXPECT_EQ(v.verdict(),
              p == 1 ? ChangeVerdict::DISALLOWED : ChangeVerdict::ALLOWED)
        << Reasons(v);
  }
}

TEST_F(ChangeClassifierTest, DocMdpWithoutPMeansLevelTwo) {
  BaseOptions options;
  options.docmdp_p = -1;
  Base(options);
  EXPECT_EQ(PermissionsFromFacts().docmdp_p, 2);
  AddTextAnnotation();
  EXPECT_EQ(ClassifyWith(PermissionsFromFacts()).verdict(),
            ChangeVerdict::DISALLOWED);
}

TEST_F(ChangeClassifierTest, FilledFieldLockedByFieldMdpIsDisallowed) {
  BaseOptions options;
  options.lock = "<< /Type /SigFieldLock /Action /Include /Fields [(Name)] >>";
  Base(options);
  FillTextField();
  const ChangeVerdict v = ClassifyWith(PermissionsFromFacts());
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("locked"));
}

TEST_F(ChangeClassifierTest, FieldOutsideTheLockMayBeFilled) {
  BaseOptions options;
  options.lock = "<< /Type /SigFieldLock /Action /Exclude /Fields [(Name)] >>";
  Base(options);
  FillTextField();
  const ChangeVerdict v = ClassifyWith(PermissionsFromFacts());
  EXPECT_EQ(v.verdict(), ChangeVerdict::ALLOWED) << Reasons(v);
}

TEST_F(ChangeClassifierTest, AnnotationsFollowDocMdpLevel) {
  for (const int p : {0, 1, 2, 3}) {
    SCOPED_TRACE(p);
    pdf_ = TestPdfBuilder();
    Base();
    AddTextAnnotation();
    const ChangeVerdict v = Classify(p);
    EXPECT_EQ(v.verdict(), p == 0 || p == 3 ? ChangeVerdict::ALLOWED
                                            : ChangeVerdict::DISALLOWED)
        << Reasons(v);
    EXPECT_THAT(Reasons(v), HasSubstr("annotation 21"));
  }
}

TEST_F(ChangeClassifierTest, FurtherSignatureIsAllowedUnlessP1) {
  for (const int p : {0, 1, 2, 3}) {
    SCOPED_TRACE(p);
    pdf_ = TestPdfBuilder();
    Base();
    AddSignature(testing::SignatureDictionary(""));
    const ChangeVerdict v = Classify(p);
    EXPECT_EQ(v.verdict(),
              p == 1 ? ChangeVerdict::DISALLOWED : ChangeVerdict::ALLOWED)
        << Reasons(v);
  }
}

TEST_F(ChangeClassifierTest, DocumentTimestampIsAllowedEvenUnderP1) {
  Base();
  AddSignature(
      "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161"
      " /ByteRange [0 10 20 30] /Contents <00> >>");
  const ChangeVerdict v = Classify(1);
  EXPECT_EQ(v.verdict(), ChangeVerdict::ALLOWED) << Reasons(v);
}

TEST_F(ChangeClassifierTest, DssIsAllowedEvenUnderP1) {
  Base();
  AddDss();
  const ChangeVerdict v = Classify(1);
  EXPECT_EQ(v.verdict(), ChangeVerdict::ALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("DSS"));
}

TEST_F(ChangeClassifierTest, AddedPageIsDisallowed) {
  Base();
  pdf_.Set(testing::kPages, "<< /Type /Pages /Kids [3 0 R 26 0 R] /Count 2 >>");
  pdf_.Set(26,
           "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
           "/Contents 4 0 R >>");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("page count changed from 1 to 2"));
}

TEST_F(ChangeClassifierTest, ReplacedContentIsDisallowed) {
  Base();
  pdf_.SetStream(testing::kContent, "",
                 "BT /F1 12 Tf 10 10 Td (Pay 900 EUR) Tj ET");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("content stream 4"));
}

TEST_F(ChangeClassifierTest, ChangedPageResourceIsDisallowed) {
  Base();
  pdf_.Set(testing::kFont,
           "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("resource object 9"));
}

TEST_F(ChangeClassifierTest, RedefinedSignatureDictionaryIsDisallowed) {
  Base();
  pdf_.Set(testing::kSigDict, testing::SignatureDictionary("/Reason (EVIL)"));
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("signature dictionary object 8"));
}

TEST_F(ChangeClassifierTest, ReplacedAppearanceOfSignedFieldIsDisallowed) {
  Base();
  pdf_.SetStream(testing::kSigAppearance,
                 "/Type /XObject /Subtype /Form /BBox [0 0 140 40]",
                 "BT /F1 10 Tf 2 5 Td (Signed by Mallory) Tj ET");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("appearance stream 11"));
}

TEST_F(ChangeClassifierTest, UnhidingWidgetOfSignedFieldIsDisallowed) {
  Base();
  pdf_.Set(testing::kSigField,
           "<< /FT /Sig /T (Sig1) /Type /Annot /Subtype /Widget "
           "/Rect [10 100 150 140] /F 2 /P 3 0 R /AP << /N 11 0 R >> "
           "/V 8 0 R >>");
  pdf_.EndRevision();
  EXPECT_EQ(Classify(0).verdict(), ChangeVerdict::DISALLOWED);
}

TEST_F(ChangeClassifierTest, SharedAppearanceChangedByFormFillIsDisallowed) {
  BaseOptions options;
  options.shared_appearance = true;
  Base(options);
  pdf_.Set(testing::kTextField, testing::TextField("/V (Mallory)"));
  pdf_.SetStream(testing::kTextAppearance,
                 "/Type /XObject /Subtype /Form /BBox [0 0 140 20]",
                 "BT /F1 10 Tf 2 5 Td (Mallory) Tj ET");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("appearance stream 10"));
}

TEST_F(ChangeClassifierTest, RewrittenAppearanceOfFilledFieldIsAllowed) {
  Base();
  pdf_.Set(testing::kTextField, testing::TextField("/V (Mallory)"));
  pdf_.SetStream(testing::kTextAppearance,
                 "/Type /XObject /Subtype /Form /BBox [0 0 140 20]",
                 "BT /F1 10 Tf 2 5 Td (Mallory) Tj ET");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::ALLOWED) << Reasons(v);
}

TEST_F(ChangeClassifierTest, UnknownCatalogChangeIsSuspicious) {
  Base();
  pdf_.Set(testing::kCatalog,
           "<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R "
           "/OpenAction 27 0 R >>");
  pdf_.Set(27, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::SUSPICIOUS) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("/OpenAction"));
}

TEST_F(ChangeClassifierTest, RemovedFieldIsDisallowed) {
  Base();
  pdf_.Set(testing::kAcroForm, "<< /Fields [6 0 R] /SigFlags 3 >>");
  pdf_.EndRevision();
  const ChangeVerdict v = Classify(0);
  EXPECT_EQ(v.verdict(), ChangeVerdict::DISALLOWED) << Reasons(v);
  EXPECT_THAT(Reasons(v), HasSubstr("field Name (object 7) was removed"));
}

// PoDoFo drops the revisions before a /Prev 0 trailer: the objects of the
// signed revision then look removed, which must never pass as allowed.
TEST_F(ChangeClassifierTest, PrevZeroTrailerIsNotAllowed) {
  Base();
  pdf_.Set(testing::kTextField, testing::TextField("/V (Mallory)"));
  pdf_.EndRevisionWithPrev(0);
  absl::StatusOr<ChangeVerdict> v =
      ClassifyChanges(pdf_.bytes(), signed_end_, ChangePermissions());
  if (v.ok()) {
    EXPECT_NE(v->verdict(), ChangeVerdict::ALLOWED) << Reasons(*v);
    EXPECT_NE(v->verdict(), ChangeVerdict::NONE);
  }
}

TEST_F(ChangeClassifierTest, RejectsSignedEndOutsideTheFile) {
  Base();
  EXPECT_EQ(
      ClassifyChanges(pdf_.bytes(), 0, ChangePermissions()).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ClassifyChanges(pdf_.bytes(), pdf_.bytes().size() + 1,
                            ChangePermissions())
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ChangeClassifierTest, SignedEndInsideARevisionIsAnError) {
  Base();
  FillTextField();
  // Half of the signed revision: no trailer, PoDoFo cannot read it.
  const absl::StatusOr<ChangeVerdict> v =
      ClassifyChanges(pdf_.bytes(), signed_end_ / 2, ChangePermissions());
  EXPECT_FALSE(v.ok());
}

}  // namespace
}  // namespace docintake::signature
