// Page images of a scanned document: PDF pages rendered with Poppler, TIFF
// (multi-page, incl. CCITT G4), PNG and JPEG decoded with Leptonica. Limits
// are checked from the headers before any pixel is decoded, so a hostile
// image cannot make us allocate gigabytes. Not thread-safe: open one source
// per thread (opening is cheap; pages are decoded on demand).
#ifndef DOCINTAKE_OCR_PAGE_SOURCE_H_
#define DOCINTAKE_OCR_PAGE_SOURCE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "ocr/pix.h"

namespace docintake::ocr {

struct PageLimits {
  int max_pages = 2000;
  // Largest page image accepted (width * height), e.g. 60 Mpx = A3 at 600 dpi.
  int64_t max_pixels = 60'000'000;
  // Resolution PDF pages are rendered at.
  int pdf_dpi = 300;
  // Resolution assumed for images that carry none (with a warning).
  int default_dpi = 300;
  // PDF pages are rendered in a child process with these limits, so that a
  // hostile page (e.g. nested form XObjects) cannot hang or exhaust us.
  absl::Duration max_render_time = absl::Seconds(60);
  uint64_t max_render_memory = 2ull << 30;
};

struct PageImage {
  PixPtr pix;  // 1, 8 or 32 bpp
  int dpi = 0;
  bool dpi_assumed = false;
  // The page's original JPEG bytes when the page is a whole JPEG file (so a
  // rendition can embed them unchanged); empty otherwise.
  std::string jpeg;
};

class PageSource {
 public:
  virtual ~PageSource() = default;
  virtual int page_count() const = 0;
  // 0-based. INVALID_ARGUMENT for a corrupt page, RESOURCE_EXHAUSTED (naming
  // the limit) for one larger than limits.max_pixels.
  virtual absl::StatusOr<PageImage> Page(int index) = 0;
};

// Sniffs `bytes` (PDF, TIFF, PNG, JPEG). `bytes` must outlive the source.
// INVALID_ARGUMENT for an unknown format, a corrupt file, a PDF encrypted
// with a user password, or zero pages; RESOURCE_EXHAUSTED (naming the limit)
// for too many pages.
absl::StatusOr<std::unique_ptr<PageSource>> OpenPages(
    absl::string_view bytes, const PageLimits& limits = {});

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PAGE_SOURCE_H_
