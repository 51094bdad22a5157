// libxml2 behind a small, secure facade for the trusted-list code: parsing
// without network, DTD loading or entity expansion, and element navigation
// by local name (namespace prefixes vary between lists). Not thread-safe per
// document; distinct documents may be used from different threads.
#ifndef DOCINTAKE_SIGNATURE_TRUST_INTERNAL_XML_DOCUMENT_H_
#define DOCINTAKE_SIGNATURE_TRUST_INTERNAL_XML_DOCUMENT_H_

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/owned.h"

namespace docintake::signature::trust_internal {

using XmlDocPtr = base::Owned<xmlDoc, xmlFreeDoc>;

// Parses `xml` (at most `max_bytes`). Rejects documents with a DOCTYPE.
absl::StatusOr<XmlDocPtr> ParseXmlSecurely(absl::string_view xml,
                                           size_t max_bytes);

// True if `node` is an element with this local name.
bool IsElement(const xmlNode* node, absl::string_view local_name);
// First element child with this local name, or nullptr.
xmlNode* FirstChild(const xmlNode* node, absl::string_view local_name);
// All element children with this local name.
std::vector<xmlNode*> Children(const xmlNode* node,
                               absl::string_view local_name);
// All element children.
std::vector<xmlNode*> ElementChildren(const xmlNode* node);
// Follows a path of local names from `node`; nullptr if a step is missing.
xmlNode* FindPath(const xmlNode* node,
                  std::initializer_list<absl::string_view> path);
// Text content with leading/trailing whitespace removed ("" for nullptr).
std::string TrimmedText(const xmlNode* node);
// The value of attribute `name` (no namespace), or "".
std::string Attribute(const xmlNode* node, const char* name);
// Among the "Name" children of `node`: the English one, else the first.
std::string PreferredName(const xmlNode* node);
// Decodes base64 that may contain whitespace; InvalidArgument if malformed.
absl::StatusOr<std::string> DecodeBase64Text(absl::string_view text);

}  // namespace docintake::signature::trust_internal

#endif  // DOCINTAKE_SIGNATURE_TRUST_INTERNAL_XML_DOCUMENT_H_
