// TestPdfBuilder: writes small PDFs by hand for the adapter tests — classic
// cross-reference tables with exact offsets, and incremental updates that
// append changed objects, an xref section and a trailer with /Prev.
// Test-only; not thread-safe.
#ifndef DOCINTAKE_TESTS_SIGNATURE_OBJECTS_TEST_PDF_BUILDER_H_
#define DOCINTAKE_TESTS_SIGNATURE_OBJECTS_TEST_PDF_BUILDER_H_

#include <cstdint>
#include <map>
#include <string>

namespace docintake::signature::testing {

class TestPdfBuilder {
 public:
  TestPdfBuilder();

  // Object `number` of the current revision: "<<...>>" or any value.
  void Set(uint32_t number, const std::string& body);
  // A stream object with `dict_entries` (without /Length) and `data`.
  void SetStream(uint32_t number, const std::string& dict_entries,
                 const std::string& data);
  // Writes the objects set since the last revision, the xref section and the
  // trailer (/Root 1 0 R, /Size, /Prev unless it is the first revision,
  // `extra_trailer` entries); returns the offset after "%%EOF\n".
  size_t EndRevision(const std::string& extra_trailer = "");
  // Like EndRevision but with a given /Prev value (e.g. 0) instead.
  size_t EndRevisionWithPrev(int64_t prev);

  const std::string& bytes() const { return bytes_; }

 private:
  size_t Finish(const std::string& prev_entry,
                const std::string& extra_trailer);

  std::string bytes_;
  std::map<uint32_t, std::string> pending_;
  uint32_t size_ = 1;
  int64_t last_xref_ = -1;
};

}  // namespace docintake::signature::testing

#endif  // DOCINTAKE_TESTS_SIGNATURE_OBJECTS_TEST_PDF_BUILDER_H_
