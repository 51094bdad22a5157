// CII-DT rules (CEN artefacts 1.3.15): one walk over the document assigns
// each element to the first data type context of the official Schematron
// pattern that matches it (document context parameter, ID without
// attributes, ID, TypeCode, line VAT category code, referenced document,
// amount, quantity, trade tax, billing period, postal address, 102 date) and
// evaluates that context's rules.
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/cii_syntax_checks.h"
#include "intake/einvoice/rules/internal/syntax_sections.h"

namespace docintake::einvoice::internal {
namespace {

constexpr RuleDefinition kConditional[] = {
    {"CII-DT-015", kF,
     "URIID is only allowed in an additional supporting document with type "
     "code 916.",
     "URIID ist nur in einem zusätzlichen Beleg mit Typcode 916 erlaubt."},
    {"CII-DT-018", kF,
     "TypeCode is only allowed in an additional supporting document (codes "
     "50, 130, 916).",
     "TypeCode ist nur in einem zusätzlichen Beleg erlaubt (Codes 50, 130, "
     "916)."},
    {"CII-DT-021", kF,
     "Name is only allowed in an additional supporting document with type "
     "code 916.",
     "Name ist nur in einem zusätzlichen Beleg mit Typcode 916 erlaubt."},
    {"CII-DT-022", kF,
     "AttachmentBinaryObject is only allowed in an additional supporting "
     "document with type code 916.",
     "AttachmentBinaryObject ist nur in einem zusätzlichen Beleg mit Typcode "
     "916 erlaubt."},
    {"CII-DT-024", kF,
     "ReferenceTypeCode is only allowed for an invoiced object identifier "
     "(additional document with type code 130).",
     "ReferenceTypeCode ist nur für eine Objektkennung (zusätzlicher Beleg mit "
     "Typcode 130) erlaubt."},
    {"CII-DT-027", kF,
     "FormattedIssueDateTime is only allowed in the preceding invoice "
     "reference.",
     "FormattedIssueDateTime ist nur in der Referenz auf eine vorausgegangene "
     "Rechnung erlaubt."},
    {"CII-DT-033", kF,
     "A unitCode is only allowed on quantities when the invoiced quantity "
     "carries one.",
     "Ein unitCode an Mengen ist nur erlaubt, wenn die berechnete Menge einen "
     "trägt."},
    {"CII-DT-037", kF, "The tax type code must be VAT.",
     "Der Steuertypcode muss VAT sein."},
    {"CII-DT-041", kW,
     "BasisAmount should only be used in the document level VAT breakdown.",
     "BasisAmount sollte nur in der Umsatzsteueraufschlüsselung auf "
     "Dokumentebene verwendet werden."},
    {"CII-DT-052", kW,
     "ExemptionReasonCode should only be used in an ApplicableTradeTax.",
     "ExemptionReasonCode sollte nur in ApplicableTradeTax verwendet "
     "werden."},
    {"CII-DT-098", kW,
     "ExemptionReason should only be used in an ApplicableTradeTax.",
     "ExemptionReason sollte nur in ApplicableTradeTax verwendet werden."},
    {"CII-DT-054", kW,
     "TaxPointDate should only be used in the document level VAT breakdown.",
     "TaxPointDate sollte nur in der Umsatzsteueraufschlüsselung auf "
     "Dokumentebene verwendet werden."},
    {"CII-DT-058", kW,
     "DueDateTypeCode should only be used in the document level VAT "
     "breakdown.",
     "DueDateTypeCode sollte nur in der Umsatzsteueraufschlüsselung auf "
     "Dokumentebene verwendet werden."},
    {"CII-DT-097", kF, "A date with format 102 must be written YYYYMMDD.",
     "Ein Datum im Format 102 muss als JJJJMMTT geschrieben sein."},
    {"CII-SR-04", kW, "A document context parameter should not carry a Value.",
     "Ein Dokumentkontextparameter sollte keinen Value enthalten."},
    {"CII-SR-05", kW,
     "A document context parameter should not carry a "
     "SpecifiedDocumentVersion.",
     "Ein Dokumentkontextparameter sollte keine SpecifiedDocumentVersion "
     "enthalten."},
};

const RuleDefinition& Conditional(absl::string_view id) {
  for (const RuleDefinition& r : kConditional) {
    if (id == r.id) return r;
  }
  return kConditional[0];
}

struct Tables {
  std::vector<RuleDefinition> id_no_attributes, id, type_code, type_code_no,
      category_code, referenced_doc, amount, quantity, trade_tax,
      billing_period, postal_address, invoice, all;
};

const Tables& Defs() {
  static const Tables* const tables = [] {
    auto* t = new Tables();
    t->id_no_attributes = DefinitionsFor("CII-DT-", 3, CiiDtIdNoAttributes());
    t->id = DefinitionsFor("CII-DT-", 3, CiiDtId());
    t->type_code = DefinitionsFor("CII-DT-", 3, CiiDtTypeCode());
    t->type_code_no = DefinitionsFor("CII-DT-", 3, CiiDtTypeCodeNoAttr());
    t->category_code = DefinitionsFor("CII-DT-", 3, CiiDtCategoryCode());
    t->referenced_doc = DefinitionsFor("CII-DT-", 3, CiiDtReferencedDoc());
    t->amount = DefinitionsFor("CII-DT-", 3, CiiDtAmount());
    t->quantity = DefinitionsFor("CII-DT-", 3, CiiDtQuantity());
    t->trade_tax = DefinitionsFor("CII-DT-", 3, CiiDtTradeTax());
    t->billing_period = DefinitionsFor("CII-DT-", 3, CiiDtBillingPeriod());
    t->postal_address = DefinitionsFor("CII-DT-", 3, CiiDtPostalAddress());
    t->invoice = DefinitionsFor("CII-DT-", 3, CiiDtInvoice());
    for (const auto* v :
         {&t->id_no_attributes, &t->id, &t->type_code, &t->type_code_no,
          &t->category_code, &t->referenced_doc, &t->amount, &t->quantity,
          &t->trade_tax, &t->billing_period, &t->postal_address, &t->invoice}) {
      t->all.insert(t->all.end(), v->begin(), v->end());
    }
    for (const RuleDefinition& r : kConditional) t->all.push_back(r);
    return t;
  }();
  return *tables;
}

bool Has(const SyntaxScope& scope, const XmlElement& e, const char* path) {
  return scope.Count(e, path) > 0;
}

// Some child ram:TypeCode has exactly one of the texts.
bool TypeCodeIn(const XmlElement& e, std::initializer_list<const char*> codes) {
  for (const XmlElement& code : e.Children(kRamNs, "TypeCode")) {
    const std::string text = code.Text();
    for (const char* c : codes) {
      if (text == c) return true;
    }
  }
  return false;
}

bool InHeaderSettlement(const XmlElement& e) {
  return absl::StrContains(e.path(), "/ram:ApplicableHeaderTradeSettlement[");
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsXpathSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// matches(., '^\s*(\d{4})(1[0-2]|0[1-9])(3[01]|[12][0-9]|0[1-9])\s*$')
bool IsDate102(absl::string_view v) {
  while (!v.empty() && IsXpathSpace(v.front())) v.remove_prefix(1);
  while (!v.empty() && IsXpathSpace(v.back())) v.remove_suffix(1);
  if (v.size() != 8) return false;
  for (char c : v) {
    if (!IsAsciiDigit(c)) return false;
  }
  const int month = (v[4] - '0') * 10 + (v[5] - '0');
  const int day = (v[6] - '0') * 10 + (v[7] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void CheckReferencedDocument(const SyntaxScope& scope, const XmlElement& e,
                             FindingSink& sink) {
  const bool additional = e.local_name() == "AdditionalReferencedDocument";
  const bool attachment = additional && TypeCodeIn(e, {"916"});
  const std::string& where = e.path();
  if (Has(scope, e, "ram:URIID") && !attachment) {
    sink.Report(Conditional("CII-DT-015"), where);
  }
  if (Has(scope, e, "ram:TypeCode") &&
      !(additional && TypeCodeIn(e, {"50", "130", "916"}))) {
    sink.Report(Conditional("CII-DT-018"), where);
  }
  if (Has(scope, e, "ram:Name") && !attachment) {
    sink.Report(Conditional("CII-DT-021"), where);
  }
  if (Has(scope, e, "ram:AttachmentBinaryObject") && !attachment) {
    sink.Report(Conditional("CII-DT-022"), where);
  }
  if (Has(scope, e, "ram:ReferenceTypeCode") &&
      !(additional && TypeCodeIn(e, {"130"}))) {
    sink.Report(Conditional("CII-DT-024"), where);
  }
  if (Has(scope, e, "ram:FormattedIssueDateTime") &&
      e.local_name() != "InvoiceReferencedDocument") {
    sink.Report(Conditional("CII-DT-027"), where);
  }
  scope.Check(e, CiiDtReferencedDoc(), Defs().referenced_doc, sink);
}

void CheckTradeTax(const SyntaxScope& scope, const XmlElement& e,
                   FindingSink& sink) {
  const std::string& where = e.path();
  const std::vector<XmlElement> types = e.Children(kRamNs, "TypeCode");
  if (!types.empty() && !TypeCodeIn(e, {"VAT"})) {
    sink.Report(Conditional("CII-DT-037"), where);
  }
  const bool header = InHeaderSettlement(e);
  if (Has(scope, e, "ram:BasisAmount") && !header) {
    sink.Report(Conditional("CII-DT-041"), where);
  }
  const bool trade_tax = e.local_name() == "ApplicableTradeTax";
  if (Has(scope, e, "ram:ExemptionReasonCode") && !trade_tax) {
    sink.Report(Conditional("CII-DT-052"), where);
  }
  if (Has(scope, e, "ram:ExemptionReason") && !trade_tax) {
    sink.Report(Conditional("CII-DT-098"), where);
  }
  if (Has(scope, e, "ram:TaxPointDate") && !header) {
    sink.Report(Conditional("CII-DT-054"), where);
  }
  if (Has(scope, e, "ram:DueDateTypeCode") && !header) {
    sink.Report(Conditional("CII-DT-058"), where);
  }
  scope.Check(e, CiiDtTradeTax(), Defs().trade_tax, sink);
}

std::set<std::string> PathsOf(const SyntaxScope& scope, const char* path) {
  std::set<std::string> out;
  for (const XmlElement& e : scope.Select(scope.root(), path)) {
    out.insert(e.path());
  }
  return out;
}

}  // namespace

const std::vector<RuleDefinition>& CiiDataTypeDefinitions() {
  return Defs().all;
}

void CheckCiiDataTypes(const SyntaxScope& scope, FindingSink& sink) {
  const Tables& d = Defs();
  const XmlElement& root = scope.root();
  scope.Check(root, CiiDtInvoice(), d.invoice, sink);
  constexpr char kLine[] =
      "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/";
  std::set<std::string> no_attributes;
  for (const char* p : {"rsm:ExchangedDocumentContext/"
                        "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
                        "rsm:ExchangedDocument/ram:ID"}) {
    for (const std::string& s : PathsOf(scope, p)) no_attributes.insert(s);
  }
  for (const char* p : {"ram:AssociatedDocumentLineDocument/ram:LineID",
                        "ram:SpecifiedTradeProduct/ram:SellerAssignedID"}) {
    for (const std::string& s :
         PathsOf(scope, (std::string(kLine) + p).c_str()))
      no_attributes.insert(s);
  }
  const std::set<std::string> line_categories =
      PathsOf(scope, (std::string(kLine) +
                      "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/"
                      "ram:CategoryCode")
                         .c_str());
  const bool billed_unit =
      scope.Count(root, (std::string(kLine) +
                         "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/"
                         "@unitCode")
                            .c_str()) > 0;

  for (const XmlElement& e : scope.all()) {
    const absl::string_view local = e.local_name();
    const absl::string_view ns = e.namespace_uri();
    const std::string& where = e.path();
    if (absl::EndsWith(local, "DocumentContextParameter")) {
      if (Has(scope, e, "ram:Value")) {
        sink.Report(Conditional("CII-SR-04"), where);
      }
      if (Has(scope, e, "ram:SpecifiedDocumentVersion")) {
        sink.Report(Conditional("CII-SR-05"), where);
      }
      continue;
    }
    if (ns == kUdtNs) {
      if (local == "DateTimeString" && e.Attribute("format") == "102" &&
          !IsDate102(e.Text())) {
        sink.Report(Conditional("CII-DT-097"), where);
      }
      continue;
    }
    if (ns != kRamNs) continue;
    if (no_attributes.count(where) != 0) {
      scope.Check(e, CiiDtIdNoAttributes(), d.id_no_attributes, sink);
    } else if (absl::EndsWith(local, "ID")) {
      scope.Check(e, CiiDtId(), d.id, sink);
    } else if (local == "TypeCode") {
      scope.Check(e, CiiDtTypeCode(), d.type_code, sink);
    } else if (line_categories.count(where) != 0) {
      scope.Check(e, CiiDtCategoryCode(), d.category_code, sink);
    } else if (absl::EndsWith(local, "ReferencedDocument")) {
      CheckReferencedDocument(scope, e, sink);
    } else if (absl::EndsWith(local, "Amount") && local != "TaxTotalAmount") {
      scope.Check(e, CiiDtAmount(), d.amount, sink);
    } else if (absl::EndsWith(local, "Quantity")) {
      if (e.Attribute("unitCode").has_value() && !billed_unit) {
        sink.Report(Conditional("CII-DT-033"), where);
      }
      scope.Check(e, CiiDtQuantity(), d.quantity, sink);
    } else if (absl::EndsWith(local, "TradeTax")) {
      CheckTradeTax(scope, e, sink);
    } else if (local == "BillingSpecifiedPeriod") {
      scope.Check(e, CiiDtBillingPeriod(), d.billing_period, sink);
    } else if (local == "PostalTradeAddress") {
      scope.Check(e, CiiDtPostalAddress(), d.postal_address, sink);
    }
  }
}

}  // namespace docintake::einvoice::internal
