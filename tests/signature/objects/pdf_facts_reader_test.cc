// ReadPdfFacts over hand-built documents (fields, certification, locks, DSS,
// orphans, prefixes) and over broken and hostile input, which must come back
// as a status — never crash or hang the caller.
#include "signature/objects/pdf_facts_reader.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "signature/objects/change_permissions.h"
#include "tests/signature/objects/test_documents.h"

namespace docintake::signature {
namespace {

using ::docintake::internal::FieldLock;
using ::docintake::internal::PdfFacts;
using testing::BaseOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TestPdfBuilder;

PdfFacts ReadOk(const std::string& pdf, uint64_t end) {
  absl::StatusOr<PdfFacts> facts = ReadPdfFacts(pdf, end);
  EXPECT_TRUE(facts.ok()) << facts.status();
  return facts.ok() ? *facts : PdfFacts();
}

PdfObjectsLimits ShortLimits() {
  PdfObjectsLimits limits;
  limits.deadline = absl::Seconds(10);
  limits.max_memory_bytes = uint64_t{512} << 20;
  return limits;
}

TEST(PdfFactsReaderTest, ReadsPagesSignatureFieldAndDictionary) {
  TestPdfBuilder pdf;
  const size_t end = testing::WriteBaseDocument(pdf, BaseOptions());
  const PdfFacts facts = ReadOk(pdf.bytes(), end);
  EXPECT_EQ(facts.page_count(), 1);
  EXPECT_EQ(facts.parsed_length(), end);
  ASSERT_EQ(facts.signature_fields_size(), 1);
  const auto& field = facts.signature_fields(0);
  EXPECT_EQ(field.name(), "Sig1");
  EXPECT_EQ(field.field_object(), testing::kSigField);
  EXPECT_EQ(field.value().object_number(), testing::kSigDict);
  EXPECT_EQ(field.value().type(), "Sig");
  EXPECT_EQ(field.value().sub_filter(), "ETSI.CAdES.detached");
  EXPECT_THAT(field.value().byte_range(), ElementsAre(0, 100, 300, 50));
  EXPECT_TRUE(field.value().byte_range_well_formed());
  EXPECT_FALSE(field.value().certification());
  EXPECT_FALSE(field.has_lock());
  EXPECT_EQ(facts.docmdp_object(), 0u);
  EXPECT_FALSE(facts.has_dss());
  EXPECT_EQ(facts.orphaned_signatures_size(), 0);
}

TEST(PdfFactsReaderTest, ReadsCertificationLevelAndFieldLock) {
  TestPdfBuilder pdf;
  BaseOptions options;
  options.docmdp_p = 1;
  options.lock = "<< /Type /SigFieldLock /Action /Include /Fields [(Name)] >>";
  const size_t end = testing::WriteBaseDocument(pdf, options);
  const PdfFacts facts = ReadOk(pdf.bytes(), end);
  EXPECT_EQ(facts.docmdp_object(), testing::kSigDict);
  ASSERT_EQ(facts.signature_fields_size(), 1);
  const auto& field = facts.signature_fields(0);
  EXPECT_TRUE(field.value().certification());
  ASSERT_EQ(field.value().references_size(), 1);
  EXPECT_EQ(field.value().references(0).transform_method(), "DocMDP");
  EXPECT_EQ(field.value().references(0).docmdp_p(), 1);
  ASSERT_TRUE(field.has_lock());
  EXPECT_EQ(field.lock().action(), FieldLock::INCLUDE);
  EXPECT_THAT(field.lock().fields(), ElementsAre("Name"));

  const ChangePermissions permissions =
      PermissionsForSignature(facts, testing::kSigDict);
  EXPECT_EQ(permissions.docmdp_p, 1);
  ASSERT_EQ(permissions.locks.size(), 1u);
  EXPECT_EQ(permissions.locks[0].action(), FieldLock::INCLUDE);
}

TEST(PdfFactsReaderTest, ReadsNestedFieldNamesAndFieldMdpReference) {
  TestPdfBuilder pdf;
  pdf.Set(1,
          "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>");
  pdf.Set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.Set(
      3,
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Annots [6 0 R] >>");
  pdf.Set(5, "<< /T (form) /FT /Sig /Kids [6 0 R] >>");
  pdf.Set(6,
          "<< /T (approval) /Parent 5 0 R /Type /Annot /Subtype /Widget "
          "/Rect [0 0 0 0] /P 3 0 R /V 7 0 R >>");
  pdf.Set(7,
          "<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 1 2] "
          "/Contents <00> /Reference [<< /TransformMethod /FieldMDP "
          "/TransformParams << /Action /Exclude /Fields [(a) (b.c)] >> >>] >>");
  const size_t end = pdf.EndRevision();
  const PdfFacts facts = ReadOk(pdf.bytes(), end);
  ASSERT_EQ(facts.signature_fields_size(), 1);
  const auto& field = facts.signature_fields(0);
  EXPECT_EQ(field.name(), "form.approval");
  EXPECT_THAT(field.value().byte_range(), ElementsAre(0, 1, 2));
  EXPECT_FALSE(field.value().byte_range_well_formed());
  ASSERT_EQ(field.value().references_size(), 1);
  EXPECT_EQ(field.value().references(0).transform_method(), "FieldMDP");
  EXPECT_EQ(field.value().references(0).field_lock().action(),
            FieldLock::EXCLUDE);
  EXPECT_THAT(field.value().references(0).field_lock().fields(),
              ElementsAre("a", "b.c"));
}

TEST(PdfFactsReaderTest, ReportsOrphanedSignatureDictionaries) {
  TestPdfBuilder pdf;
  testing::WriteBaseDocument(pdf, BaseOptions());
  pdf.Set(30,
          "<< /Type /DocTimeStamp /SubFilter /ETSI.RFC3161 "
          "/ByteRange [0 5 10 15] /Contents <00> >>");
  pdf.Set(31, "<< /ByteRange [0 7 9 11] /Contents <00> >>");
  const size_t end = pdf.EndRevision();
  const PdfFacts facts = ReadOk(pdf.bytes(), end);
  ASSERT_EQ(facts.orphaned_signatures_size(), 2);
  EXPECT_EQ(facts.orphaned_signatures(0).object_number(), 30u);
  EXPECT_EQ(facts.orphaned_signatures(0).type(), "DocTimeStamp");
  EXPECT_EQ(facts.orphaned_signatures(1).object_number(), 31u);
  EXPECT_THAT(facts.orphaned_signatures(1).byte_range(),
              ElementsAre(0, 7, 9, 11));
}

TEST(PdfFactsReaderTest, ReadsDecodedDssStreamsAndVri) {
  TestPdfBuilder pdf;
  BaseOptions options;
  options.catalog_extra = "/DSS 20 0 R";
  pdf.Set(20,
          "<< /Certs [21 0 R] /OCSPs [22 0 R] /VRI << /0A1B << /Cert [21 0 R] "
          "/OCSP [22 0 R] /TU (D:20231005120000Z) >> >> >>");
  // "cert-bytes" as ASCIIHex: decoding is PoDoFo's, the expectation ours.
  // (No ">" end marker: PoDoFo 0.9.8 decodes it as an extra nibble.)
  pdf.SetStream(21, "/Filter /ASCIIHexDecode", "636572742D6279746573");
  pdf.SetStream(22, "", "ocsp");
  const size_t end = testing::WriteBaseDocument(pdf, options);
  const PdfFacts facts = ReadOk(pdf.bytes(), end);
  ASSERT_TRUE(facts.has_dss());
  EXPECT_THAT(facts.dss().certs(), ElementsAre("cert-bytes"));
  EXPECT_THAT(facts.dss().ocsps(), ElementsAre("ocsp"));
  ASSERT_EQ(facts.dss().vri_size(), 1);
  EXPECT_EQ(facts.dss().vri(0).key(), "0A1B");
  EXPECT_THAT(facts.dss().vri(0).certs(), ElementsAre("cert-bytes"));
  EXPECT_EQ(facts.dss().vri(0).tu(), "D:20231005120000Z");
}

TEST(PdfFactsReaderTest, PrefixShowsOnlyTheSignedRevision) {
  TestPdfBuilder pdf;
  const size_t first = testing::WriteBaseDocument(pdf, BaseOptions());
  pdf.Set(testing::kAcroForm, "<< /Fields [6 0 R 7 0 R 22 0 R] >>");
  pdf.Set(22, "<< /FT /Sig /T (Sig2) /V 23 0 R >>");
  pdf.Set(23, testing::SignatureDictionary(""));
  pdf.Set(testing::kPages, "<< /Type /Pages /Kids [3 0 R 26 0 R] /Count 2 >>");
  pdf.Set(26, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>");
  const size_t second = pdf.EndRevision();
  const PdfFacts before = ReadOk(pdf.bytes(), first);
  const PdfFacts after = ReadOk(pdf.bytes(), second);
  EXPECT_EQ(before.signature_fields_size(), 1);
  EXPECT_EQ(before.page_count(), 1);
  EXPECT_EQ(after.signature_fields_size(), 2);
  EXPECT_EQ(after.page_count(), 2);
  EXPECT_EQ(after.incremental_updates(), 1);
}

// DOMAIN.md §3: PoDoFo reads only the last xref section behind /Prev 0, so
// the signature of the first revision disappears from what it sees.
TEST(PdfFactsReaderTest, PrevZeroHidesOlderRevisions) {
  TestPdfBuilder pdf;
  testing::WriteBaseDocument(pdf, BaseOptions());
  pdf.Set(testing::kTextField, testing::TextField("/V (Bob)"));
  const size_t end = pdf.EndRevisionWithPrev(0);
  absl::StatusOr<PdfFacts> facts = ReadPdfFacts(pdf.bytes(), end);
  if (facts.ok()) {
    EXPECT_EQ(facts->signature_fields_size(), 0);
  } else {
    EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument);
  }
}

TEST(PdfFactsReaderTest, PageTreeCycleBecomesAWarning) {
  TestPdfBuilder pdf;
  pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
  pdf.Set(2, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>");
  pdf.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>");
  const size_t end = pdf.EndRevision();
  const PdfFacts facts = ReadOk(pdf.bytes(), end);
  EXPECT_EQ(facts.page_count(), 1);
  EXPECT_THAT(facts.warnings(), ::testing::Contains(HasSubstr("twice")));
}

TEST(PdfFactsReaderTest, RejectsEmptyAndGarbageInput) {
  EXPECT_EQ(ReadPdfFacts("", 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::string garbage(4096, '\x7f');
  EXPECT_EQ(ReadPdfFacts(garbage, garbage.size()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PdfFactsReaderTest, RejectsTruncatedFile) {
  TestPdfBuilder pdf;
  const size_t end = testing::WriteBaseDocument(pdf, BaseOptions());
  const absl::StatusOr<PdfFacts> facts =
      ReadPdfFacts(pdf.bytes(), end / 2, ShortLimits());
  EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument)
      << facts.status();
}

// A trailer whose /Prev points at its own xref section.
TEST(PdfFactsReaderTest, XrefLoopEndsWithoutHanging) {
  TestPdfBuilder pdf;
  testing::WriteBaseDocument(pdf, BaseOptions());
  pdf.Set(testing::kTextField, testing::TextField("/V (Bob)"));
  const size_t end = pdf.EndRevision();
  std::string bytes = pdf.bytes();
  const size_t startxref = bytes.rfind("startxref\n") + 10;
  const std::string own =
      bytes.substr(startxref, bytes.find('\n', startxref) - startxref);
  const size_t prev = bytes.rfind("/Prev ");
  const size_t prev_end = bytes.find(' ', prev + 6);
  bytes.replace(prev + 6, prev_end - prev - 6, own);
  const absl::StatusOr<PdfFacts> facts =
      ReadPdfFacts(bytes, bytes.size(), ShortLimits());
  EXPECT_NE(end, 0u);
  if (!facts.ok()) {
    EXPECT_THAT(facts.status().code(),
                ::testing::AnyOf(absl::StatusCode::kInvalidArgument,
                                 absl::StatusCode::kResourceExhausted))
        << facts.status();
  }
}

TEST(PdfFactsReaderTest, DeepNestingIsContained) {
  TestPdfBuilder pdf;
  pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>");
  pdf.Set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>");
  pdf.Set(4, std::string(200000, '[') + std::string(200000, ']'));
  const size_t end = pdf.EndRevision();
  const absl::StatusOr<PdfFacts> facts =
      ReadPdfFacts(pdf.bytes(), end, ShortLimits());
  if (facts.ok()) {
    EXPECT_EQ(facts->page_count(), 1);
  } else {
    EXPECT_THAT(facts.status().code(),
                ::testing::AnyOf(absl::StatusCode::kInvalidArgument,
                                 absl::StatusCode::kResourceExhausted))
        << facts.status();
  }
}

}  // namespace
}  // namespace docintake::signature
