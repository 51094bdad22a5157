#include "intake/media_sniffer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace docintake::intake {
namespace {

constexpr absl::string_view kUblInvoiceNs =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr absl::string_view kUblCreditNoteNs =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr absl::string_view kCiiNs =
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

bool IsXmlNameChar(char c) {
  return absl::ascii_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

// Skips the XML declaration, processing instructions, comments, a DOCTYPE
// and white space; returns the text from the root element's '<' on, or an
// empty view if the prolog does not end within `xml`.
absl::string_view SkipProlog(absl::string_view xml) {
  while (true) {
    xml = absl::StripLeadingAsciiWhitespace(xml);
    if (absl::StartsWith(xml, "<?")) {
      size_t end = xml.find("?>");
      if (end == absl::string_view::npos) return {};
      xml.remove_prefix(end + 2);
    } else if (absl::StartsWith(xml, "<!--")) {
      size_t end = xml.find("-->");
      if (end == absl::string_view::npos) return {};
      xml.remove_prefix(end + 3);
    } else if (absl::StartsWith(xml, "<!")) {
      size_t end = xml.find('>');
      if (end == absl::string_view::npos) return {};
      xml.remove_prefix(end + 1);
    } else {
      return xml;
    }
  }
}

// The value of attribute `name` inside the start tag `tag`, if present.
absl::string_view AttributeValue(absl::string_view tag,
                                 absl::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != absl::string_view::npos) {
    const bool starts_word = pos > 0 && absl::ascii_isspace(tag[pos - 1]);
    absl::string_view rest = tag.substr(pos + name.size());
    rest = absl::StripLeadingAsciiWhitespace(rest);
    if (starts_word && absl::ConsumePrefix(&rest, "=")) {
      rest = absl::StripLeadingAsciiWhitespace(rest);
      if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
        const char quote = rest[0];
        size_t end = rest.find(quote, 1);
        if (end != absl::string_view::npos) return rest.substr(1, end - 1);
      }
    }
    pos += name.size();
  }
  return {};
}

// Sniffs an XML document by its root element's local name and namespace.
absl::StatusOr<SniffedMedia> SniffXml(absl::string_view text) {
  absl::string_view root = SkipProlog(text);
  if (!absl::ConsumePrefix(&root, "<")) {
    return absl::InvalidArgumentError(
        "unsupported content: XML whose root element could not be found in "
        "the first 8 KiB");
  }
  size_t name_end = 0;
  while (name_end < root.size() && IsXmlNameChar(root[name_end])) ++name_end;
  const absl::string_view qname = root.substr(0, name_end);
  const size_t tag_end = root.find('>');
  const absl::string_view tag = root.substr(
      0, tag_end == absl::string_view::npos ? root.size() : tag_end);
  absl::string_view prefix;
  absl::string_view local = qname;
  if (size_t colon = qname.find(':'); colon != absl::string_view::npos) {
    prefix = qname.substr(0, colon);
    local = qname.substr(colon + 1);
  }
  const absl::string_view ns =
      AttributeValue(tag, prefix.empty() ? std::string("xmlns")
                                         : absl::StrCat("xmlns:", prefix));
  if (local == "Invoice" && ns == kUblInvoiceNs) {
    return SniffedMedia{v1::UBL_INVOICE, "application/xml"};
  }
  if (local == "CreditNote" && ns == kUblCreditNoteNs) {
    return SniffedMedia{v1::UBL_CREDIT_NOTE, "application/xml"};
  }
  if (local == "CrossIndustryInvoice" && ns == kCiiNs) {
    return SniffedMedia{v1::CII_INVOICE, "application/xml"};
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unsupported content: XML with root element <", qname,
      ns.empty() ? std::string() : absl::StrCat("> in namespace \"", ns, "\""),
      ns.empty() ? ">" : "",
      "; accepted XML is a UBL 2.1 Invoice or CreditNote or a UN/CEFACT "
      "CrossIndustryInvoice"));
}

std::string Describe(absl::string_view head) {
  if (absl::StartsWith(head, "PK\x03\x04")) return "a ZIP archive";
  if (absl::StartsWith(head, "\x1f\x8b")) return "a gzip file";
  if (absl::StartsWith(head, "GIF8")) return "a GIF image (not accepted)";
  if (absl::StartsWith(head, "MZ")) return "a Windows executable";
  if (absl::StartsWith(head,
                       "\x7f"
                       "ELF"))
    return "an ELF executable";
  if (absl::StartsWith(head, "{\\rtf")) return "an RTF document";
  if (absl::StartsWith(head, "\xd0\xcf\x11\xe0")) {
    return "an OLE2 file (old Microsoft Office format)";
  }
  const absl::string_view first = head.substr(0, 16);
  bool printable = !head.empty();
  for (char c : head.substr(0, 512)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t') printable = false;
  }
  if (printable) return "plain text";
  return absl::StrCat("unknown binary data (first bytes ",
                      absl::BytesToHexString(first), ")");
}

}  // namespace

absl::StatusOr<SniffedMedia> SniffMedia(absl::string_view head) {
  head = head.substr(0, kSniffBytes);
  if (head.empty()) return absl::InvalidArgumentError("the document is empty");
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (head.substr(0, 1024).find("%PDF-") != absl::string_view::npos) {
    return SniffedMedia{v1::PDF, "application/pdf"};
  }
  if (absl::StartsWith(head, absl::string_view("II*\0", 4)) ||
      absl::StartsWith(head, absl::string_view("MM\0*", 4))) {
    return SniffedMedia{v1::TIFF, "image/tiff"};
  }
  if (absl::StartsWith(head, "\x89PNG\r\n\x1a\n")) {
    return SniffedMedia{v1::PNG, "image/png"};
  }
  if (absl::StartsWith(head, "\xff\xd8\xff")) {
    return SniffedMedia{v1::JPEG, "image/jpeg"};
  }
  absl::string_view text = head;
  absl::ConsumePrefix(&text, "\xef\xbb\xbf");  // UTF-8 byte order mark
  if (absl::StartsWith(absl::StripLeadingAsciiWhitespace(text), "<")) {
    return SniffXml(text);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unsupported content: found ", Describe(head),
                   "; accepted are PDF, TIFF, PNG, JPEG and UBL/CII invoice "
                   "XML"));
}

bool DeclaredTypeMatches(absl::string_view declared, v1::MediaKind kind) {
  std::string type = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(declared.substr(0, declared.find(';'))));
  switch (kind) {
    case v1::PDF:
      return type == "application/pdf";
    case v1::TIFF:
      return type == "image/tiff";
    case v1::PNG:
      return type == "image/png";
    case v1::JPEG:
      return type == "image/jpeg" || type == "image/jpg";
    case v1::UBL_INVOICE:
    case v1::UBL_CREDIT_NOTE:
    case v1::CII_INVOICE:
      return type == "application/xml" || type == "text/xml" ||
             absl::EndsWith(type, "+xml");
    default:
      return false;
  }
}

bool HasPages(v1::MediaKind kind) {
  return kind == v1::PDF || kind == v1::TIFF || kind == v1::PNG ||
         kind == v1::JPEG;
}

}  // namespace docintake::intake
