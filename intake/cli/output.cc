#include "intake/cli/output.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "base/json_escape.h"
#include "google/protobuf/util/json_util.h"

namespace docintake::cli {

namespace {

std::string ToJson(const google::protobuf::Message& message,
                   const google::protobuf::util::JsonPrintOptions& options) {
  std::string json;
  // Printing a well-formed message cannot fail; fall back to an object that
  // says what went wrong rather than an empty line.
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::StrCat("{\"error\":", base::JsonQuote(status.ToString()), "}");
  }
  return json;
}

}  // namespace

std::string MessageJson(const google::protobuf::Message& message) {
  return ToJson(message, google::protobuf::util::JsonPrintOptions());
}

std::string ReportJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  return ToJson(message, options);
}

std::string MessageJsonWithPath(const google::protobuf::Message& message,
                                absl::string_view path) {
  std::string json = MessageJson(message);
  // `json` is an object: "{}" or "{...}".
  json.pop_back();
  if (json.size() > 1) json += ',';
  absl::StrAppend(&json, "\"path\":", base::JsonQuote(path), "}");
  return json;
}

std::string SubmitLine(const v1::SubmitReply& reply, absl::string_view path) {
  std::string line = absl::StrCat(reply.document_id(), "  ", path);
  if (!reply.duplicate_of().empty()) {
    absl::StrAppend(&line, " duplicate of ", reply.duplicate_of());
  }
  return line;
}

std::string FormatTimestamp(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return "-";
  const absl::Time t = absl::FromUnixSeconds(timestamp.seconds());
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

std::string FormatDuration(const google::protobuf::Duration& duration) {
  const absl::Duration d =
      absl::Seconds(duration.seconds()) + absl::Nanoseconds(duration.nanos());
  if (d < absl::Seconds(1)) {
    return absl::StrCat(absl::ToInt64Milliseconds(d), "ms");
  }
  if (d < absl::Minutes(1)) {
    return absl::StrFormat("%.2fs", absl::ToDoubleSeconds(d));
  }
  const int64_t seconds = absl::ToInt64Seconds(d);
  return absl::StrFormat("%dm%02ds", seconds / 60, seconds % 60);
}

std::string FormatBytes(uint64_t bytes) {
  if (bytes < 1024) return absl::StrCat(bytes, " B");
  const double kib = static_cast<double>(bytes) / 1024.0;
  if (kib < 1024.0) return absl::StrFormat("%.1f KiB", kib);
  const double mib = kib / 1024.0;
  if (mib < 1024.0) return absl::StrFormat("%.1f MiB", mib);
  return absl::StrFormat("%.1f GiB", mib / 1024.0);
}

}  // namespace docintake::cli
