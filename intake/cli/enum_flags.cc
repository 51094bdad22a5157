#include "intake/cli/enum_flags.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/descriptor.h"

namespace docintake::cli {
namespace {

// The number of the value of `type` that `text` names, other than 0.
absl::StatusOr<int> ParseEnum(const google::protobuf::EnumDescriptor& type,
                              absl::string_view flag, absl::string_view text) {
  const std::string wanted =
      absl::AsciiStrToUpper(absl::StrReplaceAll(text, {{"-", "_"}}));
  std::vector<std::string> accepted;
  for (int i = 0; i < type.value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor& value = *type.value(i);
    if (value.number() == 0) continue;
    if (value.name() == wanted) return value.number();
    accepted.push_back(absl::AsciiStrToLower(value.name()));
  }
  return absl::InvalidArgumentError(absl::StrCat("--", flag, " must be one of ",
                                                 absl::StrJoin(accepted, "|"),
                                                 ", not \"", text, "\""));
}

}  // namespace

absl::StatusOr<v1::Channel> ParseChannel(absl::string_view text) {
  absl::StatusOr<int> n = ParseEnum(*v1::Channel_descriptor(), "channel", text);
  if (!n.ok()) return n.status();
  return static_cast<v1::Channel>(*n);
}

absl::StatusOr<v1::AssuranceLevel> ParseAssuranceLevel(absl::string_view text) {
  absl::StatusOr<int> n =
      ParseEnum(*v1::AssuranceLevel_descriptor(), "assurance", text);
  if (!n.ok()) return n.status();
  return static_cast<v1::AssuranceLevel>(*n);
}

absl::StatusOr<v1::DocumentState> ParseDocumentState(absl::string_view text) {
  absl::StatusOr<int> n =
      ParseEnum(*v1::DocumentState_descriptor(), "state", text);
  if (!n.ok()) return n.status();
  return static_cast<v1::DocumentState>(*n);
}

}  // namespace docintake::cli
