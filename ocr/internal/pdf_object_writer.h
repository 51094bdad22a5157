// PdfObjectWriter assembles one PDF file in memory: the PDF/A file header,
// numbered indirect objects and streams in any order, then a classic
// cross-reference table and a trailer whose /ID is derived from the body, so
// the same objects always give the same bytes. Not thread-safe.
#ifndef DOCINTAKE_OCR_INTERNAL_PDF_OBJECT_WRITER_H_
#define DOCINTAKE_OCR_INTERNAL_PDF_OBJECT_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace docintake::ocr::internal {

class PdfObjectWriter {
 public:
  // Starts the file with "%PDF-<version>" and a binary comment line.
  explicit PdfObjectWriter(absl::string_view version = "1.7");
  PdfObjectWriter(const PdfObjectWriter&) = delete;
  PdfObjectWriter& operator=(const PdfObjectWriter&) = delete;

  // A new object number (1, 2, ...) to be written later exactly once.
  int Reserve();

  // "num 0 obj <body> endobj". `num` must be reserved and not yet written.
  void WriteObject(int num, absl::string_view body);

  // A stream object: `dict_entries` (e.g. "/Filter /DCTDecode") plus the
  // exact /Length of `data`, which is written unchanged.
  void WriteStream(int num, absl::string_view dict_entries,
                   absl::string_view data);

  // WriteStream with `data` Flate-compressed. INTERNAL if zlib fails.
  absl::Status WriteFlateStream(int num, absl::string_view dict_entries,
                                absl::string_view data);

  // Appends the xref table and the trailer (/Root `root`, /Info `info` unless
  // 0, /ID of two equal strings: the first 16 bytes of the SHA-256 of
  // everything before the xref table) and returns the file. INTERNAL if a
  // reserved object was never written. The writer is spent afterwards.
  absl::StatusOr<std::string> Finish(int root, int info);

 private:
  void BeginObject(int num);

  std::string out_;
  std::vector<int64_t> offsets_;  // by object number - 1; -1: not written
};

}  // namespace docintake::ocr::internal

#endif  // DOCINTAKE_OCR_INTERNAL_PDF_OBJECT_WRITER_H_
