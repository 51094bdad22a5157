// `docintake verify-bundle FILE`: checks an evidence bundle (made by
// `docintake archive export`) offline — no server, no database — and prints
// each check. Exit 0 only if every check passed (checks left undone for want
// of a trusted key or TSA CA are printed as UNCHECKED and do not fail).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "archive/evidence_bundle.h"
#include "intake/cli/command.h"
#include "intake/cli/errors.h"
#include "intake/cli/output.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "verify-bundle";
constexpr uint64_t kMaxPemFileBytes = 1 << 20;

constexpr char kSummary[] =
    "Checks an evidence bundle offline: the original's SHA-256 against the "
    "record,\nthe salted commitment and record hash against the log leaf, the "
    "leaf's inclusion\nin the signed checkpoint, the checkpoint's signature "
    "and its RFC 3161 timestamp.\nWithout --key, the bundle's own "
    "public-key.pem is only self-attested; without\n--tsa-ca the timestamp is "
    "UNCHECKED. No server is contacted (--server is ignored).\nExit 0 only "
    "if no check FAILED (UNCHECKED ones do not fail).";

void PrintReport(const v1::VerificationReport& report, const std::string& path,
                 CommandIo& io) {
  std::vector<std::string> failed;
  int unchecked = 0;
  for (const v1::VerificationCheck& check : report.checks()) {
    absl::string_view detail = check.detail();
    const char* label = "ok       ";
    if (archive::IsUnchecked(check)) {
      label = "UNCHECKED";
      detail.remove_prefix(sizeof(archive::kUncheckedPrefix) - 1);
      ++unchecked;
    } else if (!check.ok()) {
      label = "FAILED   ";
      failed.push_back(check.name());
    }
    io.out << label << "  " << check.name() << ": " << detail << "\n";
  }
  if (report.ok()) {
    io.out << "bundle " << path << ": document " << report.document_id()
           << " verified";
    if (unchecked > 0) {
      io.out << " (" << unchecked
             << " check(s) UNCHECKED for want of a trusted key or TSA CA)";
    }
  } else {
    io.out << "bundle " << path
           << ": VERIFICATION FAILED: " << absl::StrJoin(failed, ", ");
  }
  io.out << std::endl;
}

}  // namespace

int RunVerifyBundle(const std::vector<std::string>& args, CommandIo& io) {
  CommonFlags common;
  std::string key_file;
  std::vector<std::string> tsa_ca_files;
  FlagSet flags("docintake verify-bundle [flags] FILE", kSummary);
  common.Register(flags);
  flags.AddString("key", &key_file,
                  "the archive's public key (PEM), obtained independently of "
                  "the bundle",
                  "PEM_FILE");
  flags.AddRepeated("tsa-ca", &tsa_ca_files,
                    "trusted CA certificate(s) of the time-stamping authority "
                    "(PEM; repeatable)",
                    "PEM_FILE");
  std::vector<std::string> files;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, files)) {
    return *done;
  }
  if (files.size() != 1) {
    return UsageError(io, kCommand, "wants exactly one bundle FILE");
  }
  archive::BundleTrust trust;
  if (!key_file.empty()) {
    absl::StatusOr<std::string> pem =
        io.fs.ReadFile(key_file, kMaxPemFileBytes);
    if (!pem.ok()) {
      io.err << ErrorLine(kCommand, key_file, pem.status()) << std::endl;
      return kExitFailure;
    }
    trust.expected_public_key_pem = *std::move(pem);
  }
  for (const std::string& ca_file : tsa_ca_files) {
    absl::StatusOr<std::string> pem = io.fs.ReadFile(ca_file, kMaxPemFileBytes);
    if (!pem.ok()) {
      io.err << ErrorLine(kCommand, ca_file, pem.status()) << std::endl;
      return kExitFailure;
    }
    trust.tsa_ca_pems.push_back(*std::move(pem));
  }
  absl::StatusOr<v1::VerificationReport> report =
      archive::VerifyEvidenceBundleFile(files[0], trust);
  if (!report.ok()) {
    io.err << ErrorLine(kCommand, files[0], report.status()) << std::endl;
    return kExitFailure;
  }
  if (common.json) {
    io.out << MessageJson(*report) << std::endl;
  } else {
    PrintReport(*report, files[0], io);
  }
  return report->ok() ? kExitOk : kExitFailure;
}

}  // namespace docintake::cli
