// IstreamFile: a base::SequentialFile over a std::istream (stdin for
// `submit -`). Borrows the stream, which must outlive it. Not thread-safe.
#ifndef DOCINTAKE_INTAKE_CLI_ISTREAM_FILE_H_
#define DOCINTAKE_INTAKE_CLI_ISTREAM_FILE_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "base/file_system.h"

namespace docintake::cli {

class IstreamFile final : public base::SequentialFile {
 public:
  explicit IstreamFile(std::istream& in) : in_(in) {}

  // Up to `n` bytes; empty at end of stream. DATA_LOSS if the stream fails
  // other than at its end.
  absl::StatusOr<std::string> Read(size_t n) override {
    std::string buf(n, '\0');
    in_.read(buf.data(), static_cast<std::streamsize>(n));
    if (in_.bad()) return absl::DataLossError("reading standard input failed");
    buf.resize(static_cast<size_t>(in_.gcount()));
    return buf;
  }

 private:
  std::istream& in_;
};

}  // namespace docintake::cli

#endif  // DOCINTAKE_INTAKE_CLI_ISTREAM_FILE_H_
