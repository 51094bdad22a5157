// Fuzz target: docintaked's settings (ParseServerConfig) and retention
// policy files (RetentionPolicy::Parse). The input is
//   <one command-line argument per line>
//   <blank line>
//   <file text>
// The file text is both the config file (passed as --config, through an
// in-memory file) and a retention policy. Any --config of the input is
// pointed at that file too, so that no input reads other files.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "archive/retention_policy.h"
#include "intake/server_config.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::intake {
namespace {

constexpr size_t kMaxInputBytes = 64 << 10;
constexpr size_t kMaxArgs = 256;

// An in-memory file for the config text, rewritten for every input.
class ConfigFile {
 public:
  ConfigFile() : fd_(memfd_create("docintake-fuzz-config", MFD_CLOEXEC)) {
    FUZZ_CHECK(fd_ >= 0, "memfd_create failed");
    path_ = absl::StrCat("/proc/self/fd/", fd_);
  }
  void Write(absl::string_view text) {
    FUZZ_CHECK(ftruncate(fd_, 0) == 0, "ftruncate failed");
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = pwrite(fd_, text.data() + done, text.size() - done,
                               static_cast<off_t>(done));
      FUZZ_CHECK(n > 0, "pwrite failed");
      done += static_cast<size_t>(n);
    }
  }
  const std::string& path() const { return path_; }

 private:
  const int fd_;  // lives as long as the process
  std::string path_;
};

void CheckConfig(const ServerConfig& config) {
  FUZZ_CHECK(config.max_document_bytes > 0, "max_document_bytes");
  FUZZ_CHECK(config.max_concurrent_uploads >= 1, "max_concurrent_uploads");
  FUZZ_CHECK(config.workers >= 0, "workers");
  FUZZ_CHECK(config.max_attempts >= 1, "max_attempts");
  FUZZ_CHECK(config.max_pdf_pages >= 1, "max_pdf_pages");
  FUZZ_CHECK(config.lease > absl::ZeroDuration() &&
                 config.shutdown_grace > absl::ZeroDuration() &&
                 config.checkpoint_interval > absl::ZeroDuration(),
             "a duration that is not positive");
  FUZZ_CHECK(config.archive_key_algorithm == "ed25519" ||
                 config.archive_key_algorithm == "ecdsa-p256",
             config.archive_key_algorithm);
}

void FuzzConfig(absl::string_view args_text, absl::string_view file_text) {
  static ConfigFile* const file = new ConfigFile();
  file->Write(file_text);
  std::vector<std::string> args;
  if (!args_text.empty()) {
    args = absl::StrSplit(args_text, '\n');
  }
  if (args.size() > kMaxArgs) args.resize(kMaxArgs);
  for (std::string& arg : args) {
    // Only the in-memory file may be read.
    if (arg == "--config" || absl::StartsWith(arg, "--config=")) {
      arg = "--config=" + file->path();
    }
  }
  if (!file_text.empty()) args.push_back("--config=" + file->path());

  const absl::StatusOr<ServerConfig> config = ParseServerConfig(args);
  if (config.ok()) {
    CheckConfig(*config);
  } else {
    FUZZ_CHECK(config.status().code() == absl::StatusCode::kInvalidArgument,
               config.status().ToString());
  }
}

void FuzzRetentionPolicy(absl::string_view text) {
  const absl::StatusOr<archive::RetentionPolicy> policy =
      archive::RetentionPolicy::Parse(text);
  if (!policy.ok()) {
    FUZZ_CHECK(policy.status().code() == absl::StatusCode::kInvalidArgument,
               policy.status().ToString());
    return;
  }
  for (const char* type : {"", "invoice", "book", "business_letter", "x"}) {
    for (const char* channel : {"", "PORTAL", "EMAIL"}) {
      for (int64_t seconds : {int64_t{0}, int64_t{1700000000},
                              int64_t{253402300799}}) {  // 9999-12-31
        const absl::Time received = absl::FromUnixSeconds(seconds);
        const archive::RetentionDecision decision =
            policy->Decide(type, channel, received);
        FUZZ_CHECK(decision.retain_until >= received && !decision.rule.empty(),
                   absl::StrCat(type, " ", channel, " at ", seconds, ": ",
                                decision.rule));
      }
    }
  }
}

void FuzzOne(absl::string_view bytes) {
  absl::string_view args_text = bytes;
  absl::string_view file_text;
  if (const size_t blank = bytes.find("\n\n"); blank != bytes.npos) {
    args_text = bytes.substr(0, blank);
    file_text = bytes.substr(blank + 2);
  }
  FuzzConfig(args_text, file_text);
  FuzzRetentionPolicy(file_text);
}

}  // namespace
}  // namespace docintake::intake

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > docintake::intake::kMaxInputBytes) return -1;
  docintake::intake::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
