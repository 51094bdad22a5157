// SignatureStage ("signature"): validates every signature and document
// timestamp of a PDF at the time the document was received, and decides
// for every document whether it satisfies the written form (QES, eID form
// at level HIGH, confirmed De-Mail). Both go into the record. A failed
// signature (TOTAL_FAILED, ByteRange not covering its revision, changes
// after signing that are disallowed or suspicious) or a written form that
// NEEDS_REVIEW sends the document to review. Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_SIGNATURE_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_SIGNATURE_STAGE_H_

#include "intake/stage.h"
#include "signature/pdf_validator.h"

namespace docintake::intake {

class SignatureStage final : public Stage {
 public:
  // `validator` must outlive the stage.
  explicit SignatureStage(const signature::PdfValidator& validator)
      : validator_(validator) {}

  absl::string_view name() const override { return "signature"; }
  // Every document but a scan batch that was split into documents.
  bool AppliesTo(const v1::Record& record) const override;
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content) override;

 private:
  const signature::PdfValidator& validator_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_SIGNATURE_STAGE_H_
