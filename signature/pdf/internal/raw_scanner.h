// One pass over the raw bytes of a PDF that finds the dictionaries with a
// /ByteRange key and the "%%EOF" markers, skipping stream data (by a direct
// /Length that ends at "endstream", else up to the next "endstream") and
// strings. Nesting deeper than kMaxDepth restarts the scan at the deep value,
// so nothing below it is lost and the stack stays small. Stateless.
#ifndef DOCINTAKE_SIGNATURE_PDF_INTERNAL_RAW_SCANNER_H_
#define DOCINTAKE_SIGNATURE_PDF_INTERNAL_RAW_SCANNER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "signature/pdf/raw_signature.h"

namespace docintake::signature::internal {

inline constexpr int kMaxDepth = 64;

struct RawScan {
  // In the order their dictionaries end; redefinitions not yet folded.
  std::vector<RawSignature> signatures;
  // Offsets of the object headers ("N G obj") the signatures sit in, or
  // npos; parallel to `signatures`.
  std::vector<size_t> object_offsets;
  std::vector<size_t> revision_ends;  // ascending
  bool complete = true;  // false if the lexer gave up (see Lexer::gave_up)
};

RawScan ScanRawPdf(absl::string_view pdf);

}  // namespace docintake::signature::internal

#endif  // DOCINTAKE_SIGNATURE_PDF_INTERNAL_RAW_SCANNER_H_
