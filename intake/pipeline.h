// Pipeline: runs the analysis stages in order, then — if no stage asked for
// review or failed the document — the archive stage, recording each stage's
// outcome (result, message, start, duration) on the record. Thread-safe if
// its stages are.
#ifndef DOCINTAKE_INTAKE_PIPELINE_H_
#define DOCINTAKE_INTAKE_PIPELINE_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "base/clock.h"
#include "intake/stage.h"

namespace docintake::intake {

class Pipeline {
 public:
  // `clock` must outlive the pipeline.
  Pipeline(const base::Clock& clock, std::vector<std::unique_ptr<Stage>> stages,
           std::unique_ptr<Stage> archive_stage)
      : clock_(clock),
        stages_(std::move(stages)),
        archive_stage_(std::move(archive_stage)) {}

  // Processes `record` (state PROCESSING) with its bytes and returns it in its
  // new state: ARCHIVED, REVIEW or FAILED. A non-OK status comes from a stage
  // that could not run; the job should be retried.
  absl::StatusOr<v1::Record> Process(v1::Record record,
                                     absl::string_view content) const;

 private:
  // Runs one stage, merges its output into `record`; returns its disposition.
  absl::StatusOr<internal::StageOutput::Disposition> RunStage(
      Stage& stage, v1::Record& record, absl::string_view content) const;

  const base::Clock& clock_;
  const std::vector<std::unique_ptr<Stage>> stages_;
  const std::unique_ptr<Stage> archive_stage_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_PIPELINE_H_
