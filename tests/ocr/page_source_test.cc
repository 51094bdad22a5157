// OpenPages and PageSource on hostile and edge inputs: files whose headers
// claim gigapixels or too many pages, truncated, empty, encrypted and random
// files, and the normalisation of depth and resolution. Every refusal has a
// specific code, a message naming the problem, and comes quickly (limits are
// checked from headers before decoding). Hand-made hostile files have a
// control of the same construction that is accepted.
#include "ocr/page_source.h"

#include <sys/resource.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ocr/document_ocr.h"
#include "ocr/ocr_engine.h"
#include "tests/support/command.h"
#include "tests/support/corpus.h"
#include "tests/support/page_images.h"
#include "tests/support/temp_dir.h"

namespace docintake::ocr {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;

// A refusal must not decode: every hostile input is answered within this.
constexpr absl::Duration kQuick = absl::Seconds(2);

std::string Message(const absl::Status& status) {
  return std::string(status.message());
}

// Opens `bytes` and decodes every page; the first error, else OK.
absl::Status DecodeAllUntimed(absl::string_view bytes,
                              const PageLimits& limits) {
  absl::StatusOr<std::unique_ptr<PageSource>> source = OpenPages(bytes, limits);
  if (!source.ok()) return source.status();
  for (int i = 0; i < (*source)->page_count(); ++i) {
    absl::StatusOr<PageImage> page = (*source)->Page(i);
    if (!page.ok()) return page.status();
  }
  return absl::OkStatus();
}

// As DecodeAllUntimed; fails the test if it takes kQuick or longer.
absl::Status DecodeAll(absl::string_view bytes, const PageLimits& limits = {}) {
  const absl::Time start = absl::Now();
  absl::Status status = DecodeAllUntimed(bytes, limits);
  const absl::Duration took = absl::Now() - start;
  EXPECT_LT(took, kQuick) << "took " << took << "; " << status;
  return status;
}

// Page 0 of `bytes`, expected to be its only page.
absl::StatusOr<PageImage> OnlyPage(absl::string_view bytes,
                                   const PageLimits& limits = {}) {
  absl::StatusOr<std::unique_ptr<PageSource>> source = OpenPages(bytes, limits);
  if (!source.ok()) return source.status();
  EXPECT_EQ((*source)->page_count(), 1);
  return (*source)->Page(0);
}

// The process's peak resident set so far.
int64_t PeakRssBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return int64_t{usage.ru_maxrss} * 1024;  // kilobytes on Linux
}

absl::StatusOr<std::unique_ptr<OcrEngine>> OneEngine(
    absl::Duration max_time_per_page = absl::Seconds(120)) {
  OcrOptions options;
  options.engines = 1;
  options.max_time_per_page = max_time_per_page;
  return OcrEngine::Create(options);
}

// ---- Headers that claim too much -------------------------------------------

TEST(PageSourceTest, HandMadeTiffOfPlausibleSizeDecodes) {
  // The control for the hostile TIFF below: same construction, 64 x 8.
  const std::string tiff =
      testing::MinimalTiff(64, 8, std::string(64 * 8 / 8, '\x0f'));
  absl::StatusOr<PageImage> page = OnlyPage(tiff);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(pixGetWidth(page->pix.get()), 64);
  EXPECT_EQ(pixGetHeight(page->pix.get()), 8);
  EXPECT_EQ(pixGetDepth(page->pix.get()), 1);
}

TEST(PageSourceTest, RejectsTiffClaimingTenGigapixelsBeforeDecoding) {
  const std::string tiff =
      testing::MinimalTiff(100000, 100000, std::string(16, '\0'));
  const absl::Status status = DecodeAll(tiff);
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("max_pixels"));
  EXPECT_THAT(Message(status), HasSubstr("100000x100000"));
}

TEST(PageSourceTest, OcrDocumentRejectsHugeTiffWithoutAllocatingIt) {
  absl::StatusOr<std::unique_ptr<OcrEngine>> engine = OneEngine();
  ASSERT_TRUE(engine.ok()) << engine.status();
  // At 1 bpp the claimed image would take 1.25 GB.
  const std::string tiff =
      testing::MinimalTiff(100000, 100000, std::string(16, '\0'));
  DocumentOcrOptions options;
  options.rendition = false;
  const int64_t rss_before = PeakRssBytes();
  const absl::Time start = absl::Now();
  const absl::StatusOr<DocumentOcr> ocr = OcrDocument(**engine, tiff, options);
  const absl::Duration took = absl::Now() - start;
  EXPECT_LT(took, kQuick);
  EXPECT_LT(PeakRssBytes() - rss_before, int64_t{64} << 20)
      << "peak RSS grew while refusing the page";
  EXPECT_TRUE(absl::IsResourceExhausted(ocr.status())) << ocr.status();
  EXPECT_THAT(Message(ocr.status()), HasSubstr("max_pixels"));
  EXPECT_THAT(Message(ocr.status()), HasSubstr("page 1"));
}

