// Document ids: 26-character ULIDs (48-bit millisecond time + 80 random bits,
// Crockford base32), so that ids sort by arrival time.
#ifndef DOCINTAKE_BASE_DOCUMENT_ID_H_
#define DOCINTAKE_BASE_DOCUMENT_ID_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::base {

std::string NewDocumentId(absl::Time now);
// True if `id` has the form NewDocumentId produces.
bool IsValidDocumentId(absl::string_view id);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_DOCUMENT_ID_H_
