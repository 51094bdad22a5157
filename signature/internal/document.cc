#include "signature/internal/document.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "signature/objects/pdf_facts_reader.h"
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

void Document::ReadFinalFacts() {
  absl::StatusOr<internal::PdfFacts> facts =
      ReadPdfFacts(pdf_, pdf_.size(), limits_);
  if (!facts.ok()) {
    errors_.push_back(absl::StrCat("the PDF parser cannot read the document: ",
                                   facts.status().message()));
    return;
  }
  facts_ = *std::move(facts);
  facts_ok_ = true;
  const size_t seen = static_cast<size_t>(facts_.signature_fields_size() +
                                          facts_.orphaned_signatures_size());
  facts_complete_ = seen >= raw_.size();
  if (!facts_complete_) {
    errors_.push_back(absl::StrCat(
        "the PDF parser sees ", seen, " signature dictionaries, the raw bytes ",
        raw_.size(), ": parts of the document may be hidden from readers"));
  }
  for (const internal::SignatureDictionary& orphan :
       facts_.orphaned_signatures()) {
    warnings_.push_back(absl::StrCat(
        "signature dictionary ", orphan.object_number(),
        " is not used by any signature field (a manipulation indicator)"));
  }
}

absl::StatusOr<internal::PdfFacts> Document::FactsAt(uint64_t end) {
  if (end >= pdf_.size() && facts_ok_) return facts_;
  auto it = prefix_facts_.find(end);
  if (it == prefix_facts_.end()) {
    it = prefix_facts_.emplace(end, ReadPdfFacts(pdf_, end, limits_)).first;
  }
  return it->second;
}

size_t Document::RevisionOf(size_t offset) const {
  return static_cast<size_t>(
      std::upper_bound(revision_ends_.begin(), revision_ends_.end(), offset) -
      revision_ends_.begin());
}

const internal::SignatureField* Document::FieldFor(size_t i) const {
  const RawSignature& sig = raw_[i];
  for (const internal::SignatureField& field : facts_.signature_fields()) {
    if (sig.object_number > 0 &&
        field.value().object_number() ==
            static_cast<uint64_t>(sig.object_number)) {
      return &field;
    }
  }
  // A direct /V dictionary has no object number: match by ByteRange.
  for (const internal::SignatureField& field : facts_.signature_fields()) {
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
  std::vector<std::string> out(facts_.dss().certs().begin(),
                               facts_.dss().certs().end());
  for (const internal::ValidationRelatedInfo& vri : facts_.dss().vri()) {
    out.insert(out.end(), vri.certs().begin(), vri.certs().end());
  }
  return out;
}

RevocationData Document::DssRevocation() const {
  RevocationData out;
  out.ocsp_responses.assign(facts_.dss().ocsps().begin(),
                            facts_.dss().ocsps().end());
  out.crls.assign(facts_.dss().crls().begin(), facts_.dss().crls().end());
  for (const internal::ValidationRelatedInfo& vri : facts_.dss().vri()) {
    out.ocsp_responses.insert(out.ocsp_responses.end(), vri.ocsps().begin(),
                              vri.ocsps().end());
    out.crls.insert(out.crls.end(), vri.crls().begin(), vri.crls().end());
  }
  return out;
}

}  // namespace docintake::signature
