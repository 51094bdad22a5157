// OcrEngine: page recognition with Tesseract behind our own types. Holds a
// pool of initialised Tesseract instances (one per core by default) that are
// reused across pages and documents; Recognize blocks while all are busy, so
// the pool size is the number of pages recognised at once. Tesseract must
// run with OpenMP limited to one thread (OMP_THREAD_LIMIT=1 in the
// environment before the process starts; see base/openmp_env.h).
// Thread-safe.
#ifndef DOCINTAKE_OCR_OCR_ENGINE_H_
#define DOCINTAKE_OCR_OCR_ENGINE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "ocr/page_result.h"
#include "ocr/page_source.h"

namespace docintake::ocr {

struct OcrOptions {
  // Tesseract language(s), e.g. "deu" or "deu+eng".
  std::string language = "deu";
  // Folder of *.traineddata; empty: Tesseract's default.
  std::string tessdata_dir;
  // Pages recognised at once; 0: one per core.
  int engines = 0;
  // Orientation detection (OSD) runs only when recognition at the page's
  // orientation looks poor: mean word confidence below this, or fewer than
  // `osd_min_words` words.
  float osd_trigger_confidence = 75;
  int osd_min_words = 8;
  // OSD's answer is taken when its confidence reaches this (tuned on the
  // corpus; see docs/architecture.md) and the new pass is better.
  float osd_min_confidence = 2.0f;
  // Skew below this many degrees is reported but not corrected: on the
  // corpus, correcting clean pages skewed 0.4-0.8 degrees lost words, and
  // correcting degraded pages below 1 degree gained none.
  float min_deskew_degrees = 1.0f;
  // Longest time recognition of one page may take.
  absl::Duration max_time_per_page = absl::Seconds(120);
};

struct RecognizedPage {
  PageResult result;
  // The image as recognised (upright, deskewed); word boxes refer to it.
  PixPtr image;
  // Whether `image` is the page exactly as decoded (no turn, no deskew).
  bool unchanged = true;
};

class OcrEngine {
 public:
  // FAILED_PRECONDITION when the language data cannot be loaded.
  static absl::StatusOr<std::unique_ptr<OcrEngine>> Create(
      const OcrOptions& options);
  virtual ~OcrEngine() = default;

  // Orientation, deskew, blank detection and recognition of one page.
  // RESOURCE_EXHAUSTED when recognition exceeds max_time_per_page.
  virtual absl::StatusOr<RecognizedPage> Recognize(const PageImage& page) = 0;
  // E.g. "tesseract 5.3.0 deu".
  virtual std::string Description() const = 0;
  // Number of pages recognised at once.
  virtual int engines() const = 0;
};

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_OCR_ENGINE_H_
