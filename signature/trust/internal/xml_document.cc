#include "signature/trust/internal/xml_document.h"

#include <libxml/parser.h>

#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace docintake::signature::trust_internal {
namespace {

absl::string_view LocalName(const xmlNode* node) {
  return node->name == nullptr
             ? absl::string_view()
             : absl::string_view(reinterpret_cast<const char*>(node->name));
}

}  // namespace

absl::StatusOr<XmlDocPtr> ParseXmlSecurely(absl::string_view xml,
                                           size_t max_bytes) {
  if (xml.size() > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("XML document of ", xml.size(), " bytes exceeds the ",
                     max_bytes, "-byte limit"));
  }
  // Trusted lists carry no DTD; refusing one up front rules out entity
  // expansion and external entity tricks whatever the parser does.
  if (xml.find("<!DOCTYPE") != absl::string_view::npos ||
      xml.find("<!ENTITY") != absl::string_view::npos) {
    return absl::InvalidArgumentError("XML document declares a DTD/entities");
  }
  static std::once_flag init_once;
  std::call_once(init_once, [] { xmlInitParser(); });
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr,
                              nullptr, options));
  if (doc == nullptr) {
    const xmlError* error = xmlGetLastError();
    return absl::InvalidArgumentError(absl::StrCat(
        "malformed XML",
        error != nullptr && error->message != nullptr
            ? absl::StrCat(": line ", error->line, ": ",
                           absl::StripAsciiWhitespace(error->message))
            : std::string()));
  }
  if (doc->intSubset != nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    return absl::InvalidArgumentError("XML document has a DTD or no root");
  }
  return doc;
}

bool IsElement(const xmlNode* node, absl::string_view local_name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         LocalName(node) == local_name;
}

xmlNode* FirstChild(const xmlNode* node, absl::string_view local_name) {
  if (node == nullptr) return nullptr;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (IsElement(c, local_name)) return c;
  }
  return nullptr;
}

std::vector<xmlNode*> Children(const xmlNode* node,
                               absl::string_view local_name) {
  std::vector<xmlNode*> out;
  if (node == nullptr) return out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (IsElement(c, local_name)) out.push_back(c);
  }
  return out;
}

std::vector<xmlNode*> ElementChildren(const xmlNode* node) {
  std::vector<xmlNode*> out;
  if (node == nullptr) return out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  }
  return out;
}

xmlNode* FindPath(const xmlNode* node,
                  std::initializer_list<absl::string_view> path) {
  const xmlNode* current = node;
  for (absl::string_view step : path) {
    current = FirstChild(current, step);
    if (current == nullptr) return nullptr;
  }
  return const_cast<xmlNode*>(current);
}

std::string TrimmedText(const xmlNode* node) {
  if (node == nullptr) return "";
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return "";
  std::string text(absl::StripAsciiWhitespace(
      absl::string_view(reinterpret_cast<const char*>(content))));
  xmlFree(content);
  return text;
}

std::string Attribute(const xmlNode* node, const char* name) {
  if (node == nullptr) return "";
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string PreferredName(const xmlNode* node) {
  std::string first;
  for (xmlNode* name : Children(node, "Name")) {
    xmlChar* lang = xmlNodeGetLang(name);
    const bool english =
        lang != nullptr &&
        absl::EqualsIgnoreCase(reinterpret_cast<const char*>(lang), "en");
    if (lang != nullptr) xmlFree(lang);
    if (english) return TrimmedText(name);
    if (first.empty()) first = TrimmedText(name);
  }
  return first;
}

absl::StatusOr<std::string> DecodeBase64Text(absl::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) compact += c;
  }
  std::string out;
  if (compact.empty() || !absl::Base64Unescape(compact, &out)) {
    return absl::InvalidArgumentError("malformed base64 content");
  }
  return out;
}

}  // namespace docintake::signature::trust_internal
