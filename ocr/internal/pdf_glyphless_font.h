// The glyph-less TrueType font of the invisible text layer (Tesseract's
// pdf.ttf: glyph 1 is an empty box, one advance wide). ParseGlyphlessFont
// reads the metrics PDF/A needs to state consistently with the font program;
// WriteGlyphlessFont emits the Type0 / CIDFontType2 objects that show every
// CID with glyph 1. Plain data and functions; thread-compatible.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_GLYPHLESS_FONT_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_GLYPHLESS_FONT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ocr/internal/pdf_object_writer.h"

namespace docintake::ocr::internal {

// Metrics in PDF glyph space (1000 units per em).
struct GlyphlessFont {
  std::string program;  // the TrueType file, embedded unchanged
  int advance = 0;      // horizontal advance of glyph 1
  int bbox[4] = {0, 0, 0, 0};
  int ascent = 0;
  int descent = 0;
};

// INVALID_ARGUMENT unless `program` is a TrueType font with a glyph 1 and
// well-formed head, hhea, maxp and hmtx tables.
absl::StatusOr<GlyphlessFont> ParseGlyphlessFont(std::string program);

// Writes the Type0 font as object `type0` (reserved by the caller) and its
// descendant, descriptor, font file, CIDToGIDMap and the given ToUnicode
// CMap as new objects. INTERNAL if compression fails.
absl::Status WriteGlyphlessFont(const GlyphlessFont& font,
                                const std::string& to_unicode_cmap, int type0,
                                PdfObjectWriter& writer);

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_GLYPHLESS_FONT_H_
