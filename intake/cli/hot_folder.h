// HotFolder: the watch-folder of a scanning station. Polls one directory for
// regular files, submits each once it has settled (size and mtime unchanged
// for the settle time, and it can be read), then moves it to done/ — or, on a
// permanent error, to failed/ with NAME.error.txt beside it. Retryable errors
// keep the file for a later attempt with backoff, as does a reply whose
// SHA-256 shows the file changed while it was being sent.
//
// Exactly-once across restarts without local state: the idempotency key is
// "hotfolder:<station>:<sha256 of the content>:<file name>", so a file resent
// after a crash between the server's ack and the move gets the same document.
//
// Borrows the Submitter, file system and clock, which must outlive it. Not
// thread-safe: one thread drives Poll/Run/RunOnce.
#ifndef DOCINTAKE_INTAKE_CLI_HOT_FOLDER_H_
#define DOCINTAKE_INTAKE_CLI_HOT_FOLDER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "docintake/v1/intake.pb.h"

namespace docintake::cli {

// Sends one file to the service. The gRPC implementation is GrpcSubmitter;
// tests substitute their own.
class Submitter {
 public:
  virtual ~Submitter() = default;
  // Submits the content of `path` with `header`; the reply, or the error
  // with the server's status code.
  virtual absl::StatusOr<v1::SubmitReply> Submit(
      const std::string& path, const v1::SubmitHeader& header) = 0;
};

struct HotFolderOptions {
  std::string dir;
  absl::Duration poll_interval = absl::Milliseconds(500);
  absl::Duration settle_time = absl::Seconds(2);
  // Wait after a retryable error; doubles per failed attempt up to the max.
  absl::Duration retry_delay = absl::Seconds(2);
  absl::Duration max_retry_delay = absl::Minutes(1);
  // Template for every submission; filename and idempotency key are set per
  // file.
  v1::SubmitHeader header;
};

// What happened to the files; each callback may be empty.
struct HotFolderEvents {
  // `path` was acknowledged by the server and moved to `moved_to`.
  std::function<void(const std::string& path, const v1::SubmitReply& reply,
                     const std::string& moved_to)>
      submitted;
  // Handling `path` failed with `error`; it stays in place and is tried
  // again later if `will_retry`, otherwise it went to failed/.
  std::function<void(const std::string& path, const absl::Status& error,
                     bool will_retry)>
      failed;
};

// Counts over the life of a HotFolder.
struct HotFolderStats {
  int submitted = 0;
  int failed_permanently = 0;
  int retryable_errors = 0;
};

// True for errors that re-submitting the same bytes cannot fix:
// INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION, and
// RESOURCE_EXHAUSTED when the message says the document is too large ("too
// large", "larger than", "exceeds", "size"); RESOURCE_EXHAUSTED otherwise
// (quotas, full queues) is retryable, as is every other code.
bool IsPermanentSubmitError(const absl::Status& status);

// The idempotency key of file `name` with lower-case hex SHA-256 `sha256`
// dropped at station `station_id`: "hotfolder:<station>:<sha256>:<name>", so
// that two stations dropping the same file get a document each.
std::string HotFolderIdempotencyKey(absl::string_view station_id,
                                    absl::string_view sha256,
                                    absl::string_view name);

// True for names the hot folder leaves alone: dot-files, *.part, *.tmp and
// its own done/ and failed/.
bool IsIgnoredName(absl::string_view name);

class HotFolder {
 public:
  HotFolder(HotFolderOptions options, Submitter& submitter,
            base::FileSystem& fs, const base::Clock& clock,
            HotFolderEvents events);
  HotFolder(const HotFolder&) = delete;
  HotFolder& operator=(const HotFolder&) = delete;

  // One pass: notes new and changed files and handles those that have
  // settled and are due. Returns how many files are still waiting to settle
  // and have not been tried yet. Errors only for the folder itself (e.g. it
  // cannot be listed); per-file problems go to the events.
  absl::StatusOr<int> Poll();

  // Polls every poll_interval (real time) until `stop` is set. Folder errors
  // are reported (once while they last) through `failed` with the folder as
  // path, and retried.
  void Run(const std::atomic<bool>& stop);

  // Polls until every file present has been tried once (waiting for it to
  // settle), or until `stop`. Files that got a retryable error stay in place.
  absl::Status RunOnce(const std::atomic<bool>& stop);

  const HotFolderStats& stats() const { return stats_; }

 private:
  struct Tracked {
    uint64_t size = 0;
    int64_t mtime_ns = 0;
    absl::Time unchanged_since;
    absl::Time next_attempt = absl::InfinitePast();
    absl::Duration backoff;
    int attempts = 0;
  };

  // Submits `name` and moves it; returns false if it must stay tracked.
  bool Handle(const std::string& name, Tracked& tracked);
  void RecordRetry(const std::string& path, Tracked& tracked,
                   const absl::Status& error);
  absl::StatusOr<std::string> MoveToDone(const std::string& name);
  absl::StatusOr<std::string> MoveToFailed(const std::string& name,
                                           const absl::Status& error,
                                           absl::string_view sha256);
  // A name not taken in directory `subdir_path`: NAME, else STEM-1.EXT,
  // STEM-2.EXT, ...
  absl::StatusOr<std::string> FreeName(const std::string& subdir_path,
                                       const std::string& name);
  std::string PathOf(absl::string_view name) const;

  const HotFolderOptions options_;
  Submitter& submitter_;
  base::FileSystem& fs_;
  const base::Clock& clock_;
  const HotFolderEvents events_;
  std::map<std::string, Tracked> tracked_;
  HotFolderStats stats_;
};

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_HOT_FOLDER_H_
