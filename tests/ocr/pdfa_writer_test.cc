#include "ocr/pdfa_writer.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "ocr/pix.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"
#include "tests/support/temp_dir.h"

namespace docintake::ocr {
namespace {

using testing::RunCommand;

// A4 at 150 dpi.
constexpr int kWidth = 1240;
constexpr int kHeight = 1754;
constexpr int kDpi = 150;

void FreeBox(Box* box) { boxDestroy(&box); }
using BoxPtr = base::Owned<Box, FreeBox>;

// A white page of `depth` bpp with dark "word" rectangles where `words` are.
PixPtr MakePage(int depth, const std::vector<Word>& words) {
  PixPtr pix(pixCreate(kWidth, kHeight, depth));
  if (depth != 1) pixSetAll(pix.get());  // white; 1 bpp starts white (0)
  for (const Word& word : words) {
    BoxPtr box(boxCreate(word.left, word.top, word.width, word.height));
    if (depth == 1) {
      pixSetInRect(pix.get(), box.get());
    } else {
      pixSetInRectArbitrary(pix.get(), box.get(),
                            depth == 32 ? 0x20408000 : 32);
    }
  }
  pixSetResolution(pix.get(), kDpi, kDpi);
  return pix;
}

std::vector<Word> LetterWords() {
  return {
      {"Prüfung", 150, 200, 220, 40, 95, 0},
      {"Straße", 390, 200, 190, 40, 95, 0},
      {"Ärger", 600, 200, 160, 40, 95, 0},
      {"Zweite", 150, 300, 200, 40, 95, 1},
      {"Zeile", 370, 300, 150, 40, 95, 1},
  };
}

std::string Jpeg(Pix* pix) {
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixWriteMemJpeg(&data, &size, pix, 75, 0), 0);
  std::string out(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return out;
}

RenditionOptions TestOptions() {
  RenditionOptions options;
  options.title = "Prüfbericht <Nr. 7> & Co";
  options.created = absl::FromUnixSeconds(1714979289);  // 2024-05-06T07:08:09Z
  return options;
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

// The trimmed, non-empty lines of `text`.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(text, absl::ByAnyChar("\n\f"))) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty()) lines.emplace_back(line);
  }
  return lines;
}

// The value of `key` in `pdfinfo` output ("Title:   x" -> "x").
std::string InfoField(const std::string& info, absl::string_view key) {
  for (absl::string_view line : absl::StrSplit(info, '\n')) {
    if (absl::ConsumePrefix(&line, key) && absl::ConsumePrefix(&line, ":")) {
      return std::string(absl::StripAsciiWhitespace(line));
    }
  }
  return "<missing>";
}

class PdfaWriterTest : public ::testing::Test {
 protected:
  // Writes `pages` with `options` to a file and returns its path.
  std::string WritePdf(const std::vector<RenditionPage>& pages,
                       const RenditionOptions& options,
                       const std::string& name = "out.pdf") {
    absl::StatusOr<std::string> pdf = WritePdfA(pages, options);
    EXPECT_TRUE(pdf.ok()) << pdf.status();
    const std::string path = dir_.Path(name);
    WriteFile(path, pdf.value_or(""));
    return path;
  }

  // Four pages: G4, grey JPEG, colour JPEG, JPEG passed through.
  std::vector<RenditionPage> FourPages() {
    const std::vector<Word> words = LetterWords();
    std::vector<RenditionPage> pages(4);
    const int depths[] = {1, 8, 32, 8};
    for (size_t i = 0; i < pages.size(); ++i) {
      images_.push_back(MakePage(depths[i], words));
      pages[i].image = images_.back().get();
      pages[i].dpi = kDpi;
      pages[i].words = words;
    }
    pages[3].jpeg = Jpeg(pages[3].image);
    return pages;
  }

  // qpdf's verdict, with warnings (exit code 3) counting as failures.
  static void ExpectQpdfClean(const std::string& path) {
    const testing::CommandResult check =
        RunCommand(absl::StrCat("qpdf --check '", path, "' 2>&1"));
    EXPECT_EQ(check.exit_code, 0) << check.out;
    EXPECT_FALSE(absl::StrContains(check.out, "WARNING")) << check.out;
    EXPECT_TRUE(
        absl::StrContains(check.out, "No syntax or stream encoding errors"))
        << check.out;
  }

