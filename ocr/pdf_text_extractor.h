// Text extraction from born-digital PDFs (Poppler behind our own types): the
// text layer of every page, in reading order (the order pdftotext uses). Pages
// without a text layer come back empty (the OCR stage handles them). Poppler
// runs in a child process with a time and memory limit (a hostile PDF can
// make it loop for hours). Thread-safe.
#ifndef DOCINTAKE_OCR_PDF_TEXT_EXTRACTOR_H_
#define DOCINTAKE_OCR_PDF_TEXT_EXTRACTOR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::ocr {

struct PdfText {
  // UTF-8 text of each page, pages[0] being page 1.
  std::vector<std::string> pages;
};

struct PdfTextLimits {
  int max_pages = 10000;
  absl::Duration max_time = absl::Seconds(120);
  uint64_t max_memory = 2ull << 30;
};

// INVALID_ARGUMENT when the bytes are not a readable PDF, when it is
// encrypted with a user password, or when it has no pages;
// RESOURCE_EXHAUSTED when it has more pages than `limits` allow or breaks
// the time or memory limit.
absl::StatusOr<PdfText> ExtractPdfText(absl::string_view pdf,
                                       const PdfTextLimits& limits = {});

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PDF_TEXT_EXTRACTOR_H_
