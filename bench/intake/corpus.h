// The benchmark's input: the corpus PDFs, read fully into memory before
// anything is timed, and the fixed sequence in which they are submitted.
// Immutable once loaded; safe to share between threads.
#ifndef DOCINTAKE_BENCH_INTAKE_CORPUS_H_
#define DOCINTAKE_BENCH_INTAKE_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace docintake::bench {

struct CorpusFile {
  // Path below the corpus's PDF folder, e.g. "dss/pkcs7_sha1.pdf".
  std::string relative_path;
  // Base name, sent as the submission's filename.
  std::string filename;
  std::string bytes;
  // Lower-case hex SHA-256 of `bytes`, to check the server's reply.
  std::string sha256_hex;
};

// Every *.pdf below `corpus_dir`/signatures/pdf, recursively, sorted by path,
// that is a PDF at all: one without "%PDF-" in its first 1024 bytes (the
// corpus has deliberately malformed files) is left out, and its relative path
// appended to `skipped` if given. NOT_FOUND if no PDF remains.
absl::StatusOr<std::vector<CorpusFile>> LoadCorpus(
    const std::string& corpus_dir, std::vector<std::string>* skipped);

// The file of submission `index` (0-based): the corpus round-robin. The load
// and the floor both use this, so they write the same bytes in the same order.
// `files` must not be empty.
const CorpusFile& FileForSubmission(const std::vector<CorpusFile>& files,
                                    int64_t index);

// Total bytes of submissions 0 .. count-1.
uint64_t BytesForSubmissions(const std::vector<CorpusFile>& files,
                             int64_t count);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_INTAKE_CORPUS_H_
