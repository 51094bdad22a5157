#include "intake/einvoice/schema/internal/libxml_copy.h"

#include <algorithm>
#include <string>
#include <vector>

namespace docintake::einvoice::schema_internal {
namespace {

constexpr char kXsiNs[] = "http://www.w3.org/2001/XMLSchema-instance";
constexpr char kXmlNs[] = "http://www.w3.org/XML/1998/namespace";
constexpr char kForeignNs[] = "urn:docintake:foreign-attribute-namespace";

const xmlChar* X(const std::string& s) {
  return reinterpret_cast<const xmlChar*>(s.c_str());
}
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

bool AddText(xmlNodePtr node, const std::string& text) {
  if (text.empty()) return true;
  xmlNodePtr t =
      xmlNewDocTextLen(node->doc, X(text), static_cast<int>(text.size()));
  return t != nullptr && xmlAddChild(node, t) != nullptr;
}

bool CopyAttributes(const XmlElement& e, xmlNodePtr node) {
  xmlNsPtr xsi = nullptr;
  xmlNsPtr foreign = nullptr;
  for (const auto& [name, value] : e.Attributes()) {
    xmlNsPtr ns = nullptr;
    if (!e.Attribute(name).has_value()) {
      if (e.Attribute(kXsiNs, name).has_value()) {
        if (xsi == nullptr) xsi = xmlNewNs(node, X(kXsiNs), X("xsi"));
        ns = xsi;
      } else if (e.Attribute(kXmlNs, name).has_value()) {
        ns = xmlSearchNsByHref(node->doc, node, X(kXmlNs));
      } else {
        if (foreign == nullptr) {
          foreign = xmlNewNs(node, X(kForeignNs), X("foreign"));
        }
        ns = foreign;
      }
      if (ns == nullptr) return false;
    }
    if (xmlNewNsProp(node, ns, X(name), X(value)) == nullptr) return false;
  }
  return true;
}

// Copies `e` (already created as `node`) with its subtree.
bool CopyInto(const XmlElement& e, xmlNodePtr node) {
  node->line = static_cast<unsigned short>(std::min(e.line(), 65535));
  if (!CopyAttributes(e, node)) return false;
  const std::string text = e.Text();
  const std::vector<XmlElement> children = e.Children();
  size_t pos = 0;
  for (const XmlElement& c : children) {
    const std::string child_text = c.Text();
    size_t at = child_text.empty() ? pos : text.find(child_text, pos);
    if (at == std::string::npos) at = pos;
    if (!AddText(node, text.substr(pos, at - pos))) return false;
    pos = std::min(text.size(), at + child_text.size());
    xmlNodePtr child = xmlNewDocNode(node->doc, nullptr,
                                     X(std::string(c.local_name())), nullptr);
    if (child == nullptr || xmlAddChild(node, child) == nullptr) return false;
    if (!c.namespace_uri().empty()) {
      xmlNsPtr ns = xmlNewNs(child, X(std::string(c.namespace_uri())), nullptr);
      if (ns == nullptr) return false;
      xmlSetNs(child, ns);
    }
    if (!CopyInto(c, child)) return false;
  }
  return AddText(node, text.substr(pos));
}

}  // namespace

absl::StatusOr<LibxmlDoc> CopyToLibxml(const XmlDocument& document) {
  LibxmlDoc doc(xmlNewDoc(X("1.0")));
  if (doc == nullptr) {
    return absl::ResourceExhaustedError(
        "libxml2 could not allocate a document");
  }
  const XmlElement root = document.Root();
  xmlNodePtr node = xmlNewDocNode(doc.get(), nullptr,
                                  X(std::string(root.local_name())), nullptr);
  if (node == nullptr) {
    return absl::ResourceExhaustedError("libxml2 could not allocate a node");
  }
  xmlDocSetRootElement(doc.get(), node);
  if (!root.namespace_uri().empty()) {
    xmlNsPtr ns = xmlNewNs(node, X(std::string(root.namespace_uri())), nullptr);
    if (ns == nullptr) {
      return absl::ResourceExhaustedError("libxml2 could not allocate a node");
    }
    xmlSetNs(node, ns);
  }
  if (!CopyInto(root, node)) {
    return absl::ResourceExhaustedError(
        "libxml2 could not allocate the document copy");
  }
  return doc;
}

}  // namespace docintake::einvoice::schema_internal
