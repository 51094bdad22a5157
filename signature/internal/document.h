// Document: what the validation of one PDF's signatures shares — the raw
// bytes, the revisions and signature dictionaries found in them, the facts
// PoDoFo reads of the final revision (and, on demand, of earlier ones), the
// validation data of its DSS dictionary, and its document timestamps.
// Built once per Validate call; not thread-safe.
#ifndef DOCINTAKE_SIGNATURE_INTERNAL_DOCUMENT_H_
#define DOCINTAKE_SIGNATURE_INTERNAL_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/document_analysis.h"
#include "signature/objects/pdf_objects_limits.h"
#include "signature/pdf/raw_signature.h"
#include "signature/trust/revocation.h"

namespace docintake::signature {

// A document timestamp that verified, and the bytes it covers.
struct DocumentTimestamp {
  size_t index = 0;  // into Document::raw
  uint64_t signed_end = 0;
  absl::Time gen_time;
  // A /Type /DocTimeStamp dictionary (a token in a /Type /Sig dictionary
  // is reported but does not count for levels, as in EN 319 142-1).
  bool proper = false;
};

class Document {
 public:
  // Scans `pdf`. INVALID_ARGUMENT when it is not a PDF or cannot be
  // scanned reliably. PoDoFo is not run yet.
  static absl::StatusOr<Document> Scan(absl::string_view pdf,
                                       const PdfObjectsLimits& limits);

  absl::string_view pdf() const { return pdf_; }
  const std::vector<size_t>& revision_ends() const { return revision_ends_; }
  const std::vector<RawSignature>& raw() const { return raw_; }

  // Runs PoDoFo once (in a forked child) for the final revision and the
  // signed revisions in `requests`; problems land in errors().
  void Analyze(const std::vector<RevisionRequest>& requests);
  // Facts of the final revision (empty when PoDoFo failed).
  const internal::PdfFacts& facts() const { return analysis_.final_facts(); }
  bool facts_ok() const { return facts_ok_; }
  // The parser saw every signature the raw bytes hold (nothing hidden).
  bool facts_complete() const { return facts_complete_; }
  // Index of the revision whose bytes contain `offset`.
  size_t RevisionOf(size_t offset) const;
  // The analysis of the revision ending at `end` for `signature_object`
  // (any signature when 0), or why there is none.
  absl::StatusOr<const internal::RevisionAnalysis*> Revision(
      uint64_t end, uint32_t signature_object = 0) const;

  // The signature field whose /V is raw()[i], or nullptr.
  const internal::SignatureField* FieldFor(size_t i) const;
  // Certificates and revocation data of the DSS (all VRI entries included).
  std::vector<std::string> DssCertificates() const;
  RevocationData DssRevocation() const;

  std::vector<DocumentTimestamp>& document_timestamps() { return timestamps_; }
  const std::vector<DocumentTimestamp>& document_timestamps() const {
    return timestamps_;
  }

  std::vector<std::string>& errors() { return errors_; }
  std::vector<std::string>& warnings() { return warnings_; }

  const PdfObjectsLimits& limits() const { return limits_; }

 private:
  Document(absl::string_view pdf, const PdfObjectsLimits& limits)
      : pdf_(pdf), limits_(limits) {}

  absl::string_view pdf_;
  PdfObjectsLimits limits_;
  std::vector<size_t> revision_ends_;
  std::vector<RawSignature> raw_;
  internal::DocumentAnalysis analysis_;
  bool facts_ok_ = false;
  bool facts_complete_ = false;
  std::vector<DocumentTimestamp> timestamps_;
  std::vector<std::string> errors_;
  std::vector<std::string> warnings_;
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_INTERNAL_DOCUMENT_H_
