// Rebuilds a libxml2 tree from an XmlDocument through its public view, for
// handing the document to libxml2's XML Schema validator: elements with their
// namespaces, source line numbers, attributes (unqualified, xsi:, xml:, or
// others in a placeholder namespace so that they stay visible as foreign),
// and text, with an element's own text placed between its children as in the
// source. Comments and processing instructions are not copied (irrelevant to
// schema validity). The copy is owned by the caller. Thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_LIBXML_COPY_H_
#define DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_LIBXML_COPY_H_

#include <libxml/tree.h>

#include "absl/status/statusor.h"
#include "base/owned.h"
#include "intake/einvoice/xml_document.h"

namespace docintake::einvoice::schema_internal {

using LibxmlDoc = base::Owned<xmlDoc, xmlFreeDoc>;

// RESOURCE_EXHAUSTED if libxml2 cannot allocate.
absl::StatusOr<LibxmlDoc> CopyToLibxml(const XmlDocument& document);

}  // namespace docintake::einvoice::schema_internal

#endif  // DOCINTAKE_INTAKE_EINVOICE_SCHEMA_INTERNAL_LIBXML_COPY_H_
