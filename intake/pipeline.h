// Pipeline: runs the analysis stages in order, then — if no stage asked for
// review or failed the document — the archive stage, recording each stage's
// outcome (result, message, start, duration) on the record. A rendition a
// stage produced is handed to the archive stage with the original.
// Thread-safe if its stages are.
#ifndef DOCINTAKE_INTAKE_PIPELINE_H_
#define DOCINTAKE_INTAKE_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "base/clock.h"
#include "intake/stage.h"
#include "intake/stages/archive_stage.h"

namespace docintake::intake {

class Pipeline {
 public:
  // `clock` must outlive the pipeline.
  Pipeline(const base::Clock& clock, std::vector<std::unique_ptr<Stage>> stages,
           std::unique_ptr<ArchiveStage> archive_stage)
      : clock_(clock),
        stages_(std::move(stages)),
        archive_stage_(std::move(archive_stage)) {}

  // Processes `record` (state PROCESSING) with its bytes and returns it in its
  // new state: ARCHIVED, REVIEW or FAILED. A non-OK status comes from a stage
  // that could not run; the job should be retried.
  absl::StatusOr<v1::Record> Process(v1::Record record,
                                     absl::string_view content) const;

 private:
  // Runs one stage (`run`), merges its output into `record` and keeps its
  // rendition, if any, in `rendition`; returns its disposition.
  absl::StatusOr<internal::StageOutput::Disposition> RunStage(
      absl::string_view name,
      const std::function<absl::StatusOr<internal::StageOutput>()>& run,
      v1::Record& record, std::string& rendition) const;

  const base::Clock& clock_;
  const std::vector<std::unique_ptr<Stage>> stages_;
  const std::unique_ptr<ArchiveStage> archive_stage_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_PIPELINE_H_
