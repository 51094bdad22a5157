// Fuzz target: signature discovery in the raw bytes of a PDF (RevisionEnds,
// FindRawSignatures) and the ByteRange check of every signature found.
// Properties: both scans fail together and only with INVALID_ARGUMENT; every
// revision end follows an "%%EOF"; every signature's offsets point at "<<",
// ">>", '<' and '>' in the input; the order is by gap start; a ByteRange the
// check accepts selects exactly the file minus the /Contents gap and the
// unsigned tail, and its end is the file's end or a revision end.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "signature/pdf/byte_range.h"
#include "signature/pdf/raw_signature.h"
#include "signature/pdf/revisions.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::signature {
namespace {

bool FollowsEofMarker(absl::string_view pdf, size_t end) {
  const absl::string_view head = pdf.substr(0, end);
  return absl::EndsWith(head, "%%EOF") || absl::EndsWith(head, "%%EOF\n") ||
         absl::EndsWith(head, "%%EOF\r") || absl::EndsWith(head, "%%EOF\r\n");
}

int64_t GapStart(const RawSignature& sig) {
  return sig.byte_range.has_value() && sig.byte_range->size() >= 2
             ? (*sig.byte_range)[1]
             : std::numeric_limits<int64_t>::max();
}

void CheckSignature(absl::string_view pdf, const RawSignature& sig,
                    const std::vector<size_t>& ends) {
  FUZZ_CHECK(sig.dictionary_begin + 2 <= sig.dictionary_end &&
                 sig.dictionary_end <= pdf.size(),
             absl::StrCat(sig.dictionary_begin, "..", sig.dictionary_end));
  FUZZ_CHECK(pdf.substr(sig.dictionary_begin, 2) == "<<", "no <<");
  FUZZ_CHECK(!sig.closed || pdf.substr(sig.dictionary_end - 2, 2) == ">>",
             "no >>");
  if (sig.has_hex_contents) {
    FUZZ_CHECK(sig.dictionary_begin < sig.contents_begin &&
                   sig.contents_begin + 2 <= sig.contents_end &&
                   sig.contents_end <= sig.dictionary_end,
               "/Contents outside its dictionary");
    FUZZ_CHECK(
        pdf[sig.contents_begin] == '<' && pdf[sig.contents_end - 1] == '>',
        "/Contents span");
    size_t digits = 0;
    for (size_t i = sig.contents_begin; i < sig.contents_end; ++i) {
      if (absl::ascii_isxdigit(static_cast<unsigned char>(pdf[i]))) ++digits;
    }
    FUZZ_CHECK(sig.contents.size() == (digits + 1) / 2, "decoded size");
  }
  for (size_t offset : sig.redefinitions) {
    FUZZ_CHECK(offset > sig.dictionary_begin && pdf.substr(offset, 2) == "<<",
               "redefinition offset");
  }

  const ByteRangeCoverage check = CheckByteRange(pdf, sig, ends);
  const bool accepted = check.coverage == Coverage::kEntireFile ||
                        check.coverage == Coverage::kEntireRevision;
  FUZZ_CHECK(check.problems.empty() == accepted, "problems vs coverage");
  if (check.coverage == Coverage::kInvalid) return;
  FUZZ_CHECK(check.signed_end.has_value() && *check.signed_end <= pdf.size(),
             "signed end");
  const uint64_t end = *check.signed_end;
  if (check.coverage == Coverage::kEntireFile) {
    FUZZ_CHECK(end == pdf.size(), "entire_file must end at the end");
  }
  if (check.coverage == Coverage::kEntireRevision) {
    FUZZ_CHECK(check.revision.has_value() && *check.revision < ends.size() &&
                   ends[*check.revision] == end,
               "entire_revision must end at a revision end");
  }
  const absl::StatusOr<std::string> bytes = SignedBytes(pdf, *sig.byte_range);
  FUZZ_CHECK(bytes.ok(), bytes.status().ToString());
  FUZZ_CHECK(bytes->size() == end - (sig.contents_end - sig.contents_begin),
             "signed bytes are the revision without /Contents");
  FUZZ_CHECK(*bytes == absl::StrCat(pdf.substr(0, sig.contents_begin),
                                    pdf.substr(sig.contents_end,
                                               end - sig.contents_end)),
             "signed bytes");
}

void FuzzOne(absl::string_view pdf) {
  const absl::StatusOr<std::vector<size_t>> ends = RevisionEnds(pdf);
  const absl::StatusOr<std::vector<RawSignature>> sigs = FindRawSignatures(pdf);
  FUZZ_CHECK(ends.ok() == sigs.ok(), "the two scans disagree");
  if (!sigs.ok()) {
    FUZZ_CHECK(sigs.status().code() == absl::StatusCode::kInvalidArgument,
               sigs.status().ToString());
    FUZZ_CHECK(ends.status().code() == absl::StatusCode::kInvalidArgument,
               ends.status().ToString());
    return;
  }
  for (size_t i = 0; i < ends->size(); ++i) {
    FUZZ_CHECK((*ends)[i] <= pdf.size() && FollowsEofMarker(pdf, (*ends)[i]),
               absl::StrCat("revision end ", (*ends)[i]));
    FUZZ_CHECK(i == 0 || (*ends)[i - 1] < (*ends)[i], "revision ends order");
  }
  for (size_t i = 0; i < sigs->size(); ++i) {
    const RawSignature& sig = (*sigs)[i];
    if (i > 0) {
      const RawSignature& prev = (*sigs)[i - 1];
      FUZZ_CHECK(GapStart(prev) < GapStart(sig) ||
                     (GapStart(prev) == GapStart(sig) &&
                      prev.dictionary_begin < sig.dictionary_begin),
                 "signature order");
    }
    CheckSignature(pdf, sig, *ends);
  }
}

}  // namespace
}  // namespace docintake::signature

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::signature::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
