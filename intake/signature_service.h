// SignatureServiceImpl: SignatureService.VerifyPdf — the signature stage's
// validation without archiving: a PDF's bytes in, its SignatureReport (and
// on request the ETSI TS 119 102-2 XML report) out. The written-form
// decision assumes no channel facts (no eID, no De-Mail): only the PDF's
// signatures count. Thread-safe.
#ifndef DOCINTAKE_INTAKE_SIGNATURE_SERVICE_H_
#define DOCINTAKE_INTAKE_SIGNATURE_SERVICE_H_

#include "base/clock.h"
#include "docintake/v1/signature.grpc.pb.h"
#include "signature/pdf_validator.h"

namespace docintake::intake {

class SignatureServiceImpl final : public v1::SignatureService::Service {
 public:
  // `validator` and `clock` must outlive the service.
  SignatureServiceImpl(const signature::PdfValidator& validator,
                       const base::Clock& clock, uint64_t max_document_bytes)
      : validator_(validator),
        clock_(clock),
        max_document_bytes_(max_document_bytes) {}

  grpc::Status VerifyPdf(grpc::ServerContext* context,
                         grpc::ServerReader<v1::VerifyPdfRequest>* reader,
                         v1::VerifyPdfReply* reply) override;

 private:
  const signature::PdfValidator& validator_;
  const base::Clock& clock_;
  const uint64_t max_document_bytes_;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_SIGNATURE_SERVICE_H_
