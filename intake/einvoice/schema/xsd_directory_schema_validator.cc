#include "intake/einvoice/schema/xsd_directory_schema_validator.h"

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <sys/stat.h>

#include <mutex>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "intake/einvoice/schema/internal/libxml_copy.h"
#include "intake/einvoice/schema/internal/schema_finding.h"

namespace docintake::einvoice {
namespace {

constexpr char kInvoiceXsd[] = "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd";
constexpr char kCreditNoteXsd[] = "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd";
constexpr char kCiiXsd[] = "cii-d16b/CrossIndustryInvoice_100pD16B.xsd";

std::string Trimmed(const char* message) {
  std::string s = message == nullptr ? "" : message;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The loader that was active before ours; schema imports that are not
// network URLs go to it. Written only under load_mutex, before our loader is
// installed.
xmlExternalEntityLoader previous_loader = nullptr;

xmlParserInputPtr LocalOnlyLoader(const char* url, const char* id,
                                  xmlParserCtxtPtr ctxt) {
  if (url != nullptr && (absl::StartsWithIgnoreCase(url, "http:") ||
                         absl::StartsWithIgnoreCase(url, "https:") ||
                         absl::StartsWithIgnoreCase(url, "ftp:"))) {
    return nullptr;
  }
  return previous_loader(url, id, ctxt);
}

void CollectParserError(void* user, xmlErrorPtr error) {
  auto* messages = static_cast<std::vector<std::string>*>(user);
  if (error != nullptr && messages->size() < 5) {
    messages->push_back(Trimmed(error->message));
  }
}

void CollectValidityError(void* user, xmlErrorPtr error) {
  if (error == nullptr) return;
  auto* findings = static_cast<std::vector<Finding>*>(user);
  const auto* node = static_cast<const xmlNode*>(error->node);
  if (node != nullptr && node->type == XML_ATTRIBUTE_NODE) node = node->parent;
  std::string element;
  if (node != nullptr && node->type == XML_ELEMENT_NODE && node->name) {
    element = reinterpret_cast<const char*>(node->name);
  }
  const std::string message = Trimmed(error->message);
  findings->push_back(schema_internal::SchemaFinding(
      error->line, element, message,
      absl::StrCat("Schemafehler (libxml2): ", message)));
}

using ParserCtxt = base::Owned<xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt>;
using ValidCtxt = base::Owned<xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt>;
using SourceDoc = base::Owned<xmlDoc, xmlFreeDoc>;

// Serialises schema loading: the network-refusing loader is installed for
// the duration of a load only.
std::mutex load_mutex;

absl::StatusOr<xmlSchemaPtr> LoadSchema(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return absl::NotFoundError(absl::StrCat("schema file not found: ", path));
  }
  std::lock_guard<std::mutex> lock(load_mutex);
  previous_loader = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(LocalOnlyLoader);
  std::vector<std::string> messages;
  xmlSchemaPtr schema = nullptr;
  SourceDoc source(
      xmlReadFile(path.c_str(), nullptr,
                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (source != nullptr) {
    ParserCtxt parser(xmlSchemaNewDocParserCtxt(source.get()));
    if (parser != nullptr) {
      xmlSchemaSetParserStructuredErrors(parser.get(), CollectParserError,
                                         &messages);
      schema = xmlSchemaParse(parser.get());
    }
  }
  xmlSetExternalEntityLoader(previous_loader);
  if (schema == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("the schema ", path, " could not be loaded: ",
                     messages.empty() ? std::string("not a readable schema")
                                      : absl::StrJoin(messages, "; ")));
  }
  return schema;
}

}  // namespace

void XsdDirectorySchemaValidator::FreeSchema(_xmlSchema* schema) {
  xmlSchemaFree(schema);
}

absl::StatusOr<std::unique_ptr<XsdDirectorySchemaValidator>>
XsdDirectorySchemaValidator::Create(absl::string_view directory) {
  xmlInitParser();
  std::unique_ptr<XsdDirectorySchemaValidator> v(
      new XsdDirectorySchemaValidator());
  const std::string dir(directory);
  struct Target {
    const char* file;
    Schema* slot;
  };
  for (const Target& t :
       {Target{kInvoiceXsd, &v->invoice_},
        Target{kCreditNoteXsd, &v->credit_note_}, Target{kCiiXsd, &v->cii_}}) {
    absl::StatusOr<xmlSchemaPtr> schema =
        LoadSchema(absl::StrCat(dir, "/", t.file));
    if (!schema.ok()) return schema.status();
    t.slot->reset(*schema);
  }
  return v;
}

absl::StatusOr<std::vector<Finding>> XsdDirectorySchemaValidator::Validate(
    const XmlDocument& document, Syntax syntax) const {
  xmlSchemaPtr schema = nullptr;
  switch (syntax) {
    case Syntax::kUblInvoice:
      schema = invoice_.get();
      break;
    case Syntax::kUblCreditNote:
      schema = credit_note_.get();
      break;
    case Syntax::kCii:
      schema = cii_.get();
      break;
    case Syntax::kOther:
      return absl::InvalidArgumentError(
          "the document element is not a UBL Invoice, UBL CreditNote or CII "
          "CrossIndustryInvoice; no schema applies");
  }
  absl::StatusOr<schema_internal::LibxmlDoc> copy =
      schema_internal::CopyToLibxml(document);
  if (!copy.ok()) return copy.status();
  ValidCtxt ctxt(xmlSchemaNewValidCtxt(schema));
  if (ctxt == nullptr) {
    return absl::ResourceExhaustedError(
        "libxml2 could not allocate a schema validation context");
  }
  std::vector<Finding> findings;
  xmlSchemaSetValidStructuredErrors(ctxt.get(), CollectValidityError,
                                    &findings);
  const int rc = xmlSchemaValidateDoc(ctxt.get(), copy->get());
  if (rc < 0) {
    return absl::InternalError("libxml2 failed internally during validation");
  }
  if (rc > 0 && findings.empty()) {
    findings.push_back(schema_internal::SchemaFinding(
        0, "", "the document is not valid against the schema",
        "Das Dokument ist nicht schemagültig."));
  }
  return findings;
}

}  // namespace docintake::einvoice
