// Stage: one step of the document pipeline. A stage reads the record so far
// and the document bytes and returns a StageOutput (a protobuf message), so
// that it can later run out of process without changing its code.
// Stages are shared by all workers: Run must be thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGE_H_
#define DOCINTAKE_INTAKE_STAGE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "docintake/internal/stage.pb.h"
#include "docintake/v1/record.pb.h"

namespace docintake::intake {

class Stage {
 public:
  virtual ~Stage() = default;

  // Short name recorded in the stage outcome, e.g. "text".
  virtual absl::string_view name() const = 0;
  // Whether the stage has anything to do for this document.
  virtual bool AppliesTo(const v1::Record& record) const = 0;
  // Problems with the document are reported in the output (result ERROR,
  // disposition REVIEW or FAIL). A non-OK status means the stage could not
  // run (I/O, resources) and the whole job is retried later.
  virtual absl::StatusOr<internal::StageOutput> Run(
      const v1::Record& record, absl::string_view content) = 0;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGE_H_
