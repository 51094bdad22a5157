// ZUGFeRD / Factur-X PDFs of the corpus: the embedded invoice, the attachment
// names, the XMP claims and the embedded XML's BT-24 as verdicts.tsv states.
#include <string>

#include "gtest/gtest.h"
#include "intake/einvoice/detect.h"
#include "intake/einvoice/internal/pdf_parts.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/xml_document.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

TEST(CorpusPdfTest, EveryPdfRowAgreesWithVerdicts) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice/";
  const testing::Manifest m = testing::ReadManifest(dir + "verdicts.tsv");
  int checked = 0;
  for (const auto& row : m.rows) {
    if (m.Get(row, "syntax") != "pdf") continue;
    const std::string file = m.Get(row, "file");
    SCOPED_TRACE(file);
    absl::StatusOr<PdfInvoiceFacts> facts =
        ReadPdfInvoice(testing::ReadFileOrDie(dir + file));
    ASSERT_TRUE(facts.ok()) << facts.status();
    ASSERT_NE(facts->invoice(), nullptr);
    EXPECT_EQ(facts->invoice()->name, m.Get(row, "embedded_file"));
    EXPECT_EQ(facts->FileNames(), m.Get(row, "embedded_files_all"));
    EXPECT_EQ(facts->pdfa3_claimed ? "yes" : "no", m.Get(row, "pdfa3_claimed"));
    EXPECT_EQ(facts->xmp_pdfaid, m.Get(row, "xmp_pdfaid"));
    EXPECT_EQ(facts->fx_conformance_level,
              m.Get(row, "xmp_fx_conformance_level"));
    EXPECT_EQ(facts->fx_document_file_name,
              m.Get(row, "xmp_fx_document_file_name"));
    absl::StatusOr<XmlDocument> doc =
        XmlDocument::Parse(facts->invoice()->bytes);
    ASSERT_TRUE(doc.ok()) << doc.status();
    const Detection d = Detect(*doc);
    EXPECT_EQ(d.syntax, Syntax::kCii);
    EXPECT_EQ(d.profile, m.Get(row, "profile"));
    EXPECT_EQ(ScenarioName(d.scenario), m.Get(row, "scenario"));
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

TEST(PdfInvoiceTest, GarbageIsAnErrorNotACrash) {
  for (const char* bad : {"", "%PDF-1.7\n", "not a pdf at all",
                          "%PDF-1.4\n1 0 obj << /Type /Catalog /Names 1 0 R "
                          ">> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"}) {
    absl::StatusOr<PdfInvoiceFacts> facts = ReadPdfInvoice(bad);
    if (facts.ok()) {
      EXPECT_EQ(facts->invoice(), nullptr) << bad;
    } else {
      EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument)
          << facts.status();
    }
  }
}

TEST(PdfInvoiceTest, KnowsTheInvoiceAttachmentNames) {
  EXPECT_TRUE(IsInvoiceAttachmentName("factur-x.xml"));
  EXPECT_TRUE(IsInvoiceAttachmentName("zugferd-invoice.xml"));
  EXPECT_TRUE(IsInvoiceAttachmentName("ZUGFeRD-invoice.xml"));
  EXPECT_TRUE(IsInvoiceAttachmentName("xrechnung.xml"));
  EXPECT_FALSE(IsInvoiceAttachmentName("invoice.xml"));
  EXPECT_FALSE(IsInvoiceAttachmentName("Factur-X.xml"));
}

TEST(PdfPartsWireTest, RoundTripsAndRejectsTruncation) {
  internal::PdfParts parts;
  parts.xmp = "<x/>";
  PdfEmbeddedFile f;
  f.name = "factur-x.xml";
  f.af_relationship = "Alternative";
  f.in_af = true;
  f.bytes = std::string("a\0b", 3);
  parts.files.push_back(f);
  const std::string wire = internal::EncodePdfParts(parts);
  absl::StatusOr<internal::PdfParts> back = internal::DecodePdfParts(wire);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->files.size(), 1u);
  EXPECT_EQ(back->files[0].bytes, f.bytes);
  EXPECT_TRUE(back->files[0].in_af);
  EXPECT_FALSE(back->files[0].in_name_tree);
  EXPECT_EQ(back->files[0].af_relationship, "Alternative");
  for (size_t cut = 0; cut < wire.size(); ++cut) {
    EXPECT_FALSE(internal::DecodePdfParts(wire.substr(0, cut)).ok()) << cut;
  }
}

}  // namespace
}  // namespace docintake::einvoice
