#include "tests/support/signing/internal/byte_range.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace docintake::testing::signing::internal {

absl::StatusOr<Placeholders> FindPlaceholders(absl::string_view file,
                                              size_t dict_offset) {
  Placeholders p;
  const size_t br = file.find("/ByteRange [", dict_offset);
  const size_t contents = file.find("/Contents <", dict_offset);
  const size_t startxref = file.rfind("startxref");
  if (br == absl::string_view::npos || contents == absl::string_view::npos ||
      startxref == absl::string_view::npos) {
    return absl::InternalError("signature placeholders not found");
  }
  p.byte_range = br + sizeof("/ByteRange ") - 1;
  p.contents_begin = contents + sizeof("/Contents ") - 1;
  const size_t close = file.find('>', p.contents_begin);
  if (close == absl::string_view::npos) {
    return absl::InternalError("/Contents placeholder not closed");
  }
  p.contents_end = close + 1;
  p.revision_end = file.size();
  p.startxref = startxref;
  return p;
}

std::vector<int64_t> ByteRangeValues(ByteRangeVariant variant,
                                     const Placeholders& p) {
  const auto c0 = static_cast<int64_t>(p.contents_begin);
  const auto c1 = static_cast<int64_t>(p.contents_end);
  const auto end = static_cast<int64_t>(p.revision_end);
  switch (variant) {
    case ByteRangeVariant::kCorrect:
      break;
    case ByteRangeVariant::kThreeNumbers:
      return {0, c0, c1};
    case ByteRangeVariant::kGapNotAtContents:
      return {0, c0 - 2, c1 - 2, end - c1 + 2};
    case ByteRangeVariant::kOverlapping:
      return {0, c0, c0 - 20, 20};
    case ByteRangeVariant::kBeyondEof:
      return {0, c0, c1, end - c1 + 100};
    case ByteRangeVariant::kPartial:
      return {0, c0, c1, static_cast<int64_t>(p.startxref) - c1};
  }
  return {0, c0, c1, end - c1};
}

std::string FormatByteRange(const std::vector<int64_t>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    absl::StrAppend(&out, i > 0 ? " " : "", values[i]);
  }
  const size_t width = sizeof(kByteRangePlaceholder) - 1;
  if (out.size() + 1 < width) out.append(width - 1 - out.size(), ' ');
  return out + "]";
}

std::string SelectBytes(absl::string_view file,
                        const std::vector<int64_t>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); i += 2) {
    const auto start = static_cast<size_t>(
        std::clamp<int64_t>(values[i], 0, static_cast<int64_t>(file.size())));
    size_t length = file.size() - start;
    if (i + 1 < values.size()) {
      length = std::min(
          length, static_cast<size_t>(std::max<int64_t>(values[i + 1], 0)));
    }
    const absl::string_view part = file.substr(start, length);
    out.append(part.data(), part.size());
  }
  return out;
}

}  // namespace docintake::testing::signing::internal
