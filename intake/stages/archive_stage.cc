#include "intake/stages/archive_stage.h"

#include "base/status_macros.h"

namespace docintake::intake {

absl::StatusOr<internal::StageOutput> ArchiveStage::Run(
    const v1::Record& record, absl::string_view content,
    absl::string_view rendition) {
  // Any failure here is the storage's, not the document's: retry the job.
  ASSIGN_OR_RETURN(v1::ArchiveFacts facts,
                   store_.Archive(record, content, rendition));
  internal::StageOutput out;
  out.set_result(v1::StageOutcome::OK);
  *out.mutable_delta()->mutable_archive() = std::move(facts);
  return out;
}

}  // namespace docintake::intake
