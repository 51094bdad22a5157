// XmlDocument: an untrusted XML document parsed safely with libxml2 — no
// network, no DTD loading or validation, no entity substitution, documents
// whose DOCTYPE declares entities refused (XXE, billion laughs), size and
// nesting depth limited. XmlElement is a small read-only view (namespaced
// children, text, attributes, line numbers, an XPath-like location) so that
// callers never touch libxml2. Elements borrow from their document and must
// not outlive it. A document is move-only; concurrent reads of one document
// are safe, parsing different documents on different threads is safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_XML_DOCUMENT_H_
#define DOCINTAKE_INTAKE_EINVOICE_XML_DOCUMENT_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct _xmlDoc;
struct _xmlNode;

namespace docintake::einvoice {

// Pseudo rule ids carried by parse errors (see PseudoRuleIdOf).
inline constexpr char kRuleXmlNotWellFormed[] = "XML-NOT-WELLFORMED";
// Well-formed or not, the document was refused by policy: a DOCTYPE declaring
// entities, or the size or depth limit.
inline constexpr char kRuleXmlRefused[] = "XML-REFUSED";

struct XmlLimits {
  size_t max_bytes = 20 * 1024 * 1024;
  // Element nesting depth (the root is depth 1).
  int max_depth = 64;
};

// The pseudo rule id attached to an error of XmlDocument::Parse, or "" if the
// status carries none.
std::string PseudoRuleIdOf(const absl::Status& status);

class XmlElement {
 public:
  // A null element (what lookups return when nothing matches).
  XmlElement() = default;

  bool valid() const { return node_ != nullptr; }
  explicit operator bool() const { return valid(); }

  absl::string_view local_name() const;
  // "" for an element in no namespace.
  absl::string_view namespace_uri() const;
  bool Is(absl::string_view ns, absl::string_view local) const;
  // 1-based source line where the element's start tag ends (libxml2's
  // convention); 0 for a null element.
  int line() const;
  // Location with project prefixes and 1-based positions among same-named
  // siblings: "/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]". An element in
  // an unknown namespace appears as "Q{uri}local[n]".
  const std::string& path() const { return path_; }

  // Concatenated text of all descendant text and CDATA nodes, as written.
  std::string Text() const;
  // True if the element has element children.
  bool HasChildElements() const;
  // Value of the attribute `name` in no namespace, or nullopt if absent.
  std::optional<std::string> Attribute(absl::string_view name) const;
  // Value of the attribute with this namespace URI and local name.
  std::optional<std::string> Attribute(absl::string_view ns,
                                       absl::string_view name) const;
  // All attributes as (local name, value) in document order.
  std::vector<std::pair<std::string, std::string>> Attributes() const;

  // All element children in document order.
  std::vector<XmlElement> Children() const;
  // Element children with this namespace and local name.
  std::vector<XmlElement> Children(absl::string_view ns,
                                   absl::string_view local) const;
  // The first such child, or a null element.
  XmlElement Child(absl::string_view ns, absl::string_view local) const;

  // Relative path of prefixed names ("cac:Party/cbc:Name", prefixes of
  // namespaces.h): every matching descendant in document order, or the first
  // one (a null element if none). An unknown prefix matches nothing.
  std::vector<XmlElement> FindAll(absl::string_view relative_path) const;
  XmlElement Find(absl::string_view relative_path) const;

 private:
  friend class XmlDocument;
  XmlElement(const _xmlNode* node, std::string path)
      : node_(node), path_(std::move(path)) {}

  const _xmlNode* node_ = nullptr;
  std::string path_;
};

class XmlDocument {
 public:
  // Parses `bytes`. INVALID_ARGUMENT with pseudo rule id
  // kRuleXmlNotWellFormed (message with line and libxml2's reason) for input
  // that is not well-formed, kRuleXmlRefused for refused input.
  static absl::StatusOr<XmlDocument> Parse(absl::string_view bytes,
                                           const XmlLimits& limits = {});

  XmlDocument(XmlDocument&&) = default;
  XmlDocument& operator=(XmlDocument&&) = default;
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  // The document element.
  XmlElement Root() const;

 private:
  struct DocFree {
    void operator()(_xmlDoc* doc) const;
  };
  explicit XmlDocument(_xmlDoc* doc) : doc_(doc) {}

  std::unique_ptr<_xmlDoc, DocFree> doc_;
};

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_XML_DOCUMENT_H_
