// Some pages of a scan as a document of their own: a multi-page TIFF of the
// decoded page images (CCITT G4 for 1 bpp, lossless ZIP otherwise), used for
// the documents split off a scan batch. Deterministic: the same pages give
// the same bytes. Thread-safe.
#ifndef DOCINTAKE_OCR_PAGE_EXTRACT_H_
#define DOCINTAKE_OCR_PAGE_EXTRACT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ocr/page_source.h"

namespace docintake::ocr {

// `pages` are 0-based. Errors as PageSource::Page.
absl::StatusOr<std::string> ExtractPagesAsTiff(absl::string_view bytes,
                                               const std::vector<int>& pages,
                                               const PageLimits& limits);

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PAGE_EXTRACT_H_
