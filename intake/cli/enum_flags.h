// Parsing of the enum-valued flags (--channel, --assurance, --state): the
// lower-case proto value names, case-insensitive, '-' allowed for '_'
// ("scan_station", "SCAN-STATION"). The *_UNSPECIFIED values are not
// accepted. Stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_ENUM_FLAGS_H_
#define DOCINTAKE_INTAKE_CLI_ENUM_FLAGS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docintake/v1/record.pb.h"

namespace docintake::cli {

// INVALID_ARGUMENT naming the accepted values if `text` is none of them.
absl::StatusOr<v1::Channel> ParseChannel(absl::string_view text);
absl::StatusOr<v1::AssuranceLevel> ParseAssuranceLevel(absl::string_view text);
absl::StatusOr<v1::DocumentState> ParseDocumentState(absl::string_view text);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_ENUM_FLAGS_H_
