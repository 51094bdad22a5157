// ReadStreamedDocument: the request side of the streaming RPCs that take a
// document without archiving it (OcrService.Recognize,
// SignatureService.VerifyPdf): a header message first, then the bytes in
// chunks. Checks the framing and the size limit.
#ifndef DOCINTAKE_INTAKE_STREAMED_DOCUMENT_H_
#define DOCINTAKE_INTAKE_STREAMED_DOCUMENT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace docintake::intake {

// `Reader` has bool Read(Request*); `Request` has has_header(), header()
// and chunk(). Sets `header` from the first message. INVALID_ARGUMENT for a
// missing or repeated header or no bytes; RESOURCE_EXHAUSTED past
// `max_bytes`.
template <typename Request, typename Reader, typename Header>
absl::StatusOr<std::string> ReadStreamedDocument(Reader& stream,
                                                 uint64_t max_bytes,
                                                 Header& header) {
  Request request;
  if (!stream.Read(&request) || !request.has_header()) {
    return absl::InvalidArgumentError("the first message must be the header");
  }
  header = request.header();
  std::string bytes;
  while (stream.Read(&request)) {
    if (request.has_header()) {
      return absl::InvalidArgumentError(
          "only the first message may be a header");
    }
    if (bytes.size() + request.chunk().size() > max_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("document is larger than the limit of ", max_bytes,
                       " bytes (max-document-size)"));
    }
    bytes += request.chunk();
  }
  if (bytes.empty()) return absl::InvalidArgumentError("empty document");
  return bytes;
}

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STREAMED_DOCUMENT_H_
