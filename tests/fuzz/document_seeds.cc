// Seeds of the document-facing targets: PDFs (pdf_text), first bytes of
// every accepted and some refused formats (media_sniffer), settings and
// retention policies (server_config).
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "tests/fuzz/seed_generator.h"
#include "tests/support/page_images.h"

namespace docintake::fuzz {

namespace {

constexpr char kCatalog[] = "<< /Type /Catalog /Pages 2 0 R >>";
constexpr char kFont[] =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

std::string Stream(absl::string_view dict_extra, absl::string_view data) {
  return absl::StrCat("<< /Length ", data.size(), dict_extra, " >>\nstream\n",
                      data, "\nendstream");
}

std::string TextOperators(absl::string_view text) {
  return absl::StrCat("BT /F1 12 Tf 20 60 Td (", text, ") Tj ET");
}

std::string Page(int contents) {
  return absl::StrCat(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] "
      "/Resources << /Font << /F1 3 0 R >> >> /Contents ",
      contents, " 0 R >>");
}

// Catalog, page tree, font, one content stream, then `pages` pages that all
// show it.
std::vector<std::string> PdfObjects(int pages, absl::string_view content) {
  std::vector<std::string> kids;
  for (int i = 0; i < pages; ++i) kids.push_back(absl::StrCat(i + 5, " 0 R"));
  std::vector<std::string> objects = {
      kCatalog,
      absl::StrCat("<< /Type /Pages /Kids [", absl::StrJoin(kids, " "),
                   "] /Count ", pages, " >>"),
      kFont, std::string(content)};
  for (int i = 0; i < pages; ++i) objects.push_back(Page(4));
  return objects;
}

std::string Hex(absl::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    char two[3];
    std::snprintf(two, sizeof(two), "%02X", static_cast<unsigned char>(c));
    out += two;
  }
  return out + ">";
}

