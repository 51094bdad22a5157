#include "intake/cli/grpc_submitter.h"

#include <memory>

#include "base/status_macros.h"
#include "intake/cli/document_upload.h"

namespace docintake::cli {

absl::StatusOr<v1::SubmitReply> GrpcSubmitter::Submit(
    const std::string& path, const v1::SubmitHeader& header) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::SequentialFile> file,
                   fs_.NewSequentialFile(path));
  return UploadDocument(stub_, header, *file, chunk_size_, UploadProgress());
}

}  // namespace docintake::cli