TEST(PageSourceTest, HandMadePngOfPlausibleSizeDecodes) {
  absl::StatusOr<PageImage> page = OnlyPage(testing::MinimalPng(40, 30));
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(pixGetWidth(page->pix.get()), 40);
  EXPECT_EQ(pixGetHeight(page->pix.get()), 30);
}

TEST(PageSourceTest, RejectsPngClaimingHugeSize) {
  const absl::Status status = DecodeAll(testing::MinimalPng(60000, 60000));
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("max_pixels"));
  EXPECT_THAT(Message(status), HasSubstr("60000x60000"));
}

TEST(PageSourceTest, RejectsPdfPageLargerThanMaxPixels) {
  // 14400 pt at 300 dpi: 60000 x 60000 pixels, refused before rendering.
  const absl::Status status = DecodeAll(testing::PdfWithPages(1, 14400, 14400));
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("max_pixels"));
}

TEST(PageSourceTest, RejectsMultipageTiffOverMaxPages) {
  const std::string tiff = testing::MultipageTiff(3);
  PageLimits limits;
  limits.max_pages = 3;
  absl::StatusOr<std::unique_ptr<PageSource>> source = OpenPages(tiff, limits);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->page_count(), 3);
  EXPECT_TRUE(DecodeAll(tiff, limits).ok());

  limits.max_pages = 2;
  const absl::Status status = DecodeAll(tiff, limits);
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("max_pages"));
  EXPECT_THAT(Message(status), HasSubstr("3 pages"));
}

// ---- Corrupt, empty, encrypted ---------------------------------------------

TEST(PageSourceTest, RejectsTruncatedJpeg) {
  const PixPtr page = testing::GeneratedPage(320, 240, 8);
  const std::string jpeg = testing::EncodeJpeg(page.get());
  ASSERT_FALSE(jpeg.empty());
  absl::StatusOr<PageImage> whole = OnlyPage(jpeg);
  ASSERT_TRUE(whole.ok()) << whole.status();
  EXPECT_EQ(whole->jpeg, jpeg) << "a whole JPEG is kept for the rendition";

  const absl::Status status = DecodeAll(jpeg.substr(0, jpeg.size() / 2));
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("JPEG"));
  EXPECT_THAT(Message(status),
              AnyOf(HasSubstr("truncated"), HasSubstr("corrupt")));
}

TEST(PageSourceTest, RejectsJpegOfManyEmptyScansQuickly) {
  // libjpeg visits every block in every scan: 5000 empty scans of a 9 Mpx
  // image would take seconds (minutes for a 1 MiB file) if decoded.
  PixPtr grey(pixCreate(3000, 3000, 8));
  pixSetAll(grey.get());
  const std::string progressive = testing::EncodeJpeg(grey.get(), true);
  const size_t first_scan = progressive.find("\xff\xda");
  ASSERT_NE(first_scan, std::string::npos);
  ASSERT_TRUE(OnlyPage(progressive).ok());  // control: a real progressive JPEG
  std::string jpeg = progressive.substr(0, first_scan);
  for (int i = 0; i < 5000; ++i) {
    jpeg += std::string("\xff\xda\x00\x08\x01\x01\x00\x00\x00\x00", 10);
  }
  jpeg += "\xff\xd9";
  const absl::Status status = DecodeAll(jpeg);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("scans"));
}

TEST(PageSourceTest, RejectsPdfWithoutPages) {
  ASSERT_TRUE(DecodeAll(testing::PdfWithPages(1)).ok());
  const absl::Status status = DecodeAll(testing::PdfWithPages(0));
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("no pages"));
}

TEST(PageSourceTest, RejectsPdfEncryptedWithUserPassword) {
  const testing::TempDir dir;
  const std::string plain = testing::PdfWithPages(1);
  std::ofstream(dir.Path("plain.pdf"), std::ios::binary) << plain;
  const testing::CommandResult qpdf = testing::RunCommand(
      absl::StrCat("qpdf --encrypt user owner 256 -- '", dir.Path("plain.pdf"),
                   "' '", dir.Path("encrypted.pdf"), "' 2>&1"));
  ASSERT_EQ(qpdf.exit_code, 0) << qpdf.out;
  const std::string encrypted =
      testing::ReadFileOrDie(dir.Path("encrypted.pdf"));
  ASSERT_THAT(encrypted, HasSubstr("/Encrypt"));

  ASSERT_TRUE(DecodeAll(plain).ok());
  const absl::Status status = DecodeAll(encrypted);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("encrypted"));
}

