// TextStage ("text"): the text of every PDF and scan, per page. Born-digital
// PDF pages keep their text layer (Poppler); pages without one, image-only
// PDFs and images (TIFF, PNG, JPEG) are recognised with the OCR engine, and
// scans get a searchable PDF/A-2b rendition to archive beside the original
// (a PDF with any text layer is not re-rendered). A document that cannot be
// read, or breaks a limit, goes to review with the reason. Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_TEXT_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_TEXT_STAGE_H_

#include "intake/stage.h"
#include "ocr/ocr_engine.h"
#include "ocr/page_source.h"

namespace docintake::intake {

struct TextStageOptions {
  // Also the page limit of born-digital PDFs.
  ocr::PageLimits limits;
  // Pages whose mean word confidence is below this are named in a warning.
  float low_confidence = 60;
};

class TextStage final : public Stage {
 public:
  // `engine` must outlive the stage.
  TextStage(ocr::OcrEngine& engine, const TextStageOptions& options)
      : engine_(engine), options_(options) {}

  absl::string_view name() const override { return "text"; }
  // PDFs and images, except a scan batch that was split into documents
  // (its documents are recognised one by one).
  bool AppliesTo(const v1::Record& record) const override;
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content) override;

 private:
  // Recognises `pages` (0-based; empty: all) into `out`'s text layer, with
  // a rendition if `rendition`.
  absl::Status Recognize(absl::string_view content,
                         const std::vector<int>& pages, bool rendition,
                         const v1::Record& record, internal::StageOutput& out);

  ocr::OcrEngine& engine_;
  const TextStageOptions options_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_TEXT_STAGE_H_
