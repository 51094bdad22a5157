// OCR through the real service: a scan is recognised and archived with its
// searchable PDF/A rendition; a scan station's batch is split at its
// separator sheets into linked documents; OcrService answers the CLI; an
// unreadable scan goes to review. Expected values come from the corpus.
#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_fixture.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"

namespace docintake::testing {
namespace {

using OcrE2eTest = ServiceFixture;

constexpr absl::Duration kOcrTimeout = absl::Minutes(4);

std::multiset<std::string> Bag(const std::string& text) {
  std::vector<std::string> words = Words(text);
  return {words.begin(), words.end()};
}

// Share of `expected` words (as a multiset) also found in `actual`.
double Overlap(const std::string& expected, const std::string& actual) {
  std::multiset<std::string> want = Bag(expected), have = Bag(actual);
  if (want.empty()) return 1.0;
  int found = 0;
  for (const std::string& word : want) {
    auto it = have.find(word);
    if (it != have.end()) {
      ++found;
      have.erase(it);
    }
  }
  return found / static_cast<double>(want.size());
}

// "[1-2] ASN=123; [3] ..." or "[1-2] [4-5] [7]" -> page lists in order.
std::vector<std::vector<uint32_t>> ParseDocuments(const std::string& cell) {
  std::vector<std::vector<uint32_t>> out;
  const std::regex range(R"(\[(\d+)(?:-(\d+))?\])");
  for (std::sregex_iterator it(cell.begin(), cell.end(), range), end; it != end;
       ++it) {
    const auto first = static_cast<uint32_t>(std::stoul((*it)[1]));
    const uint32_t last =
        (*it)[2].matched ? static_cast<uint32_t>(std::stoul((*it)[2])) : first;
    std::vector<uint32_t> pages;
    for (uint32_t p = first; p <= last; ++p) pages.push_back(p);
    out.push_back(pages);
  }
  return out;
}

TEST_F(OcrE2eTest, ScanIsRecognisedAndArchivedWithASearchableRendition) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string file = "scans/EN16931_Miete.tif";
  const Manifest truth = ReadManifest(corpus + "/ocr/ocr_truth.tsv");
  int expected_pages = 0;
  for (const auto& row : truth.rows) {
    if (truth.Get(row, "file") == file) ++expected_pages;
  }
  ASSERT_GT(expected_pages, 1);

  v1::SubmitReply reply;
  ASSERT_TRUE(
      Submit(ReadFileOrDie(corpus + "/ocr/" + file), &reply, "", "Miete.tif")
          .ok());
  const v1::Record record =
      WaitForState(reply.document_id(), v1::ARCHIVED, kOcrTimeout);
  ASSERT_EQ(record.state(), v1::ARCHIVED) << record.error();
  ASSERT_EQ(record.text().source(), v1::TextLayer::OCR);
  ASSERT_EQ(record.text().pages_size(), expected_pages);
  std::string all_text;
  for (const v1::PageText& page : record.text().pages()) {
    EXPECT_GT(page.words_size(), 20) << "page " << page.number();
    EXPECT_GT(page.mean_confidence(), 50) << "page " << page.number();
    EXPECT_FALSE(page.blank());
    all_text += page.text() + "\n";
  }
  // Every printed field of this invoice is in the recognised text.
  const Manifest fields = ReadManifest(corpus + "/ocr/fields_truth.tsv");
  std::string squeezed = all_text;
  squeezed.erase(std::remove_if(squeezed.begin(), squeezed.end(), ::isspace),
                 squeezed.end());
  int checked = 0;
  for (const auto& row : fields.rows) {
    std::string printed = fields.Get(row, "printed_as");
    if (fields.Get(row, "file") != file || printed.empty()) continue;
    printed.erase(std::remove_if(printed.begin(), printed.end(), ::isspace),
                  printed.end());
    EXPECT_NE(squeezed.find(printed), std::string::npos)
        << fields.Get(row, "field") << " " << printed;
    ++checked;
  }
  EXPECT_GT(checked, 3);

