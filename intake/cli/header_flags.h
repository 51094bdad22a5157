// HeaderFlags: the flags that describe a submission (--channel, --station-id,
// --submitter-id, --meta KEY=VALUE, ...), shared by `submit` and
// `watch-folder`, and their translation into a SubmitHeader. Not thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_HEADER_FLAGS_H_
#define DOCINTAKE_INTAKE_CLI_HEADER_FLAGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "docintake/v1/intake.pb.h"
#include "intake/cli/flags.h"

namespace docintake::cli {

struct HeaderFlags {
  // `default_channel` is a --channel value, e.g. "api".
  explicit HeaderFlags(std::string default_channel)
      : channel(std::move(default_channel)) {}

  // Binds the flags to the members; `this` must outlive `flags`' parsing.
  void Register(FlagSet& flags);

  // The header the values describe: channel, station, portal, submitter,
  // assurance, declared types and metadata; filename, idempotency key and
  // batch fields are left to the caller. INVALID_ARGUMENT for a bad enum
  // value or a --meta without '=' or with a repeated key.
  absl::StatusOr<v1::SubmitHeader> ToHeader() const;

  std::string channel;
  std::string station_id;
  std::string portal_id;
  std::string submitter_id;
  std::string submitter_name;
  std::string assurance;
  bool de_mail_sender_confirmed = false;
  std::string media_type;
  std::string document_type;
  std::vector<std::string> meta;
};

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_HEADER_FLAGS_H_
