#include "intake/cli/errors.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace docintake::cli {
namespace {

std::string OneLine(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\r\n", " "}, {"\n", " "}, {"\r", " "}});
}

std::string Prefix(absl::string_view command, absl::string_view subject) {
  std::string out = absl::StrCat("docintake: ", command);
  if (!subject.empty()) absl::StrAppend(&out, " ", subject);
  return out;
}

}  // namespace

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

std::string ErrorLine(absl::string_view command, absl::string_view subject,
                      const absl::Status& status) {
  std::string line = absl::StrCat(Prefix(command, subject), ": ",
                                  absl::StatusCodeToString(status.code()));
  if (!status.message().empty()) {
    absl::StrAppend(&line, ": ", OneLine(status.message()));
  }
  return line;
}

std::string UsageErrorLine(absl::string_view command,
                           absl::string_view message) {
  return absl::StrCat(Prefix(command, ""), ": ", OneLine(message));
}

}  // namespace docintake::cli