  testing::TempDir dir_;
  std::vector<PixPtr> images_;
};

TEST_F(PdfaWriterTest, WritesStructurallyValidPdf) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  ExpectQpdfClean(path);
  const std::string head = testing::ReadFileOrDie(path).substr(0, 15);
  EXPECT_EQ(head.substr(0, 9), "%PDF-1.7\n");
  for (const char c : head.substr(10, 4)) {
    EXPECT_GE(static_cast<uint8_t>(c), 128);
  }
}

TEST_F(PdfaWriterTest, PageCountAndSizeFollowImageAndDpi) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  EXPECT_EQ(testing::PdfinfoPages(path), 4);
  const std::string info =
      RunCommand(absl::StrCat("pdfinfo -f 1 -l 4 '", path, "'")).out;
  // 1240 px * 72 / 150 = 595.2 pt, 1754 px -> 841.92 pt.
  for (int page = 1; page <= 4; ++page) {
    EXPECT_EQ(InfoField(info, absl::StrCat("Page    ", page, " size")),
              "595.2 x 841.92 pts (A4)");
  }
  EXPECT_EQ(InfoField(info, "Title"), "Prüfbericht <Nr. 7> & Co");
  EXPECT_EQ(InfoField(info, "Producer"), "docintake");
  EXPECT_EQ(InfoField(info, "Encrypted"), "no");
  EXPECT_EQ(InfoField(info, "JavaScript"), "no");
  EXPECT_EQ(InfoField(info, "Metadata Stream"), "yes");
}

TEST_F(PdfaWriterTest, EmbedsTheGlyphlessFont) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  const std::string fonts =
      RunCommand(absl::StrCat("pdffonts '", path, "'")).out;
  const std::vector<std::string> lines = absl::StrSplit(fonts, '\n');
  ASSERT_GE(lines.size(), 3u) << fonts;
  // name, type, encoding, emb, sub, uni, object: one font for all pages.
  const std::vector<std::string> row =
      absl::StrSplit(lines[2], ' ', absl::SkipEmpty());
  ASSERT_GE(row.size(), 7u) << fonts;
  EXPECT_EQ(row[0], "GlyphLessFont");
  EXPECT_EQ(row[1], "CID");
  EXPECT_EQ(row[2], "TrueType");
  EXPECT_EQ(row[3], "Identity-H");
  EXPECT_EQ(row[4], "yes") << "embedded";
  EXPECT_EQ(row[6], "yes") << "ToUnicode";
  EXPECT_TRUE(lines.size() == 3 || lines[3].empty()) << fonts;
}

TEST_F(PdfaWriterTest, TextExtractsAsWordsWithSpacesAndLines) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  for (int page = 1; page <= 4; ++page) {
    const std::vector<std::string> lines =
        Lines(testing::PdftotextPage(path, page));
    EXPECT_EQ(lines, (std::vector<std::string>{"Prüfung Straße Ärger",
                                               "Zweite Zeile"}))
        << "page " << page;
  }
  // Lines are grouped by their index, whatever the order of the words.
  std::vector<RenditionPage> pages = FourPages();
  pages.resize(1);
  std::vector<Word> shuffled = LetterWords();
  std::swap(shuffled[1], shuffled[4]);
  pages[0].words = shuffled;
  const std::string shuffled_path = WritePdf(pages, TestOptions(), "s.pdf");
  EXPECT_EQ(Lines(testing::PdftotextPage(shuffled_path, 1)),
            (std::vector<std::string>{"Prüfung Straße Ärger", "Zweite Zeile"}));
}

TEST_F(PdfaWriterTest, InvisibleTextSitsOnTheWordBoxes) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  // pdftotext -bbox gives each word's box in points, origin top left.
  const std::string html =
      RunCommand(absl::StrCat("pdftotext -f 1 -l 1 -bbox '", path, "' -")).out;
  const std::regex word_re(
      "xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
      "yMax=\"([0-9.]+)\">Straße<");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, word_re)) << html;
  const double k = 72.0 / kDpi;
  EXPECT_NEAR(std::stod(m[1]), 390 * k, 1.0);
  EXPECT_NEAR(std::stod(m[2]), 200 * k, 1.0);
  EXPECT_NEAR(std::stod(m[3]), (390 + 190) * k, 1.0);
  EXPECT_NEAR(std::stod(m[4]), 240 * k, 1.0);
}

