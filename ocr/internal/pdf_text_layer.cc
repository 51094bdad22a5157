#include "ocr/internal/pdf_text_layer.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "ocr/internal/pdf_syntax.h"

namespace docintake::ocr::internal {
namespace {

// Keeps each string operand far below PDF/A's 32767-byte string limit.
constexpr size_t kMaxCidsPerString = 2000;

std::string ShowCids(const std::vector<uint16_t>& cids) {
  std::string out;
  for (size_t i = 0; i < cids.size(); i += kMaxCidsPerString) {
    std::string bytes;
    const size_t end = std::min(cids.size(), i + kMaxCidsPerString);
    for (size_t j = i; j < end; ++j) {
      bytes.push_back(static_cast<char>(cids[j] >> 8));
      bytes.push_back(static_cast<char>(cids[j] & 0xFF));
    }
    absl::StrAppend(&out, PdfHexString(bytes), " Tj\n");
  }
  return out;
}

class LineWriter {
 public:
  LineWriter(const TextLayerParams& params, CidEncoder& encoder)
      : params_(params),
        encoder_(encoder),
        points_per_pixel_(72.0 / params.dpi) {}

  // Shows the words [first, last) of one line.
  void Write(std::vector<const Word*>::const_iterator first,
             std::vector<const Word*>::const_iterator last, std::string& out) {
    int64_t top = (*first)->top;
    int64_t bottom = top + std::max((*first)->height, 1);
    for (auto it = first; it != last; ++it) {
      top = std::min<int64_t>(top, (*it)->top);
      bottom = std::max<int64_t>(
          bottom, int64_t{(*it)->top} + std::max((*it)->height, 1));
    }
    // Poppler and other extractors ignore where a space glyph is and may
    // split a line at a gap of about one em, so no gap is left wider than
    // half an em: the word before a wider gap is stretched into it.
    const int64_t max_gap = std::max<int64_t>(1, (bottom - top) / 2);
    font_size_ = static_cast<double>(bottom - top) * points_per_pixel_;
    baseline_ =
        static_cast<double>(params_.image_height - bottom) * points_per_pixel_;
    absl::StrAppend(&out, "/", params_.font_resource, " ", PdfReal(font_size_),
                    " Tf\n");
    for (auto it = first; it != last; ++it) {
      const Word& word = **it;
      const int64_t left = word.left;
      int64_t right = left + std::max(word.width, 1);
      if (it + 1 == last) {
        Show(encoder_.Encode(word.text), left, right, out);
        continue;
      }
      // The space runs from this word to the next; at least a pixel wide
      // when the boxes touch or overlap.
      const int64_t next_left = (*(it + 1))->left;
      right = std::max(right, next_left - max_gap);
      Show(encoder_.Encode(word.text), left, right, out);
      Show({CidEncoder::kSpace}, right, std::max(next_left, right + 1), out);
    }
  }

 private:
  // Shows `cids` from `left` to `right` (pixels) on the line's baseline.
  void Show(const std::vector<uint16_t>& cids, int64_t left, int64_t right,
            std::string& out) {
    if (cids.empty()) return;
    const double natural_width = static_cast<double>(cids.size()) * font_size_ *
                                 params_.glyph_advance / 1000.0;
    const double width = static_cast<double>(right - left) * points_per_pixel_;
    absl::StrAppend(&out, PdfReal(100.0 * width / natural_width), " Tz\n",
                    "1 0 0 1 ",
                    PdfReal(static_cast<double>(left) * points_per_pixel_), " ",
                    PdfReal(baseline_), " Tm\n", ShowCids(cids));
  }

  const TextLayerParams& params_;
  CidEncoder& encoder_;
  const double points_per_pixel_;
  double font_size_ = 0;
  double baseline_ = 0;
};

}  // namespace

std::string TextLayerOperators(const std::vector<Word>& words,
                               const TextLayerParams& params,
                               CidEncoder& encoder) {
  std::vector<const Word*> shown;
  for (const Word& word : words) {
    if (!word.text.empty()) shown.push_back(&word);
  }
  if (shown.empty()) return "";
  // Lines in index order, each left to right: the space glyphs bridge the
  // gap to the word on the right.
  std::stable_sort(
      shown.begin(), shown.end(), [](const Word* a, const Word* b) {
        return a->line != b->line ? a->line < b->line : a->left < b->left;
      });
  std::string out = "BT\n3 Tr\n";
  LineWriter line_writer(params, encoder);
  for (auto first = shown.begin(); first != shown.end();) {
    auto last = first;
    while (last != shown.end() && (*last)->line == (*first)->line) ++last;
    line_writer.Write(first, last, out);
    first = last;
  }
  out += "ET\n";
  return out;
}

}  // namespace docintake::ocr::internal
