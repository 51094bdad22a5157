// PDF pages rendered with Poppler to 8 bpp grey at limits.pdf_dpi, with the
// page's /Rotate applied (as a viewer shows it).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "ocr/internal/image_pages.h"
#include "ocr/internal/silence_poppler.h"

namespace docintake::ocr::internal {
namespace {

class PdfPages final : public PageSource {
 public:
  PdfPages(std::unique_ptr<poppler::document> doc, const PageLimits& limits)
      : doc_(std::move(doc)), limits_(limits), pages_(doc_->pages()) {
    renderer_.set_image_format(poppler::image::format_gray8);
    renderer_.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer_.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  }

  int page_count() const override { return pages_; }

  absl::StatusOr<PageImage> Page(int index) override {
    if (index < 0 || index >= pages_) {
      return absl::OutOfRangeError(absl::StrCat("no page ", index + 1));
    }
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (page == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("PDF page ", index + 1, " cannot be read"));
    }
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    const double scale = limits_.pdf_dpi / 72.0;
    const double w = std::ceil(box.width() * scale);
    const double h = std::ceil(box.height() * scale);
    if (!(w > 0 && h > 0 && w < 1e9 && h < 1e9)) {
      return absl::InvalidArgumentError(
          absl::StrCat("PDF page ", index + 1, " has no usable page box"));
    }
    RETURN_IF_ERROR(CheckPixels(index + 1, static_cast<int64_t>(w),
                                static_cast<int64_t>(h), limits_));
    const poppler::image image =
        renderer_.render_page(page.get(), limits_.pdf_dpi, limits_.pdf_dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      return absl::InvalidArgumentError(
          absl::StrCat("PDF page ", index + 1, " cannot be rendered"));
    }
    PixPtr pix(pixCreate(image.width(), image.height(), 8));
    if (pix == nullptr) {
      return absl::ResourceExhaustedError(
          absl::StrCat("no memory for PDF page ", index + 1));
    }
    const int wpl = pixGetWpl(pix.get());
    l_uint32* data = pixGetData(pix.get());
    for (int y = 0; y < image.height(); ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(
          image.const_data() + static_cast<size_t>(y) * image.bytes_per_row());
      l_uint32* line = data + static_cast<size_t>(y) * wpl;
      for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    pixSetResolution(pix.get(), limits_.pdf_dpi, limits_.pdf_dpi);
    PageImage out;
    out.pix = std::move(pix);
    out.dpi = limits_.pdf_dpi;
    return out;
  }

 private:
  const std::unique_ptr<poppler::document> doc_;
  const PageLimits limits_;
  const int pages_;
  poppler::page_renderer renderer_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<PageSource>> OpenPdfPages(
    absl::string_view bytes, const PageLimits& limits) {
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return absl::ResourceExhaustedError("PDF is larger than 2 GiB");
  }
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
  return std::make_unique<PdfPages>(std::move(doc), limits);
}

}  // namespace docintake::ocr::internal
