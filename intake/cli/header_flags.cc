#include "intake/cli/header_flags.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "intake/cli/enum_flags.h"

namespace docintake::cli {

void HeaderFlags::Register(FlagSet& flags) {
  flags.AddString("channel", &channel,
                  absl::StrCat("scan_station|portal|einvoice|email|api "
                               "(default ",
                               channel, ")"),
                  "CHANNEL");
  flags.AddString("station-id", &station_id, "scanning station id", "ID");
  flags.AddString("portal-id", &portal_id, "portal id", "ID");
  flags.AddString("submitter-id", &submitter_id, "submitter identifier", "ID");
  flags.AddString("submitter-name", &submitter_name, "submitter display name",
                  "NAME");
  flags.AddString("assurance", &assurance,
                  "eIDAS assurance level: none|low|substantial|high", "LEVEL");
  flags.AddBool("de-mail-confirmed", &de_mail_sender_confirmed,
                "the document came as De-Mail with sender confirmation");
  flags.AddString("media-type", &media_type,
                  "declared media type, e.g. application/pdf", "TYPE");
  flags.AddString("document-type", &document_type, "declared document type",
                  "TYPE");
  flags.AddRepeated("meta", &meta, "metadata entry (repeatable)", "KEY=VALUE");
}

absl::StatusOr<v1::SubmitHeader> HeaderFlags::ToHeader() const {
  v1::SubmitHeader header;
  ASSIGN_OR_RETURN(v1::Channel parsed_channel, ParseChannel(channel));
  header.set_channel(parsed_channel);
  if (!assurance.empty()) {
    ASSIGN_OR_RETURN(v1::AssuranceLevel level, ParseAssuranceLevel(assurance));
    header.set_assurance_level(level);
  }
  header.set_de_mail_sender_confirmed(de_mail_sender_confirmed);
  header.set_station_id(station_id);
  header.set_portal_id(portal_id);
  if (!submitter_id.empty() || !submitter_name.empty()) {
    header.mutable_submitter()->set_identifier(submitter_id);
    header.mutable_submitter()->set_display_name(submitter_name);
  }
  header.set_declared_media_type(media_type);
  header.set_declared_document_type(document_type);
  for (const std::string& entry : meta) {
    const size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("--meta wants KEY=VALUE, got \"", entry, "\""));
    }
    const std::string key = entry.substr(0, eq);
    if (!header.mutable_metadata()
             ->insert({key, entry.substr(eq + 1)})
             .second) {
      return absl::InvalidArgumentError(
          absl::StrCat("--meta ", key, " given twice"));
    }
  }
  return header;
}

}  // namespace docintake::cli
