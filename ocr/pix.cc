#include "ocr/pix.h"

namespace docintake::ocr {

void SilenceLeptonica() {
  static const bool once = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)once;
}

}  // namespace docintake::ocr
