#include "ocr/pdf_text_extractor.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <limits>
#include <memory>

#include "absl/strings/str_cat.h"
#include "ocr/internal/silence_poppler.h"

namespace docintake::ocr {

absl::StatusOr<PdfText> ExtractPdfText(absl::string_view pdf,
                                       const PdfTextLimits& limits) {
  internal::SilencePoppler();
  if (pdf.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return absl::ResourceExhaustedError("PDF is larger than 2 GiB");
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      pdf.data(), static_cast<int>(pdf.size())));
  if (doc == nullptr) {
    return absl::InvalidArgumentError(
        "not a readable PDF (Poppler cannot load it)");
  }
  if (doc->is_locked()) {
    return absl::InvalidArgumentError(
        "PDF is encrypted with a user password; its text cannot be read");
  }
  const int pages = doc->pages();
  if (pages <= 0) return absl::InvalidArgumentError("PDF has no pages");
  if (pages > limits.max_pages) {
    return absl::ResourceExhaustedError(
        absl::StrCat("PDF has ", pages, " pages, more than the limit of ",
                     limits.max_pages));
  }
  PdfText out;
  out.pages.reserve(static_cast<size_t>(pages));
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("page ", i + 1, " of the PDF cannot be read"));
    }
    poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)
            .to_utf8();
    out.pages.emplace_back(utf8.begin(), utf8.end());
  }
  return out;
}

}  // namespace docintake::ocr
