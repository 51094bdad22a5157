#include "intake/cli/time_flag.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "base/time_util.h"

namespace docintake::cli {

absl::Status ParseTimeFlag(const std::string& flag, const std::string& text,
                           google::protobuf::Timestamp* out) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag,
                     " wants an RFC 3339 time such as 2024-05-01T00:00:00Z, "
                     "got \"",
                     text, "\""));
  }
  *out = base::ToProtoTime(t);
  return absl::OkStatus();
}

}  // namespace docintake::cli