TEST(PageSourceTest, RejectsEmptyInput) {
  const absl::Status status = DecodeAll("");
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("not a page image"));
}

TEST(PageSourceTest, RejectsRandomBytes) {
  std::mt19937 random(20240611);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  const absl::Status status = DecodeAll(bytes);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_THAT(Message(status), HasSubstr("not a page image"));
}

TEST(PageSourceTest, RejectsRandomBytesAfterEachMagicNumber) {
  struct Case {
    std::string magic;
    std::string named;  // what the message must mention
  };
  const Case cases[] = {
      {"%PDF-1.7\n", "PDF"},
      {std::string("II*\0", 4), "TIFF"},
      {std::string("MM\0*", 4), "TIFF"},
      {"\x89PNG\r\n\x1a\n", "image"},
      {"\xff\xd8\xff", "image"},
  };
  std::mt19937 random(7);
  for (const Case& c : cases) {
    for (int trial = 0; trial < 20; ++trial) {
      std::string bytes = c.magic;
      for (int i = 0; i < 2048; ++i) {
        bytes += static_cast<char>(random() & 0xff);
      }
      SCOPED_TRACE(absl::StrCat(c.named, " trial ", trial));
      const absl::Status status = DecodeAll(bytes);
      EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
      EXPECT_THAT(Message(status), HasSubstr(c.named));
    }
  }
}

// ---- Depth and resolution --------------------------------------------------

TEST(PageSourceTest, AssumesDefaultDpiForImageWithoutResolution) {
  PixPtr pix = testing::GeneratedPage(200, 100, 8);
  pixSetResolution(pix.get(), 0, 0);
  absl::StatusOr<PageImage> page = OnlyPage(testing::EncodePng(pix.get()));
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_TRUE(page->dpi_assumed);
  EXPECT_EQ(page->dpi, 300);

  // The hand-made TIFF has no resolution tags either.
  page = OnlyPage(testing::MinimalTiff(8, 8, std::string(8, '\0')));
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_TRUE(page->dpi_assumed);
  EXPECT_EQ(page->dpi, 300);

  // The control: a stated resolution is kept.
  pixSetResolution(pix.get(), 200, 200);
  page = OnlyPage(testing::EncodePng(pix.get()));
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_FALSE(page->dpi_assumed);
  EXPECT_EQ(page->dpi, 200);
}

TEST(PageSourceTest, KeepsG4TiffPageAtOneBit) {
  const PixPtr original = testing::GeneratedPage(400, 300, 1);
  const std::string tiff = testing::EncodeTiff(original.get(), IFF_TIFF_G4);
  l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
  ASSERT_EQ(readHeaderMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()),
                              tiff.size(), 0, &w, &h, &bps, &spp, &res, &cmap,
                              &format),
            0);
  ASSERT_EQ(format, IFF_TIFF_G4);

  absl::StatusOr<PageImage> page = OnlyPage(tiff);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(pixGetDepth(page->pix.get()), 1);
  l_int32 same = 0;
  pixEqual(page->pix.get(), original.get(), &same);
  EXPECT_TRUE(same) << "the decoded page differs from the encoded one";
}

// The colour of pixel (x, y) of an 8 or 32 bpp image without a colour map.
std::string ColorAt(Pix* pix, int x, int y) {
  l_int32 r = 0, g = 0, b = 0;
  if (pixGetDepth(pix) == 32) {
    pixGetRGBPixel(pix, x, y, &r, &g, &b);
  } else {
    l_uint32 grey = 0;
    pixGetPixel(pix, x, y, &grey);
    r = g = b = static_cast<l_int32>(grey);
  }
  return absl::StrCat(r, ",", g, ",", b);
}

