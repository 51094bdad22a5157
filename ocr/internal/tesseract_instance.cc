#include "ocr/internal/tesseract_instance.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace docintake::ocr::internal {
namespace {

// Tesseract hands out text as new[]-allocated C strings.
struct DeleteArray {
  void operator()(char* p) const { delete[] p; }
};
using TessText = std::unique_ptr<char, DeleteArray>;

std::string Take(char* text) {
  TessText owned(text);
  return owned == nullptr ? std::string() : std::string(owned.get());
}

}  // namespace

TesseractInstance::TesseractInstance(
    std::unique_ptr<tesseract::TessBaseAPI> api)
    : api_(std::move(api)) {}

TesseractInstance::~TesseractInstance() {
  if (api_ != nullptr) api_->End();
}

absl::StatusOr<std::unique_ptr<TesseractInstance>> TesseractInstance::Create(
    const std::string& tessdata_dir, const std::string& language) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract's diagnostics ("Estimating resolution ...") are not ours.
  api->SetVariable("debug_file", "/dev/null");
  const char* datapath = tessdata_dir.empty() ? nullptr : tessdata_dir.c_str();
  if (api->Init(datapath, language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Tesseract cannot load the language data \"", language, "\" from ",
        tessdata_dir.empty() ? "its default folder" : tessdata_dir,
        " (is tesseract-ocr-", language, " installed?)"));
  }
  api->SetPageSegMode(language == "osd" ? tesseract::PSM_OSD_ONLY
                                        : tesseract::PSM_AUTO);
  return std::unique_ptr<TesseractInstance>(
      new TesseractInstance(std::move(api)));
}

absl::StatusOr<Recognition> TesseractInstance::Recognize(
    Pix* page, int dpi, absl::Duration deadline) {
  api_->SetImage(page);
  api_->SetSourceResolution(dpi);
  tesseract::ETEXT_DESC monitor;
  const int64_t ms = absl::ToInt64Milliseconds(deadline);
  monitor.set_deadline_msecs(static_cast<int32_t>(
      std::min<int64_t>(ms, std::numeric_limits<int32_t>::max())));
  if (api_->Recognize(&monitor) != 0 || monitor.deadline_exceeded()) {
    api_->Clear();
    if (monitor.deadline_exceeded()) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "recognition took longer than the limit of ",
          absl::FormatDuration(deadline), " per page (max_time_per_page)"));
    }
    return absl::InvalidArgumentError("Tesseract could not recognise the page");
  }
  Recognition out;
  out.text = Take(api_->GetUTF8Text());
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  double confidence_sum = 0;
  int line = -1;
  if (it != nullptr && !it->Empty(tesseract::RIL_WORD)) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      std::string text = Take(it->GetUTF8Text(tesseract::RIL_WORD));
      absl::StripAsciiWhitespace(&text);
      if (text.empty()) continue;
      Word word;
      word.text = std::move(text);
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
      word.left = left;
      word.top = top;
      word.width = right - left;
      word.height = bottom - top;
      word.confidence = it->Confidence(tesseract::RIL_WORD);
      word.line = std::max(line, 0);
      confidence_sum += word.confidence;
      out.words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  if (!out.words.empty()) {
    out.mean_confidence = static_cast<float>(
        confidence_sum / static_cast<double>(out.words.size()));
  }
  api_->Clear();
  return out;
}

Orientation TesseractInstance::DetectOrientation(Pix* page, int dpi) {
  api_->SetImage(page);
  api_->SetSourceResolution(dpi);
  Orientation out;
  int degrees = 0;
  float confidence = 0;
  const char* script = nullptr;
  float script_confidence = 0;
  if (api_->DetectOrientationScript(&degrees, &confidence, &script,
                                    &script_confidence)) {
    out.rotation = ((degrees % 360) + 360) % 360;
    out.confidence = confidence;
  }
  api_->Clear();
  return out;
}

}  // namespace docintake::ocr::internal
