// The XMP metadata packet of a PDF/A-2b file (ISO 19005-2 6.6): PDF/A
// identification, title, dates and producer, consistent with what
// PdfaInfoDict states in the Info dictionary. Pure functions; thread-safe.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_XMP_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_XMP_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::ocr::internal {

inline constexpr absl::string_view kPdfProducer = "docintake";

// `title` as both the XMP and the Info dictionary carry it: invalid UTF-8
// and control characters replaced, at most 1000 characters.
std::string CleanTitle(absl::string_view title);

// The packet (UTF-8, with xpacket wrapper) for a document titled `title`
// (already cleaned; omitted if empty) created at `created`. INVALID_ARGUMENT
// if `created` is not within the years 1..9999.
absl::StatusOr<std::string> XmpPacket(absl::string_view title,
                                      absl::Time created);

// "<</Title ... /Producer ...>>" matching XmpPacket (dates are in the XMP
// only).
std::string PdfaInfoDict(absl::string_view title);

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_XMP_H_
