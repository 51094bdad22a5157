#include "intake/cli/hot_folder.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::cli {
namespace {

constexpr char kDoneDir[] = "done";
constexpr char kFailedDir[] = "failed";
constexpr char kErrorSuffix[] = ".error.txt";
constexpr size_t kHashBlock = 1 << 20;
constexpr int kMaxNameSuffix = 10000;

struct FileStamp {
  bool regular = false;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

absl::StatusOr<FileStamp> StatFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("stat ", path));
  }
  FileStamp stamp;
  stamp.regular = S_ISREG(st.st_mode);
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.mtime_ns =
      static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return stamp;
}

// Lower-case hex SHA-256 of the file; fails if it cannot be opened or read.
absl::StatusOr<std::string> Sha256OfFile(base::FileSystem& fs,
                                         const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::SequentialFile> file,
                   fs.NewSequentialFile(path));
  base::Sha256 hasher;
  while (true) {
    ASSIGN_OR_RETURN(std::string block, file->Read(kHashBlock));
    if (block.empty()) break;
    hasher.Update(block);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : hasher.Finish()) {
    hex += kHex[c >> 4];
    hex += kHex[c & 0xf];
  }
  return hex;
}

std::string ErrorReport(const std::string& name, absl::string_view sha256,
                        const absl::Status& error, absl::Time at) {
  return absl::StrCat(
      absl::StatusCodeToString(error.code()), ": ", error.message(),
      "\nfile: ", name, "\nsha256: ", sha256,
      "\nat: ", absl::FormatTime(absl::RFC3339_sec, at, absl::UTCTimeZone()),
      "\n");
}

}  // namespace

bool IsPermanentSubmitError(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
      return true;
    case absl::StatusCode::kResourceExhausted: {
      const std::string message = absl::AsciiStrToLower(status.message());
      for (absl::string_view hint :
           {"too large", "larger than", "exceeds", "size"}) {
        if (absl::StrContains(message, hint)) return true;
      }
      return false;
    }
    default:
      return false;
  }
}

std::string HotFolderIdempotencyKey(absl::string_view station_id,
                                    absl::string_view sha256,
                                    absl::string_view name) {
  return absl::StrCat("hotfolder:", station_id, ":", sha256, ":", name);
}

bool IsIgnoredName(absl::string_view name) {
  return name.empty() || name[0] == '.' || absl::EndsWith(name, ".part") ||
         absl::EndsWith(name, ".tmp") || name == kDoneDir || name == kFailedDir;
}

HotFolder::HotFolder(HotFolderOptions options, Submitter& submitter,
                     base::FileSystem& fs, const base::Clock& clock,
                     HotFolderEvents events)
    : options_(std::move(options)),
      submitter_(submitter),
      fs_(fs),
      clock_(clock),
      events_(std::move(events)) {}

std::string HotFolder::PathOf(absl::string_view name) const {
  return absl::StrCat(options_.dir, "/", name);
}

absl::StatusOr<int> HotFolder::Poll() {
  ASSIGN_OR_RETURN(std::vector<std::string> names, fs_.ListDir(options_.dir));
  std::sort(names.begin(), names.end());
  std::set<std::string> present;
  int waiting = 0;
  for (const std::string& name : names) {
    if (IsIgnoredName(name)) continue;
    absl::StatusOr<FileStamp> stamp = StatFile(PathOf(name));
    if (!stamp.ok() || !stamp->regular) continue;  // gone, or not a file
    present.insert(name);
    const absl::Time now = clock_.Now();
    auto [it, inserted] = tracked_.try_emplace(name);
    Tracked& tracked = it->second;
    if (inserted || tracked.size != stamp->size ||
        tracked.mtime_ns != stamp->mtime_ns) {
      tracked.size = stamp->size;
      tracked.mtime_ns = stamp->mtime_ns;
      tracked.unchanged_since = now;
    }
    if (now - tracked.unchanged_since < options_.settle_time) {
      if (tracked.attempts == 0) ++waiting;
      continue;
    }
    if (now < tracked.next_attempt) continue;
    if (Handle(name, tracked)) {
      present.erase(name);
    } else if (tracked.attempts == 0) {
      ++waiting;  // changed while being read: settles again
    }
  }
  for (auto it = tracked_.begin(); it != tracked_.end();) {
    it = present.count(it->first) > 0 ? std::next(it) : tracked_.erase(it);
  }
  return waiting;
}

