#include "signature/pdf/raw_signature.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "signature/pdf/internal/raw_scanner.h"

namespace docintake::signature {
namespace {

int64_t GapStart(const RawSignature& sig) {
  if (!sig.byte_range.has_value() || sig.byte_range->size() < 2) {
    return std::numeric_limits<int64_t>::max();
  }
  return (*sig.byte_range)[1];
}

}  // namespace

absl::StatusOr<std::vector<RawSignature>> FindRawSignatures(
    absl::string_view pdf) {
  internal::RawScan scan = internal::ScanRawPdf(pdf);
  if (!scan.complete) {
    return absl::InvalidArgumentError(
        "the PDF cannot be scanned for signatures reliably (unclosed strings "
        "or nesting too deep around a /ByteRange)");
  }
  // File order, then fold later definitions of an object into the first.
  std::vector<size_t> order(scan.signatures.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return scan.signatures[a].dictionary_begin <
           scan.signatures[b].dictionary_begin;
  });
  // (object number, generation) -> (header offset, index in `found`).
  std::map<std::pair<int64_t, int64_t>, std::pair<size_t, size_t>> objects;
  std::vector<RawSignature> found;
  for (size_t i : order) {
    RawSignature& sig = scan.signatures[i];
    const size_t header = scan.object_offsets[i];
    if (sig.object_number >= 0) {
      const auto key = std::make_pair(sig.object_number, sig.generation);
      const auto it = objects.find(key);
      if (it != objects.end() && it->second.first != header) {
        found[it->second.second].redefinitions.push_back(sig.dictionary_begin);
        continue;
      }
      if (it == objects.end()) objects[key] = {header, found.size()};
    }
    found.push_back(std::move(sig));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const RawSignature& a, const RawSignature& b) {
                     return GapStart(a) < GapStart(b);
                   });
  return found;
}

}  // namespace docintake::signature
