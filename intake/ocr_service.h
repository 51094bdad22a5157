// OcrServiceImpl: OcrService.Recognize — the recognition the pipeline's text
// stage does, without archiving: the document's bytes in, its text layer
// (and, if asked, its PDF/A rendition in chunks) out. Thread-safe; pages of
// concurrent calls share the engine's instances.
#ifndef DOCINTAKE_INTAKE_OCR_SERVICE_H_
#define DOCINTAKE_INTAKE_OCR_SERVICE_H_

#include "docintake/v1/ocr.grpc.pb.h"
#include "ocr/document_ocr.h"
#include "ocr/ocr_engine.h"

namespace docintake::intake {

class OcrServiceImpl final : public v1::OcrService::Service {
 public:
  // `engine` must outlive the service.
  OcrServiceImpl(ocr::OcrEngine& engine, const ocr::PageLimits& limits,
                 uint64_t max_document_bytes)
      : engine_(engine),
        limits_(limits),
        max_document_bytes_(max_document_bytes) {}

  grpc::Status Recognize(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::RecognizeReply, v1::RecognizeRequest>*
          stream) override;

 private:
  ocr::OcrEngine& engine_;
  const ocr::PageLimits limits_;
  const uint64_t max_document_bytes_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_OCR_SERVICE_H_
