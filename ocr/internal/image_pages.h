// Page sources over image files (TIFF, PNG, JPEG) decoded with Leptonica,
// and over PDFs rendered with Poppler. Internal to ocr/: use OpenPages.
#ifndef DOCINTAKE_OCR_INTERNAL_IMAGE_PAGES_H_
#define DOCINTAKE_OCR_INTERNAL_IMAGE_PAGES_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ocr/page_source.h"

namespace docintake::ocr::internal {

absl::StatusOr<std::unique_ptr<PageSource>> OpenTiffPages(
    absl::string_view bytes, const PageLimits& limits);
// PNG or JPEG: one page.
absl::StatusOr<std::unique_ptr<PageSource>> OpenSingleImage(
    absl::string_view bytes, const PageLimits& limits);
absl::StatusOr<std::unique_ptr<PageSource>> OpenPdfPages(
    absl::string_view bytes, const PageLimits& limits);

// RESOURCE_EXHAUSTED naming the limit when width x height exceeds it.
absl::Status CheckPixels(int page_number, int64_t width, int64_t height,
                         const PageLimits& limits);

// Gives `pix` a depth of 1, 8 or 32 without a colour map, and the
// resolution: its own, or limits.default_dpi (dpi_assumed) when it has
// none or an implausible one.
absl::StatusOr<PageImage> NormalizePage(PixPtr pix, const PageLimits& limits);

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_IMAGE_PAGES_H_
