#include "ocr/ocr_engine.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <thread>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "ocr/internal/instance_pool.h"
#include "ocr/preprocess.h"

namespace docintake::ocr {
namespace {

// Text lines run across the page when the skew finder is this much surer of
// the page turned by a quarter than of the page as it is (sideways text).
constexpr float kSidewaysConfidenceRatio = 1.5f;
// A word this confident counts as read; the count ranks candidate passes.
constexpr float kGoodWordConfidence = 60;

// One recognition pass at one orientation.
struct Pass {
  int rotation = 0;
  float skew = 0;
  PixPtr image;
  internal::Recognition recognition;

  int GoodWords() const {
    return static_cast<int>(std::count_if(
        recognition.words.begin(), recognition.words.end(),
        [](const Word& w) { return w.confidence >= kGoodWordConfidence; }));
  }
};

bool Better(const Pass& a, const Pass& b) {
  if (a.GoodWords() != b.GoodWords()) return a.GoodWords() > b.GoodWords();
  return a.recognition.mean_confidence > b.recognition.mean_confidence;
}

class TesseractEngine final : public OcrEngine {
 public:
  TesseractEngine(const OcrOptions& options, int engines)
      : options_(options),
        engines_(engines),
        recognizers_(options.tessdata_dir, options.language, engines),
        detectors_(options.tessdata_dir, "osd", engines) {}

  absl::Status Warm() {
    // Load one recognizer now, so that missing language data shows at start.
    return recognizers_.Acquire().status();
  }

  absl::StatusOr<RecognizedPage> Recognize(const PageImage& page) override;

  std::string Description() const override {
    return absl::StrCat("tesseract ", tesseract::TessBaseAPI::Version(), " ",
                        options_.language);
  }
  int engines() const override { return engines_; }

 private:
  // Turns `page` (and its binary version) upright by `rotation`, deskews it
  // and recognises it.
  absl::StatusOr<Pass> RecognizeAt(const PageImage& page, Pix* binary,
                                   int rotation);
  absl::StatusOr<internal::Orientation> DetectOrientation(
      const PageImage& page);
  bool Poor(const Pass& pass) const {
    return pass.recognition.mean_confidence < options_.osd_trigger_confidence ||
           static_cast<int>(pass.recognition.words.size()) <
               options_.osd_min_words;
  }

  const OcrOptions options_;
  const int engines_;
  internal::InstancePool recognizers_;
  internal::InstancePool detectors_;
};

absl::StatusOr<Pass> TesseractEngine::RecognizeAt(const PageImage& page,
                                                  Pix* binary, int rotation) {
  Pass pass;
  pass.rotation = rotation;
  ASSIGN_OR_RETURN(PixPtr upright, RotateUpright(page.pix.get(), rotation));
  ASSIGN_OR_RETURN(PixPtr upright_binary, RotateUpright(binary, rotation));
  ASSIGN_OR_RETURN(Skew skew, FindSkew(upright_binary.get()));
  if (skew.confidence > 0) pass.skew = skew.degrees;
  if (std::fabs(pass.skew) >= options_.min_deskew_degrees) {
    ASSIGN_OR_RETURN(upright, Deskew(upright.get(), pass.skew));
  }
  ASSIGN_OR_RETURN(internal::InstancePool::Lease tesseract,
                   recognizers_.Acquire());
  ASSIGN_OR_RETURN(pass.recognition,
                   tesseract->Recognize(upright.get(), page.dpi,
                                        options_.max_time_per_page));
  pass.image = std::move(upright);
  return pass;
}

absl::StatusOr<internal::Orientation> TesseractEngine::DetectOrientation(
    const PageImage& page) {
  ASSIGN_OR_RETURN(internal::InstancePool::Lease osd, detectors_.Acquire());
  return osd->DetectOrientation(page.pix.get(), page.dpi);
}

absl::StatusOr<RecognizedPage> TesseractEngine::Recognize(
    const PageImage& page) {
  if (page.pix == nullptr) return absl::InvalidArgumentError("no page image");
  RecognizedPage out;
  PageResult& result = out.result;
  result.dpi = page.dpi;
  result.dpi_assumed = page.dpi_assumed;
  ASSIGN_OR_RETURN(PixPtr binary, Binarize(page.pix.get()));
  // A page with almost no ink is read once as it is; it is blank only if
  // that finds no word (a short page of text has little ink too).
  ASSIGN_OR_RETURN(const bool little_ink, IsBlank(binary.get(), page.dpi));

  // Sideways text: the skew finder sees lines only after a quarter turn.
  bool sideways = false;
  if (!little_ink) {
    ASSIGN_OR_RETURN(Skew as_is, FindSkew(binary.get()));
    ASSIGN_OR_RETURN(PixPtr turned, RotateUpright(binary.get(), 90));
    ASSIGN_OR_RETURN(Skew quarter, FindSkew(turned.get()));
    sideways = quarter.confidence > kSidewaysConfidenceRatio * as_is.confidence;
  }

  std::optional<internal::Orientation> osd;
  int first = 0;
  if (sideways) {
    ASSIGN_OR_RETURN(osd, DetectOrientation(page));
    first = osd->rotation == 270 ? 270 : 90;
  }
  ASSIGN_OR_RETURN(Pass best, RecognizeAt(page, binary.get(), first));
  result.blank = little_ink && best.GoodWords() == 0;
  if (!little_ink && Poor(best)) {
    if (!osd.has_value()) {
      ASSIGN_OR_RETURN(osd, DetectOrientation(page));
    }
    std::vector<int> candidates;
    if (osd->rotation != first &&
        osd->confidence >= options_.osd_min_confidence) {
      candidates.push_back(osd->rotation);
    }
    if (sideways) candidates.push_back(first == 90 ? 270 : 90);
    for (int rotation : candidates) {
      if (!Poor(best)) break;
      ASSIGN_OR_RETURN(Pass other, RecognizeAt(page, binary.get(), rotation));
      if (Better(other, best)) best = std::move(other);
    }
  }
  if (osd.has_value() && osd->rotation == best.rotation) {
    result.rotation_confidence = osd->confidence;
  }
  result.rotation = best.rotation;
  result.skew = best.skew;
  result.text = std::move(best.recognition.text);
  result.words = std::move(best.recognition.words);
  result.mean_confidence = best.recognition.mean_confidence;
  result.width = pixGetWidth(best.image.get());
  result.height = pixGetHeight(best.image.get());
  out.unchanged =
      best.rotation == 0 && std::fabs(best.skew) < options_.min_deskew_degrees;
  out.image = std::move(best.image);
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<OcrEngine>> OcrEngine::Create(
    const OcrOptions& options) {
  SilenceLeptonica();
  int engines = options.engines;
  if (engines <= 0) {
    engines =
        std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }
  auto engine = std::make_unique<TesseractEngine>(options, engines);
  RETURN_IF_ERROR(engine->Warm());
  return engine;
}

}  // namespace docintake::ocr
