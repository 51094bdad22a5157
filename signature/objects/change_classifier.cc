#include "signature/objects/change_classifier.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/child_process.h"
#include "base/status_macros.h"
#include "signature/objects/internal/change_rules.h"
#include "signature/objects/internal/document_model.h"
#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature {
namespace {

using ::docintake::internal::ChangeVerdict;
using internal_objects::PodofoDocument;

absl::StatusOr<std::string> ClassifyInWorker(
    absl::string_view pdf, uint64_t signed_end,
    const ChangePermissions& permissions, const PdfObjectsLimits& limits) {
  absl::StatusOr<std::unique_ptr<PodofoDocument>> signed_doc =
      PodofoDocument::Load(pdf, signed_end, limits);
  if (!signed_doc.ok()) {
    return absl::Status(
        signed_doc.status().code(),
        absl::StrCat("signed revision: ", signed_doc.status().message()));
  }
  absl::StatusOr<std::unique_ptr<PodofoDocument>> final_doc =
      PodofoDocument::Load(pdf, pdf.size(), limits);
  if (!final_doc.ok()) {
    return absl::Status(
        final_doc.status().code(),
        absl::StrCat("final document: ", final_doc.status().message()));
  }
  const internal_objects::DocumentModel signed_model =
      internal_objects::BuildDocumentModel(**signed_doc, limits.max_objects);
  const internal_objects::DocumentModel final_model =
      internal_objects::BuildDocumentModel(**final_doc, limits.max_objects);
  return internal_objects::ClassifyModelChanges(signed_model, final_model,
                                                permissions)
      .SerializeAsString();
}

}  // namespace

absl::StatusOr<ChangeVerdict> ClassifyChanges(
    absl::string_view pdf, uint64_t signed_end,
    const ChangePermissions& permissions, const PdfObjectsLimits& limits) {
  if (signed_end == 0 || signed_end > pdf.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("signed revision end ", signed_end,
                     " is outside the file of ", pdf.size(), " bytes"));
  }
  if (internal_objects::NothingAfter(pdf, signed_end)) {
    return internal_objects::NoChanges();
  }
  base::ChildLimits child;
  child.deadline = limits.deadline;
  child.max_memory_bytes = limits.max_memory_bytes;
  child.what = "comparing PDF revisions with PoDoFo";
  const auto work = [&]() -> absl::StatusOr<std::string> {
    return internal_objects::GuardPodofo("comparing PDF revisions", [&] {
      return ClassifyInWorker(pdf, signed_end, permissions, limits);
    });
  };
  ASSIGN_OR_RETURN(const std::string bytes, base::RunInChild(work, child));
  ChangeVerdict verdict;
  if (!verdict.ParseFromString(bytes)) {
    return absl::InternalError(
        "the PoDoFo worker returned an unreadable verdict");
  }
  return verdict;
}

}  // namespace docintake::signature
