// `docintake watch ID`: follows IntakeService.WatchDocument until a final
// state; succeeds for ARCHIVED and REVIEW.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/document_watch.h"
#include "intake/cli/errors.h"
#include "intake/cli/output.h"
#include "intake/cli/record_format.h"

namespace docintake::cli {

int RunWatch(const std::vector<std::string>& args, CommandIo& io) {
  constexpr char kCommand[] = "watch";
  CommonFlags common;
  FlagSet flags("docintake watch [flags] ID",
                "Prints each state change of a document until it is ARCHIVED, "
                "FAILED or in REVIEW.\nExits 0 for ARCHIVED and REVIEW, 1 for "
                "FAILED or an error.");
  common.Register(flags);
  std::vector<std::string> ids;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, ids)) {
    return *done;
  }
  if (ids.size() != 1) return UsageError(io, kCommand, "wants exactly one ID");

  Client client(common.server);
  absl::StatusOr<v1::DocumentEvent> last = FollowDocument(
      client.intake(), ids[0], [&](const v1::DocumentEvent& event) {
        io.out << (common.json ? MessageJson(event) : EventLine(event))
               << std::endl;
      });
  if (!last.ok()) {
    io.err << ErrorLine(kCommand, ids[0], last.status()) << std::endl;
    return kExitFailure;
  }
  return last->state() == v1::FAILED ? kExitFailure : kExitOk;
}

}  // namespace docintake::cli
