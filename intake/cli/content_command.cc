// `docintake content ID -o FILE`: the archived original bytes of a document.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/json_escape.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/content_download.h"
#include "intake/cli/errors.h"

namespace docintake::cli {

int RunContent(const std::vector<std::string>& args, CommandIo& io) {
  constexpr char kCommand[] = "content";
  CommonFlags common;
  std::string output;
  FlagSet flags("docintake content [flags] ID -o FILE",
                "Downloads the archived original bytes of a document. FILE is "
                "written through a\ntemporary file and a rename, so a broken "
                "download leaves no partial FILE.\nWith --json, prints "
                "{documentId, path, size, sha256} once FILE is complete.");
  common.Register(flags);
  flags.AddString("output", &output, "where to write the bytes; - for stdout",
                  "FILE");
  flags.AddAlias('o', "output");
  bool rendition = false;
  flags.AddBool("rendition", &rendition,
                "the searchable PDF/A rendition of a scan instead of the "
                "original");
  std::vector<std::string> ids;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, ids)) {
    return *done;
  }
  if (ids.size() != 1) return UsageError(io, kCommand, "wants exactly one ID");
  if (output.empty()) return UsageError(io, kCommand, "-o FILE is required");

  Client client(common.server);
  if (output == "-") {
    absl::StatusOr<DownloadResult> result =
        StreamContent(client.archive(), ids[0], io.out, rendition);
    if (!result.ok()) {
      io.err << ErrorLine(kCommand, ids[0], result.status()) << std::endl;
      return kExitFailure;
    }
    return kExitOk;
  }
  absl::StatusOr<DownloadResult> result =
      DownloadContent(client.archive(), io.fs, ids[0], output, rendition);
  if (!result.ok()) {
    io.err << ErrorLine(kCommand, ids[0], result.status()) << std::endl;
    return kExitFailure;
  }
  if (common.json) {
    io.out << "{\"documentId\":" << base::JsonQuote(ids[0])
           << ",\"path\":" << base::JsonQuote(output) << ",\"size\":\""
           << result->size
           << "\",\"sha256\":" << base::JsonQuote(result->sha256) << "}"
           << std::endl;
  }
  return kExitOk;
}

}  // namespace docintake::cli