TEST(PageSourceTest, RemovesColormapOfPngAndTiff) {
  struct Case {
    int depth;
    std::vector<std::vector<int>> colors;  // the colour map
  };
  const Case cases[] = {
      {8, {{255, 255, 255}, {255, 0, 0}, {0, 0, 255}}},    // colour
      {4, {{255, 255, 255}, {128, 128, 128}, {0, 0, 0}}},  // greys
      {2, {{255, 255, 255}, {0, 0, 0}}},
  };
  for (const Case& c : cases) {
    PixPtr pix(pixCreate(30, 20, c.depth));
    PixColormap* cmap = pixcmapCreate(c.depth);
    for (const std::vector<int>& rgb : c.colors) {
      pixcmapAddColor(cmap, rgb[0], rgb[1], rgb[2]);
    }
    pixSetColormap(pix.get(), cmap);
    pixSetPixel(pix.get(), 5, 5, 1);
    const std::pair<const char*, std::string> files[] = {
        {"PNG", testing::EncodePng(pix.get())},
        {"TIFF", testing::EncodeTiff(pix.get(), IFF_TIFF_ZIP)},
    };
    for (const auto& [format, bytes] : files) {
      SCOPED_TRACE(absl::StrCat(format, ", ", c.depth, " bpp colour map"));
      PixPtr reread(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()),
                               bytes.size()));
      ASSERT_NE(reread, nullptr);
      ASSERT_NE(pixGetColormap(reread.get()), nullptr)
          << "the file must carry a colour map for this test to mean anything";

      absl::StatusOr<PageImage> page = OnlyPage(bytes);
      ASSERT_TRUE(page.ok()) << page.status();
      EXPECT_THAT(pixGetDepth(page->pix.get()), AnyOf(8, 32));
      EXPECT_EQ(pixGetColormap(page->pix.get()), nullptr);
      const std::vector<int>& ink = c.colors[1];
      EXPECT_EQ(ColorAt(page->pix.get(), 5, 5),
                absl::StrCat(ink[0], ",", ink[1], ",", ink[2]));
      EXPECT_EQ(ColorAt(page->pix.get(), 0, 0), "255,255,255");
    }
  }
}

TEST(PageSourceTest, OneBitPalettePngStaysBinaryWithBlackAsSetBit) {
  // Both orders of a black-and-white palette: after decoding a set bit is
  // black (Leptonica's convention, which OCR relies on), whatever the
  // palette said. (Leptonica's PNG reader drops such a palette itself.)
  for (const bool white_first : {true, false}) {
    SCOPED_TRACE(white_first ? "palette: white, black"
                             : "palette: black, white");
    PixPtr pix(pixCreate(30, 20, 1));
    PixColormap* cmap = pixcmapCreate(1);
    const int white = white_first ? 0 : 1;
    const int first = white_first ? 255 : 0;
    pixcmapAddColor(cmap, first, first, first);
    pixcmapAddColor(cmap, 255 - first, 255 - first, 255 - first);
    pixSetColormap(pix.get(), cmap);
    pixSetAllArbitrary(pix.get(), static_cast<l_uint32>(white));
    pixSetPixel(pix.get(), 5, 5, static_cast<l_uint32>(1 - white));
    const std::string png = testing::EncodePng(pix.get());
    ASSERT_THAT(png, HasSubstr("PLTE")) << "the PNG must have a palette";

    absl::StatusOr<PageImage> page = OnlyPage(png);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(pixGetColormap(page->pix.get()), nullptr);
    ASSERT_EQ(pixGetDepth(page->pix.get()), 1);
    l_uint32 ink = 0, paper = 1;
    pixGetPixel(page->pix.get(), 5, 5, &ink);
    pixGetPixel(page->pix.get(), 0, 0, &paper);
    EXPECT_EQ(ink, 1u) << "the black pixel";
    EXPECT_EQ(paper, 0u) << "the white paper";
  }
}

// ---- OCR time limit ---------------------------------------------------------

TEST(PageSourceTest, OcrDocumentStopsAtMaxTimePerPage) {
  DOCINTAKE_REQUIRE_CORPUS(corpus);
  const std::string tiff =
      testing::ReadFileOrDie(absl::StrCat(corpus, "/ocr/clean/phototest.tif"));
  ASSERT_FALSE(tiff.empty());
  absl::StatusOr<std::unique_ptr<OcrEngine>> engine =
      OneEngine(absl::Milliseconds(1));
  ASSERT_TRUE(engine.ok()) << engine.status();
  DocumentOcrOptions options;
  options.rendition = false;
  const absl::Time start = absl::Now();
  const absl::StatusOr<DocumentOcr> ocr = OcrDocument(**engine, tiff, options);
  const absl::Duration took = absl::Now() - start;
  EXPECT_LT(took, kQuick);
  EXPECT_TRUE(absl::IsResourceExhausted(ocr.status())) << ocr.status();
  EXPECT_THAT(Message(ocr.status()), HasSubstr("max_time_per_page"));
  EXPECT_THAT(Message(ocr.status()), HasSubstr("page 1"));
}

}  // namespace
}  // namespace docintake::ocr
