#include "signature/pdf/revisions.h"

#include <cstddef>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "signature/pdf/internal/raw_scanner.h"

namespace docintake::signature {

absl::StatusOr<std::vector<size_t>> RevisionEnds(absl::string_view pdf) {
  internal::RawScan scan = internal::ScanRawPdf(pdf);
  if (!scan.complete) {
    return absl::InvalidArgumentError(
        "the PDF cannot be scanned for revisions reliably");
  }
  return std::move(scan.revision_ends);
}

}  // namespace docintake::signature
