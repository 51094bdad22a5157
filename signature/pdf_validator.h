// PdfValidator: validates every signature and document timestamp of a PDF
// the way ETSI EN 319 102-1 describes, with the PAdES levels of EN 319 142-1,
// and reports per signature indication, sub-indication, level, ByteRange
// coverage, integrity, changes after signing, signer and chain, revocation,
// timestamps and qualification (proto: docintake.v1.SignatureReport).
//
// Policy: the EN 319 102-1 building blocks in order — format, signing
// certificate, cryptographic verification, X.509 validation at the best
// signature time — the first failure decides; the signing certificate must
// carry nonRepudiation. Changes after signing do not change the indication
// (except a changed page count or a redefined signature dictionary, which
// are FORMAT_FAILURE); they are reported in later_changes.
//
// Hostile PDFs: the raw bytes are scanned for every signature (fail closed
// when the PDF parser sees fewer); PoDoFo runs in a forked child with a
// deadline and memory limit. Nothing reads the clock: the validation time
// is an input. Thread-safe; the trust store is shared read-only.
#ifndef DOCINTAKE_SIGNATURE_PDF_VALIDATOR_H_
#define DOCINTAKE_SIGNATURE_PDF_VALIDATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "docintake/v1/signature.pb.h"
#include "signature/objects/pdf_objects_limits.h"

namespace docintake::signature {

class ChainValidator;
class RevocationFetcher;
class TrustStore;

struct ValidatorOptions {
  // Limits of the PDF parser's child processes.
  PdfObjectsLimits limits;
  // Fetches OCSP responses and CRLs online (HTTP) for certificates the
  // document's own validation data does not cover; null: offline only, the
  // default. Must outlive the validator and be thread-safe.
  RevocationFetcher* revocation_fetcher = nullptr;
};

// Loads a trust store from certificate files, trusted-list XML files and
// directories of both (see TrustStore::Load), to share among validators.
absl::StatusOr<std::shared_ptr<const TrustStore>> LoadTrustStore(
    const std::vector<std::string>& paths);

class PdfValidator {
 public:
  PdfValidator(std::shared_ptr<const TrustStore> trust,
               ValidatorOptions options = {});
  ~PdfValidator();

  // The report for `pdf` at `validation_time`; written_form is left unset
  // (it depends on how the document arrived: DecideWrittenForm).
  // INVALID_ARGUMENT when `pdf` is not a PDF at all; a PDF the parser
  // cannot read gets a report with the problem in its errors.
  absl::StatusOr<v1::SignatureReport> Validate(
      absl::string_view pdf, absl::Time validation_time) const;

  // The anchors and trusted lists in use, for reports.
  const TrustStore& trust() const { return *trust_; }

 private:
  std::shared_ptr<const TrustStore> trust_;
  // Built once from the store; thread-safe.
  std::unique_ptr<const ChainValidator> chains_;
  ValidatorOptions options_;
};

}  // namespace docintake::signature

#endif  // DOCINTAKE_SIGNATURE_PDF_VALIDATOR_H_
