#include "ocr/text_layer.h"

namespace docintake::ocr {

v1::PageText ToPageText(const PageResult& page, int number) {
  v1::PageText out;
  out.set_number(static_cast<uint32_t>(number));
  out.set_text(page.text);
  out.set_source(v1::TextLayer::OCR);
  out.set_rotation(static_cast<uint32_t>(page.rotation));
  out.set_rotation_confidence(page.rotation_confidence);
  out.set_skew(page.skew);
  out.set_blank(page.blank);
  out.set_mean_confidence(page.mean_confidence);
  out.set_dpi(static_cast<uint32_t>(page.dpi));
  out.set_dpi_assumed(page.dpi_assumed);
  out.set_width(static_cast<uint32_t>(page.width));
  out.set_height(static_cast<uint32_t>(page.height));
  for (const Word& word : page.words) {
    v1::OcrWord& w = *out.add_words();
    w.set_text(word.text);
    w.set_left(static_cast<uint32_t>(word.left));
    w.set_top(static_cast<uint32_t>(word.top));
    w.set_width(static_cast<uint32_t>(word.width));
    w.set_height(static_cast<uint32_t>(word.height));
    w.set_confidence(word.confidence);
    w.set_line(static_cast<uint32_t>(word.line));
  }
  return out;
}

v1::TextLayer ToTextLayer(const DocumentOcr& document,
                          const std::string& engine) {
  v1::TextLayer out;
  out.set_source(v1::TextLayer::OCR);
  out.set_page_count(static_cast<uint32_t>(document.page_count));
  out.set_ocr_engine(engine);
  double sum = 0;
  size_t words = 0;
  for (size_t i = 0; i < document.pages.size(); ++i) {
    const PageResult& page = document.pages[i];
    *out.add_pages() = ToPageText(page, document.page_index[i] + 1);
    for (const Word& word : page.words) sum += word.confidence;
    words += page.words.size();
  }
  if (words > 0)
    out.set_mean_confidence(
        static_cast<float>(sum / static_cast<double>(words)));
  return out;
}

}  // namespace docintake::ocr
