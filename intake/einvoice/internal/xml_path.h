// Helpers shared by the XmlElement implementation: the prefixed name of a
// libxml2 element as it appears in locations. Internal; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_INTERNAL_XML_PATH_H_
#define DOCINTAKE_INTAKE_EINVOICE_INTERNAL_XML_PATH_H_

#include <libxml/tree.h>

#include <string>

namespace docintake::einvoice::internal {

// "cac:Party" for a known namespace, "Q{uri}local" for another one, "local"
// for none.
std::string QualifiedName(const xmlNode* node);

}  // namespace docintake::einvoice::internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_INTERNAL_XML_PATH_H_
