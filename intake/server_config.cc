#include "intake/server_config.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "base/status_macros.h"

namespace docintake::intake {
namespace {

absl::StatusOr<int> ParsePositiveInt(const std::string& key,
                                     const std::string& value, int min) {
  int out = 0;
  if (!absl::SimpleAtoi(value, &out) || out < min) {
    return absl::InvalidArgumentError(absl::StrCat(
        key, ": expected a whole number >= ", min, ", got \"", value, "\""));
  }
  return out;
}

// "256MiB", "10 MB", "4096" -> bytes.
absl::StatusOr<uint64_t> ParseSize(const std::string& key,
                                   const std::string& value) {
  absl::string_view v = absl::StripAsciiWhitespace(value);
  size_t digits = 0;
  while (digits < v.size() && absl::ascii_isdigit(v[digits])) ++digits;
  uint64_t n = 0;
  if (digits == 0 || !absl::SimpleAtoi(v.substr(0, digits), &n)) {
    return absl::InvalidArgumentError(absl::StrCat(
        key, ": expected a size like 256MiB, got \"", value, "\""));
  }
  std::string unit =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(v.substr(digits)));
  uint64_t mult = 0;
  if (unit.empty() || unit == "b") mult = 1;
  if (unit == "k" || unit == "kib" || unit == "kb") mult = 1ULL << 10;
  if (unit == "m" || unit == "mib" || unit == "mb") mult = 1ULL << 20;
  if (unit == "g" || unit == "gib" || unit == "gb") mult = 1ULL << 30;
  if (mult == 0 || n == 0 || n > (UINT64_MAX / mult)) {
    return absl::InvalidArgumentError(absl::StrCat(
        key, ": expected a size like 256MiB, got \"", value, "\""));
  }
  return n * mult;
}

absl::StatusOr<bool> ParseBool(const std::string& key,
                               const std::string& value) {
  if (value == "true" || value == "yes" || value == "on") return true;
  if (value == "false" || value == "no" || value == "off") return false;
  return absl::InvalidArgumentError(
      absl::StrCat(key, ": expected true or false, got \"", value, "\""));
}

absl::StatusOr<absl::Duration> ParseDurationSetting(const std::string& key,
                                                    const std::string& value) {
  absl::Duration d;
  if (!absl::ParseDuration(value, &d) || d <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        key, ": expected a duration like 30s or 10m, got \"", value, "\""));
  }
  return d;
}

absl::Status ApplySetting(ServerConfig& config, const std::string& key,
                          const std::string& value) {
  if (key == "listen") {
    config.listen = value;
  } else if (key == "data-dir") {
    config.data_dir = value;
  } else if (key == "port-file") {
    config.port_file = value;
  } else if (key == "max-document-size") {
    ASSIGN_OR_RETURN(config.max_document_bytes, ParseSize(key, value));
  } else if (key == "max-concurrent-uploads") {
    ASSIGN_OR_RETURN(config.max_concurrent_uploads,
                     ParsePositiveInt(key, value, 1));
  } else if (key == "workers") {
    ASSIGN_OR_RETURN(config.workers, ParsePositiveInt(key, value, 0));
  } else if (key == "lease") {
    ASSIGN_OR_RETURN(config.lease, ParseDurationSetting(key, value));
  } else if (key == "max-attempts") {
    ASSIGN_OR_RETURN(config.max_attempts, ParsePositiveInt(key, value, 1));
  } else if (key == "max-pdf-pages") {
    ASSIGN_OR_RETURN(config.max_pdf_pages, ParsePositiveInt(key, value, 1));
  } else if (key == "ocr-language") {
    if (value.empty() || value.find_first_of("/ .") != std::string::npos) {
      return absl::InvalidArgumentError(
          "ocr-language: expected Tesseract language names, e.g. deu+eng");
    }
    config.ocr_language = value;
  } else if (key == "ocr-dpi") {
    ASSIGN_OR_RETURN(config.ocr_dpi, ParsePositiveInt(key, value, 50));
    if (config.ocr_dpi > 1200) {
      return absl::InvalidArgumentError("ocr-dpi: at most 1200");
    }
  } else if (key == "ocr-engines") {
    ASSIGN_OR_RETURN(config.ocr_engines, ParsePositiveInt(key, value, 0));
  } else if (key == "ocr-max-page-time") {
    ASSIGN_OR_RETURN(config.ocr_max_page_time,
                     ParseDurationSetting(key, value));
  } else if (key == "max-page-pixels") {
    ASSIGN_OR_RETURN(config.max_page_pixels, ParsePositiveInt(key, value, 1));
  } else if (key == "split-batches") {
    ASSIGN_OR_RETURN(config.split_batches, ParseBool(key, value));
  } else if (key == "split-at-blank-pages") {
    ASSIGN_OR_RETURN(config.split_at_blank_pages, ParseBool(key, value));
  } else if (key == "shutdown-grace") {
    ASSIGN_OR_RETURN(config.shutdown_grace, ParseDurationSetting(key, value));
  } else if (key == "log-level") {
    if (value != "debug" && value != "info" && value != "warning" &&
        value != "error") {
      return absl::InvalidArgumentError(absl::StrCat(
          "log-level: expected debug, info, warning or error, got \"", value,
          "\""));
    }
    config.log_level = value;
  } else if (key == "archive-origin") {
    if (value.empty() || value.find_first_of(" \n") != std::string::npos) {
      return absl::InvalidArgumentError(
          "archive-origin: expected a name without spaces");
    }
    config.archive_origin = value;
  } else if (key == "archive-key") {
    config.archive_key = value;
  } else if (key == "archive-key-algorithm") {
    if (value != "ed25519" && value != "ecdsa-p256") {
      return absl::InvalidArgumentError(absl::StrCat(
          "archive-key-algorithm: expected ed25519 or ecdsa-p256, got \"",
          value, "\""));
    }
    config.archive_key_algorithm = value;
  } else if (key == "checkpoint-interval") {
    ASSIGN_OR_RETURN(config.checkpoint_interval,
                     ParseDurationSetting(key, value));
  } else if (key == "tsa-url") {
    config.tsa_url = value;
  } else if (key == "tsa-ca") {
    config.tsa_ca = value;
  } else if (key == "retention-policy") {
    config.retention_policy = value;
  } else if (key == "trust") {
    if (value.empty()) return absl::InvalidArgumentError("trust: empty path");
    config.trust_paths.push_back(value);
  } else if (key == "revocation-fetch") {
    ASSIGN_OR_RETURN(config.revocation_fetch, ParseBool(key, value));
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown setting \"", key, "\" (see --help)"));
  }
  return absl::OkStatus();
}

