// `docintake list`: IntakeService.ListDocuments with filters and paging.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/enum_flags.h"
#include "intake/cli/errors.h"
#include "intake/cli/output.h"
#include "intake/cli/record_format.h"
#include "intake/cli/time_flag.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "list";
constexpr int64_t kMaxPageSize = 1000;
constexpr int64_t kDefaultPageSize = 100;

}  // namespace

int RunList(const std::vector<std::string>& args, CommandIo& io) {
  CommonFlags common;
  std::string state, channel, since, until;
  int64_t limit = 0;
  int64_t page_size = kDefaultPageSize;
  bool all = false;
  FlagSet flags(
      "docintake list [flags]",
      "Lists the documents that match the filters: the first page, or "
      "all pages with --all.");
  common.Register(flags);
  flags.AddString("state", &state, "queued|processing|review|archived|failed",
                  "STATE");
  flags.AddString("channel", &channel, "scan_station|portal|einvoice|email|api",
                  "CHANNEL");
  flags.AddString("since", &since, "received at or after this time", "RFC3339");
  flags.AddString("until", &until, "received before this time", "RFC3339");
  flags.AddInt("limit", &limit, "print at most N documents");
  flags.AddInt("page-size", &page_size,
               absl::StrCat("documents per request, 1..", kMaxPageSize,
                            " (default ", kDefaultPageSize, ")"));
  flags.AddBool("all", &all, "follow the pages to the end");
  std::vector<std::string> rest;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, rest)) {
    return *done;
  }
  if (!rest.empty()) return UsageError(io, kCommand, "takes no arguments");
  if (limit < 0) return UsageError(io, kCommand, "--limit must be positive");
  if (page_size < 1 || page_size > kMaxPageSize) {
    return UsageError(io, kCommand,
                      absl::StrCat("--page-size must be 1..", kMaxPageSize));
  }

  v1::ListDocumentsRequest request;
  absl::Status status;
  if (!state.empty()) {
    absl::StatusOr<v1::DocumentState> parsed = ParseDocumentState(state);
    status.Update(parsed.status());
    if (parsed.ok()) request.set_state(*parsed);
  }
  if (!channel.empty()) {
    absl::StatusOr<v1::Channel> parsed = ParseChannel(channel);
    status.Update(parsed.status());
    if (parsed.ok()) request.set_channel(*parsed);
  }
  if (!since.empty()) {
    status.Update(
        ParseTimeFlag("since", since, request.mutable_received_after()));
  }
  if (!until.empty()) {
    status.Update(
        ParseTimeFlag("until", until, request.mutable_received_before()));
  }
  if (!status.ok()) return UsageError(io, kCommand, status.message());
  request.set_page_size(
      static_cast<int32_t>(limit > 0 ? std::min(limit, page_size) : page_size));

  Client client(common.server);
  if (!common.json) io.out << ListTableHeader();
  int64_t printed = 0;
  while (true) {
    grpc::ClientContext context;
    SetUnaryDeadline(context);
    v1::ListDocumentsReply reply;
    status = FromGrpcStatus(
        client.intake().ListDocuments(&context, request, &reply));
    if (!status.ok()) {
      io.out << std::flush;
      io.err << ErrorLine(kCommand, "", status) << std::endl;
      return kExitFailure;
    }
    for (const v1::Record& record : reply.documents()) {
      if (limit > 0 && printed == limit) break;
      io.out << (common.json ? MessageJson(record) + "\n"
                             : ListTableRow(record));
      ++printed;
    }
    io.out << std::flush;
    if (!all || reply.next_page_token().empty()) break;
    if (limit > 0 && printed == limit) break;
    request.set_page_token(reply.next_page_token());
  }
  return kExitOk;
}

}  // namespace docintake::cli
