#include "intake/stages/pdf_text_stage.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "ocr/pdf_text_extractor.h"

namespace docintake::intake {

absl::StatusOr<internal::StageOutput> PdfTextStage::Run(
    const v1::Record&, absl::string_view content) {
  internal::StageOutput out;
  absl::StatusOr<ocr::PdfText> text =
      ocr::ExtractPdfText(content, ocr::PdfTextLimits{max_pages_});
  if (!text.ok()) {
    // The document itself is the problem; retrying would not help.
    out.set_result(v1::StageOutcome::ERROR);
    out.set_disposition(internal::StageOutput::REVIEW);
    out.set_message(std::string(text.status().message()));
    return out;
  }
  v1::TextLayer& layer = *out.mutable_delta()->mutable_text();
  layer.set_source(v1::TextLayer::PDF_TEXT);
  layer.set_page_count(static_cast<uint32_t>(text->pages.size()));
  int empty_pages = 0;
  for (size_t i = 0; i < text->pages.size(); ++i) {
    v1::PageText& page = *layer.add_pages();
    page.set_number(static_cast<uint32_t>(i + 1));
    if (absl::StripAsciiWhitespace(text->pages[i]).empty()) ++empty_pages;
    page.set_text(std::move(text->pages[i]));
  }
  if (empty_pages > 0) {
    out.set_result(v1::StageOutcome::WARNING);
    out.set_message(absl::StrCat(empty_pages, " of ", text->pages.size(),
                                 " pages have no text layer"));
  } else {
    out.set_result(v1::StageOutcome::OK);
  }
  return out;
}

}  // namespace docintake::intake
