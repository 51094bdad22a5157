#include "intake/pipeline.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::intake {

absl::StatusOr<internal::StageOutput::Disposition> Pipeline::RunStage(
    Stage& stage, v1::Record& record, absl::string_view content) const {
  const absl::Time start = clock_.Now();
  ASSIGN_OR_RETURN(internal::StageOutput out, stage.Run(record, content));
  v1::StageOutcome& outcome = *record.add_stages();
  outcome.set_stage(std::string(stage.name()));
  outcome.set_result(out.result());
  outcome.set_message(out.message());
  *outcome.mutable_started_at() = base::ToProtoTime(start);
  *outcome.mutable_duration() = base::ToProtoDuration(clock_.Now() - start);
  record.MergeFrom(out.delta());
  if (out.disposition() != internal::StageOutput::CONTINUE) {
    record.set_error(absl::StrCat(stage.name(), ": ", out.message()));
  }
  return out.disposition();
}

absl::StatusOr<v1::Record> Pipeline::Process(v1::Record record,
                                             absl::string_view content) const {
  // A rerun (after a crash or retry) starts from the intake facts again.
  record.clear_stages();
  record.clear_text();
  record.clear_error();
  bool review = false;
  for (const auto& stage : stages_) {
    if (!stage->AppliesTo(record)) continue;
    ASSIGN_OR_RETURN(internal::StageOutput::Disposition disposition,
                     RunStage(*stage, record, content));
    if (disposition == internal::StageOutput::FAIL) {
      record.set_state(v1::FAILED);
      return record;
    }
    review |= disposition == internal::StageOutput::REVIEW;
  }
  if (review) {
    record.set_state(v1::REVIEW);
    return record;
  }
  ASSIGN_OR_RETURN(internal::StageOutput::Disposition disposition,
                   RunStage(*archive_stage_, record, content));
  record.set_state(disposition == internal::StageOutput::CONTINUE ? v1::ARCHIVED
                                                                  : v1::FAILED);
  return record;
}

}  // namespace docintake::intake