  // The rendition: archived under the address the record names, a valid
  // PDF/A-2b whose text layer gives the recognised words.
  ASSERT_TRUE(record.has_rendition());
  EXPECT_EQ(record.rendition().conformance(), "PDF/A-2b");
  const std::string rendition = ArchivedContent(reply.document_id(), true);
  EXPECT_EQ(record.rendition().size(), rendition.size());
  const std::string path = dir_.Path("rendition.pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << rendition;
  }
  EXPECT_EQ(RunCommand("qpdf --check '" + path + "' >/dev/null").exit_code, 0);
  EXPECT_EQ(PdfinfoPages(path), expected_pages);
  EXPECT_NE(RunCommand("grep -c 'pdfaid:part' '" + path + "'").out, "0\n");
  for (const v1::PageText& page : record.text().pages()) {
    EXPECT_GT(Overlap(page.text(), PdftotextPage(path, page.number())), 0.95)
        << "page " << page.number();
  }
  // The CLI fetches it checked against the record's hash.
  const std::string fetched = dir_.Path("fetched.pdf");
  EXPECT_EQ(
      RunCommand(std::string(DOCINTAKE_CLI_BINARY) + " content --server " +
                 server_->address() + " --rendition -o '" + fetched + "' " +
                 reply.document_id())
          .exit_code,
      0);
  EXPECT_EQ(ReadFileOrDie(fetched), rendition);
  // The original is unchanged.
  EXPECT_EQ(ArchivedContent(reply.document_id()),
            ReadFileOrDie(corpus + "/ocr/" + file));
}

TEST_F(OcrE2eTest, ScanStationBatchIsSplitAtSeparatorSheets) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string file = "separator/several-patcht-codes.pdf";
  const Manifest truth = ReadManifest(corpus + "/ocr/separator_truth.tsv");
  std::vector<std::string> row;
  for (const auto& r : truth.rows) {
    if (truth.Get(r, "file") == file) row = r;
  }
  ASSERT_FALSE(row.empty());
  const auto expected = ParseDocuments(truth.Get(row, "expected_documents"));
  ASSERT_GT(expected.size(), 1u);
  std::set<uint32_t> separators;
  for (absl::string_view code :
       absl::StrSplit(truth.Get(row, "barcodes"), "; ")) {
    uint32_t page = 0;
    absl::ConsumePrefix(&code, "p");
    ASSERT_TRUE(absl::SimpleAtoi(code.substr(0, code.find('=')), &page));
    separators.insert(page);
  }

  v1::SubmitHeader header;
  header.set_channel(v1::SCAN_STATION);
  header.set_station_id("mailroom-1");
  header.set_filename("batch.pdf");
  v1::SubmitReply reply;
  ASSERT_TRUE(
      SubmitWith(header, ReadFileOrDie(corpus + "/ocr/" + file), &reply).ok());
  const v1::Record batch =
      WaitForState(reply.document_id(), v1::ARCHIVED, kOcrTimeout);
  ASSERT_EQ(batch.state(), v1::ARCHIVED) << batch.error();
  const v1::BatchSplit& split = batch.batch_split();
  int total_pages = 0;
  ASSERT_TRUE(absl::SimpleAtoi(truth.Get(row, "pages"), &total_pages));
  ASSERT_EQ(split.pages_size(), total_pages);
  for (const v1::BatchSplit::Page& page : split.pages()) {
    EXPECT_EQ(page.role() == v1::BatchSplit::Page::SEPARATOR,
              separators.count(page.number()) == 1)
        << "page " << page.number();
  }
  ASSERT_EQ(split.documents_size(), static_cast<int>(expected.size()));
  for (int d = 0; d < split.documents_size(); ++d) {
    const v1::BatchSplit::Document& document = split.documents(d);
    EXPECT_EQ(
        std::vector<uint32_t>(document.pages().begin(), document.pages().end()),
        expected[static_cast<size_t>(d)]);
    const v1::Record child =
        WaitForState(document.document_id(), v1::ARCHIVED, kOcrTimeout);
    ASSERT_EQ(child.state(), v1::ARCHIVED) << child.error();
    EXPECT_EQ(child.intake().batch_origin().batch_document_id(),
              reply.document_id());
    EXPECT_EQ(child.intake().batch_origin().index(),
              static_cast<uint32_t>(d + 1));
    EXPECT_EQ(child.intake().channel(), v1::SCAN_STATION);
    EXPECT_EQ(child.intake().station_id(), "mailroom-1");
    EXPECT_EQ(child.text().page_count(),
              expected[static_cast<size_t>(d)].size());
    EXPECT_TRUE(child.has_rendition());
  }
}

TEST_F(OcrE2eTest, OcrServiceAnswersTheCliWithoutArchiving) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string image = corpus + "/ocr/rotated/phototest-rotated-R.png";
  const std::string out = dir_.Path("out.pdf");
  const CommandResult result = RunCommand(
      std::string(DOCINTAKE_CLI_BINARY) + " ocr --server " +
      server_->address() + " --json -o '" + out + "' '" + image + "'");
  ASSERT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("\"rotation\":90"), std::string::npos)
      << result.out.substr(0, 400);
  const std::string expected =
      ReadFileOrDie(corpus + "/ocr/text/clean/phototest.txt");
  EXPECT_GT(Overlap(expected, result.out), 0.0);  // words are JSON-escaped
  EXPECT_GT(Overlap(expected, PdftotextPage(out, 1)), 0.9);

  grpc::ClientContext context;
  v1::ListDocumentsRequest list;
  v1::ListDocumentsReply documents;
  ASSERT_TRUE(intake_->ListDocuments(&context, list, &documents).ok());
  EXPECT_EQ(documents.documents_size(), 0);
}

TEST_F(OcrE2eTest, TruncatedScanGoesToReviewWithTheReason) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string jpeg =
      ReadFileOrDie(corpus + "/ocr/scans/EN16931_Einfach/p1.jpg");
  v1::SubmitReply reply;
  ASSERT_TRUE(
      Submit(jpeg.substr(0, jpeg.size() / 2), &reply, "", "cut.jpg").ok());
  const v1::Record record = WaitForState(reply.document_id(), v1::REVIEW);
  EXPECT_NE(record.error().find("JPEG"), std::string::npos) << record.error();
}

}  // namespace
}  // namespace docintake::testing