absl::Status ReadConfigFile(ServerConfig& config, const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return absl::NotFoundError(absl::StrCat("cannot read config ", path));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    absl::string_view l = line;
    if (size_t hash = l.find('#'); hash != absl::string_view::npos) {
      l = l.substr(0, hash);
    }
    l = absl::StripAsciiWhitespace(l);
    if (l.empty()) continue;
    size_t eq = l.find('=');
    if (eq == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", number, ": expected `key = value`, got \"", l, "\""));
    }
    std::string key(absl::StripAsciiWhitespace(l.substr(0, eq)));
    std::string value(absl::StripAsciiWhitespace(l.substr(eq + 1)));
    absl::Status s = ApplySetting(config, key, value);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ServerConfig> ParseServerConfig(
    const std::vector<std::string>& args) {
  // Split into (key, value) pairs first, so that --config applies before the
  // other flags wherever it stands.
  std::vector<std::pair<std::string, std::string>> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (!absl::ConsumePrefix(&arg, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", args[i], "\""));
    }
    std::string key, value;
    if (size_t eq = arg.find('='); eq != absl::string_view::npos) {
      key = std::string(arg.substr(0, eq));
      value = std::string(arg.substr(eq + 1));
    } else {
      key = std::string(arg);
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--", key, " needs a value"));
      }
      value = args[++i];
    }
    flags.emplace_back(std::move(key), std::move(value));
  }
  ServerConfig config;
  for (const auto& [key, value] : flags) {
    if (key == "config") RETURN_IF_ERROR(ReadConfigFile(config, value));
  }
  for (const auto& [key, value] : flags) {
    if (key != "config") RETURN_IF_ERROR(ApplySetting(config, key, value));
  }
  return config;
}

std::string ServerConfigHelp() {
  return R"(usage: docintaked [--config FILE] [--key value]...

Settings (flags override the config file, whose lines are `key = value`):
  --listen HOST:PORT            address to serve on (default 127.0.0.1:50051)
  --data-dir DIR                where everything is stored (default ./var)
  --port-file FILE              write the bound port here once serving
  --max-document-size SIZE      largest accepted document (default 256MiB)
  --max-concurrent-uploads N    uploads at once; more get RESOURCE_EXHAUSTED
                                (default 64)
  --workers N                   pipeline workers, 0 = one per core (default 0)
  --lease DURATION              time before a job held by a dead worker is
                                taken up again (default 10m)
  --max-attempts N              processing attempts before FAILED (default 3)
  --max-pdf-pages N             largest accepted PDF page count (default 10000)
  --ocr-language LANG           Tesseract language(s) for scans (default deu)
  --ocr-dpi N                   resolution PDF pages are rendered at for OCR
                                (default 300)
  --ocr-engines N               pages recognised at once (default: one per
                                core)
  --ocr-max-page-time DURATION  longest OCR time per page (default 120s)
  --max-page-pixels N           largest page image in pixels (default
                                60000000)
  --split-batches BOOL          split scan-station batches at separator
                                sheets (default true)
  --split-at-blank-pages BOOL   also split them at blank pages (default false)
  --shutdown-grace DURATION     how long SIGTERM waits for running work
                                (default 30s)
  --log-level LEVEL             debug, info, warning or error (default info)
  --archive-origin NAME         the archive log's name in checkpoints
                                (default docintake/archive)
  --archive-key FILE            checkpoint signing key, created (mode 0600) if
                                missing (default DATA_DIR/archive/archive-key.pem)
  --archive-key-algorithm ALG   ed25519 or ecdsa-p256, for a new key
                                (default ed25519)
  --checkpoint-interval DURATION  how often new log leaves are checkpointed
                                (default 10s)
  --tsa-url URL                 RFC 3161 TSA for checkpoint timestamps (off
                                by default); queued and retried while down
  --tsa-ca FILE                 PEM CA certificate(s) the TSA must chain to
  --retention-policy FILE       retention rules by document type and channel
                                (default: book 10y, invoice 8y,
                                business_letter 6y, other 10y, from the end
                                of the year of receipt)
  --trust PATH                  trust anchors for signature validation: a
                                certificate (PEM/DER), an EU trusted-list XML
                                file or a directory of both; repeatable.
                                Without it no signature can pass
  --revocation-fetch BOOL       fetch OCSP/CRL over HTTP for certificates a
                                PDF carries no revocation data for (default
                                false: offline only)
)";
}

}  // namespace docintake::intake
