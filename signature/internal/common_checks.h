// The parts of the checks every signature dictionary shares: its identity
// in the report (index, field, kind, SubFilter, ByteRange), the ByteRange
// coverage, the bytes it signs, and the changes made after it.
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_COMMON_CHECKS_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_COMMON_CHECKS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "docintake/v1/signature.pb.h"
#include "signature/internal/document.h"

namespace docintake::signature {

struct SignedData {
  // The pieces the ByteRange selects, in order; empty when it points
  // outside the file or is not pairs of non-negative integers.
  std::vector<absl::string_view> ranges;
  // End of the signed bytes (BR[2] + BR[3]) when the ByteRange has four
  // non-negative integers.
  std::optional<uint64_t> signed_end;
  // Format problems that fail the signature (FORMAT_FAILURE).
  std::vector<std::string> format_failures;
};

// Fills index, kind, field name, SubFilter, ByteRange, coverage and
// DocMDP permissions of raw()[i] into `out`; returns what it signs.
SignedData DescribeSignature(Document& doc, size_t i,
                             v1::SignatureValidation& out);

// What deciding the changes after raw()[i] needs: a fixed answer, or the
// signed revision's end to analyse (with the signature's object number).
struct ChangesPlan {
  std::optional<v1::SignatureValidation::LaterChanges> fixed;
  uint64_t end = 0;
  uint32_t signature_object = 0;
};
ChangesPlan PlanLaterChanges(const Document& doc, size_t i);

// Fills later_changes (and its details) of raw()[i] from the document's
// analysis (Document::Analyze with the plans' requests). Adds a format
// failure when the page count changed after signing.
void CheckLaterChanges(const Document& doc, size_t i, SignedData& signed_data,
                       v1::SignatureValidation& out);

// TOTAL_PASSED unless a check failed.
void Finish(v1::SignatureValidation& out);

// Sets a failed/indeterminate indication with `sub` and the reason.
void Fail(v1::SignatureValidation& out, v1::Indication indication,
          v1::SubIndication sub, const std::string& reason);

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_COMMON_CHECKS_H_
