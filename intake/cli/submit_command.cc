// `docintake submit PATH...`: streams files, directories and standard input
// to IntakeService.Submit, optionally waiting for each document's final state.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "docintake/v1/intake.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/document_upload.h"
#include "intake/cli/document_watch.h"
#include "intake/cli/errors.h"
#include "intake/cli/header_flags.h"
#include "intake/cli/input_files.h"
#include "intake/cli/istream_file.h"
#include "intake/cli/output.h"
#include "intake/cli/progress_bar.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "submit";

struct SubmitFlags {
  CommonFlags common;
  HeaderFlags header{"api"};
  std::string filename;
  std::string idempotency_key;
  std::string batch_id;
  bool wait = false;
  int64_t chunk_size = static_cast<int64_t>(kDefaultChunkSize);

  void Register(FlagSet& flags) {
    common.Register(flags);
    header.Register(flags);
    flags.AddString("filename", &filename,
                    "file name to declare (one input only; default: the "
                    "path's last component)",
                    "NAME");
    flags.AddString("idempotency-key", &idempotency_key,
                    "retry-safe key (one input only)", "KEY");
    flags.AddString("batch-id", &batch_id,
                    "batch id; positions 1..n follow the argument order", "ID");
    flags.AddBool("wait", &wait,
                  "wait for each document's final state; fail if any FAILED");
    flags.AddInt(
        "chunk-size", &chunk_size,
        absl::StrCat("bytes per message (default ", kDefaultChunkSize, ")"),
        "BYTES");
  }
};

struct Accepted {
  std::string path;
  std::string document_id;
};

// The Record for `event`'s document, as the event carries it or fetched.
absl::StatusOr<v1::Record> FinalRecord(Client& client,
                                       const v1::DocumentEvent& event) {
  if (event.has_record()) return event.record();
  grpc::ClientContext context;
  SetUnaryDeadline(context);
  v1::GetDocumentRequest request;
  request.set_document_id(event.document_id());
  v1::Record record;
  absl::Status status =
      FromGrpcStatus(client.intake().GetDocument(&context, request, &record));
  if (!status.ok()) return status;
  return record;
}

// Waits for each accepted document; false if any failed or could not be
// followed.
bool WaitForAll(Client& client, const std::vector<Accepted>& accepted,
                bool json, CommandIo& io) {
  bool all_ok = true;
  for (const Accepted& doc : accepted) {
    absl::StatusOr<v1::DocumentEvent> last =
        FollowDocument(client.intake(), doc.document_id, nullptr);
    absl::StatusOr<v1::Record> record =
        last.ok() ? FinalRecord(client, *last) : last.status();
    if (!record.ok()) {
      io.err << ErrorLine(kCommand, doc.path, record.status()) << std::endl;
      all_ok = false;
      continue;
    }
    const v1::DocumentState state = last->state();
    if (state == v1::FAILED) all_ok = false;
    if (json) {
      io.out << MessageJsonWithPath(*record, doc.path) << std::endl;
    } else {
      io.out << doc.document_id << "  " << doc.path << "  "
             << v1::DocumentState_Name(state);
      if (!record->error().empty()) io.out << "  " << record->error();
      io.out << std::endl;
    }
  }
  return all_ok;
}

}  // namespace

int RunSubmit(const std::vector<std::string>& args, CommandIo& io) {
  SubmitFlags f;
  FlagSet flags("docintake submit [flags] PATH...",
                "Submits files, directories (recursively, in sorted order) and "
                "- (standard input)\nto docintaked. Prints one line per "
                "document: its id and path.");
  f.Register(flags);
  std::vector<std::string> paths;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, paths)) {
    return *done;
  }
  if (paths.empty()) return UsageError(io, kCommand, "no PATH given");
  if (f.chunk_size < 1 || f.chunk_size > static_cast<int64_t>(kMaxChunkSize)) {
    return UsageError(io, kCommand,
                      absl::StrCat("--chunk-size must be 1..", kMaxChunkSize));
  }
  absl::StatusOr<v1::SubmitHeader> base_header = f.header.ToHeader();
  if (!base_header.ok()) {
    return UsageError(io, kCommand, base_header.status().message());
  }
  absl::StatusOr<std::vector<InputFile>> inputs = ExpandInputs(paths);
  if (!inputs.ok()) {
    io.err << ErrorLine(kCommand, "", inputs.status()) << std::endl;
    return kExitFailure;
  }
  if (inputs->empty()) {
    io.err << ErrorLine(kCommand, "",
                        absl::NotFoundError("no files in the given paths"))
           << std::endl;
    return kExitFailure;
  }
  if (inputs->size() != 1 && !f.idempotency_key.empty()) {
    return UsageError(io, kCommand, "--idempotency-key needs exactly one file");
  }
  if (inputs->size() != 1 && !f.filename.empty()) {
    return UsageError(io, kCommand, "--filename needs exactly one file");
  }

  Client client(f.common.server);
  uint64_t total_bytes = 0;
  for (const InputFile& input : *inputs) total_bytes += input.size;
  const int total_files = static_cast<int>(inputs->size());
  std::unique_ptr<ProgressBar> bar;
  if (WantsProgressBar(io.err_is_terminal, total_bytes, total_files)) {
    bar = std::make_unique<ProgressBar>(io.err, io.clock, total_bytes,
                                        total_files);
  }

  std::vector<Accepted> accepted;
  bool all_ok = true;
  for (size_t i = 0; i < inputs->size(); ++i) {
    const InputFile& input = (*inputs)[i];
    v1::SubmitHeader header = *base_header;
    header.set_filename(
        !f.filename.empty() ? f.filename
        : input.is_stdin
            ? ""
            : std::filesystem::path(input.path).filename().string());
    header.set_idempotency_key(f.idempotency_key);
    if (!f.batch_id.empty()) {
      header.set_batch_id(f.batch_id);
      header.set_batch_position(static_cast<uint32_t>(i + 1));
    }
    absl::StatusOr<v1::SubmitReply> reply;
    if (input.is_stdin) {
      IstreamFile file(io.in);
      reply =
          UploadDocument(client.intake(), header, file,
                         static_cast<size_t>(f.chunk_size), [&bar](uint64_t n) {
                           if (bar) bar->AddBytes(n);
                         });
    } else {
      absl::StatusOr<std::unique_ptr<base::SequentialFile>> file =
          io.fs.NewSequentialFile(input.path);
      reply = !file.ok() ? absl::StatusOr<v1::SubmitReply>(file.status())
                         : UploadDocument(client.intake(), header, **file,
                                          static_cast<size_t>(f.chunk_size),
                                          [&bar](uint64_t n) {
                                            if (bar) bar->AddBytes(n);
                                          });
    }
    if (bar) bar->Clear();
    if (!reply.ok()) {
      io.err << ErrorLine(kCommand, input.path, reply.status()) << std::endl;
      all_ok = false;
    } else {
      accepted.push_back(Accepted{input.path, reply->document_id()});
      if (!(f.wait && f.common.json)) {
        io.out << (f.common.json ? MessageJsonWithPath(*reply, input.path)
                                 : SubmitLine(*reply, input.path))
               << std::endl;
      }
    }
    if (bar) bar->FileDone();
  }
  if (bar) bar->Clear();

  if (f.wait && !WaitForAll(client, accepted, f.common.json, io)) {
    all_ok = false;
  }
  return all_ok ? kExitOk : kExitFailure;
}

}  // namespace docintake::cli
