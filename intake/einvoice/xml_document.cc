#include "intake/einvoice/xml_document.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <mutex>
#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "base/owned.h"
#include "intake/einvoice/internal/xml_path.h"

namespace docintake::einvoice {
namespace {

constexpr char kRuleIdPayload[] = "docintake.einvoice/pseudo-rule-id";

absl::Status WithRuleId(absl::string_view rule_id, const std::string& message) {
  absl::Status status =
      absl::InvalidArgumentError(absl::StrCat(rule_id, ": ", message));
  status.SetPayload(kRuleIdPayload, absl::Cord(rule_id));
  return status;
}

// What the SAX hooks found; reached through ctxt->_private.
struct ParseGuard {
  int max_depth = 0;
  std::string refusal;  // non-empty: stop and refuse
};

ParseGuard* GuardOf(void* ctx) {
  return static_cast<ParseGuard*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

void Refuse(void* ctx, std::string why) {
  ParseGuard* guard = GuardOf(ctx);
  if (guard->refusal.empty()) guard->refusal = std::move(why);
  xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

// Any entity declaration (internal, external, parameter) stops the parse
// before the entity could be used.
void OnEntityDecl(void* ctx, const xmlChar* name, int /*type*/,
                  const xmlChar* /*public_id*/, const xmlChar* /*system_id*/,
                  xmlChar* /*content*/) {
  Refuse(ctx, absl::StrCat("the DOCTYPE declares the entity \"",
                           reinterpret_cast<const char*>(name),
                           "\"; entity declarations are not accepted"));
}

void OnStartElement(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                    const xmlChar* uri, int nb_namespaces,
                    const xmlChar** namespaces, int nb_attributes,
                    int nb_defaulted, const xmlChar** attributes) {
  const auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (ctxt->nameNr > GuardOf(ctx)->max_depth) {
    Refuse(ctx, absl::StrCat("elements nested deeper than ",
                             GuardOf(ctx)->max_depth, " levels"));
    return;
  }
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
                        nb_attributes, nb_defaulted, attributes);
}

}  // namespace

std::string PseudoRuleIdOf(const absl::Status& status) {
  const auto payload = status.GetPayload(kRuleIdPayload);
  return payload ? std::string(*payload) : std::string();
}

void XmlDocument::DocFree::operator()(_xmlDoc* doc) const { xmlFreeDoc(doc); }

absl::StatusOr<XmlDocument> XmlDocument::Parse(absl::string_view bytes,
                                               const XmlLimits& limits) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (bytes.size() > limits.max_bytes || bytes.size() > INT_MAX) {
    return WithRuleId(
        kRuleXmlRefused,
        absl::StrCat("the document has ", bytes.size(),
                     " bytes, more than the limit of ", limits.max_bytes));
  }
  base::Owned<xmlParserCtxt, xmlFreeParserCtxt> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr || ctxt->sax == nullptr) {
    return absl::ResourceExhaustedError("libxml2 could not allocate a parser");
  }
  ParseGuard guard;
  guard.max_depth = limits.max_depth;
  ctxt->_private = &guard;
  ctxt->sax->entityDecl = OnEntityDecl;
  ctxt->sax->startElementNs = OnStartElement;
  // Namespace errors (an unbound prefix) count as not well-formed, as with
  // the namespace-aware parsers of the reference validators.
  // No XML_PARSE_NOENT (no substitution), no DTDLOAD/DTDATTR/DTDVALID, no
  // XINCLUDE, no HUGE: libxml2's own size limits stay in force.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                      XML_PARSE_BIG_LINES;
  xmlDocPtr raw = xmlCtxtReadMemory(ctxt.get(), bytes.data(),
                                    static_cast<int>(bytes.size()), nullptr,
                                    nullptr, options);
  XmlDocument doc(raw);
  if (!guard.refusal.empty()) return WithRuleId(kRuleXmlRefused, guard.refusal);
  if (raw == nullptr || !ctxt->wellFormed || !ctxt->nsWellFormed) {
    const xmlError* error = xmlCtxtGetLastError(ctxt.get());
    std::string reason = "the document is not well-formed XML";
    if (error != nullptr && error->message != nullptr) {
      reason = absl::StrCat("line ", error->line, ": ", error->message);
      while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    }
    return WithRuleId(kRuleXmlNotWellFormed, reason);
  }
  if (xmlDocGetRootElement(raw) == nullptr) {
    return WithRuleId(kRuleXmlNotWellFormed, "the document has no element");
  }
  return doc;
}

XmlElement XmlDocument::Root() const {
  const xmlNode* root = xmlDocGetRootElement(doc_.get());
  if (root == nullptr) return XmlElement();
  return XmlElement(root,
                    absl::StrCat("/", internal::QualifiedName(root), "[1]"));
}

}  // namespace docintake::einvoice
