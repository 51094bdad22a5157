// `docintake ocr FILE`: recognises a scan (PDF, TIFF, PNG, JPEG) without
// archiving it — in the server (OcrService.Recognize) or, with --local, in
// this process — and prints per page the rotation, skew, mean confidence
// and text; -o writes the searchable PDF/A-2b rendition.
#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "base/status_macros.h"
#include "intake/cli/command.h"
#include "intake/cli/errors.h"
#include "intake/cli/output.h"
#include "ocr/document_ocr.h"
#include "ocr/text_layer.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "ocr";
constexpr uint64_t kMaxInputBytes = 256ull << 20;
constexpr size_t kChunkBytes = 1 << 20;
constexpr std::chrono::hours kRemoteTimeout(1);

constexpr char kSummary[] =
    "Recognises the text of a scan (PDF, TIFF, PNG or JPEG) without "
    "archiving it:\norientation, deskew, blank-page detection and Tesseract "
    "OCR per page. Prints\nper page the rotation, skew, mean word confidence "
    "and text; --json prints the\ntext layer ({page_count, pages: [{number, "
    "text, rotation, skew,\nmean_confidence, blank, words, ...}]}). With -o, "
    "writes the searchable PDF/A-2b\nrendition. --local runs in this process "
    "(no server).";

struct OcrResult {
  v1::TextLayer text;
  std::string rendition;
};

absl::StatusOr<OcrResult> RecognizeLocally(const std::string& bytes,
                                           const std::string& language, int dpi,
                                           bool rendition) {
  ocr::OcrOptions engine_options;
  engine_options.language = language;
  absl::StatusOr<std::unique_ptr<ocr::OcrEngine>> engine =
      ocr::OcrEngine::Create(engine_options);
  if (!engine.ok()) return engine.status();
  ocr::DocumentOcrOptions options;
  options.limits.pdf_dpi = dpi;
  options.rendition = rendition;
  absl::StatusOr<ocr::DocumentOcr> document =
      ocr::OcrDocument(**engine, bytes, options);
  if (!document.ok()) return document.status();
  OcrResult out;
  out.text = ocr::ToTextLayer(*document, (*engine)->Description());
  out.rendition = std::move(document->rendition);
  return out;
}

absl::StatusOr<OcrResult> RecognizeRemotely(Client& client,
                                            const std::string& bytes,
                                            const std::string& filename,
                                            bool rendition) {
  grpc::ClientContext context;
  client.Identify(context);
  // Long documents take minutes; a hung server must not hang us forever.
  context.set_deadline(std::chrono::system_clock::now() + kRemoteTimeout);
  auto stream = client.ocr().Recognize(&context);
  v1::RecognizeRequest request;
  request.mutable_header()->set_filename(filename);
  request.mutable_header()->set_rendition(rendition);
  bool sent = stream->Write(request);
  for (size_t at = 0; sent && at < bytes.size(); at += kChunkBytes) {
    request.set_chunk(bytes.substr(at, kChunkBytes));
    sent = stream->Write(request);
  }
  stream->WritesDone();
  OcrResult out;
  v1::RecognizeReply reply;
  while (stream->Read(&reply)) {
    if (reply.has_text()) {
      out.text = std::move(*reply.mutable_text());
    } else {
      out.rendition += reply.rendition_chunk();
    }
  }
  RETURN_IF_ERROR(FromGrpcStatus(stream->Finish()));
  return out;
}

absl::StatusOr<OcrResult> Recognize(CommandIo& io, const std::string& path,
                                    bool local, const std::string& server,
                                    const std::string& language, int dpi,
                                    bool rendition) {
  ASSIGN_OR_RETURN(std::string bytes, io.fs.ReadFile(path, kMaxInputBytes));
  if (local) return RecognizeLocally(bytes, language, dpi, rendition);
  Client client(server);
  return RecognizeRemotely(client, bytes, path, rendition);
}

void PrintText(const v1::TextLayer& text, std::ostream& out) {
  for (const v1::PageText& page : text.pages()) {
    out << absl::StrFormat(
        "page %d: rotation %d, skew %+.2f deg, mean confidence %.1f%s%s\n",
        page.number(), page.rotation(), page.skew(), page.mean_confidence(),
        page.blank() ? ", BLANK" : "",
        page.dpi_assumed() ? ", resolution assumed" : "");
    out << page.text();
    if (!page.text().empty() && page.text().back() != '\n') out << "\n";
    out << "\n";
  }
}

}  // namespace

int RunOcr(const std::vector<std::string>& args, CommandIo& io) {
  CommonFlags common;
  bool local = false;
  std::string language = "deu";
  int64_t dpi = 300;
  std::string output;
  FlagSet flags("docintake ocr [flags] FILE", kSummary);
  common.Register(flags);
  flags.AddBool("local", &local, "recognise in this process, not the server");
  flags.AddString("lang", &language,
                  "Tesseract language(s) with --local, e.g. deu or deu+eng",
                  "LANG");
  flags.AddInt("dpi", &dpi, "resolution PDF pages are rendered at (--local)",
               "DPI");
  flags.AddString("output", &output,
                  "write the searchable PDF/A-2b rendition to FILE", "FILE");
  flags.AddAlias('o', "output");
  std::vector<std::string> files;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, files)) {
    return *done;
  }
  if (files.size() != 1) {
    return UsageError(io, kCommand, "wants exactly one FILE");
  }
  if (dpi < 50 || dpi > 1200) {
    return UsageError(io, kCommand, "--dpi must be between 50 and 1200");
  }
  absl::StatusOr<OcrResult> result =
      Recognize(io, files[0], local, common.server, language,
                static_cast<int>(dpi), !output.empty());
  if (result.ok() && !output.empty()) {
    const size_t slash = output.rfind('/');
    const std::string dir =
        slash == std::string::npos ? "." : output.substr(0, slash);
    const std::string name =
        slash == std::string::npos ? output : output.substr(slash + 1);
    absl::Status written =
        base::WriteFileAtomically(io.fs, dir, name, result->rendition);
    if (!written.ok()) result = written;
  }
  if (!result.ok()) {
    io.err << ErrorLine(kCommand, files[0], result.status()) << std::endl;
    return kExitFailure;
  }
  if (common.json) {
    io.out << ReportJson(result->text) << std::endl;
  } else {
    PrintText(result->text, io.out);
  }
  return kExitOk;
}

}  // namespace docintake::cli
