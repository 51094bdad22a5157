// `docintake watch-folder DIR`: the hot folder of a scanning station.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/document_upload.h"
#include "intake/cli/errors.h"
#include "intake/cli/grpc_submitter.h"
#include "intake/cli/header_flags.h"
#include "intake/cli/hot_folder.h"
#include "intake/cli/output.h"
#include "intake/cli/stop_signal.h"

namespace docintake::cli {

int RunWatchFolder(const std::vector<std::string>& args, CommandIo& io) {
  constexpr char kCommand[] = "watch-folder";
  CommonFlags common;
  HeaderFlags header_flags("scan_station");
  int64_t interval_ms = 500;
  int64_t settle_ms = 2000;
  int64_t chunk_size = static_cast<int64_t>(kDefaultChunkSize);
  bool once = false;
  FlagSet flags(
      "docintake watch-folder [flags] DIR",
      "Submits every file that appears in DIR once it is completely written "
      "(size and mtime\nunchanged for --settle-ms, and readable), then moves "
      "it to DIR/done/; files the\nservice rejects go to DIR/failed/ with "
      "NAME.error.txt. Dot-files, *.part and *.tmp\nare ignored. Runs until "
      "SIGINT/SIGTERM, or with --once until every file present\nhas been "
      "tried (exit 1 if any went to failed/ or must be retried). The\n"
      "idempotency key hotfolder:<station>:<sha256>:<name> makes a restart "
      "after a "
      "crash safe.");
  common.Register(flags);
  header_flags.Register(flags);
  flags.AddInt("interval-ms", &interval_ms, "poll interval (default 500)",
               "MS");
  flags.AddInt("settle-ms", &settle_ms,
               "how long a file must stay unchanged (default 2000)", "MS");
  flags.AddInt(
      "chunk-size", &chunk_size,
      absl::StrCat("bytes per message (default ", kDefaultChunkSize, ")"),
      "BYTES");
  flags.AddBool("once", &once, "handle the files present, then exit");
  std::vector<std::string> dirs;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, dirs)) {
    return *done;
  }
  if (dirs.size() != 1)
    return UsageError(io, kCommand, "wants exactly one DIR");
  if (interval_ms < 1)
    return UsageError(io, kCommand, "--interval-ms must be >= 1");
  if (settle_ms < 0)
    return UsageError(io, kCommand, "--settle-ms must be >= 0");
  if (chunk_size < 1 || chunk_size > static_cast<int64_t>(kMaxChunkSize)) {
    return UsageError(io, kCommand,
                      absl::StrCat("--chunk-size must be 1..", kMaxChunkSize));
  }
  absl::StatusOr<v1::SubmitHeader> header = header_flags.ToHeader();
  if (!header.ok()) return UsageError(io, kCommand, header.status().message());

  HotFolderOptions options;
  options.dir = dirs[0];
  while (options.dir.size() > 1 && options.dir.back() == '/') {
    options.dir.pop_back();
  }
  options.poll_interval = absl::Milliseconds(interval_ms);
  options.settle_time = absl::Milliseconds(settle_ms);
  options.header = *std::move(header);

  HotFolderEvents events;
  events.submitted = [&](const std::string& path, const v1::SubmitReply& reply,
                         const std::string&) {
    io.out << (common.json ? MessageJsonWithPath(reply, path)
                           : SubmitLine(reply, path))
           << std::endl;
  };
  events.failed = [&](const std::string& path, const absl::Status& error,
                      bool will_retry) {
    io.err << ErrorLine(kCommand, path, error)
           << (will_retry ? " (will retry)" : " (moved to failed/)")
           << std::endl;
  };

  Client client(common.server);
  GrpcSubmitter submitter(client.intake(), io.fs,
                          static_cast<size_t>(chunk_size));
  HotFolder folder(options, submitter, io.fs, io.clock, events);
  const std::atomic<bool>& stop =
      io.stop != nullptr ? *io.stop : StopOnSignal();
  if (!io.fs.Exists(options.dir)) {
    io.err << ErrorLine(kCommand, options.dir,
                        absl::NotFoundError("no such directory"))
           << std::endl;
    return kExitFailure;
  }
  if (!once) {
    folder.Run(stop);
    return kExitOk;
  }
  absl::Status status = folder.RunOnce(stop);
  if (!status.ok()) {
    io.err << ErrorLine(kCommand, options.dir, status) << std::endl;
    return kExitFailure;
  }
  const HotFolderStats& stats = folder.stats();
  return stats.failed_permanently == 0 && stats.retryable_errors == 0
             ? kExitOk
             : kExitFailure;
}

}  // namespace docintake::cli
