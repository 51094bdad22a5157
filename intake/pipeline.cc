#include "intake/pipeline.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::intake {

absl::StatusOr<internal::StageOutput::Disposition> Pipeline::RunStage(
    absl::string_view name,
    const std::function<absl::StatusOr<internal::StageOutput>()>& run,
    v1::Record& record, std::string& rendition) const {
  const absl::Time start = clock_.Now();
  ASSIGN_OR_RETURN(internal::StageOutput out, run());
  v1::StageOutcome& outcome = *record.add_stages();
  outcome.set_stage(std::string(name));
  outcome.set_result(out.result());
  outcome.set_message(out.message());
  *outcome.mutable_started_at() = base::ToProtoTime(start);
  *outcome.mutable_duration() = base::ToProtoDuration(clock_.Now() - start);
  record.MergeFrom(out.delta());
  if (!out.rendition().empty()) rendition = std::move(*out.mutable_rendition());
  if (out.disposition() != internal::StageOutput::CONTINUE) {
    record.set_error(absl::StrCat(name, ": ", out.message()));
  }
  return out.disposition();
}

absl::StatusOr<v1::Record> Pipeline::Process(v1::Record record,
                                             absl::string_view content) const {
  // A rerun (after a crash or retry) starts from the intake facts again.
  record.clear_stages();
  record.clear_text();
  record.clear_error();
  record.clear_rendition();
  record.clear_batch_split();
  record.clear_signatures();
  std::string rendition;
  bool review = false;
  for (const auto& stage : stages_) {
    if (!stage->AppliesTo(record)) continue;
    ASSIGN_OR_RETURN(
        internal::StageOutput::Disposition disposition,
        RunStage(
            stage->name(), [&] { return stage->Run(record, content); }, record,
            rendition));
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
  ASSIGN_OR_RETURN(
      internal::StageOutput::Disposition disposition,
      RunStage(
          archive_stage_->name(),
          [&] { return archive_stage_->Run(record, content, rendition); },
          record, rendition));
  record.set_state(disposition == internal::StageOutput::CONTINUE ? v1::ARCHIVED
                                                                  : v1::FAILED);
  return record;
}

}  // namespace docintake::intake
