// Seeds of page_source: page images good and hostile, built in code
// (tests/support/page_images.h): headers claiming gigapixels, too many
// pages, truncated and random files, PDFs without pages, encrypted (with
// qpdf) or with a huge page, and small images of each format, depth and
// compression the target decodes.
#include <fstream>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tests/fuzz/seed_generator.h"
#include "tests/support/command.h"
#include "tests/support/page_images.h"
#include "tests/support/temp_dir.h"

namespace docintake::fuzz {
namespace {

constexpr char kTarget[] = "page_source";

// `pdf` encrypted by qpdf with a user password (AES-256).
absl::StatusOr<std::string> Encrypted(const std::string& pdf) {
  const testing::TempDir dir;
  std::ofstream(dir.Path("plain.pdf"), std::ios::binary) << pdf;
  const testing::CommandResult qpdf = testing::RunCommand(
      absl::StrCat("qpdf --encrypt user owner 256 -- '", dir.Path("plain.pdf"),
                   "' '", dir.Path("encrypted.pdf"), "' 2>&1"));
  if (qpdf.exit_code != 0) {
    return absl::InternalError(absl::StrCat("qpdf failed: ", qpdf.out));
  }
  std::ifstream in(dir.Path("encrypted.pdf"), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string ColormappedPng() {
  ocr::PixPtr pix(pixCreate(30, 20, 8));
  PixColormap* cmap = pixcmapCreate(8);
  pixcmapAddColor(cmap, 255, 255, 255);
  pixcmapAddColor(cmap, 200, 0, 0);
  pixSetColormap(pix.get(), cmap);
  pixSetPixel(pix.get(), 5, 5, 1);
  return testing::EncodePng(pix.get());
}

}  // namespace

absl::Status WritePageSourceSeeds(const SeedWriter& out) {
  const ocr::PixPtr grey = testing::GeneratedPage(320, 240, 8);
  const ocr::PixPtr binary = testing::GeneratedPage(400, 300, 1);
  const std::string jpeg = testing::EncodeJpeg(grey.get());
  std::mt19937 random(1);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xff);
  ASSIGN_OR_RETURN(const std::string encrypted,
                   Encrypted(testing::PdfWithPages(1)));
  const std::pair<const char*, std::string> seeds[] = {
      {"tiff-100000x100000.tif",
       testing::MinimalTiff(100000, 100000, std::string(16, '\0'))},
      {"tiff-64x8.tif", testing::MinimalTiff(64, 8, std::string(64, '\x0f'))},
      {"png-60000x60000.png", testing::MinimalPng(60000, 60000)},
      {"png-40x30.png", testing::MinimalPng(40, 30)},
      {"page.jpg", jpeg},
      {"truncated.jpg", jpeg.substr(0, jpeg.size() / 2)},
      {"g4.tif", testing::EncodeTiff(binary.get(), IFF_TIFF_G4)},
      {"grey-zip.tif", testing::EncodeTiff(grey.get(), IFF_TIFF_ZIP)},
      {"3-pages.tif", testing::MultipageTiff(3)},
      // One page over the target's limit of 8.
      {"9-pages.tif", testing::MultipageTiff(9)},
      {"colormap.png", ColormappedPng()},
      {"grey-no-dpi.png", testing::EncodePng(grey.get())},
      {"one-page.pdf", testing::PdfWithPages(1)},
      {"two-pages.pdf", testing::PdfWithPages(2)},
      {"no-pages.pdf", testing::PdfWithPages(0)},
      {"huge-page.pdf", testing::PdfWithPages(1, 14400, 14400)},
      {"encrypted.pdf", encrypted},
      {"random.bin", noise},
      {"empty.bin", ""},
  };
  for (const auto& [name, bytes] : seeds) {
    if (bytes.empty() && std::string(name) != "empty.bin") {
      return absl::InternalError(absl::StrCat("could not make ", name));
    }
    RETURN_IF_ERROR(out.Write(kTarget, name, bytes));
  }
  return absl::OkStatus();
}

}  // namespace docintake::fuzz
