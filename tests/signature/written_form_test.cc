#include "signature/written_form.h"

#include "gtest/gtest.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;
using Signatures = google::protobuf::RepeatedPtrField<Validation>;

Validation Qes() {
  Validation s;
  s.set_kind(Validation::SIGNATURE);
  s.set_indication(v1::TOTAL_PASSED);
  s.set_level(Validation::B_LTA);
  s.set_coverage(Validation::ENTIRE_REVISION);
  s.set_integrity(Validation::INTACT);
  s.set_later_changes(Validation::ALLOWED);
  s.set_later_changes_validation_data_only(true);
  s.set_qualification(Validation::QESIG);
  s.set_trusted_list_anchored(true);
  return s;
}

Signatures Of(std::initializer_list<Validation> list) {
  Signatures out;
  for (const Validation& s : list) *out.Add() = s;
  return out;
}

v1::IntakeFacts Portal(v1::AssuranceLevel level) {
  v1::IntakeFacts facts;
  facts.set_channel(v1::PORTAL);
  facts.set_assurance_level(level);
  return facts;
}

TEST(WrittenFormTest, CleanQesSatisfies) {
  const v1::WrittenForm form = DecideWrittenForm(Of({Qes()}), {});
  EXPECT_EQ(form.decision(), v1::WrittenForm::SATISFIED);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::QES);
}

TEST(WrittenFormTest, QesWithPassedDocumentTimestampSatisfies) {
  Validation ts;
  ts.set_kind(Validation::DOCUMENT_TIMESTAMP);
  ts.set_indication(v1::TOTAL_PASSED);
  ts.set_level(Validation::NO_LEVEL);
  ts.set_coverage(Validation::ENTIRE_FILE);
  ts.set_later_changes(Validation::NONE);
  EXPECT_EQ(DecideWrittenForm(Of({Qes(), ts}), {}).decision(),
            v1::WrittenForm::SATISFIED);
}

TEST(WrittenFormTest, AdvancedSignatureWithoutQualifiedCertificateNeedsReview) {
  Validation s = Qes();
  s.set_qualification(Validation::ADESIG);
  const v1::WrittenForm form = DecideWrittenForm(Of({s}), {});
  EXPECT_EQ(form.decision(), v1::WrittenForm::NEEDS_REVIEW);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::NONE);
  ASSERT_EQ(form.reasons_size(), 1);
  EXPECT_NE(form.reasons(0).find("ADESIG"), std::string::npos);
}

TEST(WrittenFormTest, IndeterminateNeedsReview) {
  Validation s = Qes();
  s.set_indication(v1::INDETERMINATE);
  s.set_subindication(v1::NO_CERTIFICATE_CHAIN_FOUND);
  const v1::WrittenForm form = DecideWrittenForm(Of({s}), {});
  EXPECT_EQ(form.decision(), v1::WrittenForm::NEEDS_REVIEW);
  EXPECT_NE(form.reasons(0).find("NO_CERTIFICATE_CHAIN_FOUND"),
            std::string::npos);
}

TEST(WrittenFormTest, FormFillingAfterSigningNeedsReview) {
  Validation s = Qes();
  s.set_later_changes_validation_data_only(false);
  EXPECT_EQ(DecideWrittenForm(Of({s}), {}).decision(),
            v1::WrittenForm::NEEDS_REVIEW);
  s.set_later_changes(Validation::SUSPICIOUS);
  EXPECT_EQ(DecideWrittenForm(Of({s}), {}).decision(),
            v1::WrittenForm::NEEDS_REVIEW);
}

TEST(WrittenFormTest, QesUnderAConfiguredRootOnlyNeedsReview) {
  Validation s = Qes();
  s.set_trusted_list_anchored(false);
  const v1::WrittenForm form = DecideWrittenForm(Of({s}), {});
  EXPECT_EQ(form.decision(), v1::WrittenForm::NEEDS_REVIEW);
  EXPECT_NE(form.reasons(0).find("trusted lists"), std::string::npos);
}

TEST(WrittenFormTest, LegacyPkcs7NeedsReview) {
  Validation s = Qes();
  s.set_level(Validation::PKCS7_T);
  EXPECT_EQ(DecideWrittenForm(Of({s}), {}).decision(),
            v1::WrittenForm::NEEDS_REVIEW);
}

TEST(WrittenFormTest, BrokenSignaturesAreNotSatisfied) {
  Validation failed = Qes();
  failed.set_indication(v1::TOTAL_FAILED);
  failed.set_subindication(v1::HASH_FAILURE);
  Validation partial = Qes();
  partial.set_coverage(Validation::PARTIAL);
  Validation changed = Qes();
  changed.set_later_changes(Validation::DISALLOWED);
  for (const Validation& s : {failed, partial, changed}) {
    const v1::WrittenForm form = DecideWrittenForm(Of({Qes(), s}), {});
    EXPECT_EQ(form.decision(), v1::WrittenForm::NOT_SATISFIED)
        << s.DebugString();
    EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::NONE);
  }
}

TEST(WrittenFormTest, NoSignatureIsNotSatisfied) {
  const v1::WrittenForm form = DecideWrittenForm({}, {});
  EXPECT_EQ(form.decision(), v1::WrittenForm::NOT_SATISFIED);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::NONE);
  Validation ts;
  ts.set_kind(Validation::DOCUMENT_TIMESTAMP);
  ts.set_indication(v1::TOTAL_PASSED);
  EXPECT_EQ(DecideWrittenForm(Of({ts}), {}).decision(),
            v1::WrittenForm::NOT_SATISFIED);
}

TEST(WrittenFormTest, EidFormOnlyAtLevelHighThroughThePortal) {
  EXPECT_EQ(DecideWrittenForm({}, Portal(v1::HIGH)).satisfied_by(),
            v1::WrittenForm::EID_FORM);
  EXPECT_EQ(DecideWrittenForm({}, Portal(v1::SUBSTANTIAL)).decision(),
            v1::WrittenForm::NOT_SATISFIED);
  v1::IntakeFacts api = Portal(v1::HIGH);
  api.set_channel(v1::API);
  EXPECT_EQ(DecideWrittenForm({}, api).decision(),
            v1::WrittenForm::NOT_SATISFIED);
}

TEST(WrittenFormTest, ConfirmedDeMailSatisfies) {
  v1::IntakeFacts facts;
  facts.set_channel(v1::EMAIL);
  facts.set_de_mail_sender_confirmed(true);
  const v1::WrittenForm form = DecideWrittenForm({}, facts);
  EXPECT_EQ(form.decision(), v1::WrittenForm::SATISFIED);
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::DE_MAIL);
}

TEST(WrittenFormTest, ChannelSubstituteNamesABrokenSignature) {
  Validation failed = Qes();
  failed.set_indication(v1::TOTAL_FAILED);
  failed.set_subindication(v1::SIG_CRYPTO_FAILURE);
  const v1::WrittenForm form =
      DecideWrittenForm(Of({failed}), Portal(v1::HIGH));
  EXPECT_EQ(form.satisfied_by(), v1::WrittenForm::EID_FORM);
  ASSERT_EQ(form.reasons_size(), 2);
  EXPECT_NE(form.reasons(1).find("SIG_CRYPTO_FAILURE"), std::string::npos);
}

}  // namespace
}  // namespace docintake::signature
