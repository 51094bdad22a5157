// Searchable PDF/A-2b renditions: each page is its image plus an invisible
// text layer (text render mode 3, an embedded glyph-less font) placed over
// the recognised words, so search and copy/paste give the words with spaces
// between them. The file carries an sRGB ICC output intent, XMP metadata with
// pdfaid:part=2 / pdfaid:conformance=B, a trailer /ID, no encryption and no
// JavaScript. Output is deterministic: the same input gives the same bytes.
#ifndef DOCINTAKE_OCR_PDFA_WRITER_H_
#define DOCINTAKE_OCR_PDFA_WRITER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "ocr/page_result.h"
#include "ocr/pix.h"

namespace docintake::ocr {

struct RenditionPage {
  // The page image as recognised (upright, deskewed): 1 bpp is embedded as
  // CCITT G4, 8 bpp grey and 32 bpp colour as JPEG.
  Pix* image = nullptr;
  // If not empty: JPEG bytes of exactly `image`, embedded unchanged instead.
  std::string jpeg;
  int dpi = 300;
  // Word boxes in pixels of `image`.
  std::vector<Word> words;
};

struct RenditionOptions {
  std::string title;
  // Written as CreationDate/ModDate in the XMP (and nowhere else).
  absl::Time created = absl::UnixEpoch();
  // Files read at write time; defaults are Debian's paths.
  std::string icc_profile_path = "/usr/share/color/icc/sRGB.icc";
  std::string glyphless_font_path =
      "/usr/share/tesseract-ocr/5/tessdata/pdf.ttf";
  int jpeg_quality = 85;
};

// INVALID_ARGUMENT without pages or with a page without an image;
// FAILED_PRECONDITION when the ICC profile or font cannot be read.
absl::StatusOr<std::string> WritePdfA(const std::vector<RenditionPage>& pages,
                                      const RenditionOptions& options);

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PDFA_WRITER_H_
