// Poppler prints parser complaints about malformed files to stderr; they are
// not ours to log (and could leak content). Idempotent and thread-safe.
#ifndef DOCINTAKE_OCR_INTERNAL_SILENCE_POPPLER_H_
#define DOCINTAKE_OCR_INTERNAL_SILENCE_POPPLER_H_

#include <poppler-global.h>

#include <string>

namespace docintake::ocr::internal {

inline void SilencePoppler() {
  static const bool once = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {},
                                      nullptr);
    return true;
  }();
  (void)once;
}

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_SILENCE_POPPLER_H_
