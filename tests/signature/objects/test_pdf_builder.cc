#include "tests/signature/objects/test_pdf_builder.h"

#include <algorithm>
#include <cstdio>

#include "absl/strings/str_cat.h"

namespace docintake::signature::testing {

TestPdfBuilder::TestPdfBuilder() : bytes_("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") {}

void TestPdfBuilder::Set(uint32_t number, const std::string& body) {
  pending_[number] = body;
}

void TestPdfBuilder::SetStream(uint32_t number, const std::string& dict_entries,
                               const std::string& data) {
  pending_[number] = absl::StrCat("<< ", dict_entries, " /Length ", data.size(),
                                  " >>\nstream\n", data, "\nendstream");
}

size_t TestPdfBuilder::EndRevision(const std::string& extra_trailer) {
  return Finish(last_xref_ < 0 ? "" : absl::StrCat(" /Prev ", last_xref_),
                extra_trailer);
}

size_t TestPdfBuilder::EndRevisionWithPrev(int64_t prev) {
  return Finish(absl::StrCat(" /Prev ", prev), "");
}

size_t TestPdfBuilder::Finish(const std::string& prev_entry,
                              const std::string& extra_trailer) {
  std::map<uint32_t, size_t> offsets;
  for (const auto& [number, body] : pending_) {
    offsets[number] = bytes_.size();
    absl::StrAppend(&bytes_, number, " 0 obj\n", body, "\nendobj\n");
    size_ = std::max(size_, number + 1);
  }
  const size_t xref = bytes_.size();
  bytes_ += "xref\n0 1\n0000000000 65535 f \n";
  for (const auto& [number, offset] : offsets) {
    char line[32];
    std::snprintf(line, sizeof(line), "%010zu 00000 n \n", offset);
    absl::StrAppend(&bytes_, number, " 1\n", line);
  }
  absl::StrAppend(&bytes_, "trailer\n<< /Size ", size_, " /Root 1 0 R",
                  prev_entry, " ", extra_trailer, " >>\nstartxref\n", xref,
                  "\n%%EOF\n");
  pending_.clear();
  last_xref_ = static_cast<int64_t>(xref);
  return bytes_.size();
}

}  // namespace docintake::signature::testing
