#include "ocr/document_ocr.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "base/status_macros.h"

namespace docintake::ocr {
namespace {

// The outcome for one page, filled by whichever thread recognised it.
struct PageSlot {
  PageResult result;
  // For the rendition: the recognised image (only its header when `jpeg`
  // holds the pixels).
  PixPtr image;
  std::string jpeg;
};

// The resolution the rendition states for a page: the page's own, unless
// that would make a side shorter than 3 pt or longer than 14400 pt (the
// PDF/A limits), e.g. for a tiny image.
int RenditionDpi(Pix* image, int dpi) {
  const int shortest = std::min(pixGetWidth(image), pixGetHeight(image));
  const int longest = std::max(pixGetWidth(image), pixGetHeight(image));
  if (shortest * 72.0 / dpi < 3) dpi = std::max(1, shortest * 72 / 3);
  if (longest * 72.0 / dpi > 14400) dpi = (longest * 72 + 14399) / 14400;
  return dpi;
}

// Keeps only what the rendition needs, so that a long document does not hold
// every page's pixels: a 1 bpp page as it is (it becomes G4), any other as
// JPEG bytes beside a Pix header of the same size and depth (no pixels).
absl::Status CompactForRendition(PageSlot& slot, int jpeg_quality) {
  Pix* image = slot.image.get();
  if (pixGetDepth(image) == 1) return absl::OkStatus();
  if (slot.jpeg.empty()) {
    l_uint8* data = nullptr;
    size_t size = 0;
    if (pixWriteMemJpeg(&data, &size, image, std::clamp(jpeg_quality, 1, 100),
                        0) != 0) {
      return absl::InternalError("Leptonica could not encode the page");
    }
    slot.jpeg.assign(reinterpret_cast<const char*>(data), size);
    lept_free(data);
  }
  PixPtr header(pixCreateHeader(pixGetWidth(image), pixGetHeight(image),
                                pixGetDepth(image)));
  if (header == nullptr) return absl::ResourceExhaustedError("no memory");
  slot.image = std::move(header);
  return absl::OkStatus();
}

absl::Status WithPage(const absl::Status& status, int index) {
  return absl::Status(status.code(),
                      absl::StrCat("page ", index + 1, ": ", status.message()));
}

}  // namespace

absl::StatusOr<DocumentOcr> OcrDocument(OcrEngine& engine,
                                        absl::string_view bytes,
                                        const DocumentOcrOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<PageSource> first,
                   OpenPages(bytes, options.limits));
  DocumentOcr out;
  out.page_count = first->page_count();
  out.page_index = options.pages;
  if (out.page_index.empty()) {
    for (int i = 0; i < out.page_count; ++i) out.page_index.push_back(i);
  }
  for (int index : out.page_index) {
    if (index < 0 || index >= out.page_count) {
      return absl::InvalidArgumentError(absl::StrCat("no page ", index + 1,
                                                     " in a document of ",
                                                     out.page_count, " pages"));
    }
  }

  std::vector<PageSlot> slots(out.page_index.size());
  std::atomic<size_t> next{0};
  absl::Mutex mu;
  absl::Status error;  // the first failure stops every thread
  std::atomic<bool> failed{false};
  auto fail = [&](absl::Status status) {
    absl::MutexLock lock(&mu);
    if (error.ok()) error = std::move(status);
    failed = true;
  };
  auto work = [&](PageSource* source) {
    std::unique_ptr<PageSource> own;
    if (source == nullptr) {
      absl::StatusOr<std::unique_ptr<PageSource>> opened =
          OpenPages(bytes, options.limits);
      if (!opened.ok()) return fail(opened.status());
      own = std::move(*opened);
      source = own.get();
    }
    for (size_t i = next++; i < slots.size() && !failed; i = next++) {
      const int index = out.page_index[i];
      absl::StatusOr<PageImage> page = source->Page(index);
      absl::StatusOr<RecognizedPage> recognized =
          page.ok() ? engine.Recognize(*page) : page.status();
      if (!recognized.ok()) return fail(WithPage(recognized.status(), index));
      PageSlot& slot = slots[i];
      slot.result = std::move(recognized->result);
      slot.image = std::move(recognized->image);
      if (recognized->unchanged) slot.jpeg = std::move(page->jpeg);
      if (!options.rendition) {
        slot.image.reset();
        continue;
      }
      absl::Status compacted =
          CompactForRendition(slot, options.rendition_options.jpeg_quality);
      if (!compacted.ok()) return fail(WithPage(compacted, index));
    }
  };
  const int threads =
      std::min<int>(engine.engines(), static_cast<int>(slots.size()));
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads; ++t) helpers.emplace_back(work, nullptr);
  work(first.get());
  for (std::thread& t : helpers) t.join();
  RETURN_IF_ERROR(error);

  if (options.rendition) {
    std::vector<RenditionPage> pages;
    for (PageSlot& slot : slots) {
      RenditionPage page;
      page.image = slot.image.get();
      page.jpeg = std::move(slot.jpeg);
      page.dpi = RenditionDpi(slot.image.get(), slot.result.dpi);
      page.words = slot.result.words;
      pages.push_back(std::move(page));
    }
    ASSIGN_OR_RETURN(out.rendition,
                     WritePdfA(pages, options.rendition_options));
  }
  for (PageSlot& slot : slots) out.pages.push_back(std::move(slot.result));
  return out;
}

}  // namespace docintake::ocr
