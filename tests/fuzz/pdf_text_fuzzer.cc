// Fuzz target: text extraction from PDFs through Poppler (ExtractPdfText),
// with a page limit as the pipeline sets one.
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "ocr/pdf_text_extractor.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::ocr {
namespace {

// Poppler's cost grows with the input; larger inputs find nothing new but
// slow the fuzzer down.
constexpr size_t kMaxInputBytes = 1 << 20;
constexpr int kMaxPages = 50;

void FuzzOne(absl::string_view bytes) {
  const absl::StatusOr<PdfText> text =
      ExtractPdfText(bytes, PdfTextLimits{kMaxPages});
  if (text.ok()) {
    FUZZ_CHECK(!text->pages.empty() && text->pages.size() <= kMaxPages,
               "page count outside 1..limit");
  } else {
    FUZZ_CHECK(
        fuzz::HasCode(text.status(), {absl::StatusCode::kInvalidArgument,
                                      absl::StatusCode::kResourceExhausted}),
        text.status().ToString());
  }
}

}  // namespace
}  // namespace docintake::ocr

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > docintake::ocr::kMaxInputBytes) return -1;
  docintake::ocr::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
