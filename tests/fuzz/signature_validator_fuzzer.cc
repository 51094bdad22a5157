// Fuzz target: the whole PDF signature validation (raw discovery, PoDoFo in
// its child, CMS and time-stamp parsing and verification, chains against an
// empty trust store, levels, the written form and the ETSI report) on
// arbitrary bytes. Properties: Validate fails only with INVALID_ARGUMENT
// (not a PDF, or not scannable) and otherwise reports every signature
// dictionary the raw scan finds, each with an indication; with no trust
// anchor nothing passes, so the written form is never SATISFIED.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "signature/etsi_report.h"
#include "signature/pdf/raw_signature.h"
#include "signature/pdf_validator.h"
#include "signature/trust/trust_store.h"
#include "signature/written_form.h"
#include "tests/fuzz/fuzz_check.h"

namespace docintake::signature {
namespace {

const PdfValidator& Validator() {
  static const PdfValidator* validator =
      new PdfValidator(std::make_shared<const TrustStore>());
  return *validator;
}

void FuzzOne(absl::string_view pdf) {
  absl::StatusOr<v1::SignatureReport> report =
      Validator().Validate(pdf, absl::FromUnixSeconds(1696507200));
  if (!report.ok()) {
    FUZZ_CHECK(report.status().code() == absl::StatusCode::kInvalidArgument,
               report.status().ToString());
    return;
  }
  absl::StatusOr<std::vector<RawSignature>> raw = FindRawSignatures(pdf);
  FUZZ_CHECK(raw.ok(), raw.status().ToString());
  FUZZ_CHECK(report->signatures_size() == static_cast<int>(raw->size()),
             absl::StrCat(report->signatures_size(), " vs ", raw->size()));
  for (const v1::SignatureValidation& s : report->signatures()) {
    FUZZ_CHECK(s.indication() != v1::INDICATION_UNSPECIFIED, s.DebugString());
    FUZZ_CHECK(s.kind() == v1::SignatureValidation::DOCUMENT_TIMESTAMP ||
                   s.indication() != v1::TOTAL_PASSED,
               "a signature passed without any trust anchor");
  }
  const v1::WrittenForm form =
      DecideWrittenForm(report->signatures(), v1::IntakeFacts());
  FUZZ_CHECK(form.decision() != v1::WrittenForm::SATISFIED, form.DebugString());
  FUZZ_CHECK(!EtsiValidationReport(*report).empty(), "empty ETSI report");
}

}  // namespace
}  // namespace docintake::signature

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  docintake::signature::FuzzOne(
      absl::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
