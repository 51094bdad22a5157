// Page preprocessing with Leptonica: binarisation, orientation by quarter
// turns, skew measurement and correction, and blank-page detection.
// Stateless and thread-safe.
#ifndef DOCINTAKE_OCR_PREPROCESS_H_
#define DOCINTAKE_OCR_PREPROCESS_H_

#include "absl/status/statusor.h"
#include "ocr/pix.h"

namespace docintake::ocr {

// 8 bpp grey version of any page (1, 8 or 32 bpp; colour maps removed).
absl::StatusOr<PixPtr> ToGrey(Pix* page);

// 1 bpp version (adaptive Otsu threshold for grey and colour pages).
absl::StatusOr<PixPtr> Binarize(Pix* page);

// Turns `page` by -rotation (rotation: clockwise turn of the content, a
// multiple of 90), making the content upright.
absl::StatusOr<PixPtr> RotateUpright(Pix* page, int rotation);

// Clockwise skew of the text lines in degrees (positive: the content is
// turned clockwise), and the finder's confidence; nullopt-like 0/0 when the
// page has too little text to tell.
struct Skew {
  float degrees = 0;
  float confidence = 0;
};
absl::StatusOr<Skew> FindSkew(Pix* binary_page);

// `page` turned by -degrees (white brought in), same size.
absl::StatusOr<PixPtr> Deskew(Pix* page, float degrees);

// True when the page carries (almost) no ink beyond scanner noise: after
// removing specks of about 0.25 mm and a margin of 5 %, less than
// `max_ink_ratio` of the pixels are dark. The default says "too little ink
// to be worth reading"; a page of 18 words of text has about 0.09 %, so
// callers that can read the page (OcrEngine) confirm with recognition.
absl::StatusOr<bool> IsBlank(Pix* binary_page, int dpi,
                             double max_ink_ratio = 0.0015);

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PREPROCESS_H_
