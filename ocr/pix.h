// Leptonica images behind our own handle: PixPtr owns a Pix from the moment
// it is created. ClonePix/CopyPix are the only ways to share or copy one.
#ifndef DOCINTAKE_OCR_PIX_H_
#define DOCINTAKE_OCR_PIX_H_

#include <leptonica/allheaders.h>

#include "base/owned.h"

namespace docintake::ocr {

inline void FreePix(Pix* pix) { pixDestroy(&pix); }
using PixPtr = base::Owned<Pix, FreePix>;

// A new reference to the same pixels (Leptonica reference counting).
inline PixPtr ClonePix(Pix* pix) { return PixPtr(pixClone(pix)); }

// Leptonica prints its complaints about malformed images to stderr; they are
// not ours to log. Idempotent and thread-safe.
void SilenceLeptonica();

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_PIX_H_
