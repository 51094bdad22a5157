// End-to-end validator tests, part 2: incremental updates after signing —
// what an approval signature permits (annotations, form filling, DSS,
// document timestamps) and what it does not (a new page, replaced page
// content), the DocMDP levels of certification signatures and FieldMDP
// locks. Every signature carries revocation data, so its indication is
// TOTAL_PASSED unless the update changes the page count: the policy
// (pdf_validator.h) reports changes in later_changes, not the indication.
#include <string>

#include "tests/signature/validator_test_fixture.h"

namespace docintake::signature::validator_testing {
namespace {

// The verdict of a signature with updates after it.
Verdict Updated(Validation::LaterChanges later_changes,
                Validation::Kind kind = Validation::SIGNATURE) {
  Verdict v = Passed(Validation::B_B);
  v.coverage = Validation::ENTIRE_REVISION;
  v.later_changes = later_changes;
  v.kind = kind;
  return v;
}

// A one-page form with two empty text fields.
DocumentSpec Form() {
  DocumentSpec spec;
  spec.text_fields = {{"Name", "", 0}, {"Ort", "", 0}};
  return spec;
}

class ValidatorChangesTest : public ValidatorTest {
 protected:
  // Signs `pdf` (an approval signature, or a certification with /P `p`).
  static void SignWithRevocation(TestPdf& pdf, int p = 0) {
    SignOptions options = OptionsWithRevocation(pki().qualified());
    options.docmdp_permissions = p;
    Sign(pdf, options);
  }
  // Signs with a signature timestamp and adds a DSS revision with an OCSP
  // response for the signer: B-LT, and B-LTA once a document timestamp
  // follows.
  static void SignTimestampedWithDss(TestPdf& pdf, int p = 0) {
    SignOptions options = Options(pki().qualified());
    options.docmdp_permissions = p;
    options.signature_timestamp = kNow - absl::Minutes(50);
    Sign(pdf, options);
    AddDss(pdf, pki().qualified(),
           Ocsp(pki().qualified(), kNow - absl::Minutes(30)));
  }
  static void Fill(TestPdf& pdf, const std::string& field,
                   const std::string& value) {
    ASSERT_TRUE(pdf.FillTextField(field, value).ok());
    ASSERT_TRUE(pdf.Commit().ok());
  }
  static void Annotate(TestPdf& pdf) {
    ASSERT_TRUE(pdf.AddTextAnnotation(0, "Eingang geprueft").ok());
    ASSERT_TRUE(pdf.Commit().ok());
  }
  // The only signature of `report` (or an empty one, failing the test).
  static Validation First(const v1::SignatureReport& report) {
    EXPECT_GE(report.signatures_size(), 1);
    return report.signatures_size() > 0 ? report.signatures(0) : Validation();
  }
};

TEST_F(ValidatorChangesTest, AnnotationAfterApprovalIsAllowed) {
  TestPdf pdf;
  SignWithRevocation(pdf);
  Annotate(pdf);
  const v1::SignatureReport report = Validate(pdf);
  EXPECT_EQ(report.signatures_size(), 1);
  const Validation s = First(report);
  ExpectVerdict(s, Updated(Validation::ALLOWED));
  EXPECT_FALSE(s.later_changes_validation_data_only());
  // Permitted, but the displayed document differs from the signed one.
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NEEDS_REVIEW);
}

TEST_F(ValidatorChangesTest, FormFillAfterApprovalIsAllowed) {
  TestPdf pdf(Form());
  SignWithRevocation(pdf);
  Fill(pdf, "Name", "Erika Mustermann");
  const Validation s = First(Validate(pdf));
  ExpectVerdict(s, Updated(Validation::ALLOWED));
  EXPECT_FALSE(s.later_changes_validation_data_only());
}

TEST_F(ValidatorChangesTest, DssAndDocumentTimestampAreValidationDataOnly) {
  TestPdf pdf;
  SignTimestampedWithDss(pdf);
  Stamp(pdf, kNow - absl::Minutes(10));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 2);
  Verdict v = Updated(Validation::ALLOWED);
  v.level = Validation::B_LTA;
  ExpectVerdict(report.signatures(0), v);
  EXPECT_TRUE(report.signatures(0).later_changes_validation_data_only());
  EXPECT_EQ(report.signatures(1).kind(), Validation::DOCUMENT_TIMESTAMP);
  EXPECT_EQ(report.signatures(1).later_changes(), Validation::NONE);
}

TEST_F(ValidatorChangesTest, DocumentTimestampAloneAfterApprovalIsAllowed) {
  TestPdf pdf;
  SignWithRevocation(pdf);
  Stamp(pdf, kNow - absl::Minutes(10));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 2);
  // Revocation data only in the CMS, covered by a document timestamp but
  // without a DSS: EN 319 142-1 and DSS differ on the level; not asserted.
  Verdict v = Updated(Validation::ALLOWED);
  v.check_level = false;
  ExpectVerdict(report.signatures(0), v);
  EXPECT_TRUE(report.signatures(0).later_changes_validation_data_only());
}

