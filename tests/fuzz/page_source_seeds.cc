// Seeds of page_source: page images good and hostile, built in code
// (tests/support/page_images.h): headers claiming gigapixels, too many
// pages, truncated and random files, a JPEG of many empty scans, PDFs
// without pages, encrypted (with qpdf), with a huge page or nested forms, and
// small images of each format, depth and compression the target decodes.
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

// `progressive` (a progressive JPEG) with its first scan header repeated
// `scans` times without data: the decoder warns but visits every block in
// every scan, so the cost grows with scans x pixels, not with the file size.
std::string ManyEmptyScans(const std::string& progressive, int scans) {
  const size_t first_scan = progressive.find("\xff\xda");
  if (first_scan == std::string::npos) return "";
  std::string jpeg = progressive.substr(0, first_scan);
  // SOS: one component (1) with tables 0/0, spectral 0..0, approximation 0.
  const std::string empty_dc_scan("\xff\xda\x00\x08\x01\x01\x00\x00\x00\x00",
                                  10);
  for (int i = 0; i < scans; ++i) jpeg += empty_dc_scan;
  return jpeg + "\xff\xd9";
}

// A page that draws form /X2, which draws /X1 ten times, which draws /X0 (a
// filled rectangle) ten times: 100 fills from a few hundred bytes.
std::string FormFanOutPdf() {
  const std::string resources =
      "<< /XObject << /X0 5 0 R /X1 6 0 R /X2 7 0 R >> >>";
  const auto stream = [](absl::string_view dict, absl::string_view data) {
    return absl::StrCat("<< /Length ", data.size(), dict, " >>\nstream\n", data,
                        "\nendstream");
  };
  const auto form = [&](absl::string_view body) {
    return stream(absl::StrCat(" /Type /XObject /Subtype /Form /BBox [0 0 "
                               "300 200] /Resources ",
                               resources),
                  body);
  };
  std::string ten_x0, ten_x1;
  for (int i = 0; i < 10; ++i) {
    absl::StrAppend(&ten_x0, "/X0 Do ");
    absl::StrAppend(&ten_x1, "/X1 Do ");
  }
  return testing::PdfFromObjects(
      {"<< /Type /Catalog /Pages 2 0 R >>",
       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       absl::StrCat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] "
                    "/Resources ",
                    resources, " /Contents 4 0 R >>"),
       stream("", "/X2 Do"), form("0 0 0 rg 10 10 280 180 re f"), form(ten_x0),
       form(ten_x1)});
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
  const std::string progressive = testing::EncodeJpeg(grey.get(), true);
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
      {"progressive.jpg", progressive},
      {"200-empty-scans.jpg", ManyEmptyScans(progressive, 200)},
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
      {"form-fan-out.pdf", FormFanOutPdf()},
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
