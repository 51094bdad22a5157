// Reading a ZUGFeRD / Factur-X / XRechnung PDF: its embedded files (found
// through the EmbeddedFiles name tree and the catalog's /AF array), the one
// that is the invoice XML, and the XMP claims (PDF/A part and conformance,
// the Factur-X/ZUGFeRD extension schema's ConformanceLevel, DocumentFileName,
// DocumentType, Version). PoDoFo parses the untrusted PDF in a forked child
// (base::RunInChild); the XMP is then parsed with the secure XmlDocument.
// Only claims are read: PDF/A conformance itself is not checked. Thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_PDF_INVOICE_H_
#define DOCINTAKE_INTAKE_EINVOICE_PDF_INVOICE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace docintake::einvoice {

// Pseudo rule id: no invoice XML could be extracted from the PDF.
inline constexpr char kRulePdfNoEmbeddedXml[] = "PDF-NO-EMBEDDED-XML";

struct PdfEmbeddedFile {
  // /UF of the file specification, else /F, else the name tree key.
  std::string name;
  std::string af_relationship;  // e.g. "Alternative", "Data", "Source"; ""
  bool in_name_tree = false;    // listed in /Names /EmbeddedFiles
  bool in_af = false;           // listed in the catalog's /AF
  std::string subtype;          // embedded stream /Subtype, e.g. "text/xml"
  std::string bytes;            // decoded content
};

struct PdfInvoiceFacts {
  std::vector<PdfEmbeddedFile> files;  // name tree order, then /AF-only files
  int invoice_index = -1;              // index into files, -1: none found
  bool pdfa3_claimed = false;          // XMP pdfaid:part = 3
  std::string xmp_pdfaid;              // pdfaid:part + pdfaid:conformance
  std::string fx_conformance_level;    // e.g. "EN 16931", "XRECHNUNG"
  std::string fx_document_file_name;   // e.g. "factur-x.xml"
  std::string fx_document_type;        // "INVOICE"
  std::string fx_version;              // "1.0"

  const PdfEmbeddedFile* invoice() const {
    return invoice_index < 0 ? nullptr : &files[invoice_index];
  }
  // Attachment names joined with "," in `files` order.
  std::string FileNames() const;
};

struct PdfInvoiceLimits {
  absl::Duration deadline = absl::Seconds(30);
  uint64_t max_memory_bytes = uint64_t{1} << 30;
  size_t max_file_bytes = 20 * 1024 * 1024;  // per embedded file
  size_t max_files = 100;
};

// The invoice attachment names, in order of preference: factur-x.xml,
// zugferd-invoice.xml (ZUGFeRD 2.0), ZUGFeRD-invoice.xml (1.x),
// xrechnung.xml.
bool IsInvoiceAttachmentName(absl::string_view name);

// Reads `pdf`. INVALID_ARGUMENT if PoDoFo cannot parse it;
// RESOURCE_EXHAUSTED when the child exceeds its limits. A PDF without an
// invoice attachment is not an error: invoice_index is -1 (report
// kRulePdfNoEmbeddedXml).
absl::StatusOr<PdfInvoiceFacts> ReadPdfInvoice(
    absl::string_view pdf, const PdfInvoiceLimits& limits = {});

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_PDF_INVOICE_H_
