// ParsePdfDate: a PDF date string (ISO 32000-1 §7.9.4), e.g.
// "D:20231005120000+02'00'", with every part after the year optional.
// nullopt for anything else. Pure function.
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_PDF_DATE_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_PDF_DATE_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::signature {

std::optional<absl::Time> ParsePdfDate(absl::string_view text);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_PDF_DATE_H_
