// The raw parts of a PDF that e-invoice intake needs — embedded files and
// the catalog's XMP packet — and their wire form between the PoDoFo child and
// the parent. ExtractPdfParts uses PoDoFo and must only run inside
// base::RunInChild; it never throws. Internal.
#ifndef DOCINTAKE_INTAKE_EINVOICE_INTERNAL_PDF_PARTS_H_
#define DOCINTAKE_INTAKE_EINVOICE_INTERNAL_PDF_PARTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "intake/einvoice/pdf_invoice.h"

namespace docintake::einvoice::internal {

struct PdfParts {
  std::vector<PdfEmbeddedFile> files;
  std::string xmp;  // the catalog's /Metadata stream, "" if none
};

// Child side: parses `pdf` with PoDoFo; returns EncodePdfParts of the result.
absl::StatusOr<std::string> ExtractPdfParts(absl::string_view pdf,
                                            const PdfInvoiceLimits& limits);

std::string EncodePdfParts(const PdfParts& parts);
// DATA_LOSS if `wire` is not what EncodePdfParts wrote.
absl::StatusOr<PdfParts> DecodePdfParts(absl::string_view wire);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_INTERNAL_PDF_PARTS_H_
