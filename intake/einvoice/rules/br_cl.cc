// Rule family "BR-CL": the code-list rules BR-CL-01 ... BR-CL-26 of the CEN
// validation artefacts 1.3.15 with the code lists of that release
// (internal/code_lists.h). The rules are syntax-level: their contexts match
// elements anywhere in the document, so the family walks the XML rather
// than the model. Every rule carries flag fatal; the XRechnung scenarios
// lower some of them (scenario_overrides.h).
#include <string>
#include <vector>

#include "intake/einvoice/rules/internal/br_cl_checks.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;

constexpr RuleDefinition kRules[] = {
    {"BR-CL-01", kF,
     "The invoice type code (BT-3) is not in the UNTDID 1001 list for this "
     "document.",
     "Der Rechnungsartcode (BT-3) steht nicht in der UNTDID-1001-Liste für "
     "dieses Dokument."},
    {"BR-CL-03", kF, "The currencyID of an amount is not an ISO 4217 code.",
     "Die currencyID eines Betrags ist kein ISO-4217-Code."},
    {"BR-CL-04", kF,
     "The invoice currency code (BT-5) is not an ISO 4217 alpha-3 code.",
     "Der Code der Rechnungswährung (BT-5) ist kein ISO-4217-Code."},
    {"BR-CL-05", kF,
     "The VAT accounting currency code (BT-6) is not an ISO 4217 alpha-3 "
     "code.",
     "Der Code der Umsatzsteuer-Buchungswährung (BT-6) ist kein "
     "ISO-4217-Code."},
    {"BR-CL-06", kF,
     "The VAT point date code (BT-8) is not an admitted UNTDID 2005 / 2475 "
     "code.",
     "Der Code für das Datum der Steuerfälligkeit (BT-8) ist kein "
     "zugelassener UNTDID-2005/2475-Code."},
    {"BR-CL-07", kF,
     "The scheme of the invoiced object identifier (BT-18) is not a UNTDID "
     "1153 code.",
     "Das Schema der Objektkennung (BT-18) ist kein UNTDID-1153-Code."},
    {"BR-CL-08", kF,
     "The invoice note subject code (BT-21) is not a UNTDID 4451 code.",
     "Der Betreffcode der Bemerkung (BT-21) ist kein UNTDID-4451-Code."},
    {"BR-CL-10", kF,
     "The scheme of a party identifier is not in the ISO 6523 ICD list.",
     "Das Schema einer Partei-Kennung steht nicht in der ISO-6523-ICD-Liste."},
    {"BR-CL-11", kF,
     "The scheme of a legal registration identifier is not in the ISO 6523 "
     "ICD list.",
     "Das Schema einer Registerkennung steht nicht in der ISO-6523-ICD-Liste."},
    {"BR-CL-13", kF,
     "The scheme of the item classification identifier (BT-158) is not a "
     "UNTDID 7143 code.",
     "Das Schema der Artikelklassifizierung (BT-158) ist kein "
     "UNTDID-7143-Code."},
    {"BR-CL-14", kF, "A country code is not an ISO 3166-1 code.",
     "Ein Ländercode ist kein ISO-3166-1-Code."},
    {"BR-CL-15", kF,
     "The item country of origin (BT-159) is not an ISO 3166-1 code.",
     "Das Ursprungsland des Artikels (BT-159) ist kein ISO-3166-1-Code."},
    {"BR-CL-16", kF,
     "The payment means type code (BT-81) is not a UNTDID 4461 code.",
     "Der Code für die Zahlungsart (BT-81) ist kein UNTDID-4461-Code."},
    {"BR-CL-17", kF, "A VAT category code is not an admitted UNTDID 5305 code.",
     "Ein Umsatzsteuer-Kategoriecode ist kein zugelassener UNTDID-5305-Code."},
    {"BR-CL-18", kF, "A VAT category code is not an admitted UNTDID 5305 code.",
     "Ein Umsatzsteuer-Kategoriecode ist kein zugelassener UNTDID-5305-Code."},
    {"BR-CL-19", kF, "An allowance reason code is not a UNTDID 5189 code.",
     "Ein Code für den Grund eines Nachlasses ist kein UNTDID-5189-Code."},
    {"BR-CL-20", kF, "A charge reason code is not a UNTDID 7161 code.",
     "Ein Code für den Grund eines Zuschlags ist kein UNTDID-7161-Code."},
    {"BR-CL-21", kF,
     "The scheme of the item standard identifier (BT-157) is not in the ISO "
     "6523 ICD list.",
     "Das Schema der Artikelkennung nach Standard (BT-157) steht nicht in der "
     "ISO-6523-ICD-Liste."},
    {"BR-CL-22", kF,
     "The VAT exemption reason code (BT-121) is not a CEF VATEX code.",
     "Der Code für den Befreiungsgrund (BT-121) ist kein CEF-VATEX-Code."},
    {"BR-CL-23", kF,
     "A unit of measure code is not a UN/ECE Recommendation 20/21 code.",
     "Ein Code der Maßeinheit ist kein Code nach UN/ECE-Empfehlung 20/21."},
    {"BR-CL-24", kF,
     "The MIME code of an attached document (BT-125) is not admitted.",
     "Der MIME-Code eines angehängten Dokuments (BT-125) ist nicht "
     "zugelassen."},
    {"BR-CL-25", kF,
     "The scheme of an electronic address (BT-34/BT-49) is not a CEF EAS "
     "code.",
     "Das Schema einer elektronischen Adresse (BT-34/BT-49) ist kein "
     "CEF-EAS-Code."},
    {"BR-CL-26", kF,
     "The scheme of the deliver-to location identifier (BT-71) is not in the "
     "ISO 6523 ICD list.",
     "Das Schema der Kennung des Lieferorts (BT-71) steht nicht in der "
     "ISO-6523-ICD-Liste."},
};

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void Walk(const XmlElement& element, std::vector<XmlElement>& ancestors,
          bool ubl, FindingSink& sink) {
  const CodeListNode node{element, ancestors};
  if (ubl) {
    CheckUblCodeLists(node, sink);
  } else {
    CheckCiiCodeLists(node, sink);
  }
  ancestors.push_back(element);
  for (const XmlElement& child : element.Children()) {
    Walk(child, ancestors, ubl, sink);
  }
  ancestors.pop_back();
}

