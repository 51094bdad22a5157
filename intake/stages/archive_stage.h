// ArchiveStage ("archive"): stores the original bytes, the rendition (if a
// stage made one) and the record in the archive (durability point 2). Runs
// last, only for documents that need no review. Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_ARCHIVE_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_ARCHIVE_STAGE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "archive/record_store.h"
#include "docintake/internal/stage.pb.h"

namespace docintake::intake {

class ArchiveStage final {
 public:
  // `store` must outlive the stage.
  explicit ArchiveStage(archive::RecordStore& store) : store_(store) {}

  absl::string_view name() const { return "archive"; }
  // `rendition` may be empty.
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content,
                                            absl::string_view rendition);

 private:
  archive::RecordStore& store_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_ARCHIVE_STAGE_H_
