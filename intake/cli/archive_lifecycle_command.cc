// `docintake archive versions|hold|release|dispose-propose|dispose-approve`:
// a record's versions, legal holds and disposition. The caller names itself
// with --actor (default $USER) and --role (archivist or admin); both travel
// as metadata and are not authenticated until mTLS roles exist.
#include "intake/cli/archive_lifecycle_command.h"

#include <ostream>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/errors.h"
#include "intake/cli/flags.h"
#include "intake/cli/output.h"
#include "intake/cli/record_format.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "archive";

std::string VersionLine(const v1::Record& version) {
  const v1::ArchiveFacts& f = version.archive();
  std::string line = absl::StrCat(
      "v", f.version(), "  ", v1::ArchiveFacts::VersionReason_Name(f.reason()),
      "  ",
      absl::FormatTime(absl::RFC3339_sec,
                       absl::FromUnixSeconds(f.archived_at().seconds()),
                       absl::UTCTimeZone()),
      "  retain until ",
      absl::FormatTime("%Y-%m-%d",
                       absl::FromUnixSeconds(f.retain_until().seconds()),
                       absl::UTCTimeZone()),
      "  leaf ", f.log_index());
  if (f.has_legal_hold()) {
    absl::StrAppend(&line, "  HOLD by ", f.legal_hold().set_by(), ": ",
                    f.legal_hold().reason());
  }
  if (f.has_disposition()) {
    absl::StrAppend(&line, "  disposed: proposed by ",
                    f.disposition().proposed_by(), ", approved by ",
                    f.disposition().approved_by());
  }
  return line;
}

}  // namespace

std::optional<int> RunArchiveLifecycle(
    const std::string& sub, const std::vector<std::string>& rest,
    const std::string& server, bool json, const std::string& actor_flag,
    const std::string& role, const std::string& reason, CommandIo& io) {
  const bool known = sub == "versions" || sub == "hold" || sub == "release" ||
                     sub == "dispose-propose" || sub == "dispose-approve";
  if (!known) return std::nullopt;
  if (rest.size() != 1) {
    return UsageError(io, kCommand, absl::StrCat(sub, " wants one ID"));
  }
  const bool needs_reason =
      sub == "hold" || sub == "release" || sub == "dispose-propose";
  if (needs_reason && reason.empty()) {
    return UsageError(io, kCommand, absl::StrCat(sub, " needs --reason"));
  }
  const std::string& id = rest[0];
  Client client(server);
  client.set_identity(DefaultActor(actor_flag), role);
  grpc::ClientContext context;
  SetUnaryDeadline(context);
  client.Identify(context);
  grpc::Status status;
  v1::Record record;
  if (sub == "versions") {
    v1::ListVersionsRequest request;
    request.set_document_id(id);
    v1::ListVersionsReply reply;
    status = client.archive().ListVersions(&context, request, &reply);
    if (status.ok()) {
      for (const v1::Record& version : reply.versions()) {
        io.out << (json ? MessageJson(version) : VersionLine(version)) << "\n";
      }
      io.out << std::flush;
    }
  } else if (sub == "hold") {
    v1::SetLegalHoldRequest request;
    request.set_document_id(id);
    request.set_reason(reason);
    status = client.archive().SetLegalHold(&context, request, &record);
  } else if (sub == "release") {
    v1::ClearLegalHoldRequest request;
    request.set_document_id(id);
    request.set_reason(reason);
    status = client.archive().ClearLegalHold(&context, request, &record);
  } else if (sub == "dispose-propose") {
    v1::ProposeDispositionRequest request;
    request.set_document_id(id);
    request.set_reason(reason);
    v1::Disposition proposal;
    status = client.archive().ProposeDisposition(&context, request, &proposal);
    if (status.ok()) {
      io.out << (json ? MessageJson(proposal)
                      : absl::StrCat("disposition of ", id, " proposed by ",
                                     proposal.proposed_by(),
                                     "; a second person with the admin role "
                                     "must approve it"))
             << std::endl;
    }
  } else {
    v1::ApproveDispositionRequest request;
    request.set_document_id(id);
    status = client.archive().ApproveDisposition(&context, request, &record);
  }
  if (!status.ok()) {
    io.err << ErrorLine(kCommand, absl::StrCat(sub, " ", id),
                        FromGrpcStatus(status))
           << std::endl;
    return kExitFailure;
  }
  if (record.has_archive()) {
    io.out << (json ? MessageJson(record) : VersionLine(record)) << std::endl;
  }
  return kExitOk;
}

}  // namespace docintake::cli
