// What recognition finds on one page: the words with boxes and confidences,
// the page text in reading order, and what preprocessing found and did
// (orientation, skew, blank). Plain structs shared by the engine, the
// rendition writer and the batch splitter.
#ifndef DOCINTAKE_OCR_PAGE_RESULT_H_
#define DOCINTAKE_OCR_PAGE_RESULT_H_

#include <string>
#include <vector>

namespace docintake::ocr {

// One recognised word. The box is in pixels of the upright, deskewed page
// image that was recognised (PageResult::image), origin top left.
struct Word {
  std::string text;  // UTF-8, no spaces
  int left = 0;
  int top = 0;
  int width = 0;
  int height = 0;
  float confidence = 0;  // 0..100
  int line = 0;          // 0-based text line index on the page, reading order
};

// A barcode found on a page.
struct Barcode {
  std::string symbology;  // e.g. "CODE-39", "QR-Code", "CODE-128"
  std::string value;
};

struct PageResult {
  // Text in reading order: words of a line separated by one space, lines by
  // '\n', blocks by an empty line.
  std::string text;
  std::vector<Word> words;
  // Clockwise turn (0, 90, 180, 270) of the content relative to upright, as
  // found and corrected; confidence of the orientation detector (0 when it
  // was not needed).
  int rotation = 0;
  float rotation_confidence = 0;
  // Remaining clockwise skew in degrees after orientation, corrected before
  // recognition.
  float skew = 0;
  bool blank = false;
  // Mean word confidence 0..100 (0 for a page without words).
  float mean_confidence = 0;
  // Size and resolution of the recognised image.
  int width = 0;
  int height = 0;
  int dpi = 0;
  bool dpi_assumed = false;
};

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PAGE_RESULT_H_
