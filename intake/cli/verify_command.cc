// `docintake verify FILE.pdf`: validates every signature and document
// timestamp of a PDF — in the server (SignatureService.VerifyPdf, with the
// server's trust store) or, with --local, in this process with the trust
// store given by --trust — and prints per signature the indication, level,
// coverage, integrity, changes after signing, signer and qualification,
// then the written-form decision. --json prints the SignatureReport,
// --etsi-xml the ETSI TS 119 102-2 validation report. Exit code 0 only when
// every signature passed and nothing was changed that should not be.
#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "base/time_util.h"
#include "intake/cli/command.h"
#include "intake/cli/errors.h"
#include "intake/cli/output.h"
#include "intake/cli/time_flag.h"
#include "signature/etsi_report.h"
#include "signature/pdf_validator.h"
#include "signature/trust/revocation_fetcher.h"
#include "signature/trust/trust_store.h"
#include "signature/written_form.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "verify";
constexpr uint64_t kMaxInputBytes = 256ull << 20;
constexpr size_t kChunkBytes = 1 << 20;
constexpr std::chrono::minutes kRemoteTimeout(10);

constexpr char kSummary[] =
    "Validates every signature and document timestamp of a PDF (PAdES, ETSI "
    "EN 319 102-1)\nwithout archiving it, and decides whether it can stand "
    "in for a handwritten\nsignature (written form). Prints per signature "
    "the indication, level,\ncoverage, integrity, changes after signing and "
    "signer; --json prints the\nreport ({signatures: [{indication, "
    "subindication, level, coverage, integrity,\nlater_changes, ...}], "
    "written_form}), --etsi-xml the ETSI TS 119 102-2 report.\n--local runs "
    "in this process with the anchors of --trust (no server).\nExit code 0 "
    "when every signature passed, 1 otherwise.";

struct Verified {
  v1::SignatureReport report;
  std::string etsi_xml;
};

absl::StatusOr<Verified> VerifyLocally(const std::string& bytes,
                                       const std::vector<std::string>& trust,
                                       absl::Time at, bool etsi_xml,
                                       bool revocation_fetch) {
  ASSIGN_OR_RETURN(std::shared_ptr<const signature::TrustStore> store,
                   signature::LoadTrustStore(trust));
  signature::CurlRevocationFetcher fetcher;
  signature::ValidatorOptions options;
  if (revocation_fetch) options.revocation_fetcher = &fetcher;
  signature::PdfValidator validator(std::move(store), options);
  Verified out;
  ASSIGN_OR_RETURN(out.report, validator.Validate(bytes, at));
  *out.report.mutable_written_form() =
      signature::DecideWrittenForm(out.report.signatures(), v1::IntakeFacts());
  if (etsi_xml) out.etsi_xml = signature::EtsiValidationReport(out.report);
  return out;
}

absl::StatusOr<Verified> VerifyRemotely(
    Client& client, const std::string& bytes, const std::string& filename,
    const std::optional<google::protobuf::Timestamp>& at, bool etsi_xml) {
  grpc::ClientContext context;
  client.Identify(context);
  context.set_deadline(std::chrono::system_clock::now() + kRemoteTimeout);
  v1::VerifyPdfReply reply;
  auto stream = client.signature().VerifyPdf(&context, &reply);
  v1::VerifyPdfRequest request;
  request.mutable_header()->set_filename(filename);
  request.mutable_header()->set_etsi_xml(etsi_xml);
  if (at.has_value())
    *request.mutable_header()->mutable_validation_time() = *at;
  bool sent = stream->Write(request);
  for (size_t offset = 0; sent && offset < bytes.size();
       offset += kChunkBytes) {
    request.set_chunk(bytes.substr(offset, kChunkBytes));
    sent = stream->Write(request);
  }
  stream->WritesDone();
  RETURN_IF_ERROR(FromGrpcStatus(stream->Finish()));
  Verified out;
  out.report = std::move(*reply.mutable_report());
  out.etsi_xml = std::move(*reply.mutable_etsi_xml());
  return out;
}

std::string Time(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%SZ", base::FromProtoTime(t),
                          absl::UTCTimeZone());
}

