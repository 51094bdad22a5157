// PdfTextStage ("text"): the text layer of born-digital PDFs, per page, via
// ocr::ExtractPdfText. An unreadable PDF goes to review with the reason.
// Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_PDF_TEXT_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_PDF_TEXT_STAGE_H_

#include "intake/stage.h"

namespace docintake::intake {

class PdfTextStage final : public Stage {
 public:
  explicit PdfTextStage(int max_pages) : max_pages_(max_pages) {}

  absl::string_view name() const override { return "text"; }
  bool AppliesTo(const v1::Record& record) const override {
    return record.intake().media_kind() == v1::PDF;
  }
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content) override;

 private:
  const int max_pages_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_PDF_TEXT_STAGE_H_
