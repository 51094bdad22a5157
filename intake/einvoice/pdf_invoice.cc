#include "intake/einvoice/pdf_invoice.h"

#include <string>
#include <utility>

#include "absl/strings/str_join.h"
#include "base/child_process.h"
#include "base/status_macros.h"
#include "intake/einvoice/internal/pdf_parts.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {
namespace {

constexpr char kPdfaIdNs[] = "http://www.aiim.org/pdfa/ns/id/";
// Namespaces of the Factur-X / ZUGFeRD / XRechnung XMP extension schemas.
constexpr const char* kFxNamespaces[] = {
    "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
    "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#",
    "urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#",
    "urn:factur-x:pdfa:CrossIndustryDocument:1p0#",
};
constexpr const char* kInvoiceNames[] = {"factur-x.xml", "zugferd-invoice.xml",
                                         "ZUGFeRD-invoice.xml",
                                         "xrechnung.xml"};

// An XMP property written either as attribute of rdf:Description or as a
// child element.
std::string Property(const XmlElement& e, absl::string_view ns,
                     absl::string_view name) {
  if (std::optional<std::string> a = e.Attribute(ns, name)) return *a;
  const XmlElement child = e.Child(ns, name);
  return child ? child.Text() : std::string();
}

void SetIfEmpty(std::string value, std::string* target) {
  if (target->empty() && !value.empty()) *target = std::move(value);
}

void ReadXmp(const XmlElement& e, int depth, std::string* part,
             std::string* conformance, PdfInvoiceFacts* facts) {
  if (depth > 32) return;
  SetIfEmpty(Property(e, kPdfaIdNs, "part"), part);
  SetIfEmpty(Property(e, kPdfaIdNs, "conformance"), conformance);
  for (const char* ns : kFxNamespaces) {
    SetIfEmpty(Property(e, ns, "ConformanceLevel"),
               &facts->fx_conformance_level);
    SetIfEmpty(Property(e, ns, "DocumentFileName"),
               &facts->fx_document_file_name);
    SetIfEmpty(Property(e, ns, "DocumentType"), &facts->fx_document_type);
    SetIfEmpty(Property(e, ns, "Version"), &facts->fx_version);
  }
  for (const XmlElement& child : e.Children()) {
    ReadXmp(child, depth + 1, part, conformance, facts);
  }
}

}  // namespace

bool IsInvoiceAttachmentName(absl::string_view name) {
  for (const char* known : kInvoiceNames) {
    if (name == known) return true;
  }
  return false;
}

std::string PdfInvoiceFacts::FileNames() const {
  std::vector<std::string> names;
  for (const PdfEmbeddedFile& f : files) names.push_back(f.name);
  return absl::StrJoin(names, ",");
}

absl::StatusOr<PdfInvoiceFacts> ReadPdfInvoice(absl::string_view pdf,
                                               const PdfInvoiceLimits& limits) {
  base::ChildLimits child;
  child.deadline = limits.deadline;
  child.max_memory_bytes = limits.max_memory_bytes;
  child.what = "reading the PDF's embedded invoice";
  ASSIGN_OR_RETURN(
      const std::string wire,
      base::RunInChild([&]() { return internal::ExtractPdfParts(pdf, limits); },
                       child));
  ASSIGN_OR_RETURN(internal::PdfParts parts, internal::DecodePdfParts(wire));
  PdfInvoiceFacts facts;
  facts.files = std::move(parts.files);
  for (const char* known : kInvoiceNames) {
    for (size_t i = 0; i < facts.files.size() && facts.invoice_index < 0; ++i) {
      if (facts.files[i].name == known)
        facts.invoice_index = static_cast<int>(i);
    }
  }
  if (!parts.xmp.empty()) {
    absl::StatusOr<XmlDocument> xmp = XmlDocument::Parse(parts.xmp);
    if (xmp.ok()) {  // unreadable XMP: no claims
      std::string part, conformance;
      ReadXmp(xmp->Root(), 0, &part, &conformance, &facts);
      facts.xmp_pdfaid = part + conformance;
      facts.pdfa3_claimed = part == "3";
    }
  }
  return facts;
}

}  // namespace docintake::einvoice
