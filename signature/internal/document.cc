#include "signature/internal/document.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/pdf/revisions.h"

namespace docintake::signature {
namespace {

constexpr size_t kHeaderWindow = 1024;

}  // namespace

absl::StatusOr<Document> Document::Scan(absl::string_view pdf,
                                        const PdfObjectsLimits& limits) {
  Document doc(pdf, limits);
  ASSIGN_OR_RETURN(doc.revision_ends_, RevisionEnds(pdf));
  ASSIGN_OR_RETURN(doc.raw_, FindRawSignatures(pdf));
  // A signed file whose header was damaged is still reported (its
  // signatures fail); anything else without one is not a PDF.
  if (pdf.substr(0, kHeaderWindow).find("%PDF-") == absl::string_view::npos) {
    if (doc.raw_.empty()) {
      return absl::InvalidArgumentError("not a PDF: no %PDF- header");
    }
    doc.errors_.push_back("the file has no %PDF- header");
  }
  return doc;
}

void Document::Analyze(const std::vector<RevisionRequest>& requests) {
  absl::StatusOr<internal::DocumentAnalysis> analysis =
      AnalyzeDocument(pdf_, requests, limits_);
  if (!analysis.ok()) {
    errors_.push_back(absl::StrCat("the PDF parser cannot read the document: ",
                                   analysis.status().message()));
    return;
  }
  analysis_ = *std::move(analysis);
  facts_ok_ = true;
  const internal::PdfFacts& final_facts = analysis_.final_facts();
  const size_t seen =
      static_cast<size_t>(final_facts.signature_fields_size() +
                          final_facts.orphaned_signatures_size());
  facts_complete_ = seen >= raw_.size();
  if (!facts_complete_) {
    errors_.push_back(absl::StrCat(
        "the PDF parser sees ", seen, " signature dictionaries, the raw bytes ",
        raw_.size(), ": parts of the document may be hidden from readers"));
  }
  for (const internal::SignatureDictionary& orphan :
       final_facts.orphaned_signatures()) {
    warnings_.push_back(absl::StrCat(
        "signature dictionary ", orphan.object_number(),
        " is not used by any signature field (a manipulation indicator)"));
  }
}

absl::StatusOr<const internal::RevisionAnalysis*> Document::Revision(
    uint64_t end, uint32_t signature_object) const {
  if (!facts_ok_) {
    return absl::FailedPreconditionError("the PDF parser cannot read it");
  }
  for (const internal::RevisionAnalysis& r : analysis_.revisions()) {
    if (r.end() != end ||
        (signature_object != 0 && r.signature_object() != signature_object)) {
      continue;
    }
    if (!r.error().empty()) return absl::InvalidArgumentError(r.error());
    return &r;
  }
  return absl::NotFoundError(
      absl::StrCat("the revision ending at ", end, " was not analysed"));
}

size_t Document::RevisionOf(size_t offset) const {
  return static_cast<size_t>(
      std::upper_bound(revision_ends_.begin(), revision_ends_.end(), offset) -
      revision_ends_.begin());
}

const internal::SignatureField* Document::FieldFor(size_t i) const {
  const RawSignature& sig = raw_[i];
  for (const internal::SignatureField& field : facts().signature_fields()) {
    if (sig.object_number > 0 && field.value().object_number() ==
                                     static_cast<uint64_t>(sig.object_number)) {
      return &field;
    }
  }
  // A direct /V dictionary has no object number: match by ByteRange.
  for (const internal::SignatureField& field : facts().signature_fields()) {
    if (field.value().object_number() == 0 && sig.byte_range.has_value() &&
        std::equal(field.value().byte_range().begin(),
                   field.value().byte_range().end(), sig.byte_range->begin(),
                   sig.byte_range->end())) {
      return &field;
    }
  }
  return nullptr;
}

std::vector<std::string> Document::DssCertificates() const {
  std::vector<std::string> out(facts().dss().certs().begin(),
                               facts().dss().certs().end());
  for (const internal::ValidationRelatedInfo& vri : facts().dss().vri()) {
    out.insert(out.end(), vri.certs().begin(), vri.certs().end());
  }
  return out;
}

RevocationData Document::DssRevocation() const {
  RevocationData out;
  out.ocsp_responses.assign(facts().dss().ocsps().begin(),
                            facts().dss().ocsps().end());
  out.crls.assign(facts().dss().crls().begin(), facts().dss().crls().end());
  for (const internal::ValidationRelatedInfo& vri : facts().dss().vri()) {
    out.ocsp_responses.insert(out.ocsp_responses.end(), vri.ocsps().begin(),
                              vri.ocsps().end());
    out.crls.insert(out.crls.end(), vri.crls().begin(), vri.crls().end());
  }
  return out;
}

}  // namespace docintake::signature
