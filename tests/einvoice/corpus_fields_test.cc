// The model against fields.tsv: for every valid corpus instance the parsed
// business terms, normalised as the corpus README describes, equal the
// manifest values (for PDFs: of the embedded invoice). Deliberate exceptions
// are in kFieldExceptions below.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "intake/einvoice/invoice_parser.h"
#include "intake/einvoice/pdf_invoice.h"
#include "intake/einvoice/xml_document.h"
#include "tests/support/corpus.h"

namespace docintake::einvoice {
namespace {

// Manifest values that are known to be wrong: (file, column, correct value,
// reason). The test asserts the correct value instead of the manifest's.
struct FieldException {
  const char* file;
  const char* column;
  const char* value;
  const char* reason;
};
constexpr FieldException kFieldExceptions[] = {
    {"", "", "", ""},  // sentinel: no exception is needed so far
};

std::string Text(const Value& v) { return v.present ? v.Collapsed() : ""; }

std::string Date(const DateValue& v) {
  if (!v.present) return "";
  if (v.date && v.format() != nullptr) {  // CII format 102
    return absl::StrFormat("%04d-%02d-%02d", v.date->year(), v.date->month(),
                           v.date->day());
  }
  return v.Collapsed();
}

std::string Amount(const DecimalValue& v) {
  if (!v.present) return "";
  return v.number ? v.number->ToCanonicalString() : v.Collapsed();
}

std::string Account(const Value& v) {
  std::string out;
  for (char c : v.text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return absl::AsciiStrToUpper(out);
}

std::string Field(const Invoice& inv, const std::string& column) {
  if (column == "BT-1") return Text(inv.number);
  if (column == "BT-2") return Date(inv.issue_date);
  if (column == "BT-3") return Text(inv.type_code);
  if (column == "BT-5") return Text(inv.currency);
  if (column == "BT-9") {
    std::vector<std::string> all;
    for (const DateValue& d : inv.all_due_dates) all.push_back(Date(d));
    return absl::StrJoin(all, "|");
  }
  if (column == "BT-10") return Text(inv.buyer_reference);
  if (column == "BT-13") return Text(inv.order_reference);
  if (column == "BT-24") return Text(inv.specification_identifier);
  if (column == "BT-27") return Text(inv.seller.name);
  if (column == "BT-31") return Text(inv.seller.vat_identifier);
  if (column == "BT-44") return Text(inv.buyer.name);
  if (column == "BT-48") return Text(inv.buyer.vat_identifier);
  if (column == "BT-84") {
    std::vector<std::string> all;
    for (const PaymentMeans& m : inv.payment_means) {
      for (const CreditTransfer& t : m.credit_transfers) {
        // The manifest takes CII's "ram:IBANID | ram:ProprietaryID": both
        // when both are written.
        if (inv.syntax == Syntax::kCii) {
          if (t.iban_id.present) all.push_back(Account(t.iban_id));
          if (t.proprietary_id.present)
            all.push_back(Account(t.proprietary_id));
        } else if (t.account_id.present) {
          all.push_back(Account(t.account_id));
        }
      }
    }
    return absl::StrJoin(all, "|");
  }
  if (column == "BT-106") return Amount(inv.totals.line_net_total);
  if (column == "BT-109") return Amount(inv.totals.total_without_vat);
  if (column == "BT-110") return Amount(inv.totals.vat_total);
  if (column == "BT-112") return Amount(inv.totals.total_with_vat);
  if (column == "BT-115") return Amount(inv.totals.amount_due);
  if (column == "lines") return std::to_string(inv.lines.size());
  return "<unknown column " + column + ">";
}

std::string Expected(const std::string& file, const std::string& column,
                     const std::string& manifest) {
  for (const FieldException& e : kFieldExceptions) {
    if (file == e.file && column == e.column) return e.value;
  }
  return manifest;
}

TEST(CorpusFieldsTest, ParsedTermsEqualTheManifest) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string dir = corpus + "/einvoice/";
  const testing::Manifest m = testing::ReadManifest(dir + "fields.tsv");
  ASSERT_GT(m.rows.size(), 200u);
  int checked_rows = 0;
  for (const auto& row : m.rows) {
    const std::string file = m.Get(row, "file");
    SCOPED_TRACE(file);
    std::string xml = testing::ReadFileOrDie(dir + file);
    if (file.size() > 4 && file.substr(file.size() - 4) == ".pdf") {
      absl::StatusOr<PdfInvoiceFacts> pdf = ReadPdfInvoice(xml);
      ASSERT_TRUE(pdf.ok()) << pdf.status();
      ASSERT_NE(pdf->invoice(), nullptr);
      xml = pdf->invoice()->bytes;
    }
    absl::StatusOr<XmlDocument> doc = XmlDocument::Parse(xml);
    ASSERT_TRUE(doc.ok()) << doc.status();
    absl::StatusOr<Invoice> inv = ParseInvoice(*doc);
    ASSERT_TRUE(inv.ok()) << inv.status();
    for (size_t c = 2; c < m.columns.size(); ++c) {
      const std::string& column = m.columns[c];
      EXPECT_EQ(Field(*inv, column), Expected(file, column, row[c]))
          << "column " << column;
    }
    ++checked_rows;
  }
  EXPECT_GE(checked_rows, 200);
}

}  // namespace
}  // namespace docintake::einvoice
