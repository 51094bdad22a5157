// OCR of a whole document: the pages that need it are decoded and recognised
// in parallel (as many at once as the engine has instances), and a searchable
// PDF/A-2b rendition is written from the recognised images. Thread-safe.
#ifndef DOCINTAKE_OCR_DOCUMENT_OCR_H_
#define DOCINTAKE_OCR_DOCUMENT_OCR_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ocr/ocr_engine.h"
#include "ocr/page_source.h"
#include "ocr/pdfa_writer.h"

namespace docintake::ocr {

struct DocumentOcrOptions {
  PageLimits limits;
  // 0-based pages to recognise; empty: all.
  std::vector<int> pages;
  // Whether to write the PDF/A rendition (of the recognised pages).
  bool rendition = true;
  RenditionOptions rendition_options;
};

struct DocumentOcr {
  int page_count = 0;
  // One per recognised page, in page order; page_index[i] is its 0-based
  // page number.
  std::vector<int> page_index;
  std::vector<PageResult> pages;
  // The PDF/A-2b rendition, if asked for.
  std::string rendition;
};

// Errors name the page: INVALID_ARGUMENT for corrupt input,
// RESOURCE_EXHAUSTED for a limit (pages, pixels, time per page).
absl::StatusOr<DocumentOcr> OcrDocument(OcrEngine& engine,
                                        absl::string_view bytes,
                                        const DocumentOcrOptions& options);

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_DOCUMENT_OCR_H_