void PrintReport(const v1::SignatureReport& report, std::ostream& out) {
  using Validation = v1::SignatureValidation;
  if (report.signatures().empty()) out << "no signatures\n";
  for (const Validation& s : report.signatures()) {
    out << absl::StrFormat(
        "%d. %s%s: %s%s\n", s.index() + 1, Validation::Kind_Name(s.kind()),
        s.field_name().empty() ? "" : " \"" + s.field_name() + "\"",
        v1::Indication_Name(s.indication()),
        s.subindication() == v1::SUBINDICATION_UNSPECIFIED
            ? ""
            : "/" + v1::SubIndication_Name(s.subindication()));
    out << absl::StrFormat(
        "   level %s, %s, coverage %s, changes after signing %s\n",
        Validation::Level_Name(s.level()),
        Validation::Integrity_Name(s.integrity()),
        Validation::Coverage_Name(s.coverage()),
        Validation::LaterChanges_Name(s.later_changes()));
    if (!s.signer().subject().empty()) {
      out << "   signer " << s.signer().subject() << "\n";
    }
    if (s.kind() != Validation::DOCUMENT_TIMESTAMP) {
      out << "   qualification "
          << Validation::Qualification_Name(s.qualification()) << "\n";
    }
    if (s.has_best_signature_time()) {
      out << "   best signature time " << Time(s.best_signature_time()) << "\n";
    }
    for (const std::string& e : s.errors()) out << "   error: " << e << "\n";
    for (const std::string& w : s.warnings()) {
      out << "   warning: " << w << "\n";
    }
    for (const std::string& c : s.change_details()) {
      out << "   change: " << c << "\n";
    }
  }
  for (const std::string& e : report.errors()) out << "error: " << e << "\n";
  for (const std::string& w : report.warnings()) {
    out << "warning: " << w << "\n";
  }
  const v1::WrittenForm& form = report.written_form();
  out << "written form: " << v1::WrittenForm::Decision_Name(form.decision());
  if (form.decision() == v1::WrittenForm::SATISFIED) {
    out << " by " << v1::WrittenForm::SatisfiedBy_Name(form.satisfied_by());
  }
  out << "\n";
  for (const std::string& r : form.reasons()) out << "  " << r << "\n";
}

bool AllPassed(const v1::SignatureReport& report) {
  if (report.signatures().empty()) return false;
  for (const v1::SignatureValidation& s : report.signatures()) {
    if (s.indication() != v1::TOTAL_PASSED ||
        s.later_changes() == v1::SignatureValidation::DISALLOWED ||
        s.later_changes() == v1::SignatureValidation::SUSPICIOUS) {
      return false;
    }
  }
  return true;
}

}  // namespace

int RunVerify(const std::vector<std::string>& args, CommandIo& io) {
  CommonFlags common;
  bool local = false;
  bool etsi_xml = false;
  bool revocation_fetch = false;
  std::vector<std::string> trust;
  std::string at_text;
  FlagSet flags("docintake verify [flags] FILE.pdf", kSummary);
  common.Register(flags);
  flags.AddBool("local", &local, "validate in this process, not the server");
  flags.AddRepeated("trust", &trust,
                    "trust anchors with --local: a certificate (PEM/DER), an "
                    "EU trusted-list XML file or a directory of both",
                    "PATH");
  flags.AddString("at", &at_text, "validation time (RFC 3339; default: now)",
                  "TIME");
  flags.AddBool("revocation-fetch", &revocation_fetch,
                "with --local: fetch OCSP/CRL over HTTP where the PDF "
                "carries no revocation data (default: offline)");
  flags.AddBool("etsi-xml", &etsi_xml,
                "print the ETSI TS 119 102-2 XML validation report");
  std::vector<std::string> files;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, files)) {
    return *done;
  }
  if (files.size() != 1) {
    return UsageError(io, kCommand, "wants exactly one FILE.pdf");
  }
  if (common.json && etsi_xml) {
    return UsageError(io, kCommand, "--json and --etsi-xml exclude each other");
  }
  if (!local && (!trust.empty() || revocation_fetch)) {
    return UsageError(io, kCommand,
                      "--trust and --revocation-fetch need --local (the "
                      "server uses its own settings)");
  }
  std::optional<google::protobuf::Timestamp> at;
  if (!at_text.empty()) {
    at.emplace();
    if (absl::Status s = ParseTimeFlag("--at", at_text, &*at); !s.ok()) {
      return UsageError(io, kCommand, s.message());
    }
  }
  absl::StatusOr<Verified> result = [&]() -> absl::StatusOr<Verified> {
    ASSIGN_OR_RETURN(std::string bytes,
                     io.fs.ReadFile(files[0], kMaxInputBytes));
    if (local) {
      return VerifyLocally(
          bytes, trust,
          at.has_value() ? base::FromProtoTime(*at) : io.clock.Now(), etsi_xml,
          revocation_fetch);
    }
    Client client(common.server);
    return VerifyRemotely(client, bytes, files[0], at, etsi_xml);
  }();
  if (!result.ok()) {
    io.err << ErrorLine(kCommand, files[0], result.status()) << std::endl;
    return kExitFailure;
  }
  if (etsi_xml) {
    io.out << result->etsi_xml;
  } else if (common.json) {
    io.out << ReportJson(result->report) << std::endl;
  } else {
    PrintReport(result->report, io.out);
  }
  return AllPassed(result->report) ? kExitOk : kExitFailure;
}

}  // namespace docintake::cli
