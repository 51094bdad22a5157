#include "ocr/internal/pdf_object_writer.h"

#include <cassert>
#include <cstdio>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "ocr/internal/pdf_syntax.h"

namespace docintake::ocr::internal {
namespace {

// "nnnnnnnnnn ggggg n" and a two-byte end of line: 20 bytes per entry.
std::string XrefEntry(int64_t offset, int generation, char type) {
  char buf[21];
  std::snprintf(buf, sizeof buf, "%010lld %05d %c \n",
                static_cast<long long>(offset), generation, type);
  return std::string(buf, 20);
}

}  // namespace

PdfObjectWriter::PdfObjectWriter(absl::string_view version) {
  // The comment's four bytes above 127 mark the file as binary (PDF/A-2
  // 6.1.2).
  absl::StrAppend(&out_, "%PDF-", version, "\n%\xE2\xE3\xCF\xD3\n");
}

int PdfObjectWriter::Reserve() {
  offsets_.push_back(-1);
  return static_cast<int>(offsets_.size());
}

void PdfObjectWriter::BeginObject(int num) {
  assert(num >= 1 && static_cast<size_t>(num) <= offsets_.size());
  assert(offsets_[static_cast<size_t>(num - 1)] < 0);
  offsets_[static_cast<size_t>(num - 1)] = static_cast<int64_t>(out_.size());
  absl::StrAppend(&out_, num, " 0 obj\n");
}

void PdfObjectWriter::WriteObject(int num, absl::string_view body) {
  BeginObject(num);
  absl::StrAppend(&out_, body, "\nendobj\n");
}

void PdfObjectWriter::WriteStream(int num, absl::string_view dict_entries,
                                  absl::string_view data) {
  BeginObject(num);
  absl::StrAppend(&out_, "<<", dict_entries, " /Length ", data.size(),
                  ">>\nstream\n");
  out_.append(data.data(), data.size());
  out_ += "\nendstream\nendobj\n";
}

absl::Status PdfObjectWriter::WriteFlateStream(int num,
                                               absl::string_view dict_entries,
                                               absl::string_view data) {
  absl::StatusOr<std::string> compressed = FlateCompress(data);
  if (!compressed.ok()) return compressed.status();
  WriteStream(num, absl::StrCat(" /Filter /FlateDecode", dict_entries),
              *compressed);
  return absl::OkStatus();
}

absl::StatusOr<std::string> PdfObjectWriter::Finish(int root, int info) {
  for (size_t i = 0; i < offsets_.size(); ++i) {
    if (offsets_[i] < 0) {
      return absl::InternalError(
          absl::StrCat("PDF object ", i + 1, " was reserved but not written"));
    }
  }
  base::Sha256 hasher;
  hasher.Update(out_);
  const std::string id = PdfHexString(hasher.Finish().substr(0, 16));

  const size_t xref_offset = out_.size();
  absl::StrAppend(&out_, "xref\n0 ", offsets_.size() + 1, "\n");
  out_ += XrefEntry(0, 65535, 'f');
  for (const int64_t offset : offsets_) out_ += XrefEntry(offset, 0, 'n');
  absl::StrAppend(&out_, "trailer\n<</Size ", offsets_.size() + 1, " /Root ",
                  root, " 0 R");
  if (info > 0) absl::StrAppend(&out_, " /Info ", info, " 0 R");
  absl::StrAppend(&out_, " /ID [", id, id, "]>>\nstartxref\n", xref_offset,
                  "\n%%EOF\n");
  return std::move(out_);
}

}  // namespace docintake::ocr::internal
