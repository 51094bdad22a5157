// Test-only discovery of the signature dictionaries of a PDF by scanning its
// raw bytes: each /ByteRange array, the /Contents hex string and /SubFilter
// of the same dictionary. Good enough for the corpus files; the real
// discovery lives in signature/pdf/. Ordered by gap start (ByteRange[1]),
// then dictionary offset; a dictionary redefined with the same ByteRange and
// Contents counts once.
#ifndef DOCINTAKE_TESTS_SIGNATURE_CMS_RAW_PDF_SIGNATURES_H_
#define DOCINTAKE_TESTS_SIGNATURE_CMS_RAW_PDF_SIGNATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace docintake::testing {

struct RawPdfSignature {
  size_t dictionary_offset = 0;
  std::vector<int64_t> byte_range;
  std::string contents;    // decoded /Contents
  std::string sub_filter;  // without the slash
  // The pieces ByteRange selects; empty if the array is not offset/length
  // pairs inside the file.
  std::vector<absl::string_view> ranges;
};

// Views in `ranges` point into `pdf`.
std::vector<RawPdfSignature> FindRawPdfSignatures(absl::string_view pdf);

}  // namespace docintake::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_CMS_RAW_PDF_SIGNATURES_H_
