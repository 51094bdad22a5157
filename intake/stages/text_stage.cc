#include "intake/stages/text_stage.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "intake/media_sniffer.h"
#include "ocr/document_ocr.h"
#include "ocr/pdf_text_extractor.h"
#include "ocr/text_layer.h"

namespace docintake::intake {
namespace {

bool IsDocumentProblem(const absl::Status& status) {
  return absl::IsInvalidArgument(status) || absl::IsResourceExhausted(status) ||
         absl::IsOutOfRange(status);
}

// The document itself is the problem; retrying would not help.
internal::StageOutput ToReview(const absl::Status& status) {
  internal::StageOutput out;
  out.set_result(v1::StageOutcome::ERROR);
  out.set_disposition(internal::StageOutput::REVIEW);
  out.set_message(std::string(status.message()));
  return out;
}

// WARNING naming blank, low-confidence and assumed-resolution pages.
void SetOutcome(const v1::TextLayer& layer, float low_confidence,
                internal::StageOutput& out) {
  uint32_t assumed_dpi = 0;
  std::vector<std::string> notes;
  std::vector<uint32_t> blank, weak, assumed, empty;
  for (const v1::PageText& page : layer.pages()) {
    if (page.source() == v1::TextLayer::OCR) {
      if (page.blank()) {
        blank.push_back(page.number());
      } else if (page.mean_confidence() < low_confidence) {
        weak.push_back(page.number());
      }
      if (page.dpi_assumed()) {
        assumed.push_back(page.number());
        assumed_dpi = page.dpi();
      }
    } else if (absl::StripAsciiWhitespace(page.text()).empty()) {
      empty.push_back(page.number());
    }
  }
  if (!blank.empty()) {
    notes.push_back(absl::StrCat("blank page(s) ", absl::StrJoin(blank, ", ")));
  }
  if (!weak.empty()) {
    notes.push_back(absl::StrCat("low OCR confidence on page(s) ",
                                 absl::StrJoin(weak, ", ")));
  }
  if (!assumed.empty()) {
    notes.push_back(absl::StrCat("no resolution stated on page(s) ",
                                 absl::StrJoin(assumed, ", "), "; ",
                                 assumed_dpi, " dpi assumed"));
  }
  if (!empty.empty()) {
    notes.push_back(absl::StrCat(empty.size(), " of ", layer.page_count(),
                                 " pages have no text layer"));
  }
  out.set_result(notes.empty() ? v1::StageOutcome::OK
                               : v1::StageOutcome::WARNING);
  out.set_message(absl::StrJoin(notes, "; "));
}

}  // namespace

bool TextStage::AppliesTo(const v1::Record& record) const {
  if (record.has_batch_split()) return false;
  return HasPages(record.intake().media_kind());
}

absl::Status TextStage::Recognize(absl::string_view content,
                                  const std::vector<int>& pages, bool rendition,
                                  const v1::Record& record,
                                  internal::StageOutput& out) {
  ocr::DocumentOcrOptions options;
  options.limits = options_.limits;
  options.pages = pages;
  options.rendition = rendition;
  options.rendition_options.title = record.intake().filename().empty()
                                        ? record.document_id()
                                        : record.intake().filename();
  options.rendition_options.created =
      absl::FromUnixSeconds(record.intake().received_at().seconds());
  ASSIGN_OR_RETURN(ocr::DocumentOcr document,
                   ocr::OcrDocument(engine_, content, options));
  v1::TextLayer recognized = ocr::ToTextLayer(document, engine_.Description());
  v1::TextLayer& layer = *out.mutable_delta()->mutable_text();
  if (layer.pages_size() == 0) {
    layer = std::move(recognized);
  } else {
    // Mixed PDF: put the recognised pages among those with a text layer.
    std::map<uint32_t, v1::PageText> by_number;
    for (v1::PageText& page : *layer.mutable_pages()) {
      by_number[page.number()] = std::move(page);
    }
    for (v1::PageText& page : *recognized.mutable_pages()) {
      by_number[page.number()] = std::move(page);
    }
    layer.clear_pages();
    for (auto& [number, page] : by_number) *layer.add_pages() = std::move(page);
    layer.set_source(v1::TextLayer::MIXED);
    layer.set_ocr_engine(recognized.ocr_engine());
    layer.set_mean_confidence(recognized.mean_confidence());
  }
  if (!document.rendition.empty()) {
    const std::string hex = base::Sha256Hex(document.rendition);
    v1::Rendition& facts = *out.mutable_delta()->mutable_rendition();
    facts.set_media_type("application/pdf");
    facts.set_conformance("PDF/A-2b");
    facts.set_sha256(hex);
    facts.set_size(document.rendition.size());
    facts.set_content_address(absl::StrCat("sha256:", hex));
    *out.mutable_rendition() = std::move(document.rendition);
  }
  return absl::OkStatus();
}

absl::StatusOr<internal::StageOutput> TextStage::Run(
    const v1::Record& record, absl::string_view content) {
  internal::StageOutput out;
  std::vector<int> to_recognize;
  bool rendition = true;
  if (record.intake().media_kind() == v1::PDF) {
    absl::StatusOr<ocr::PdfText> text = ocr::ExtractPdfText(
        content, ocr::PdfTextLimits{options_.limits.max_pages});
    if (!text.ok()) return ToReview(text.status());
    v1::TextLayer& layer = *out.mutable_delta()->mutable_text();
    layer.set_source(v1::TextLayer::PDF_TEXT);
    layer.set_page_count(static_cast<uint32_t>(text->pages.size()));
    for (size_t i = 0; i < text->pages.size(); ++i) {
      if (absl::StripAsciiWhitespace(text->pages[i]).empty()) {
        to_recognize.push_back(static_cast<int>(i));
        continue;
      }
      v1::PageText& page = *layer.add_pages();
      page.set_number(static_cast<uint32_t>(i + 1));
      page.set_source(v1::TextLayer::PDF_TEXT);
      page.set_text(std::move(text->pages[i]));
    }
    if (to_recognize.empty()) {
      SetOutcome(layer, options_.low_confidence, out);
      return out;
    }
    // Only an image-only PDF gets a rendition: born-digital pages are never
    // re-rendered.
    rendition = layer.pages_size() == 0;
    if (rendition) out.mutable_delta()->clear_text();
  }
  absl::Status recognized =
      Recognize(content, to_recognize, rendition, record, out);
  if (IsDocumentProblem(recognized)) return ToReview(recognized);
  RETURN_IF_ERROR(recognized);
  SetOutcome(out.delta().text(), options_.low_confidence, out);
  return out;
}

}  // namespace docintake::intake
