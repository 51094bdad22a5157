// ServerConfig: docintaked's settings, from a config file and command-line
// flags (flags win). The file format is one `key = value` per line; `#` starts
// a comment; keys are the flag names without the leading dashes, e.g.
//   listen = 127.0.0.1:50051
//   data-dir = /var/lib/docintake
//   max-document-size = 256MiB
#ifndef DOCINTAKE_INTAKE_SERVER_CONFIG_H_
#define DOCINTAKE_INTAKE_SERVER_CONFIG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docintake::intake {

struct ServerConfig {
  std::string listen = "127.0.0.1:50051";
  std::string data_dir = "./var";
  // Written with the bound port once serving (useful with port 0).
  std::string port_file;
  uint64_t max_document_bytes = 256ULL << 20;
  int max_concurrent_uploads = 64;
  // 0 means one per core.
  int workers = 0;
  // A job held longer than this by a worker is taken up again.
  absl::Duration lease = absl::Minutes(10);
  // Processing attempts before a document is marked FAILED.
  int max_attempts = 3;
  int max_pdf_pages = 10000;
  // OCR of scans (issue "OCR, scan batches"): language, render resolution
  // of PDF pages, engines (pages at once; 0 = one per core), and limits.
  std::string ocr_language = "deu";
  int ocr_dpi = 300;
  int ocr_engines = 0;
  absl::Duration ocr_max_page_time = absl::Seconds(120);
  int64_t max_page_pixels = 60'000'000;
  // Split scan-station batches at separator sheets (PATCH T, ASN barcodes),
  // and optionally at blank pages.
  bool split_batches = true;
  bool split_at_blank_pages = false;
  // How long SIGTERM waits for running jobs and calls before cutting them.
  absl::Duration shutdown_grace = absl::Seconds(30);
  std::string log_level = "info";
  // The archive log: its name in checkpoints, the signing key (created on
  // first start; default data_dir/archive/archive-key.pem) and its algorithm.
  std::string archive_origin = "docintake/archive";
  std::string archive_key;
  std::string archive_key_algorithm = "ed25519";
  absl::Duration checkpoint_interval = absl::Seconds(10);
  // RFC 3161 TSA for checkpoint timestamps (off when empty), and the PEM file
  // of the CA(s) its tokens must chain to.
  std::string tsa_url;
  std::string tsa_ca;
  // Retention rules (see archive/retention_policy.h); empty: the defaults.
  std::string retention_policy;
  // Signature validation's trust store: certificate files (PEM/DER), EU
  // trusted-list XML files, or directories of both (`trust` may repeat).
  std::vector<std::string> trust_paths;
  // Fetch OCSP responses and CRLs over HTTP for certificates a signed PDF
  // carries no revocation data for (off: offline validation only).
  bool revocation_fetch = false;
};

// Parses `args` (argv without the program name): `--config FILE` is read first,
// then every other `--key value` / `--key=value` flag overrides it.
// INVALID_ARGUMENT with the offending key for anything unknown or malformed.
absl::StatusOr<ServerConfig> ParseServerConfig(
    const std::vector<std::string>& args);

// Help text listing every setting.
std::string ServerConfigHelp();

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_SERVER_CONFIG_H_