bool HotFolder::Handle(const std::string& name, Tracked& tracked) {
  const std::string path = PathOf(name);
  absl::StatusOr<std::string> sha256 = Sha256OfFile(fs_, path);
  if (!sha256.ok()) {
    RecordRetry(path, tracked, sha256.status());
    return false;
  }
  // Still the bytes that settled? Otherwise wait for it to settle again.
  absl::StatusOr<FileStamp> stamp = StatFile(path);
  if (!stamp.ok()) return false;
  if (stamp->size != tracked.size || stamp->mtime_ns != tracked.mtime_ns) {
    tracked.size = stamp->size;
    tracked.mtime_ns = stamp->mtime_ns;
    tracked.unchanged_since = clock_.Now();
    return false;
  }

  v1::SubmitHeader header = options_.header;
  header.set_filename(name);
  header.set_idempotency_key(
      HotFolderIdempotencyKey(header.station_id(), *sha256, name));
  absl::StatusOr<v1::SubmitReply> reply = submitter_.Submit(path, header);
  if (!reply.ok()) {
    if (!IsPermanentSubmitError(reply.status())) {
      RecordRetry(path, tracked, reply.status());
      return false;
    }
    absl::StatusOr<std::string> moved =
        MoveToFailed(name, reply.status(), *sha256);
    if (!moved.ok()) {
      RecordRetry(path, tracked, moved.status());
      return false;
    }
    ++stats_.failed_permanently;
    if (events_.failed) events_.failed(path, reply.status(), false);
    return true;
  }
  if (!reply->sha256().empty() && reply->sha256() != *sha256) {
    // Written to while being sent: the server got other bytes than those we
    // hashed. Let it settle and send it again under the key of its content.
    if (absl::StatusOr<FileStamp> now_stamp = StatFile(path); now_stamp.ok()) {
      tracked.size = now_stamp->size;
      tracked.mtime_ns = now_stamp->mtime_ns;
    }
    tracked.unchanged_since = clock_.Now();
    RecordRetry(path, tracked,
                absl::AbortedError(absl::StrCat(
                    "the file changed while it was being submitted (sent as ",
                    reply->document_id(), ")")));
    return false;
  }
  // Acknowledged. If the move fails (or we crash before it), the next
  // attempt re-submits with the same key and gets the same document back.
  absl::StatusOr<std::string> moved = MoveToDone(name);
  if (!moved.ok()) {
    RecordRetry(path, tracked, moved.status());
    return false;
  }
  ++stats_.submitted;
  if (events_.submitted) events_.submitted(path, *reply, *moved);
  return true;
}

void HotFolder::RecordRetry(const std::string& path, Tracked& tracked,
                            const absl::Status& error) {
  ++tracked.attempts;
  ++stats_.retryable_errors;
  tracked.backoff = tracked.attempts == 1 ? options_.retry_delay
                                          : std::min(tracked.backoff * 2,
                                                     options_.max_retry_delay);
  tracked.next_attempt = clock_.Now() + tracked.backoff;
  if (events_.failed) events_.failed(path, error, true);
}

absl::StatusOr<std::string> HotFolder::FreeName(const std::string& subdir_path,
                                                const std::string& name) {
  if (!fs_.Exists(absl::StrCat(subdir_path, "/", name))) return name;
  const size_t dot = name.rfind('.');
  const bool has_ext = dot != std::string::npos && dot > 0;
  const std::string stem = has_ext ? name.substr(0, dot) : name;
  const std::string ext = has_ext ? name.substr(dot) : "";
  for (int i = 1; i <= kMaxNameSuffix; ++i) {
    std::string candidate = absl::StrCat(stem, "-", i, ext);
    if (!fs_.Exists(absl::StrCat(subdir_path, "/", candidate))) {
      return candidate;
    }
  }
  return absl::ResourceExhaustedError(
      absl::StrCat("no free name for ", name, " in ", subdir_path));
}

absl::StatusOr<std::string> HotFolder::MoveToDone(const std::string& name) {
  const std::string done = PathOf(kDoneDir);
  RETURN_IF_ERROR(fs_.CreateDirs(done));
  ASSIGN_OR_RETURN(std::string target, FreeName(done, name));
  const std::string target_path = absl::StrCat(done, "/", target);
  RETURN_IF_ERROR(fs_.Rename(PathOf(name), target_path));
  RETURN_IF_ERROR(fs_.SyncDir(done));
  RETURN_IF_ERROR(fs_.SyncDir(options_.dir));
  return target_path;
}

absl::StatusOr<std::string> HotFolder::MoveToFailed(const std::string& name,
                                                    const absl::Status& error,
                                                    absl::string_view sha256) {
  const std::string failed = PathOf(kFailedDir);
  RETURN_IF_ERROR(fs_.CreateDirs(failed));
  ASSIGN_OR_RETURN(std::string target, FreeName(failed, name));
  // The report first: a crash before the move leaves the file in place, and
  // the next attempt picks the same free name and rewrites the report.
  RETURN_IF_ERROR(
      base::WriteFileDurably(fs_, failed, absl::StrCat(target, kErrorSuffix),
                             ErrorReport(name, sha256, error, clock_.Now())));
  const std::string target_path = absl::StrCat(failed, "/", target);
  RETURN_IF_ERROR(fs_.Rename(PathOf(name), target_path));
  RETURN_IF_ERROR(fs_.SyncDir(failed));
  RETURN_IF_ERROR(fs_.SyncDir(options_.dir));
  return target_path;
}

void HotFolder::Run(const std::atomic<bool>& stop) {
  absl::Status last_folder_error;
  while (!stop.load()) {
    absl::StatusOr<int> waiting = Poll();
    // Report a folder problem once, not on every poll while it lasts.
    if (!waiting.ok() && waiting.status() != last_folder_error &&
        events_.failed) {
      events_.failed(options_.dir, waiting.status(), true);
    }
    last_folder_error = waiting.status();
    // Sleep in slices so that a stop request is seen promptly.
    const absl::Time wake = absl::Now() + options_.poll_interval;
    while (!stop.load() && absl::Now() < wake) {
      absl::SleepFor(std::min(absl::Milliseconds(50), wake - absl::Now()));
    }
  }
}

absl::Status HotFolder::RunOnce(const std::atomic<bool>& stop) {
  while (!stop.load()) {
    ASSIGN_OR_RETURN(int waiting, Poll());
    if (waiting == 0) break;
    absl::SleepFor(options_.poll_interval);
  }
  return absl::OkStatus();
}

}  // namespace docintake::cli
