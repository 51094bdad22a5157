#include "ocr/internal/pdf_xmp.h"

#include "absl/strings/str_cat.h"
#include "ocr/internal/pdf_syntax.h"

namespace docintake::ocr::internal {
namespace {

constexpr size_t kMaxTitleChars = 1000;

std::string XmlEscape(absl::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string CleanTitle(absl::string_view title) {
  std::string out;
  size_t chars = 0;
  for (char32_t cp : DecodeUtf8Lossy(title)) {
    if (chars++ == kMaxTitleChars) break;
    // Neither XML 1.0 nor a readable title holds control characters;
    // U+FFFE/U+FFFF are not XML characters either.
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) cp = ' ';
    if (cp == 0xFFFE || cp == 0xFFFF) cp = 0xFFFD;
    AppendUtf8(cp, out);
  }
  return out;
}

absl::StatusOr<std::string> XmpPacket(absl::string_view title,
                                      absl::Time created) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  const int64_t year = absl::ToCivilYear(created, utc).year();
  if (year < 1 || year > 9999) {
    return absl::InvalidArgumentError(
        "creation time is outside the years 1..9999");
  }
  const std::string date = absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", created, utc);
  std::string out = absl::StrCat(
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "   <pdfaid:part>2</pdfaid:part>\n"
      "   <pdfaid:conformance>B</pdfaid:conformance>\n"
      "   <dc:format>application/pdf</dc:format>\n");
  if (!title.empty()) {
    absl::StrAppend(&out,
                    "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
                    XmlEscape(title), "</rdf:li></rdf:Alt></dc:title>\n");
  }
  absl::StrAppend(&out, "   <xmp:CreateDate>", date, "</xmp:CreateDate>\n",
                  "   <xmp:ModifyDate>", date, "</xmp:ModifyDate>\n",
                  "   <xmp:MetadataDate>", date, "</xmp:MetadataDate>\n",
                  "   <xmp:CreatorTool>", kPdfProducer, "</xmp:CreatorTool>\n",
                  "   <pdf:Producer>", kPdfProducer, "</pdf:Producer>\n",
                  "  </rdf:Description>\n"
                  " </rdf:RDF>\n"
                  "</x:xmpmeta>\n"
                  "<?xpacket end=\"w\"?>");
  return out;
}

std::string PdfaInfoDict(absl::string_view title) {
  std::string out = "<<";
  if (!title.empty())
    absl::StrAppend(&out, "/Title ", PdfTextString(title), " ");
  absl::StrAppend(&out, "/Producer ", PdfTextString(kPdfProducer), ">>");
  return out;
}

}  // namespace docintake::ocr::internal
