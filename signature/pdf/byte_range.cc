#include "signature/pdf/byte_range.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "signature/pdf/raw_signature.h"

namespace docintake::signature {
namespace {

bool IsHexStringOfDigitsOnly(absl::string_view text) {
  if (text.size() < 2 || text.front() != '<' || text.back() != '>') {
    return false;
  }
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

// Problems of the array itself; empty if it is four non-negative integers.
std::vector<std::string> ShapeProblems(const std::vector<int64_t>& br) {
  std::vector<std::string> problems;
  if (br.size() != 4) {
    problems.push_back(absl::StrCat("ByteRange has ", br.size(),
                                    br.size() == 1 ? " number" : " numbers",
                                    ", needs 4"));
    return problems;
  }
  for (size_t i = 0; i < br.size(); ++i) {
    if (br[i] < 0) {
      problems.push_back(
          absl::StrCat("ByteRange[", i, "] is negative (", br[i], ")"));
    }
  }
  return problems;
}

}  // namespace

absl::string_view CoverageName(Coverage coverage) {
  switch (coverage) {
    case Coverage::kEntireFile:
      return "entire_file";
    case Coverage::kEntireRevision:
      return "entire_revision";
    case Coverage::kPartial:
      return "partial";
    case Coverage::kInvalid:
      break;
  }
  return "invalid";
}

ByteRangeCoverage CheckByteRange(absl::string_view pdf, const RawSignature& sig,
                                 const std::vector<size_t>& revision_ends) {
  ByteRangeCoverage out;
  std::vector<std::string>& problems = out.problems;
  if (!sig.byte_range.has_value()) {
    problems.push_back("ByteRange is not an array of integers");
    return out;
  }
  problems = ShapeProblems(*sig.byte_range);
  if (!problems.empty()) return out;

  const std::vector<int64_t>& br = *sig.byte_range;
  const auto start = static_cast<uint64_t>(br[0]);
  const uint64_t gap_begin = start + static_cast<uint64_t>(br[1]);
  const auto gap_end = static_cast<uint64_t>(br[2]);
  const uint64_t end = gap_end + static_cast<uint64_t>(br[3]);
  const uint64_t size = pdf.size();
  out.signed_end = end;

  if (start != 0) {
    problems.push_back(absl::StrCat("ByteRange starts at ", start,
                                    ", not at the beginning of the file"));
  }
  if (gap_begin > size) {
    problems.push_back(absl::StrCat("ByteRange's first range ends at ",
                                    gap_begin, ", beyond the file's ", size,
                                    " bytes"));
  }
  if (end > size) {
    problems.push_back(absl::StrCat("ByteRange ends at ", end,
                                    ", beyond the file's ", size, " bytes"));
  }
  if (gap_end < gap_begin) {
    problems.push_back(
        absl::StrCat("ByteRange's ranges overlap: the second "
                     "starts at ",
                     gap_end, ", before the first ends at ", gap_begin));
  } else if (!sig.has_hex_contents) {
    problems.push_back("the signature dictionary has no hex string /Contents");
  } else if (gap_begin != sig.contents_begin || gap_end != sig.contents_end) {
    problems.push_back(absl::StrCat(
        "gap is not this signature's /Contents: the ByteRange leaves out [",
        gap_begin, ", ", gap_end, "), /Contents is at [", sig.contents_begin,
        ", ", sig.contents_end, ")"));
  } else if (gap_end > size || !IsHexStringOfDigitsOnly(pdf.substr(
                                   gap_begin, gap_end - gap_begin))) {
    problems.push_back(
        "the /Contents string holds bytes other than hex digits");
  }
  for (const std::string& key : sig.duplicate_keys) {
    if (key == "ByteRange" || key == "Contents") {
      problems.push_back(absl::StrCat("the signature dictionary has /", key,
                                      " more than once"));
    }
  }
  if (!problems.empty()) return out;

  const auto it =
      std::lower_bound(revision_ends.begin(), revision_ends.end(), end);
  const bool at_revision_end = it != revision_ends.end() && *it == end;
  if (it != revision_ends.end()) {
    out.revision = static_cast<size_t>(it - revision_ends.begin());
  }
  if (end == size) {
    out.coverage = Coverage::kEntireFile;
    if (!at_revision_end) out.revision.reset();
  } else if (at_revision_end) {
    out.coverage = Coverage::kEntireRevision;
  } else {
    out.coverage = Coverage::kPartial;
    if (out.revision.has_value()) {
      problems.push_back(absl::StrCat(
          "ByteRange ends at ", end, ", inside revision ", *out.revision + 1,
          " of ", revision_ends.size(), ", which ends at ", *it,
          ": the rest of that revision is not signed"));
    } else {
      problems.push_back(absl::StrCat(
          "ByteRange ends at ", end, " of ", size,
          " bytes, after the last %%EOF: the end of the file is not signed"));
    }
  }
  return out;
}

absl::StatusOr<std::string> SignedBytes(
    absl::string_view pdf, const std::vector<int64_t>& byte_range) {
  const std::vector<std::string> problems = ShapeProblems(byte_range);
  if (!problems.empty()) return absl::InvalidArgumentError(problems.front());
  const auto first = static_cast<uint64_t>(byte_range[0]);
  const uint64_t first_end = first + static_cast<uint64_t>(byte_range[1]);
  const auto second = static_cast<uint64_t>(byte_range[2]);
  const uint64_t second_end = second + static_cast<uint64_t>(byte_range[3]);
  if (second < first_end) {
    return absl::InvalidArgumentError("ByteRange's ranges overlap");
  }
  if (second_end > pdf.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("ByteRange ends at ", second_end, ", beyond the file's ",
                     pdf.size(), " bytes"));
  }
  std::string bytes;
  bytes.reserve(first_end - first + second_end - second);
  bytes.append(pdf.data() + first, first_end - first);
  bytes.append(pdf.data() + second, second_end - second);
  return bytes;
}

}  // namespace docintake::signature
