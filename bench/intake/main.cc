// bench_intake: concurrent clients submit the corpus PDFs to docintaked over
// loopback gRPC; then the same files are written one by one with fdatasync,
// the floor the service is measured against. See bench/intake/README.md.
#include <signal.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/random.h"
#include "base/status_macros.h"
#include "bench/intake/corpus.h"
#include "bench/intake/fsync_floor.h"
#include "bench/intake/options.h"
#include "bench/intake/report.h"
#include "bench/intake/submit_load.h"
#include "bench/intake/work_dir.h"
#include "tests/support/server_process.h"

namespace docintake::bench {
namespace {

using testing::ServerProcess;
using testing::ServerProcessOptions;

constexpr absl::Duration kStopTimeout = absl::Seconds(60);

// Progress goes to stderr so that stdout holds only the result.
void Progress(absl::string_view message) {
  std::cerr << "bench_intake: " << message << std::endl;
}

// Starts the server if asked to; its address either way.
absl::StatusOr<std::string> PrepareServer(
    const BenchOptions& options, const WorkDir& work,
    std::unique_ptr<ServerProcess>& server) {
  if (options.server_binary.empty()) {
    Progress(absl::StrCat("using the server at ", options.server_address,
                          "; the floor is measured in ", work.path(),
                          ", which should share its data dir's file system"));
    return options.server_address;
  }
  ServerProcessOptions config;
  config.binary = options.server_binary;
  config.data_dir = work.Sub("data");
  config.port_file = work.Sub("port");
  config.log_file = work.Sub("docintaked.log");
  config.workers = options.workers;
  config.startup_timeout = options.startup_timeout;
  Progress(
      absl::StrCat("starting ", config.binary, ", data dir ", config.data_dir));
  ASSIGN_OR_RETURN(server, ServerProcess::Start(config));
  return server->address();
}

absl::Status MeasureFloors(const BenchOptions& options,
                           const std::vector<CorpusFile>& files,
                           const WorkDir& work, BenchReport& report) {
  Progress("floor: fdatasync");
  RETURN_IF_ERROR(work.SyncFileSystem());
  ASSIGN_OR_RETURN(
      report.floor_fdatasync,
      MeasureFsyncFloor(files, options.count, work.Sub("floor-fdatasync"),
                        DirSync::kNever));
  Progress("floor: fdatasync + dir fsync");
  RETURN_IF_ERROR(work.SyncFileSystem());
  ASSIGN_OR_RETURN(report.floor_fdatasync_dirsync,
                   MeasureFsyncFloor(files, options.count,
                                     work.Sub("floor-fdatasync-dirsync"),
                                     DirSync::kEveryFile));
  return absl::OkStatus();
}

absl::StatusOr<BenchReport> RunInWorkDir(const BenchOptions& options,
                                         const std::vector<CorpusFile>& files,
                                         const WorkDir& work) {
  BenchReport report;
  report.corpus_files = static_cast<int>(files.size());
  report.clients = options.clients;
  report.work_dir = work.path();
  ASSIGN_OR_RETURN(report.file_system, FileSystemType(work.path()));
  if (report.file_system == "tmpfs" || report.file_system == "ramfs") {
    Progress(absl::StrCat("WARNING: ", work.path(), " is on ",
                          report.file_system,
                          "; the floor measures memory, not a disk"));
  }

  std::unique_ptr<ServerProcess> server;
  ASSIGN_OR_RETURN(report.server_address, PrepareServer(options, work, server));
  report.server_started = server != nullptr;

  LoadConfig load;
  load.address = report.server_address;
  load.count = options.count;
  load.clients = options.clients;
  load.rpc_timeout = options.rpc_timeout;
  load.run_id = base::RandomHex(6);
  RETURN_IF_ERROR(work.SyncFileSystem());
  Progress(absl::StrCat("submitting ", options.count, " documents with ",
                        options.clients, " clients to ",
                        report.server_address));
  ASSIGN_OR_RETURN(report.load, RunSubmitLoad(files, load));

  // Stopped first so that its background work does not slow the floor down.
  if (server != nullptr) {
    Progress("stopping docintaked (SIGTERM)");
    RETURN_IF_ERROR(server->Stop(kStopTimeout));
  }
  RETURN_IF_ERROR(MeasureFloors(options, files, work, report));
  return report;
}

absl::Status Run(const BenchOptions& options) {
  Progress(absl::StrCat("reading the corpus below ", options.corpus_dir));
  std::vector<std::string> skipped;
  ASSIGN_OR_RETURN(std::vector<CorpusFile> files,
                   LoadCorpus(options.corpus_dir, &skipped));
  for (const std::string& path : skipped) {
    Progress(absl::StrCat("skipping ", path, ": not a PDF"));
  }
  std::string parent = options.work_dir;
  if (parent.empty()) {
    ASSIGN_OR_RETURN(parent, DefaultWorkParent());
  }
  ASSIGN_OR_RETURN(WorkDir work, WorkDir::Create(parent));

  absl::StatusOr<BenchReport> report = RunInWorkDir(options, files, work);
  if (!report.ok()) {
    Progress(absl::StrCat("left ", work.path(), " for inspection"));
    return report.status();
  }
  if (options.keep_work_dir) {
    Progress(absl::StrCat("kept ", work.path()));
  } else if (absl::Status removed = work.Remove(); !removed.ok()) {
    Progress(absl::StrCat("WARNING: ", removed.ToString()));
  }
  std::cout << (options.json ? FormatJson(*report) + "\n"
                             : FormatTable(*report));
  return absl::OkStatus();
}

}  // namespace
}  // namespace docintake::bench

int main(int argc, char** argv) {
  // A closed stdout (e.g. "| head") must not kill us before the server child
  // is stopped.
  signal(SIGPIPE, SIG_IGN);
  using docintake::bench::BenchOptions;
  absl::StatusOr<BenchOptions> options =
      docintake::bench::ParseOptions(argc, argv);
  if (!options.ok()) {
    std::cerr << "bench_intake: " << options.status().message() << "\n";
    return 2;
  }
  if (options->help) {
    std::cout << docintake::bench::Usage();
    return 0;
  }
  const absl::Status status = docintake::bench::Run(*options);
  if (!status.ok()) {
    std::cerr << "bench_intake: FAILED: " << status << "\n";
    return 1;
  }
  return 0;
}