// A page added after signing changes the page count: FORMAT_FAILURE by
// policy, and the page tree change is not permitted.
TEST_F(ValidatorChangesTest, AddedPageIsFormatFailure) {
  TestPdf pdf;
  SignWithRevocation(pdf);
  pdf.AddPage("Nachtraeglich eingefuegte Seite");
  ASSERT_TRUE(pdf.Commit().ok());
  const v1::SignatureReport report = Validate(pdf);
  Verdict v = Updated(Validation::DISALLOWED);
  v.indication = v1::TOTAL_FAILED;
  v.subindication = v1::FORMAT_FAILURE;
  ExpectVerdict(First(report), v);
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NOT_SATISFIED);
}

// The signed page's content replaced: the signature itself still verifies
// over its revision, but the change is not permitted.
TEST_F(ValidatorChangesTest, ReplacedPageContentIsDisallowed) {
  TestPdf pdf;
  SignWithRevocation(pdf);
  ASSERT_TRUE(pdf.ReplacePageContent(0, "Ich verzichte auf alles").ok());
  ASSERT_TRUE(pdf.Commit().ok());
  const v1::SignatureReport report = Validate(pdf);
  ExpectVerdict(First(report), Updated(Validation::DISALLOWED));
  EXPECT_FALSE(First(report).change_details().empty());
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NOT_SATISFIED);
}

// DocMDP /P 1: no changes at all, except validation data and document
// timestamps (ISO 32000-2 12.8.2.2.2).
TEST_F(ValidatorChangesTest, CertifiedNoChangesRejectsFormFill) {
  TestPdf pdf(Form());
  SignWithRevocation(pdf, 1);
  Fill(pdf, "Name", "Erika Mustermann");
  const v1::SignatureReport report = Validate(pdf);
  const Validation s = First(report);
  ExpectVerdict(s, Updated(Validation::DISALLOWED, Validation::CERTIFICATION));
  EXPECT_EQ(s.docmdp_permissions(), 1u);
  EXPECT_EQ(WrittenForm(report).decision(), v1::WrittenForm::NOT_SATISFIED);
}

TEST_F(ValidatorChangesTest, CertifiedNoChangesAllowsDssAndTimestamp) {
  TestPdf pdf(Form());
  SignTimestampedWithDss(pdf, 1);
  Stamp(pdf, kNow - absl::Minutes(10));
  const v1::SignatureReport report = Validate(pdf);
  ASSERT_EQ(report.signatures_size(), 2);
  Verdict v = Updated(Validation::ALLOWED, Validation::CERTIFICATION);
  v.level = Validation::B_LTA;
  ExpectVerdict(report.signatures(0), v);
  EXPECT_EQ(report.signatures(0).docmdp_permissions(), 1u);
  EXPECT_TRUE(report.signatures(0).later_changes_validation_data_only());
}

// DocMDP /P 2: form filling (and signing) only.
TEST_F(ValidatorChangesTest, CertifiedFormFillingAllowsFormFill) {
  TestPdf pdf(Form());
  SignWithRevocation(pdf, 2);
  Fill(pdf, "Ort", "Berlin");
  const Validation s = First(Validate(pdf));
  ExpectVerdict(s, Updated(Validation::ALLOWED, Validation::CERTIFICATION));
  EXPECT_EQ(s.docmdp_permissions(), 2u);
}

TEST_F(ValidatorChangesTest, CertifiedFormFillingRejectsAnnotation) {
  TestPdf pdf(Form());
  SignWithRevocation(pdf, 2);
  Annotate(pdf);
  const Validation s = First(Validate(pdf));
  ExpectVerdict(s, Updated(Validation::DISALLOWED, Validation::CERTIFICATION));
  EXPECT_EQ(s.docmdp_permissions(), 2u);
}

// DocMDP /P 3: annotations too.
TEST_F(ValidatorChangesTest, CertifiedAnnotationsAllowsAnnotation) {
  TestPdf pdf(Form());
  SignWithRevocation(pdf, 3);
  Annotate(pdf);
  const Validation s = First(Validate(pdf));
  ExpectVerdict(s, Updated(Validation::ALLOWED, Validation::CERTIFICATION));
  EXPECT_EQ(s.docmdp_permissions(), 3u);
}

// A FieldMDP lock on "Name" (an approval signature with /Lock and a
// FieldMDP reference /Include [(Name)]): "Ort" stays fillable.
class ValidatorFieldLockTest : public ValidatorChangesTest {
 protected:
  static void SignLockingName(TestPdf& pdf) {
    SignOptions options = OptionsWithRevocation(pki().qualified());
    FieldLock lock;
    lock.action = FieldLock::Action::kInclude;
    lock.fields = {"Name"};
    options.lock = lock;
    Sign(pdf, options);
  }
};

TEST_F(ValidatorFieldLockTest, ChangingLockedFieldIsDisallowed) {
  TestPdf pdf(Form());
  SignLockingName(pdf);
  Fill(pdf, "Name", "Max Mustermann");
  const Validation s = First(Validate(pdf));
  ExpectVerdict(s, Updated(Validation::DISALLOWED));
  EXPECT_EQ(s.docmdp_permissions(), 0u);
}

TEST_F(ValidatorFieldLockTest, ChangingUnlockedFieldIsAllowed) {
  TestPdf pdf(Form());
  SignLockingName(pdf);
  Fill(pdf, "Ort", "Berlin");
  ExpectVerdict(First(Validate(pdf)), Updated(Validation::ALLOWED));
}

}  // namespace
}  // namespace docintake::signature::validator_testing
