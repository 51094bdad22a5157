// The XML namespaces of the two EN 16931 syntaxes and the fixed prefixes the
// project (and the corpus labels) use for them in locations such as
// "/ubl:Invoice[1]/cac:TaxTotal[1]". Constants only; thread-safe.
#ifndef DOCINTAKE_INTAKE_EINVOICE_NAMESPACES_H_
#define DOCINTAKE_INTAKE_EINVOICE_NAMESPACES_H_

#include "absl/strings/string_view.h"

namespace docintake::einvoice {

inline constexpr char kUblInvoiceNs[] =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
inline constexpr char kUblCreditNoteNs[] =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
inline constexpr char kCacNs[] =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
inline constexpr char kCbcNs[] =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
inline constexpr char kExtNs[] =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
inline constexpr char kRsmNs[] =
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
inline constexpr char kRamNs[] =
    "urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100";
inline constexpr char kUdtNs[] =
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
inline constexpr char kQdtNs[] =
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

// The project prefix of a namespace URI ("cac", "ram", ...), or "" if the
// namespace is not one of the above.
absl::string_view PrefixForNamespace(absl::string_view uri);
// The namespace URI of a project prefix, or "" if unknown.
absl::string_view NamespaceForPrefix(absl::string_view prefix);

}  // namespace docintake::einvoice

#endif  // DOCINTAKE_INTAKE_EINVOICE_NAMESPACES_H_
