// Rule family "CII syntax": the CII-SR and CII-DT rules of the CEN artefacts
// 1.3.15 (EN16931-CII-syntax) for UN/CEFACT CII documents. The presence and
// cardinality rules come from the tables in internal/cii_sr_tables.cc,
// internal/cii_sr_header_tables.cc and internal/syntax_type_tables.cc; the
// rules that compare values are written here and in
// internal/cii_syntax_types.cc. CII-SR-464 is a tautology upstream and never
// fires; CII-DT-010 ... 012 never match their context (the general TypeCode
// rule takes the element first). The binding defines CII-SR-282 twice; the
// first test (no BuyerTaxRepresentativeTradeParty) is implemented.
#include <set>
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/cii_syntax_checks.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/syntax_sections.h"

namespace docintake::einvoice::internal {
namespace {

constexpr RuleDefinition kCustom[] = {
    {"CII-SR-046", kF,
     "A product standard identifier (GlobalID) needs a schemeID.",
     "Eine Standard-Artikelkennung (GlobalID) braucht eine schemeID."},
    {"CII-SR-090", kF,
     "The item country of origin must carry exactly one country code.",
     "Das Ursprungsland des Artikels muss genau einen Ländercode tragen."},
    {"CII-SR-119", kW,
     "The gross price should only carry an allowance (charge indicator false "
     "with an amount).",
     "Der Bruttopreis sollte nur einen Nachlass tragen (Kennzeichen false mit "
     "Betrag)."},
    {"CII-SR-449", kW,
     "The deliver-to location should have either an ID or a GlobalID, not "
     "both.",
     "Der Lieferort sollte entweder ID oder GlobalID haben, nicht beide."},
    {"CII-SR-450", kW,
     "The buyer should have either an ID or a GlobalID, not both.",
     "Der Käufer sollte entweder ID oder GlobalID haben, nicht beide."},
    {"CII-SR-451", kW,
     "The payee should have either an ID or a GlobalID, not both.",
     "Der Zahlungsempfänger sollte entweder ID oder GlobalID haben, nicht "
     "beide."},
    {"CII-SR-457", kW,
     "There should be at most one additional document with type code 50.",
     "Es sollte höchstens einen zusätzlichen Beleg mit Typcode 50 geben."},
    {"CII-SR-458", kW,
     "There should be at most one additional document with type code 130.",
     "Es sollte höchstens einen zusätzlichen Beleg mit Typcode 130 geben."},
    {"CII-SR-462", kF,
     "All VAT due date type codes (DueDateTypeCode) must be equal.",
     "Alle Codes für das Steuerfälligkeitsdatum (DueDateTypeCode) müssen "
     "gleich sein."},
    {"CII-SR-464", kW, "Only one BT-86 element is allowed on an invoice.",
     "Nur ein Element BT-86 ist in einer Rechnung erlaubt."},
    {"CII-SR-465", kW,
     "The seller contact should give either a person or a department name "
     "(BT-41), not both.",
     "Der Verkäuferkontakt sollte entweder eine Person oder eine Abteilung "
     "nennen (BT-41), nicht beides."},
    {"CII-SR-466", kW,
     "The buyer contact should give either a person or a department name "
     "(BT-56), not both.",
     "Der Käuferkontakt sollte entweder eine Person oder eine Abteilung "
     "nennen (BT-56), nicht beides."},
};

const RuleDefinition& Custom(absl::string_view id) {
  for (const RuleDefinition& r : kCustom) {
    if (id == r.id) return r;
  }
  return kCustom[0];
}

struct Definitions {
  std::vector<std::vector<RuleDefinition>> sections;  // per CiiSrSections()
  std::vector<RuleDefinition> all;
};

const Definitions& Defs() {
  static const Definitions* const defs = [] {
    auto* d = new Definitions();
    for (const SectionTable& s : CiiSrSections()) {
      d->sections.push_back(DefinitionsFor("CII-SR-", 3, s.rules));
      d->all.insert(d->all.end(), d->sections.back().begin(),
                    d->sections.back().end());
    }
    for (const RuleDefinition& r : kCustom) d->all.push_back(r);
    const std::vector<RuleDefinition>& types = CiiDataTypeDefinitions();
    d->all.insert(d->all.end(), types.begin(), types.end());
    return d;
  }();
  return *defs;
}

bool Has(const SyntaxScope& scope, const XmlElement& e, const char* path) {
  return scope.Count(e, path) > 0;
}

int CountWithTypeCode(const XmlElement& agreement, absl::string_view code) {
  int n = 0;
  for (const XmlElement& doc :
       agreement.Children(kRamNs, "AdditionalReferencedDocument")) {
    for (const XmlElement& type : doc.Children(kRamNs, "TypeCode")) {
      if (type.Text() == code) {
        ++n;
        break;
      }
    }
  }
  return n;
}

void CheckProduct(const SyntaxScope& scope, const XmlElement& product,
                  FindingSink& sink) {
  if (Has(scope, product, "ram:GlobalID") &&
      !Has(scope, product, "ram:GlobalID/@schemeID")) {
    sink.Report(Custom("CII-SR-046"), product.path());
  }
  if (Has(scope, product, "ram:OriginTradeCountry") &&
      scope.Count(product, "ram:OriginTradeCountry/ram:ID") != 1) {
    sink.Report(Custom("CII-SR-090"), product.path());
  }
}

// (an allowance indicator false and an amount) or (neither indicator nor
// amount) on the gross price.
void CheckGrossPrice(const SyntaxScope& scope, const XmlElement& agreement,
                     FindingSink& sink) {
  constexpr char kCharges[] =
      "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/";
  bool allowance = false;
  for (const XmlElement& indicator :
       scope.Select(agreement, std::string(kCharges) + "ram:ChargeIndicator")) {
    for (const XmlElement& value : indicator.Children(kUdtNs, "Indicator")) {
      if (BooleanValue(value.Text()) == 0) allowance = true;
    }
  }
  const bool has_indicator =
      Has(scope, agreement,
          (std::string(kCharges) + "ram:ChargeIndicator").c_str());
  const bool has_amount = Has(
      scope, agreement, (std::string(kCharges) + "ram:ActualAmount").c_str());
  if (!((allowance && has_amount) || (!has_indicator && !has_amount))) {
    sink.Report(Custom("CII-SR-119"), agreement.path());
  }
}

void CheckIdOrGlobalId(const SyntaxScope& scope, const XmlElement& context,
                       const std::string& party, absl::string_view id,
                       FindingSink& sink) {
  if (Has(scope, context, (party + "/ram:ID").c_str()) &&
      Has(scope, context, (party + "/ram:GlobalID").c_str())) {
    sink.Report(Custom(id), context.path());
  }
}

void CheckAgreement(const SyntaxScope& scope, const XmlElement& agreement,
                    FindingSink& sink) {
  CheckIdOrGlobalId(scope, agreement, "ram:BuyerTradeParty", "CII-SR-450",
                    sink);
  if (CountWithTypeCode(agreement, "50") > 1) {
    sink.Report(Custom("CII-SR-457"), agreement.path());
  }
  if (CountWithTypeCode(agreement, "130") > 1) {
    sink.Report(Custom("CII-SR-458"), agreement.path());
  }
  if (Has(scope, agreement,
          "ram:SellerTradeParty/ram:DefinedTradeContact/ram:PersonName") &&
      Has(scope, agreement,
          "ram:SellerTradeParty/ram:DefinedTradeContact/ram:DepartmentName")) {
    sink.Report(Custom("CII-SR-465"), agreement.path());
  }
  if (Has(scope, agreement,
          "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonName") &&
      Has(scope, agreement,
          "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:DepartmentName")) {
    sink.Report(Custom("CII-SR-466"), agreement.path());
  }
}

void CheckSettlement(const SyntaxScope& scope, const XmlElement& settlement,
                     FindingSink& sink) {
  CheckIdOrGlobalId(scope, settlement, "ram:PayeeTradeParty", "CII-SR-451",
                    sink);
  std::set<std::string> codes;
  for (const XmlElement& code : scope.Select(
           scope.root(), "//ram:ApplicableTradeTax/ram:DueDateTypeCode")) {
    codes.insert(code.Text());
  }
  if (codes.size() > 1) sink.Report(Custom("CII-SR-462"), settlement.path());
}

void CheckCiiSyntax(const RuleContext& c, FindingSink& sink) {
  if (c.invoice.syntax != Syntax::kCii) return;
  const SyntaxScope scope(c.document);
  const XmlElement& root = scope.root();
  if (!root) return;
  const Definitions& defs = Defs();
  const absl::Span<const SectionTable> sections = CiiSrSections();
  for (size_t i = 0; i < sections.size(); ++i) {
    for (const XmlElement& e : scope.Select(root, sections[i].context)) {
      scope.Check(e, sections[i].rules, defs.sections[i], sink);
    }
  }
  constexpr char kLine[] =
      "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/";
  for (const XmlElement& product :
       scope.Select(root, std::string(kLine) + "ram:SpecifiedTradeProduct")) {
    CheckProduct(scope, product, sink);
  }
  for (const XmlElement& agreement : scope.Select(
           root, std::string(kLine) + "ram:SpecifiedLineTradeAgreement")) {
    CheckGrossPrice(scope, agreement, sink);
  }
  for (const XmlElement& delivery :
       scope.Select(root,
                    "rsm:SupplyChainTradeTransaction/"
                    "ram:ApplicableHeaderTradeDelivery")) {
    CheckIdOrGlobalId(scope, delivery, "ram:ShipToTradeParty", "CII-SR-449",
                      sink);
  }
  for (const XmlElement& agreement :
       scope.Select(root,
                    "rsm:SupplyChainTradeTransaction/"
                    "ram:ApplicableHeaderTradeAgreement")) {
    CheckAgreement(scope, agreement, sink);
  }
  for (const XmlElement& settlement :
       scope.Select(root,
                    "rsm:SupplyChainTradeTransaction/"
                    "ram:ApplicableHeaderTradeSettlement")) {
    CheckSettlement(scope, settlement, sink);
  }
  CheckCiiDataTypes(scope, sink);
}

}  // namespace

const RuleFamily& CiiSyntaxFamily() {
  static const RuleFamily family{"CII syntax", RuleSet::kEn16931, Defs().all,
                                 &CheckCiiSyntax};
  return family;
}

}  // namespace docintake::einvoice::internal
