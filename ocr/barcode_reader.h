// Barcodes on a page image (zbar behind our own types): CODE-39, CODE-128,
// EAN, QR and the other symbologies zbar decodes. Thread-safe (each call uses
// its own scanner).
#ifndef DOCINTAKE_OCR_BARCODE_READER_H_
#define DOCINTAKE_OCR_BARCODE_READER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "ocr/page_result.h"
#include "ocr/pix.h"

namespace docintake::ocr {

// Every barcode on `page` (any depth), in the order zbar reports them.
absl::StatusOr<std::vector<Barcode>> ReadBarcodes(Pix* page);

}  // namespace docintake::ocr

#endif  // DOCINTAKE_OCR_BARCODE_READER_H_
