#include "signature/objects/pdf_facts_reader.h"

#include <memory>
#include <string>

#include "base/child_process.h"
#include "base/status_macros.h"
#include "signature/objects/internal/facts_builder.h"
#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature {

absl::StatusOr<::docintake::internal::PdfFacts> ReadPdfFacts(
    absl::string_view pdf, uint64_t end, const PdfObjectsLimits& limits) {
  if (pdf.empty() || end == 0) {
    return absl::InvalidArgumentError("no PDF bytes to read facts from");
  }
  base::ChildLimits child;
  child.deadline = limits.deadline;
  child.max_memory_bytes = limits.max_memory_bytes;
  child.what = "reading PDF facts with PoDoFo";
  const auto work = [&]() -> absl::StatusOr<std::string> {
    return internal_objects::GuardPodofo(
        "reading PDF facts", [&]() -> absl::StatusOr<std::string> {
          ASSIGN_OR_RETURN(
              std::unique_ptr<internal_objects::PodofoDocument> doc,
              internal_objects::PodofoDocument::Load(pdf, end, limits));
          return internal_objects::BuildPdfFacts(*doc, limits)
              .SerializeAsString();
        });
  };
  ASSIGN_OR_RETURN(const std::string bytes, base::RunInChild(work, child));
  ::docintake::internal::PdfFacts facts;
  if (!facts.ParseFromString(bytes)) {
    return absl::InternalError("the PoDoFo worker returned unreadable facts");
  }
  return facts;
}

}  // namespace docintake::signature
