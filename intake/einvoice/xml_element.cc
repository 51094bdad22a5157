// XmlElement: the read-only view of xml_document.h.
#include <libxml/tree.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "intake/einvoice/internal/xml_path.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice {
namespace internal {

std::string QualifiedName(const xmlNode* node) {
  const char* local = reinterpret_cast<const char*>(node->name);
  if (node->ns == nullptr || node->ns->href == nullptr) return local;
  const absl::string_view uri = reinterpret_cast<const char*>(node->ns->href);
  const absl::string_view prefix = PrefixForNamespace(uri);
  if (prefix.empty()) return absl::StrCat("Q{", uri, "}", local);
  return absl::StrCat(prefix, ":", local);
}

}  // namespace internal

namespace {

absl::string_view View(const xmlChar* s) {
  return s == nullptr ? absl::string_view()
                      : absl::string_view(reinterpret_cast<const char*>(s));
}

absl::string_view NamespaceOf(const xmlNode* node) {
  return node->ns == nullptr ? absl::string_view() : View(node->ns->href);
}

void AppendText(const xmlNode* node, std::string* out) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != nullptr) {
        out->append(reinterpret_cast<const char*>(c->content));
      }
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out);
    }
  }
}

std::string AttributeValue(const xmlAttr* attr) {
  std::string value;
  for (const xmlNode* c = attr->children; c != nullptr; c = c->next) {
    if (c->content != nullptr) {
      value.append(reinterpret_cast<const char*>(c->content));
    }
  }
  return value;
}

// One step of a relative path, resolved to namespace and local name.
struct Step {
  absl::string_view ns;
  absl::string_view local;
  bool known;
};

std::vector<Step> ParsePath(absl::string_view path) {
  std::vector<Step> steps;
  for (absl::string_view part : absl::StrSplit(path, '/', absl::SkipEmpty())) {
    const size_t colon = part.find(':');
    if (colon == absl::string_view::npos) {
      steps.push_back({"", part, true});
    } else {
      const absl::string_view ns = NamespaceForPrefix(part.substr(0, colon));
      steps.push_back({ns, part.substr(colon + 1), !ns.empty()});
    }
  }
  return steps;
}

void Collect(const XmlElement& from, const std::vector<Step>& steps,
             size_t index, bool first_only, std::vector<XmlElement>* out) {
  if (index == steps.size()) {
    out->push_back(from);
    return;
  }
  const Step& step = steps[index];
  if (!step.known) return;
  for (const XmlElement& child : from.Children(step.ns, step.local)) {
    Collect(child, steps, index + 1, first_only, out);
    if (first_only && !out->empty()) return;
  }
}

}  // namespace

absl::string_view XmlElement::local_name() const {
  return node_ == nullptr ? absl::string_view() : View(node_->name);
}

absl::string_view XmlElement::namespace_uri() const {
  return node_ == nullptr ? absl::string_view() : NamespaceOf(node_);
}

bool XmlElement::Is(absl::string_view ns, absl::string_view local) const {
  return node_ != nullptr && local_name() == local && namespace_uri() == ns;
}

int XmlElement::line() const {
  return node_ == nullptr ? 0 : static_cast<int>(xmlGetLineNo(node_));
}

std::string XmlElement::Text() const {
  std::string text;
  if (node_ != nullptr) AppendText(node_, &text);
  return text;
}

bool XmlElement::HasChildElements() const {
  if (node_ == nullptr) return false;
  for (const xmlNode* c = node_->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

std::optional<std::string> XmlElement::Attribute(absl::string_view name) const {
  if (node_ == nullptr) return std::nullopt;
  for (const xmlAttr* a = node_->properties; a != nullptr; a = a->next) {
    if (a->ns == nullptr && View(a->name) == name) return AttributeValue(a);
  }
  return std::nullopt;
}

std::optional<std::string> XmlElement::Attribute(absl::string_view ns,
                                                 absl::string_view name) const {
  if (node_ == nullptr) return std::nullopt;
  for (const xmlAttr* a = node_->properties; a != nullptr; a = a->next) {
    const absl::string_view attr_ns =
        a->ns == nullptr ? absl::string_view() : View(a->ns->href);
    if (attr_ns == ns && View(a->name) == name) return AttributeValue(a);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> XmlElement::Attributes()
    const {
  std::vector<std::pair<std::string, std::string>> out;
  if (node_ == nullptr) return out;
  for (const xmlAttr* a = node_->properties; a != nullptr; a = a->next) {
    out.emplace_back(std::string(View(a->name)), AttributeValue(a));
  }
  return out;
}

std::vector<XmlElement> XmlElement::Children() const {
  std::vector<XmlElement> out;
  if (node_ == nullptr) return out;
  // Position among same-named siblings: count per distinct name.
  struct Seen {
    const xmlNode* first;
    int count;
  };
  std::vector<Seen> seen;
  for (const xmlNode* c = node_->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    int position = 1;
    bool found = false;
    for (Seen& s : seen) {
      if (xmlStrEqual(s.first->name, c->name) &&
          NamespaceOf(s.first) == NamespaceOf(c)) {
        position = ++s.count;
        found = true;
        break;
      }
    }
    if (!found) seen.push_back({c, 1});
    out.push_back(
        XmlElement(c, absl::StrCat(path_, "/", internal::QualifiedName(c), "[",
                                   position, "]")));
  }
  return out;
}

std::vector<XmlElement> XmlElement::Children(absl::string_view ns,
                                             absl::string_view local) const {
  std::vector<XmlElement> out;
  if (node_ == nullptr) return out;
  std::string qname;
  for (const xmlNode* c = node_->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || View(c->name) != local ||
        NamespaceOf(c) != ns) {
      continue;
    }
    if (qname.empty()) qname = internal::QualifiedName(c);
    out.push_back(XmlElement(
        c, absl::StrCat(path_, "/", qname, "[", out.size() + 1, "]")));
  }
  return out;
}

XmlElement XmlElement::Child(absl::string_view ns,
                             absl::string_view local) const {
  if (node_ == nullptr) return XmlElement();
  for (const xmlNode* c = node_->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && View(c->name) == local &&
        NamespaceOf(c) == ns) {
      return XmlElement(
          c, absl::StrCat(path_, "/", internal::QualifiedName(c), "[1]"));
    }
  }
  return XmlElement();
}

std::vector<XmlElement> XmlElement::FindAll(
    absl::string_view relative_path) const {
  std::vector<XmlElement> out;
  if (node_ != nullptr) {
    Collect(*this, ParsePath(relative_path), 0, false, &out);
  }
  return out;
}

XmlElement XmlElement::Find(absl::string_view relative_path) const {
  std::vector<XmlElement> out;
  if (node_ != nullptr) Collect(*this, ParsePath(relative_path), 0, true, &out);
  return out.empty() ? XmlElement() : out.front();
}

}  // namespace docintake::einvoice
