// The seed generator's parts: each writes the hand-made seeds of some fuzz
// targets through a SeedWriter. Seeds are small, built from our own code and
// text, never copied from elsewhere. Not thread-safe.
#ifndef DOCINTAKE_TESTS_FUZZ_SEED_GENERATOR_H_
#define DOCINTAKE_TESTS_FUZZ_SEED_GENERATOR_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace docintake::fuzz {

// Writes `seeds/<target>/<name>` files below one folder.
class SeedWriter {
 public:
  explicit SeedWriter(std::string root) : root_(std::move(root)) {}
  // Creates the target's folder if needed; replaces an existing file.
  absl::Status Write(absl::string_view target, absl::string_view name,
                     absl::string_view bytes) const;

 private:
  std::string root_;
};

// A one-page PDF showing `text`.
std::string MinimalPdf(absl::string_view text);

// Seeds of media_sniffer, pdf_text and server_config.
absl::Status WriteDocumentSeeds(const SeedWriter& out);
// Seeds of tar_reader (with a whole evidence bundle), checkpoint, timestamp
// and merkle_proof.
absl::Status WriteArchiveSeeds(const SeedWriter& out);
// Seeds of page_source: page images good and hostile (needs qpdf).
absl::Status WritePageSourceSeeds(const SeedWriter& out);

}  // namespace docintake::fuzz

#endif  // DOCINTAKE_TESTS_FUZZ_SEED_GENERATOR_H_
