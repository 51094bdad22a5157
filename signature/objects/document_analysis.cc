#include "signature/objects/document_analysis.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/child_process.h"
#include "base/status_macros.h"
#include "signature/objects/change_permissions.h"
#include "signature/objects/internal/change_rules.h"
#include "signature/objects/internal/document_model.h"
#include "signature/objects/internal/facts_builder.h"
#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature {
namespace {

using ::docintake::internal::ChangeVerdict;
using ::docintake::internal::DocumentAnalysis;
using ::docintake::internal::RevisionAnalysis;
using internal_objects::PodofoDocument;

absl::StatusOr<std::string> AnalyzeInWorker(
    absl::string_view pdf, const std::vector<RevisionRequest>& requests,
    const PdfObjectsLimits& limits) {
  ASSIGN_OR_RETURN(std::unique_ptr<PodofoDocument> final_doc,
                   PodofoDocument::Load(pdf, pdf.size(), limits));
  DocumentAnalysis out;
  *out.mutable_final_facts() =
      internal_objects::BuildPdfFacts(*final_doc, limits);
  std::unique_ptr<internal_objects::DocumentModel> final_model;
  for (const RevisionRequest& request : requests) {
    RevisionAnalysis& revision = *out.add_revisions();
    revision.set_end(request.end);
    revision.set_signature_object(request.signature_object);
    if (request.end == 0 || request.end > pdf.size()) {
      revision.set_error(
          absl::StrCat("revision end ", request.end, " is outside the file"));
      continue;
    }
    absl::StatusOr<std::unique_ptr<PodofoDocument>> signed_doc =
        PodofoDocument::Load(pdf, request.end, limits);
    if (!signed_doc.ok()) {
      revision.set_error(std::string(signed_doc.status().message()));
      continue;
    }
    *revision.mutable_facts() =
        internal_objects::BuildPdfFacts(**signed_doc, limits);
    if (internal_objects::NothingAfter(pdf, request.end)) {
      *revision.mutable_verdict() = internal_objects::NoChanges();
      continue;
    }
    if (final_model == nullptr) {
      final_model = std::make_unique<internal_objects::DocumentModel>(
          internal_objects::BuildDocumentModel(*final_doc, limits.max_objects));
    }
    const internal_objects::DocumentModel signed_model =
        internal_objects::BuildDocumentModel(**signed_doc, limits.max_objects);
    *revision.mutable_verdict() = internal_objects::ClassifyModelChanges(
        signed_model, *final_model,
        PermissionsForSignature(revision.facts(), request.signature_object));
  }
  return out.SerializeAsString();
}

}  // namespace

absl::StatusOr<DocumentAnalysis> AnalyzeDocument(
    absl::string_view pdf, const std::vector<RevisionRequest>& requests,
    const PdfObjectsLimits& limits) {
  if (pdf.empty()) return absl::InvalidArgumentError("no PDF bytes");
  base::ChildLimits child;
  child.deadline = limits.deadline;
  child.max_memory_bytes = limits.max_memory_bytes;
  child.what = "analysing the PDF's revisions with PoDoFo";
  const auto work = [&]() -> absl::StatusOr<std::string> {
    return internal_objects::GuardPodofo("analysing the PDF's revisions", [&] {
      return AnalyzeInWorker(pdf, requests, limits);
    });
  };
  ASSIGN_OR_RETURN(const std::string bytes, base::RunInChild(work, child));
  DocumentAnalysis analysis;
  if (!analysis.ParseFromString(bytes)) {
    return absl::InternalError(
        "the PoDoFo worker returned an unreadable analysis");
  }
  return analysis;
}

}  // namespace docintake::signature
