// Output: how the CLI prints protobuf messages — protobuf JSON on one line
// (lowerCamel names, default options) for --json, and the small human
// formats shared by several commands. Stateless; thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_OUTPUT_H_
#define DOCINTAKE_INTAKE_CLI_OUTPUT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "docintake/v1/intake.pb.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"

namespace docintake::cli {

// The protobuf JSON of `message`, one line, no trailing newline.
std::string MessageJson(const google::protobuf::Message& message);

// Protobuf JSON with the .proto field names (snake_case) and every field
// printed, defaults included: for reports whose consumers expect fixed
// names (`docintake ocr --json`).
std::string ReportJson(const google::protobuf::Message& message);

// As MessageJson, with a "path" member added at the end of the object.
std::string MessageJsonWithPath(const google::protobuf::Message& message,
                                absl::string_view path);

// "<document_id>  <path>", plus " duplicate of <id>" when the reply says so.
std::string SubmitLine(const v1::SubmitReply& reply, absl::string_view path);

// RFC 3339 in UTC with seconds ("2024-05-01T12:00:00Z"); "-" when unset.
std::string FormatTimestamp(const google::protobuf::Timestamp& timestamp);

// A short duration: "850ms", "1.25s", "2m03s".
std::string FormatDuration(const google::protobuf::Duration& duration);

// A byte count for people: "512 B", "1.5 KiB", "12.0 MiB".
std::string FormatBytes(uint64_t bytes);

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_OUTPUT_H_
