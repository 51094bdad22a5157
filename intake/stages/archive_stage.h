// ArchiveStage ("archive"): stores the original bytes and the record in the
// archive (durability point 2). Runs last, only for documents that need no
// review. Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_ARCHIVE_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_ARCHIVE_STAGE_H_

#include "archive/record_store.h"
#include "intake/stage.h"

namespace docintake::intake {

class ArchiveStage final : public Stage {
 public:
  // `store` must outlive the stage.
  explicit ArchiveStage(archive::RecordStore& store) : store_(store) {}

  absl::string_view name() const override { return "archive"; }
  bool AppliesTo(const v1::Record&) const override { return true; }
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content) override;

 private:
  archive::RecordStore& store_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_ARCHIVE_STAGE_H_