absl::Status WritePdfSeeds(const SeedWriter& out) {
  const std::string minimal = MinimalPdf("Rechnung 2024-001 an Muster GmbH");
  RETURN_IF_ERROR(out.Write("pdf_text", "minimal.pdf", minimal));
  RETURN_IF_ERROR(
      out.Write("pdf_text", "two-pages.pdf",
                testing::PdfFromObjects(PdfObjects(
                    2, Stream("", TextOperators("Seite (1) von 2"))))));
  // One page over the target's limit of 50.
  RETURN_IF_ERROR(
      out.Write("pdf_text", "51-pages.pdf",
                testing::PdfFromObjects(PdfObjects(
                    51, Stream("", TextOperators("viele Seiten"))))));
  RETURN_IF_ERROR(out.Write("pdf_text", "no-pages.pdf",
                            testing::PdfFromObjects(PdfObjects(0, "null"))));
  RETURN_IF_ERROR(out.Write("pdf_text", "ascii-hex-content.pdf",
                            testing::PdfFromObjects(PdfObjects(
                                1, Stream(" /Filter /ASCIIHexDecode",
                                          Hex(TextOperators("Gutschrift")))))));
  // Offsets off by 7: Poppler has to reconstruct the table.
  RETURN_IF_ERROR(out.Write(
      "pdf_text", "broken-xref.pdf",
      testing::PdfFromObjects(
          PdfObjects(1, Stream("", TextOperators("xref kaputt"))), 7)));
  RETURN_IF_ERROR(out.Write("pdf_text", "truncated.pdf",
                            minimal.substr(0, minimal.size() * 3 / 5)));
  // A page tree whose kid is the tree itself.
  RETURN_IF_ERROR(
      out.Write("pdf_text", "page-tree-cycle.pdf",
                testing::PdfFromObjects(
                    {kCatalog, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"})));
  // An /Encrypt dictionary whose strings are not a real key.
  RETURN_IF_ERROR(
      out.Write("pdf_text", "bogus-encryption.pdf",
                testing::PdfFromObjects(
                    PdfObjects(1, Stream("", TextOperators("geheim"))), 0,
                    " /Encrypt << /Filter /Standard /V 1 /R 2 /P -4 "
                    "/O (0123456789abcdef0123456789abcdef) "
                    "/U (fedcba9876543210fedcba9876543210) >> "
                    "/ID [<00112233445566778899aabbccddeeff> "
                    "<00112233445566778899aabbccddeeff>]")));
  // A stream whose /Length is wrong.
  RETURN_IF_ERROR(out.Write(
      "pdf_text", "wrong-stream-length.pdf",
      testing::PdfFromObjects(PdfObjects(1, "<< /Length 999 >>\nstream\n" +
                                                TextOperators("Laenge falsch") +
                                                "\nendstream"))));
  return absl::OkStatus();
}

constexpr char kUblInvoiceHead[] =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- XRechnung 3.0 -->\n"
    "<ubl:Invoice "
    "xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"\n"
    "    xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:"
    "CommonBasicComponents-2\">\n"
    "  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#"
    "urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>\n"
    "  <cbc:ID>RE-2024-001</cbc:ID>\n";

constexpr char kUblCreditNoteHead[] =
    "<?xml version='1.0'?>\n"
    "<CreditNote "
    "xmlns='urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2'>\n"
    "  <ID>GS-7</ID>\n";

constexpr char kCiiHead[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE rsm:CrossIndustryInvoice>\n"
    "<?xml-stylesheet href=\"x.xsl\"?>\n"
    "<rsm:CrossIndustryInvoice\n"
    "  xmlns:rsm=\"urn:un:unece:uncefact:data:standard:"
    "CrossIndustryInvoice:100\"\n"
    "  xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100\">\n"
    "  <rsm:ExchangedDocument><ram:ID>471102</ram:ID>\n";

absl::Status WriteMediaSeeds(const SeedWriter& out) {
  const std::string pdf = MinimalPdf("Hallo");
  struct Seed {
    const char* name;
    std::string bytes;
  };
  const std::vector<Seed> seeds = {
      {"minimal.pdf", pdf},
      {"pdf-after-junk.bin", std::string(700, '\x01') + pdf},
      {"pdf-too-late.bin", std::string(1100, ' ') + pdf},
      {"tiff-le.bin", std::string("II*\0\x08\0\0\0\0\0", 10)},
      {"tiff-be.bin", std::string("MM\0*\0\0\0\x08", 8)},
      {"png.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
      {"jpeg.bin", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11)},
      {"ubl-invoice.xml", kUblInvoiceHead},
      {"ubl-credit-note.xml", kUblCreditNoteHead},
      {"cii-invoice.xml", kCiiHead},
      {"wrong-namespace.xml",
       "<Invoice xmlns=\"urn:example:not-ubl\"><ID>1</ID></Invoice>\n"},
      {"unterminated-comment.xml", "<?xml version=\"1.0\"?>\n<!-- never"},
      {"zip.bin", std::string("PK\x03\x04\x14\0\0\0\x08\0", 10)},
      {"gzip.bin", std::string("\x1f\x8b\x08\0\0\0\0\0", 8)},
      {"elf.bin", std::string("\x7f"
                              "ELF\x02\x01\x01\0",
                              8)},
      {"ole2.bin", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)},
      {"rtf.txt", "{\\rtf1\\ansi Rechnung}"},
      {"plain.txt", "application/pdf\nRechnung Nr. 1\n"},
      {"empty.bin", ""},
  };
  for (const Seed& seed : seeds) {
    RETURN_IF_ERROR(out.Write("media_sniffer", seed.name, seed.bytes));
  }
  return absl::OkStatus();
}

absl::Status WriteConfigSeeds(const SeedWriter& out) {
  struct Seed {
    const char* name;
    const char* text;
  };
  // Arguments one per line, a blank line, then the file text.
  const Seed seeds[] = {
      {"flags.txt",
       "--listen=127.0.0.1:0\n--data-dir\n/var/lib/docintake\n--workers=4\n"
       "--lease=90s\n--max-document-size=10 MiB\n--log-level=debug\n"},
      {"bad-values.txt",
       "--max-document-size=99999999999999999999G\n--workers=-1\n"
       "--lease=0s\n"},
      {"unknown-flag.txt", "--frobnicate=1\nstray\n"},
      {"missing-value.txt", "--listen\n"},
      {"config-file.txt",
       "--port-file=/tmp/port\n\n"
       "# docintaked.conf\n"
       "listen = 0.0.0.0:50051\n"
       "data-dir = /srv/docintake   # comment\n"
       "max-document-size = 256MiB\n"
       "max-concurrent-uploads = 8\n"
       "shutdown-grace = 1m30s\n"
       "archive-origin = example.org/archive\n"
       "archive-key-algorithm = ecdsa-p256\n"
       "checkpoint-interval = 10s\n"
       "tsa-url = http://127.0.0.1:3180/tsa\n"},
      {"config-file-error.txt", "--config=elsewhere\n\nlisten\n"},
      {"retention-policy.txt",
       "\n\n# Aufbewahrung\n"
       "book = 10y from=end-of-year\n"
       "invoice = 8y\n"
       "invoice channel=portal = 10y from=receipt\n"
       "* channel=EMAIL = 6y\n"
       "* = 10y from=end-of-year\n"},
      {"retention-no-fallback.txt", "\n\ninvoice = 8y\n"},
      {"retention-too-long.txt", "\n\n* = 201y\n"},
      {"retention-zero.txt", "\n\n* = 0y from=receipt\n"},
  };
  for (const Seed& seed : seeds) {
    RETURN_IF_ERROR(out.Write("server_config", seed.name, seed.text));
  }
  return absl::OkStatus();
}

}  // namespace

std::string MinimalPdf(absl::string_view text) {
  return testing::PdfFromObjects(
      PdfObjects(1, Stream("", TextOperators(text))));
}

absl::Status WriteDocumentSeeds(const SeedWriter& out) {
  RETURN_IF_ERROR(WritePdfSeeds(out));
  RETURN_IF_ERROR(WriteMediaSeeds(out));
  return WriteConfigSeeds(out);
}

}  // namespace docintake::fuzz
