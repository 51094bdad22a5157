// `docintake get ID`: one record from IntakeService.GetDocument.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "grpcpp/client_context.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/errors.h"
#include "intake/cli/output.h"
#include "intake/cli/record_format.h"

namespace docintake::cli {

int RunGet(const std::vector<std::string>& args, CommandIo& io) {
  constexpr char kCommand[] = "get";
  CommonFlags common;
  FlagSet flags("docintake get [flags] ID",
                "Shows the record of one document: state, intake facts, "
                "warnings, stage outcomes.");
  common.Register(flags);
  std::vector<std::string> ids;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, ids)) {
    return *done;
  }
  if (ids.size() != 1) return UsageError(io, kCommand, "wants exactly one ID");

  Client client(common.server);
  grpc::ClientContext context;
  SetUnaryDeadline(context);
  v1::GetDocumentRequest request;
  request.set_document_id(ids[0]);
  v1::Record record;
  absl::Status status =
      FromGrpcStatus(client.intake().GetDocument(&context, request, &record));
  if (!status.ok()) {
    io.err << ErrorLine(kCommand, ids[0], status) << std::endl;
    return kExitFailure;
  }
  if (common.json) {
    io.out << MessageJson(record) << std::endl;
  } else {
    io.out << RecordSummary(record) << std::flush;
  }
  return kExitOk;
}

}  // namespace docintake::cli
