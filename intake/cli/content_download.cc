#include "intake/cli/content_download.h"

#include <filesystem>
#include <functional>
#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/random.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "grpcpp/client_context.h"
#include "intake/cli/client.h"
#include "intake/cli/errors.h"

namespace docintake::cli {
namespace {

// The SHA-256 the archive recorded for the document's original bytes (or
// its rendition).
absl::StatusOr<std::string> RecordedSha256(
    v1::ArchiveService::StubInterface& stub, const std::string& document_id,
    bool rendition) {
  grpc::ClientContext context;
  SetUnaryDeadline(context);
  v1::GetRecordRequest request;
  request.set_document_id(document_id);
  v1::Record record;
  RETURN_IF_ERROR(FromGrpcStatus(stub.GetRecord(&context, request, &record)));
  if (!rendition) return record.intake().sha256();
  if (!record.has_rendition()) {
    return absl::NotFoundError(
        absl::StrCat("document ", document_id, " has no rendition"));
  }
  return record.rendition().sha256();
}

// Feeds every chunk of the content to `sink`; stops at the first sink error.
// DATA_LOSS if the bytes received do not hash to the archived record's
// SHA-256.
absl::StatusOr<DownloadResult> ReadContent(
    v1::ArchiveService::StubInterface& stub, const std::string& document_id,
    bool rendition,
    const std::function<absl::Status(const std::string&)>& sink) {
  ASSIGN_OR_RETURN(const std::string expected,
                   RecordedSha256(stub, document_id, rendition));
  grpc::ClientContext context;
  v1::GetContentRequest request;
  request.set_document_id(document_id);
  request.set_rendition(rendition);
  std::unique_ptr<grpc::ClientReaderInterface<v1::ContentChunk>> reader =
      stub.GetContent(&context, request);
  base::Sha256 hasher;
  DownloadResult result;
  v1::ContentChunk chunk;
  while (reader->Read(&chunk)) {
    absl::Status written = sink(chunk.data());
    if (!written.ok()) {
      context.TryCancel();
      (void)reader->Finish();
      return written;
    }
    hasher.Update(chunk.data());
    result.size += chunk.data().size();
  }
  RETURN_IF_ERROR(FromGrpcStatus(reader->Finish()));
  result.sha256 = absl::BytesToHexString(hasher.Finish());
  if (result.sha256 != expected) {
    return absl::DataLossError(
        absl::StrCat("the content received has SHA-256 ", result.sha256,
                     " but the archived record says ", expected));
  }
  return result;
}

}  // namespace

absl::StatusOr<DownloadResult> DownloadContent(
    v1::ArchiveService::StubInterface& stub, base::FileSystem& fs,
    const std::string& document_id, const std::string& path, bool rendition) {
  const std::filesystem::path target(path);
  std::string dir = target.parent_path().string();
  if (dir.empty()) dir = ".";
  const std::string tmp = absl::StrCat(dir, "/.", target.filename().string(),
                                       ".", base::RandomHex(6), ".part");
  ASSIGN_OR_RETURN(std::unique_ptr<base::WritableFile> file,
                   fs.NewWritableFile(tmp));
  absl::StatusOr<DownloadResult> result =
      [&]() -> absl::StatusOr<DownloadResult> {
    ASSIGN_OR_RETURN(DownloadResult received,
                     ReadContent(stub, document_id, rendition,
                                 [&file](const std::string& data) {
                                   return file->Append(data);
                                 }));
    RETURN_IF_ERROR(file->Sync());
    RETURN_IF_ERROR(file->Close());
    RETURN_IF_ERROR(fs.Rename(tmp, path));
    RETURN_IF_ERROR(fs.SyncDir(dir));
    return received;
  }();
  if (!result.ok()) {
    file.reset();
    if (fs.Exists(tmp)) fs.Remove(tmp).IgnoreError();
  }
  return result;
}

absl::StatusOr<DownloadResult> StreamContent(
    v1::ArchiveService::StubInterface& stub, const std::string& document_id,
    std::ostream& out, bool rendition) {
  ASSIGN_OR_RETURN(
      DownloadResult result,
      ReadContent(
          stub, document_id, rendition, [&out](const std::string& data) {
            out.write(data.data(), static_cast<std::streamsize>(data.size()));
            return out ? absl::OkStatus()
                       : absl::DataLossError("writing the output failed");
          }));
  out.flush();
  if (!out) return absl::DataLossError("writing the output failed");
  return result;
}

}  // namespace docintake::cli
