#include "intake/signature_service.h"

#include <string>

#include "base/time_util.h"
#include "intake/grpc_status.h"
#include "intake/streamed_document.h"
#include "signature/etsi_report.h"
#include "signature/written_form.h"

namespace docintake::intake {

grpc::Status SignatureServiceImpl::VerifyPdf(
    grpc::ServerContext* /*context*/,
    grpc::ServerReader<v1::VerifyPdfRequest>* reader,
    v1::VerifyPdfReply* reply) {
  v1::VerifyPdfHeader header;
  absl::StatusOr<std::string> bytes =
      ReadStreamedDocument<v1::VerifyPdfRequest>(*reader, max_document_bytes_,
                                                 header);
  if (!bytes.ok()) return ToGrpcStatus(bytes.status());
  const absl::Time at = header.has_validation_time()
                            ? base::FromProtoTime(header.validation_time())
                            : clock_.Now();
  absl::StatusOr<v1::SignatureReport> report = validator_.Validate(*bytes, at);
  if (!report.ok()) return ToGrpcStatus(report.status());
  *report->mutable_written_form() =
      signature::DecideWrittenForm(report->signatures(), v1::IntakeFacts());
  if (header.etsi_xml()) {
    reply->set_etsi_xml(signature::EtsiValidationReport(*report));
  }
  *reply->mutable_report() = std::move(*report);
  return grpc::Status::OK;
}

}  // namespace docintake::intake
