// The /ByteRange arithmetic of the test signer: where the placeholders are,
// what to write for each ByteRangeVariant, and which bytes that selects.
// Internal to tests/support/signing. Stateless; thread-safe.
#ifndef DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_BYTE_RANGE_H_
#define DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_BYTE_RANGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tests/support/signing/pdf_signer.h"

namespace docintake::testing::signing::internal {

// The placeholder written into the signature dictionary (36 bytes).
inline constexpr char kByteRangePlaceholder[] =
    "[0 0000000000 0000000000 0000000000]";

// Positions of one signature dictionary's placeholders in the file.
struct Placeholders {
  size_t byte_range = 0;      // offset of '[' of /ByteRange
  size_t contents_begin = 0;  // offset of '<' of /Contents
  size_t contents_end = 0;    // offset just after '>'
  size_t revision_end = 0;    // end of the revision holding them
  size_t startxref = 0;       // offset of that revision's "startxref"
};

// Finds the placeholders of the dictionary written at `dict_offset` in the
// last revision of `file`. INTERNAL if they are missing.
absl::StatusOr<Placeholders> FindPlaceholders(absl::string_view file,
                                              size_t dict_offset);

// The values to write for `variant`.
std::vector<int64_t> ByteRangeValues(ByteRangeVariant variant,
                                     const Placeholders& p);

// "[v0 v1 ...]" padded with spaces before ']' to the placeholder's width.
std::string FormatByteRange(const std::vector<int64_t>& values);

// The bytes selected by (offset, length) pairs, clipped to the file; a
// trailing odd value selects from it to the end of the file.
std::string SelectBytes(absl::string_view file,
                        const std::vector<int64_t>& values);

}  // namespace docintake::testing::signing::internal

#endif  // DOCINTAKE_TESTS_SUPPORT_SIGNING_INTERNAL_BYTE_RANGE_H_
