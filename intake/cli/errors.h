// How the CLI reports failures: gRPC statuses become absl::Status (the codes
// map 1:1), each error is one line on stderr, and the process exit code says
// success, failure or misuse. Stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_ERRORS_H_
#define DOCINTAKE_INTAKE_CLI_ERRORS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace docintake::cli {

// Exit codes of the `docintake` binary.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // an RPC or a local operation failed
inline constexpr int kExitUsage = 2;    // bad command line

absl::Status FromGrpcStatus(const grpc::Status& status);

// "docintake: <command> <subject>: CODE: message" (subject may be empty),
// with any line breaks of the message flattened; no trailing newline.
std::string ErrorLine(absl::string_view command, absl::string_view subject,
                      const absl::Status& status);

// "docintake: <command>: <message>" for usage errors; no trailing newline.
std::string UsageErrorLine(absl::string_view command,
                           absl::string_view message);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_ERRORS_H_
