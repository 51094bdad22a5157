// Media sniffing by content: decides what a document is from its first bytes,
// whatever its name or declared type says. Pure functions; thread-safe.
#ifndef DOCINTAKE_INTAKE_MEDIA_SNIFFER_H_
#define DOCINTAKE_INTAKE_MEDIA_SNIFFER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docintake/v1/record.pb.h"

namespace docintake::intake {

// How many leading bytes SniffMedia looks at.
inline constexpr size_t kSniffBytes = 8192;

struct SniffedMedia {
  v1::MediaKind kind;
  std::string media_type;  // MIME type, e.g. "application/pdf"
};

// The kind of the document whose first bytes are `head` (at most kSniffBytes
// matter). INVALID_ARGUMENT naming what was found for anything else
// (empty input, plain text, other XML, ZIP, unknown binary, ...).
absl::StatusOr<SniffedMedia> SniffMedia(absl::string_view head);

// True if a declared MIME type (parameters and case ignored) is compatible
// with the sniffed kind, e.g. "text/xml" for a UBL invoice.
bool DeclaredTypeMatches(absl::string_view declared, v1::MediaKind kind);

// Whether documents of this kind consist of pages (PDF, TIFF, PNG, JPEG).
bool HasPages(v1::MediaKind kind);

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_MEDIA_SNIFFER_H_