void CheckBrCl(const RuleContext& c, FindingSink& sink) {
  const Syntax syntax = c.invoice.syntax;
  if (syntax == Syntax::kOther) return;
  std::vector<XmlElement> ancestors;
  Walk(c.document.Root(), ancestors, IsUbl(c.invoice), sink);
}

}  // namespace

const XmlElement* CodeListNode::Parent() const {
  return ancestors.empty() ? nullptr : &ancestors[ancestors.size() - 1];
}

const XmlElement* CodeListNode::Grandparent() const {
  return ancestors.size() < 2 ? nullptr : &ancestors[ancestors.size() - 2];
}

bool CodeListNode::ParentIs(absl::string_view ns,
                            absl::string_view local) const {
  const XmlElement* parent = Parent();
  return parent != nullptr && parent->Is(ns, local);
}

bool CodeListNode::HasAncestor(absl::string_view ns,
                               absl::string_view local) const {
  for (const XmlElement& a : ancestors) {
    if (a.Is(ns, local)) return true;
  }
  return false;
}

const RuleDefinition& BrClRule(int number) {
  const std::string id =
      std::string(number < 10 ? "BR-CL-0" : "BR-CL-") + std::to_string(number);
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];
}

std::string NormalizeSpace(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_blank = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      pending_blank = !out.empty();
      continue;
    }
    if (pending_blank) out.push_back(' ');
    pending_blank = false;
    out.push_back(c);
  }
  return out;
}

bool IsListedCode(const CodeList& list, absl::string_view raw) {
  const std::string v = NormalizeSpace(raw);
  if (v.empty() || v.find(' ') != std::string::npos) return false;
  return list.Contains(v);
}

bool IsListedIcdCode(absl::string_view raw) {
  return IsListedCode(Iso6523Icd(), raw) && NormalizeSpace(raw) != "0244";
}

std::optional<bool> XsBoolean(absl::string_view text) {
  const std::string v = NormalizeSpace(text);
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  return std::nullopt;
}

void ReportUnless(bool ok, int number, const CodeListNode& node,
                  FindingSink& sink) {
  if (!ok) sink.Report(BrClRule(number), node.element.path());
}

const RuleFamily& BrClFamily() {
  static const RuleFamily family{"BR-CL", RuleSet::kEn16931, kRules,
                                 &CheckBrCl};
  return family;
}

}  // namespace docintake::einvoice::internal