TEST_F(PdfaWriterTest, ImagesUseTheExpectedEncodings) {
  std::vector<RenditionPage> pages = FourPages();
  const std::string path = WritePdf(pages, TestOptions());
  const std::vector<std::string> lines = absl::StrSplit(
      RunCommand(absl::StrCat("pdfimages -list '", path, "'")).out, '\n',
      absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 6u);  // two header lines, one per page
  const std::vector<std::vector<std::string>> expected = {
      {"1", "image", "1240", "1754", "gray", "1", "1", "ccitt"},
      {"2", "image", "1240", "1754", "gray", "1", "8", "jpeg"},
      {"3", "image", "1240", "1754", "rgb", "3", "8", "jpeg"},
      {"4", "image", "1240", "1754", "gray", "1", "8", "jpeg"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    std::vector<std::string> row =
        absl::StrSplit(lines[i + 2], ' ', absl::SkipEmpty());
    row.erase(row.begin() + 1);  // the image number
    ASSERT_GE(row.size(), expected[i].size()) << lines[i + 2];
    row.resize(expected[i].size());
    EXPECT_EQ(row, expected[i]);
  }
  // G4 (K -1) of the whole image, Leptonica's 1 = black kept as is.
  EXPECT_TRUE(absl::StrContains(testing::ReadFileOrDie(path),
                                "/Filter /CCITTFaxDecode /DecodeParms <</K -1 "
                                "/Columns 1240 /Rows 1754>>"));
  // The passed-through JPEG is embedded byte for byte.
  ASSERT_EQ(RunCommand(absl::StrCat("pdfimages -j -f 4 -l 4 '", path, "' '",
                                    dir_.Path("img"), "'"))
                .exit_code,
            0);
  EXPECT_EQ(testing::ReadFileOrDie(dir_.Path("img-000.jpg")), pages[3].jpeg);
}

// Share of light pixels of page `page` rendered in grey by pdftoppm, and
// whether the first word's box is dark.
void RenderedInk(const std::string& pdf, int page, const std::string& prefix,
                 double* light_share, bool* word_is_dark) {
  ASSERT_EQ(
      RunCommand(absl::StrCat("pdftoppm -r 30 -gray -singlefile -f ", page,
                              " -l ", page, " '", pdf, "' '", prefix, "'"))
          .exit_code,
      0);
  PixPtr render(pixRead((prefix + ".pgm").c_str()));
  ASSERT_NE(render, nullptr);
  const int w = pixGetWidth(render.get());
  const int h = pixGetHeight(render.get());
  int light = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(render.get(), x, y, &v);
      if (v > 200) ++light;
    }
  }
  *light_share = static_cast<double>(light) / (w * h);
  // Centre of "Prüfung" (150..370 x 200..240 px at 150 dpi) at 30 dpi.
  l_uint32 centre = 255;
  pixGetPixel(render.get(), 260 / 5, 220 / 5, &centre);
  *word_is_dark = centre < 100;
}

TEST_F(PdfaWriterTest, RenderedPagesAreNotInverted) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  for (const int page : {1, 2, 3, 4}) {
    SCOPED_TRACE(page);
    double light_share = 0;
    bool word_is_dark = false;
    RenderedInk(path, page, dir_.Path(absl::StrCat("page", page)), &light_share,
                &word_is_dark);
    EXPECT_GT(light_share, 0.9);
    EXPECT_TRUE(word_is_dark);
  }
}

