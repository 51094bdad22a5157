// Parsing an RFC 3339 time given on the command line (--since, --until).
#ifndef DOCINTAKE_INTAKE_CLI_TIME_FLAG_H_
#define DOCINTAKE_INTAKE_CLI_TIME_FLAG_H_

#include <google/protobuf/timestamp.pb.h>

#include <string>

#include "absl/status/status.h"

namespace docintake::cli {

// Sets `out` from `text`; INVALID_ARGUMENT naming `--flag` otherwise.
absl::Status ParseTimeFlag(const std::string& flag, const std::string& text,
                           google::protobuf::Timestamp* out);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_TIME_FLAG_H_
