// One initialised Tesseract (recognition in a language, or orientation
// detection), behind our own types. Not thread-safe: one page at a time;
// OcrEngine pools instances across threads.
#ifndef DOCINTAKE_OCR_INTERNAL_TESSERACT_INSTANCE_H_
#define DOCINTAKE_OCR_INTERNAL_TESSERACT_INSTANCE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "ocr/page_result.h"
#include "ocr/pix.h"

namespace tesseract {
class TessBaseAPI;
}

namespace docintake::ocr::internal {

struct Recognition {
  std::string text;
  std::vector<Word> words;
  float mean_confidence = 0;
};

struct Orientation {
  int rotation = 0;  // clockwise turn of the content: 0, 90, 180, 270
  float confidence = 0;
};

class TesseractInstance {
 public:
  // `language` "osd" gives an orientation detector. FAILED_PRECONDITION when
  // the language data cannot be loaded.
  static absl::StatusOr<std::unique_ptr<TesseractInstance>> Create(
      const std::string& tessdata_dir, const std::string& language);
  ~TesseractInstance();
  TesseractInstance(const TesseractInstance&) = delete;
  TesseractInstance& operator=(const TesseractInstance&) = delete;

  // Full-page recognition (automatic page segmentation). RESOURCE_EXHAUSTED
  // when it takes longer than `deadline`.
  absl::StatusOr<Recognition> Recognize(Pix* page, int dpi,
                                        absl::Duration deadline);
  // Orientation of the page's text; confidence 0 when it cannot tell.
  Orientation DetectOrientation(Pix* page, int dpi);

 private:
  explicit TesseractInstance(std::unique_ptr<tesseract::TessBaseAPI> api);

  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_TESSERACT_INSTANCE_H_
