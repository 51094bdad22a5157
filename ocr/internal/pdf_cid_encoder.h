// CidEncoder turns recognised text into the two-byte codes (CIDs, shown via
// Identity-H) of the glyph-less font, and writes the ToUnicode CMap that
// maps them back. A BMP character is its own CID; each distinct character
// above U+FFFF gets one of the unused surrogate CIDs D800..DFFF, so it stays
// one glyph wide and extracts as itself. One encoder per document; not
// thread-safe.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_CID_ENCODER_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_CID_ENCODER_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace docintake::ocr::internal {

class CidEncoder {
 public:
  static constexpr uint16_t kSpace = 0x0020;

  // The CIDs of `utf8`, one per character. Invalid UTF-8, control
  // characters and U+FEFF/U+FFFE/U+FFFF become U+FFFD, as do characters
  // above U+FFFF once the 2048 spare CIDs are taken.
  std::vector<uint16_t> Encode(absl::string_view utf8);

  // A ToUnicode CMap stream body covering every CID this encoder hands out.
  std::string ToUnicodeCMap() const;

 private:
  uint16_t CidFor(char32_t cp);

  std::map<char32_t, uint16_t> astral_cids_;  // code point above U+FFFF -> CID
};

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_CID_ENCODER_H_
