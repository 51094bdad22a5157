// The invisible text layer of one page: content-stream operators that show
// each recognised word in text render mode 3 with the glyph-less font,
// stretched (Tz) over the word's box, with a space glyph filling the gap to
// the next word of the same line so text extraction yields "word word" (a
// gap wider than half the line height is narrowed by stretching the word
// before it, or extractors would split the line there).
// Pure function of its inputs apart from the shared CidEncoder.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_TEXT_LAYER_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_TEXT_LAYER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ocr/internal/pdf_cid_encoder.h"
#include "ocr/page_result.h"

namespace docintake::ocr::internal {

struct TextLayerParams {
  int image_height = 0;     // pixels; word boxes have their origin top left
  int dpi = 300;            // > 0
  int glyph_advance = 500;  // of the font's only glyph, 1000 units per em
  absl::string_view font_resource = "F0";
};

// "BT ... ET" for `words` (words with empty text are skipped), or "" if no
// word remains. Words are grouped by Word::line and shown left to right;
// each line gets one font size, its box height, and one baseline, its box
// bottom. Boxes of zero or negative size are shown 1 pixel wide/high.
std::string TextLayerOperators(const std::vector<Word>& words,
                               const TextLayerParams& params,
                               CidEncoder& encoder);

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_TEXT_LAYER_H_
