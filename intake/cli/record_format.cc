#include "intake/cli/record_format.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "intake/cli/output.h"

namespace docintake::cli {
namespace {

constexpr int kLabelWidth = 13;

void AddLine(std::string& out, absl::string_view label,
             absl::string_view value) {
  absl::StrAppendFormat(&out, "%-*s%s\n", kLabelWidth, label, value);
}

}  // namespace

std::string RecordSummary(const v1::Record& record) {
  const v1::IntakeFacts& intake = record.intake();
  std::string out;
  AddLine(out, "document", record.document_id());
  AddLine(out, "state", v1::DocumentState_Name(record.state()));
  AddLine(out, "channel", v1::Channel_Name(intake.channel()));
  if (!intake.filename().empty()) AddLine(out, "filename", intake.filename());
  if (!intake.media_type().empty()) {
    AddLine(out, "media type", intake.media_type());
  }
  AddLine(
      out, "size",
      absl::StrCat(intake.size(), " bytes (", FormatBytes(intake.size()), ")"));
  if (!intake.sha256().empty()) AddLine(out, "sha256", intake.sha256());
  AddLine(out, "received", FormatTimestamp(intake.received_at()));
  if (!intake.duplicate_of().empty()) {
    AddLine(out, "duplicate of", intake.duplicate_of());
  }
  for (int i = 0; i < record.warnings_size(); ++i) {
    AddLine(out, i == 0 ? "warnings" : "", record.warnings(i));
  }
  for (int i = 0; i < record.stages_size(); ++i) {
    const v1::StageOutcome& stage = record.stages(i);
    std::string line =
        absl::StrFormat("%-12s %-8s %7s", stage.stage(),
                        v1::StageOutcome::Result_Name(stage.result()),
                        FormatDuration(stage.duration()));
    if (!stage.message().empty()) absl::StrAppend(&line, "  ", stage.message());
    AddLine(out, i == 0 ? "stages" : "", line);
  }
  if (record.has_text()) {
    AddLine(out, "pages", absl::StrCat(record.text().page_count()));
  }
  if (record.has_archive() && !record.archive().content_address().empty()) {
    AddLine(out, "archived", FormatTimestamp(record.archive().archived_at()));
  }
  if (!record.error().empty()) AddLine(out, "error", record.error());
  return out;
}

std::string ListTableHeader() {
  return absl::StrFormat("%-26s  %-10s  %-12s  %-20s  %10s  %s\n",
                         "DOCUMENT ID", "STATE", "CHANNEL", "RECEIVED", "SIZE",
                         "FILENAME");
}

std::string ListTableRow(const v1::Record& record) {
  const v1::IntakeFacts& intake = record.intake();
  return absl::StrFormat(
      "%-26s  %-10s  %-12s  %-20s  %10s  %s\n", record.document_id(),
      v1::DocumentState_Name(record.state()),
      v1::Channel_Name(intake.channel()), FormatTimestamp(intake.received_at()),
      FormatBytes(intake.size()), intake.filename());
}

std::string EventLine(const v1::DocumentEvent& event) {
  std::string line =
      absl::StrCat(FormatTimestamp(event.at()), "  ", event.document_id(), "  ",
                   v1::DocumentState_Name(event.state()));
  if (!event.record().error().empty()) {
    absl::StrAppend(&line, "  ", event.record().error());
  }
  return line;
}

}  // namespace docintake::cli
