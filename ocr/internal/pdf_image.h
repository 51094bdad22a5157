// The image XObject of a rendition page: a 1 bpp Pix as CCITT G4, grey as
// DCT (DeviceGray), colour as DCT (DeviceRGB), or caller-supplied JPEG bytes
// passed through after checking they match the Pix. Colormaps are removed
// first; other depths are converted to 8 bpp grey. Thread-compatible.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_IMAGE_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_IMAGE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ocr/pix.h"

namespace docintake::ocr::internal {

struct PdfImage {
  std::string dict_entries;  // everything in the stream dict but /Length
  std::string data;          // the encoded samples, as written
};

// Encodes `pix` (not null), or passes `jpeg` through if it is not empty.
// INVALID_ARGUMENT if `jpeg` is not a JPEG of the same size with the same
// kind of colour (grey for a grey Pix, RGB for a 32 bpp Pix; CMYK never);
// INTERNAL if Leptonica cannot encode the image. `jpeg_quality` is clamped
// to 1..100.
absl::StatusOr<PdfImage> EncodePdfImage(Pix* pix, absl::string_view jpeg,
                                        int jpeg_quality);

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_IMAGE_H_