TEST_F(PdfaWriterTest, CarriesPdfaMetadataAndOutputIntent) {
  const std::string path = WritePdf(FourPages(), TestOptions());
  const std::string xmp =
      RunCommand(absl::StrCat("pdfinfo -meta '", path, "'")).out;
  EXPECT_TRUE(absl::StrContains(xmp, "<pdfaid:part>2</pdfaid:part>")) << xmp;
  EXPECT_TRUE(
      absl::StrContains(xmp, "<pdfaid:conformance>B</pdfaid:conformance>"));
  EXPECT_TRUE(absl::StrContains(
      xmp,
      "<rdf:li xml:lang=\"x-default\">Prüfbericht &lt;Nr. 7&gt; &amp; "
      "Co</rdf:li>"));
  EXPECT_TRUE(absl::StrContains(
      xmp, "<xmp:CreateDate>2024-05-06T07:08:09Z</xmp:CreateDate>"));
  EXPECT_TRUE(absl::StrContains(
      xmp, "<xmp:ModifyDate>2024-05-06T07:08:09Z</xmp:ModifyDate>"));
  EXPECT_TRUE(absl::StrContains(xmp, "<pdf:Producer>docintake</pdf:Producer>"));

  const std::string raw = testing::ReadFileOrDie(path);
  EXPECT_TRUE(absl::StrContains(raw, "/Type /Metadata /Subtype /XML"));
  EXPECT_TRUE(absl::StrContains(raw, "/S /GTS_PDFA1"));
  EXPECT_FALSE(absl::StrContains(raw, "/Encrypt"));
  EXPECT_FALSE(absl::StrContains(raw, "/JavaScript"));
  EXPECT_FALSE(absl::StrContains(raw, "/Group"));
  EXPECT_FALSE(absl::StrContains(raw, "/LZWDecode"));
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(raw, m, std::regex("/DestOutputProfile (\\d+) 0 R")));
  const testing::CommandResult icc =
      RunCommand(absl::StrCat("qpdf --show-object=", m[1].str(),
                              " --filtered-stream-data '", path, "'"));
  EXPECT_EQ(icc.exit_code, 0);
  EXPECT_EQ(icc.out,
            testing::ReadFileOrDie(RenditionOptions().icc_profile_path));
  ASSERT_TRUE(std::regex_search(
      raw, m, std::regex("/ID \\[<([0-9A-F]{32})><([0-9A-F]{32})>\\]")));
  EXPECT_EQ(m[1].str(), m[2].str());
}

TEST_F(PdfaWriterTest, SameInputGivesSameBytes) {
  const std::vector<RenditionPage> pages = FourPages();
  absl::StatusOr<std::string> first = WritePdfA(pages, TestOptions());
  absl::StatusOr<std::string> second = WritePdfA(pages, TestOptions());
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*first, *second);
  RenditionOptions other = TestOptions();
  other.title = "Anderer Titel";
  absl::StatusOr<std::string> third = WritePdfA(pages, other);
  ASSERT_TRUE(third.ok());
  EXPECT_NE(first->substr(first->rfind("/ID")),
            third->substr(third->rfind("/ID")))
      << "the /ID follows the content";
}

TEST_F(PdfaWriterTest, SurvivesOddWords) {
  std::vector<RenditionPage> pages = FourPages();
  pages.resize(1);
  std::string alphabet_run;
  for (int i = 0; i < 5000; ++i) {
    alphabet_run.push_back(static_cast<char>('a' + i % 26));
  }
  pages[0].words = {
      {"", 10, 10, 50, 20, 90, 0},                    // empty
      {"Null", 100, 100, 0, 0, 90, 1},                // zero size
      {"Minus", -50, -30, -10, -5, 90, 2},            // negative
      {"kaputt\xFF\xC3(", 200, 500, 200, 30, 90, 3},  // invalid UTF-8
      {"Tab\there", 450, 500, 200, 30, 90, 3},        // control character
      {"Gr\xC3\xBC\xC3\x9F"
       "e\xF0\x9F\x98\x80",
       700, 500, 200, 30, 90, 3},
      {alphabet_run, 0, 700, 1240, 30, 90, 4},  // several Tj strings
      {"Riese", 0, 0, 2000000000, 2000000000, 90, 5},
  };
  const std::string path = WritePdf(pages, TestOptions());
  ExpectQpdfClean(path);
  const std::vector<std::string> lines = Lines(testing::PdftotextPage(path, 1));
  EXPECT_NE(
      std::find(lines.begin(), lines.end(),
                "kaputt\xEF\xBF\xBD\xEF\xBF\xBD( Tab\xEF\xBF\xBDhere Grüße😀"),
      lines.end())
      << ::testing::PrintToString(lines);
  EXPECT_NE(std::find(lines.begin(), lines.end(), alphabet_run), lines.end());
}

TEST_F(PdfaWriterTest, PageWithoutWordsHasNoFont) {
  std::vector<RenditionPage> pages = FourPages();
  pages.resize(2);
  for (RenditionPage& page : pages) page.words.clear();
  const std::string path = WritePdf(pages, TestOptions());
  ExpectQpdfClean(path);
  const std::string fonts =
      RunCommand(absl::StrCat("pdffonts '", path, "'")).out;
  EXPECT_EQ(std::count(fonts.begin(), fonts.end(), '\n'), 2) << fonts;
}

