#include "ocr/pdf_text_extractor.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <limits>
#include <memory>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/child_process.h"
#include "base/status_macros.h"
#include "ocr/internal/silence_poppler.h"

namespace docintake::ocr {

namespace {

absl::StatusOr<PdfText> ExtractInProcess(absl::string_view pdf,
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

// Pages as "<size>\n<bytes>" one after the other.
std::string Serialize(const PdfText& text) {
  std::string out;
  for (const std::string& page : text.pages) {
    absl::StrAppend(&out, page.size(), "\n", page);
  }
  return out;
}

absl::StatusOr<PdfText> Deserialize(absl::string_view data) {
  PdfText text;
  while (!data.empty()) {
    const size_t eol = data.find('\n');
    size_t size = 0;
    if (eol == absl::string_view::npos ||
        !absl::SimpleAtoi(data.substr(0, eol), &size) ||
        size > data.size() - eol - 1) {
      return absl::InternalError("PDF text from the child not understood");
    }
    text.pages.emplace_back(data.substr(eol + 1, size));
    data.remove_prefix(eol + 1 + size);
  }
  return text;
}

}  // namespace

absl::StatusOr<PdfText> ExtractPdfText(absl::string_view pdf,
                                       const PdfTextLimits& limits) {
  base::ChildLimits child;
  child.deadline = limits.max_time;
  child.max_memory_bytes = limits.max_memory;
  child.what = "extracting the PDF's text";
  ASSIGN_OR_RETURN(std::string data, base::RunInChild(
                                         [&]() -> absl::StatusOr<std::string> {
                                           ASSIGN_OR_RETURN(
                                               PdfText text,
                                               ExtractInProcess(pdf, limits));
                                           return Serialize(text);
                                         },
                                         child));
  return Deserialize(data);
}

}  // namespace docintake::ocr
