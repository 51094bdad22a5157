// PDF pages rendered with Poppler to 8 bpp grey at limits.pdf_dpi, with the
// page's /Rotate applied (as a viewer shows it). Poppler runs only in child
// processes (base::RunInChild): parsing and rendering hostile PDFs can take
// unbounded time and memory, and keeping Poppler out of the parent also
// means no parent thread holds a Poppler lock when another one forks.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/child_process.h"
#include "base/status_macros.h"
#include "ocr/internal/image_pages.h"
#include "ocr/internal/silence_poppler.h"

namespace docintake::ocr::internal {
namespace {

// In a child: the document, or why it cannot be read.
absl::StatusOr<std::unique_ptr<poppler::document>> Load(
    absl::string_view bytes, const PageLimits& limits) {
  SilencePoppler();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    return absl::InvalidArgumentError(
        "not a readable PDF (Poppler cannot load it)");
  }
  if (doc->is_locked()) {
    return absl::InvalidArgumentError(
        "PDF is encrypted with a user password; its pages cannot be read");
  }
  const int pages = doc->pages();
  if (pages <= 0) return absl::InvalidArgumentError("PDF has no pages");
  if (pages > limits.max_pages) {
    return absl::ResourceExhaustedError(
        absl::StrCat("PDF has ", pages, " pages, more than the limit of ",
                     limits.max_pages, " (max_pages)"));
  }
  return doc;
}

// In a child: "<width> <height>\n" and the 8-bit grey rows, unpadded.
absl::StatusOr<std::string> Render(absl::string_view bytes, int index,
                                   const PageLimits& limits) {
  ASSIGN_OR_RETURN(std::unique_ptr<poppler::document> doc, Load(bytes, limits));
  std::unique_ptr<poppler::page> page(doc->create_page(index));
  if (page == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("PDF page ", index + 1, " cannot be read"));
  }
  const poppler::rectf box = page->page_rect(poppler::crop_box);
  const double scale = limits.pdf_dpi / 72.0;
  const double w = std::ceil(box.width() * scale);
  const double h = std::ceil(box.height() * scale);
  if (!(w > 0 && h > 0 && w < 1e9 && h < 1e9)) {
    return absl::InvalidArgumentError(
        absl::StrCat("PDF page ", index + 1, " has no usable page box"));
  }
  RETURN_IF_ERROR(CheckPixels(index + 1, static_cast<int64_t>(w),
                              static_cast<int64_t>(h), limits));
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image =
      renderer.render_page(page.get(), limits.pdf_dpi, limits.pdf_dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
    return absl::InvalidArgumentError(
        absl::StrCat("PDF page ", index + 1, " cannot be rendered"));
  }
  std::string out = absl::StrCat(image.width(), " ", image.height(), "\n");
  const auto width = static_cast<size_t>(image.width());
  out.reserve(out.size() + width * static_cast<size_t>(image.height()));
  for (int y = 0; y < image.height(); ++y) {
    out.append(
        image.const_data() +
            static_cast<size_t>(y) * static_cast<size_t>(image.bytes_per_row()),
        width);
  }
  return out;
}

base::ChildLimits ChildLimitsFor(const PageLimits& limits, std::string what) {
  base::ChildLimits child;
  child.deadline = limits.max_render_time;
  child.max_memory_bytes = limits.max_render_memory;
  child.what = std::move(what);
  return child;
}

absl::StatusOr<PageImage> ToPageImage(const std::string& raster, int index,
                                      int dpi) {
  const size_t eol = raster.find('\n');
  int width = 0, height = 0;
  if (eol == std::string::npos ||
      std::sscanf(raster.substr(0, eol).c_str(), "%d %d", &width, &height) !=
          2 ||
      width <= 0 || height <= 0 ||
      raster.size() - eol - 1 !=
          static_cast<size_t>(width) * static_cast<size_t>(height)) {
    return absl::InternalError(
        absl::StrCat("PDF page ", index + 1, ": malformed raster"));
  }
  PixPtr pix(pixCreate(width, height, 8));
  if (pix == nullptr) {
    return absl::ResourceExhaustedError(
        absl::StrCat("no memory for PDF page ", index + 1));
  }
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  const auto* rows =
      reinterpret_cast<const unsigned char*>(raster.data() + eol + 1);
  for (int y = 0; y < height; ++y) {
    const unsigned char* row =
        rows + static_cast<size_t>(y) * static_cast<size_t>(width);
    l_uint32* line = data + static_cast<size_t>(y) * static_cast<size_t>(wpl);
    for (int x = 0; x < width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  pixSetResolution(pix.get(), dpi, dpi);
  PageImage out;
  out.pix = std::move(pix);
  out.dpi = dpi;
  return out;
}

class PdfPages final : public PageSource {
 public:
  PdfPages(absl::string_view bytes, const PageLimits& limits, int pages)
      : bytes_(bytes), limits_(limits), pages_(pages) {}

  int page_count() const override { return pages_; }

  absl::StatusOr<PageImage> Page(int index) override {
    if (index < 0 || index >= pages_) {
      return absl::OutOfRangeError(absl::StrCat("no page ", index + 1));
    }
    ASSIGN_OR_RETURN(
        const std::string raster,
        base::RunInChild(
            [&] { return Render(bytes_, index, limits_); },
            ChildLimitsFor(limits_,
                           absl::StrCat("rendering PDF page ", index + 1,
                                        " (max_render_time)"))));
    return ToPageImage(raster, index, limits_.pdf_dpi);
  }

 private:
  const absl::string_view bytes_;
  const PageLimits limits_;
  const int pages_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<PageSource>> OpenPdfPages(
    absl::string_view bytes, const PageLimits& limits) {
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return absl::ResourceExhaustedError("PDF is larger than 2 GiB");
  }
  ASSIGN_OR_RETURN(
      const std::string count,
      base::RunInChild(
          [&]() -> absl::StatusOr<std::string> {
            ASSIGN_OR_RETURN(std::unique_ptr<poppler::document> doc,
                             Load(bytes, limits));
            return absl::StrCat(doc->pages());
          },
          ChildLimitsFor(limits, "reading the PDF (max_render_time)")));
  int pages = 0;
  if (!absl::SimpleAtoi(count, &pages) || pages <= 0) {
    return absl::InternalError("PDF page count not understood");
  }
  return std::make_unique<PdfPages>(bytes, limits, pages);
}

}  // namespace docintake::ocr::internal