TEST_F(PdfaWriterTest, ConvertsColormappedAndOtherDepths) {
  PixPtr grey4(pixCreate(kWidth, kHeight, 4));
  pixSetAll(grey4.get());
  PixPtr mapped(pixCreate(kWidth, kHeight, 8));
  PIXCMAP* cmap = pixcmapCreate(8);
  pixcmapAddColor(cmap, 255, 255, 255);
  pixcmapAddColor(cmap, 200, 0, 0);
  pixSetColormap(mapped.get(), cmap);
  std::vector<RenditionPage> pages(2);
  pages[0].image = grey4.get();
  pages[1].image = mapped.get();
  for (RenditionPage& page : pages) {
    page.dpi = kDpi;
    page.words = LetterWords();
  }
  const std::string path = WritePdf(pages, TestOptions());
  ExpectQpdfClean(path);
  const std::string list =
      RunCommand(absl::StrCat("pdfimages -list '", path, "'")).out;
  EXPECT_EQ(std::count(list.begin(), list.end(), '\n'), 4) << list;
  EXPECT_FALSE(absl::StrContains(list, "ccitt")) << list;
}

TEST_F(PdfaWriterTest, RejectsBadPages) {
  EXPECT_TRUE(absl::IsInvalidArgument(WritePdfA({}, TestOptions()).status()));
  std::vector<RenditionPage> pages = FourPages();
  pages[1].image = nullptr;
  EXPECT_TRUE(
      absl::IsInvalidArgument(WritePdfA(pages, TestOptions()).status()));
  for (const int dpi : {0, -300, 1000000}) {
    pages = FourPages();
    pages[2].dpi = dpi;
    const absl::Status status = WritePdfA(pages, TestOptions()).status();
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << dpi << ": " << status;
  }
  // JPEG bytes that do not fit the image.
  pages = FourPages();
  PixPtr small(pixScale(pages[3].image, 0.5f, 0.5f));
  pages[3].jpeg = Jpeg(small.get());
  EXPECT_TRUE(
      absl::IsInvalidArgument(WritePdfA(pages, TestOptions()).status()));
  pages = FourPages();
  pages[3].jpeg = Jpeg(pages[2].image);  // colour JPEG for a grey image
  EXPECT_TRUE(
      absl::IsInvalidArgument(WritePdfA(pages, TestOptions()).status()));
  pages = FourPages();
  pages[3].jpeg = "not a jpeg";
  EXPECT_TRUE(
      absl::IsInvalidArgument(WritePdfA(pages, TestOptions()).status()));
}

TEST_F(PdfaWriterTest, MissingSupportFilesAreFailedPrecondition) {
  const std::vector<RenditionPage> pages = FourPages();
  RenditionOptions options = TestOptions();
  options.icc_profile_path = dir_.Path("no.icc");
  absl::Status status = WritePdfA(pages, options).status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), options.icc_profile_path));

  options = TestOptions();
  options.glyphless_font_path = dir_.Path("no.ttf");
  status = WritePdfA(pages, options).status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), options.glyphless_font_path));

  WriteFile(dir_.Path("bad.ttf"), std::string("\x00\x01\x00\x00 no font", 12));
  options.glyphless_font_path = dir_.Path("bad.ttf");
  EXPECT_TRUE(absl::IsFailedPrecondition(WritePdfA(pages, options).status()));

  // The default sRGB profile claiming to be a grey one.
  std::string grey = testing::ReadFileOrDie(TestOptions().icc_profile_path);
  ASSERT_GE(grey.size(), 20u);
  grey.replace(16, 4, "GRAY");
  WriteFile(dir_.Path("grey.icc"), grey);
  options = TestOptions();
  options.icc_profile_path = dir_.Path("grey.icc");
  EXPECT_TRUE(absl::IsFailedPrecondition(WritePdfA(pages, options).status()));
  WriteFile(dir_.Path("short.icc"), "RGB ");
  options.icc_profile_path = dir_.Path("short.icc");
  EXPECT_TRUE(absl::IsFailedPrecondition(WritePdfA(pages, options).status()));
}

}  // namespace
}  // namespace docintake::ocr
