// BatchSplitStage ("split"): a scan station's batch (one multi-page file) is
// split into documents at separator sheets (PATCH T or configured barcode
// values), at ASN barcodes and optionally at blank pages. Each document is
// submitted as a new document (a multi-page TIFF of its pages, linked to the
// batch by BatchOrigin, with an idempotency key so a retry submits nothing
// twice); the batch itself is archived unchanged with the page-by-page map
// (BatchSplit). A batch without separators goes on as one document.
// Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_BATCH_SPLIT_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_BATCH_SPLIT_STAGE_H_

#include "intake/intake.h"
#include "intake/stage.h"
#include "ocr/batch_splitter.h"
#include "ocr/page_source.h"

namespace docintake::intake {

class BatchSplitStage final : public Stage {
 public:
  // `intake` must outlive the stage.
  BatchSplitStage(Intake& intake, const ocr::SplitOptions& split,
                  const ocr::PageLimits& limits)
      : intake_(intake), split_(split), limits_(limits) {}

  absl::string_view name() const override { return "split"; }
  // Page documents from a scan station, except documents split off a batch.
  bool AppliesTo(const v1::Record& record) const override;
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content) override;

 private:
  Intake& intake_;
  const ocr::SplitOptions split_;
  const ocr::PageLimits limits_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_BATCH_SPLIT_STAGE_H_
