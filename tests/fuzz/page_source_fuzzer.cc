// Fuzz target: page images of scans (OpenPages and decoding every page:
// Poppler for PDF, Leptonica for TIFF, PNG and JPEG), with small limits so
// that each input stays fast. No OCR. Checks the documented codes and that
// every decoded page is normalised (depth 1, 8 or 32, no colour map, within
// max_pixels, a resolution).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ocr/page_source.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::ocr {
namespace {

// Larger inputs find nothing new but slow the fuzzer down.
constexpr size_t kMaxInputBytes = 1 << 20;

PageLimits FuzzLimits() {
  PageLimits limits;
  limits.max_pages = 8;
  limits.max_pixels = 4'000'000;
  limits.pdf_dpi = 50;
  return limits;
}

void CheckPage(const PageImage& page, absl::string_view bytes,
               const PageLimits& limits) {
  Pix* pix = page.pix.get();
  FUZZ_CHECK(pix != nullptr, "a page without an image");
  const int depth = pixGetDepth(pix);
  FUZZ_CHECK(depth == 1 || depth == 8 || depth == 32,
             absl::StrCat("depth ", depth));
  FUZZ_CHECK(pixGetColormap(pix) == nullptr, "a colour map was left");
  const int64_t pixels = int64_t{pixGetWidth(pix)} * pixGetHeight(pix);
  FUZZ_CHECK(pixels > 0 && pixels <= limits.max_pixels,
             absl::StrCat(pixGetWidth(pix), "x", pixGetHeight(pix)));
  FUZZ_CHECK(page.dpi > 0, absl::StrCat("dpi ", page.dpi));
  FUZZ_CHECK(!page.dpi_assumed || page.dpi == limits.default_dpi,
             absl::StrCat("assumed dpi ", page.dpi));
  FUZZ_CHECK(page.jpeg.empty() || page.jpeg == bytes,
             "kept JPEG bytes that are not the input");
}

void FuzzOne(absl::string_view bytes) {
  const PageLimits limits = FuzzLimits();
  absl::StatusOr<std::unique_ptr<PageSource>> source = OpenPages(bytes, limits);
  if (!source.ok()) {
    FUZZ_CHECK(
        fuzz::HasCode(source.status(), {absl::StatusCode::kInvalidArgument,
                                        absl::StatusCode::kResourceExhausted}),
        source.status().ToString());
    return;
  }
  const int pages = (*source)->page_count();
  FUZZ_CHECK(pages >= 1 && pages <= limits.max_pages,
             absl::StrCat(pages, " pages"));
  for (int i = 0; i < pages; ++i) {
    const absl::StatusOr<PageImage> page = (*source)->Page(i);
    if (page.ok()) {
      CheckPage(*page, bytes, limits);
    } else {
      FUZZ_CHECK(
          fuzz::HasCode(page.status(), {absl::StatusCode::kInvalidArgument,
                                        absl::StatusCode::kResourceExhausted}),
          page.status().ToString());
    }
  }
  FUZZ_CHECK(absl::IsOutOfRange((*source)->Page(pages).status()),
             "a page past the end");
  FUZZ_CHECK(absl::IsOutOfRange((*source)->Page(-1).status()), "page -1");
}

}  // namespace
}  // namespace docintake::ocr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > docintake::ocr::kMaxInputBytes) return -1;
  docintake::ocr::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
