// Rule family "UBL syntax": the UBL-SR, UBL-DT and (part of the) UBL-CR rules
// of the CEN artefacts 1.3.15 (EN16931-UBL-syntax) for UBL Invoice and
// CreditNote. Presence and cardinality rules come from the tables in
// internal/syntax_type_tables.cc; the rules that compare values are written
// here. Not implemented: UBL-SR-51, UBL-SR-52, UBL-CR-681 and UBL-CR-682
// (their 1.3.15 bindings were not available).
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"
#include "intake/einvoice/rules/internal/syntax_sections.h"

namespace docintake::einvoice::internal {
namespace {

constexpr RuleDefinition kCustom[] = {
    {"UBL-SR-04", kF, "The invoiced object identifier may occur at most once.",
     "Die Objektkennung darf höchstens einmal vorkommen."},
    {"UBL-SR-12", kF, "The seller VAT identifier may occur at most once.",
     "Die Umsatzsteuer-ID des Verkäufers darf höchstens einmal vorkommen."},
    {"UBL-SR-13", kF, "The seller tax registration may occur at most once.",
     "Die Steuernummer des Verkäufers darf höchstens einmal vorkommen."},
    {"UBL-SR-18", kF, "The buyer VAT identifier may occur at most once.",
     "Die Umsatzsteuer-ID des Käufers darf höchstens einmal vorkommen."},
    {"UBL-SR-19", kF,
     "The payee name may occur at most once and the payee must differ from "
     "the seller.",
     "Der Name des Zahlungsempfängers darf höchstens einmal vorkommen, und "
     "der Zahlungsempfänger muss sich vom Verkäufer unterscheiden."},
    {"UBL-SR-20", kF,
     "The payee identifier may occur at most once and the payee must differ "
     "from the seller.",
     "Die Kennung des Zahlungsempfängers darf höchstens einmal vorkommen, und "
     "der Zahlungsempfänger muss sich vom Verkäufer unterscheiden."},
    {"UBL-SR-21", kF,
     "The payee legal registration identifier may occur at most once and the "
     "payee must differ from the seller.",
     "Die Registernummer des Zahlungsempfängers darf höchstens einmal "
     "vorkommen, und der Zahlungsempfänger muss sich vom Verkäufer "
     "unterscheiden."},
    {"UBL-SR-29", kF,
     "The bank assigned creditor identifier (SEPA) may occur at most once.",
     "Die Gläubiger-ID (SEPA) darf höchstens einmal vorkommen."},
    {"UBL-SR-30", kF,
     "A document level allowance may carry at most one reason.",
     "Ein Nachlass auf Dokumentebene darf höchstens einen Grund tragen."},
    {"UBL-SR-31", kF, "A document level charge may carry at most one reason.",
     "Ein Zuschlag auf Dokumentebene darf höchstens einen Grund tragen."},
    {"UBL-SR-43", kF,
     "A scheme identifier or document type code is only allowed for an "
     "invoiced object (type code 130, or 50 in a credit note).",
     "Schema-Kennung oder Dokumenttypcode sind nur für eine Objektkennung "
     "erlaubt (Typcode 130, in einer Gutschrift 50)."},
    {"UBL-SR-44", kF,
     "The invoice may carry only one distinct payment identifier (PaymentID).",
     "Die Rechnung darf nur einen eindeutigen Verwendungszweck (PaymentID) "
     "tragen."},
    {"UBL-SR-47", kF, "All payment means codes must be equal.",
     "Alle Zahlungsartcodes müssen gleich sein."},
    {"UBL-SR-53", kF,
     "A party tax scheme must state both the VAT identifier (CompanyID) and "
     "the tax scheme identifier.",
     "Ein Steuerschema der Partei muss Umsatzsteuer-ID (CompanyID) und "
     "Steuerschema-Kennung angeben."},
    {"UBL-CR-002", kW, "The UBLVersionID should be absent or 2.1.",
     "Die UBLVersionID sollte fehlen oder 2.1 lauten."},
    {"UBL-CR-412", kW,
     "An invoice should not carry a payment due date in the payment means.",
     "Eine Rechnung sollte kein Fälligkeitsdatum in den Zahlungsanweisungen "
     "tragen."},
    {"UBL-CR-665", kW,
     "A supporting document ID should carry a schemeID only for an invoiced "
     "object (type code 130).",
     "Die ID eines zusätzlichen Belegs sollte nur bei einer Objektkennung "
     "(Typcode 130) eine schemeID tragen."},
    {"UBL-CR-666", kF,
     "An invoiced object reference (type code 130) must not carry an "
     "attachment.",
     "Eine Objektkennung (Typcode 130) darf keinen Anhang tragen."},
    {"UBL-CR-673", kF,
     "An invoiced object reference (type code 130) must not carry a "
     "document description.",
     "Eine Objektkennung (Typcode 130) darf keine Dokumentbeschreibung "
     "tragen."},
    {"UBL-DT-01", kF, "Amounts may have at most two decimal places.",
     "Beträge dürfen höchstens zwei Nachkommastellen haben."},
    {"UBL-DT-06", kF, "A binary object must carry the mimeCode attribute.",
     "Ein Binärobjekt muss das Attribut mimeCode tragen."},
    {"UBL-DT-07", kF, "A binary object must carry the filename attribute.",
     "Ein Binärobjekt muss das Attribut filename tragen."},
    {"UBL-DT-18", kW,
     "A name attribute should only be used on the payment means code.",
     "Ein Attribut name sollte nur am Zahlungsartcode verwendet werden."},
};

const RuleDefinition& Custom(absl::string_view id) {
  for (const RuleDefinition& r : kCustom) {
    if (id == r.id) return r;
  }
  return kCustom[0];
}

struct Definitions {
  std::vector<std::vector<RuleDefinition>> sections;  // per UblSrSections()
  std::vector<RuleDefinition> cr, dt, all;
};

const Definitions& Defs() {
  static const Definitions* const defs = [] {
    auto* d = new Definitions();
    std::set<std::string> seen;
    auto add = [&](const std::vector<RuleDefinition>& v) {
      for (const RuleDefinition& r : v) {
        if (seen.insert(r.id).second) d->all.push_back(r);
      }
    };
    for (const SectionTable& s : UblSrSections()) {
      d->sections.push_back(DefinitionsFor("UBL-SR-", 2, s.rules));
      add(d->sections.back());
    }
    d->cr = DefinitionsFor("UBL-CR-", 3, UblCrRules());
    d->dt = DefinitionsFor("UBL-DT-", 2, UblDtDocumentRules());
    add(d->cr);
    add(d->dt);
    add(std::vector<RuleDefinition>(std::begin(kCustom), std::end(kCustom)));
    return d;
  }();
  return *defs;
}

std::vector<std::string> Texts(const std::vector<XmlElement>& elements) {
  std::vector<std::string> out;
  out.reserve(elements.size());
  for (const XmlElement& e : elements) out.push_back(e.Text());
  return out;
}

// XPath general comparison a != b on untyped values.
bool AnyDifferent(const std::vector<std::string>& a,
                  const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      if (x != y) return true;
    }
  }
  return false;
}

// upper-case(cbc:ID) of each cac:TaxScheme of a PartyTaxScheme.
std::vector<std::string> SchemeIds(const XmlElement& party_tax_scheme) {
  std::vector<std::string> out;
  for (const XmlElement& scheme :
       party_tax_scheme.Children(kCacNs, "TaxScheme")) {
    out.push_back(absl::AsciiStrToUpper(scheme.Find("cbc:ID").Text()));
  }
  return out;
}

// count(<party>/cac:PartyTaxScheme[scheme test]/<leaf>)
int CountByScheme(const XmlElement& root, const char* party, bool vat,
                  const char* leaf) {
  int n = 0;
  for (const XmlElement& pts :
       root.FindAll(std::string(party) + "/cac:PartyTaxScheme")) {
    bool match = false;
    for (const std::string& id : SchemeIds(pts)) {
      if ((id == "VAT") == vat) match = true;
    }
    if (match) n += static_cast<int>(pts.FindAll(leaf).size());
  }
  return n;
}

int DistinctTexts(const std::vector<XmlElement>& elements) {
  std::set<std::string> values;
  for (const XmlElement& e : elements) values.insert(e.Text());
  return static_cast<int>(values.size());
}

void CheckDocument(const SyntaxScope& scope, FindingSink& sink) {
  const XmlElement& root = scope.root();
  const std::string& where = root.path();
  int invoiced_objects = 0;
  for (const XmlElement& doc :
       root.Children(kCacNs, "AdditionalDocumentReference")) {
    for (const XmlElement& code : doc.Children(kCbcNs, "DocumentTypeCode")) {
      if (code.Text() == "130") {
        invoiced_objects += static_cast<int>(doc.Children(kCbcNs, "ID").size());
        break;
      }
    }
  }
  if (invoiced_objects > 1) sink.Report(Custom("UBL-SR-04"), where);
  constexpr char kSupplier[] = "cac:AccountingSupplierParty/cac:Party";
  constexpr char kCustomer[] = "cac:AccountingCustomerParty/cac:Party";
  if (CountByScheme(root, kSupplier, true, "cbc:CompanyID") > 1) {
    sink.Report(Custom("UBL-SR-12"), where);
  }
  // Counts CompanyID, as the 1.3.15 oracle does (not cbc:ID).
  if (CountByScheme(root, kSupplier, false, "cbc:CompanyID") > 1) {
    sink.Report(Custom("UBL-SR-13"), where);
  }
  if (CountByScheme(root, kCustomer, true, "cbc:CompanyID") > 1) {
    sink.Report(Custom("UBL-SR-18"), where);
  }
  int sepa = 0;
  for (const XmlElement& id :
       scope.Select(root, "//cac:PartyIdentification/cbc:ID")) {
    if (absl::AsciiStrToUpper(id.Attribute("schemeID").value_or("")) == "SEPA")
      ++sepa;
  }
  if (sepa > 1) sink.Report(Custom("UBL-SR-29"), where);
  if (DistinctTexts(scope.Select(root, "//cbc:PaymentID")) > 1) {
    sink.Report(Custom("UBL-SR-44"), where);
  }
  if (DistinctTexts(scope.Select(root, "//cbc:PaymentMeansCode")) > 1) {
    sink.Report(Custom("UBL-SR-47"), where);
  }
  const std::vector<XmlElement> versions =
      root.Children(kCbcNs, "UBLVersionID");
  bool version_21 = false;
  for (const XmlElement& v : versions)
    version_21 = version_21 || v.Text() == "2.1";
  if (!versions.empty() && !version_21) {
    sink.Report(Custom("UBL-CR-002"), where);
  }
  if (root.Is(kUblInvoiceNs, "Invoice") &&
      root.Find("cac:PaymentMeans/cbc:PaymentDueDate")) {
    sink.Report(Custom("UBL-CR-412"), where);
  }
  bool scheme_outside_object = false, object_attachment = false,
       object_description = false;
  for (const XmlElement& doc :
       scope.Select(root, "//cac:AdditionalDocumentReference")) {
    bool object = false, other = false;
    const std::vector<XmlElement> codes =
        doc.Children(kCbcNs, "DocumentTypeCode");
    for (const XmlElement& code : codes) {
      (code.Text() == "130" ? object : other) = true;
    }
    if ((other || codes.empty()) && doc.Find("cbc:ID") &&
        scope.Count(doc, "cbc:ID/@schemeID") > 0) {
      scheme_outside_object = true;
    }
    if (object && doc.Find("cac:Attachment")) object_attachment = true;
    if (object && doc.Find("cbc:DocumentDescription")) {
      object_description = true;
    }
  }
  if (scheme_outside_object) sink.Report(Custom("UBL-CR-665"), where);
  if (object_attachment) sink.Report(Custom("UBL-CR-666"), where);
  if (object_description) sink.Report(Custom("UBL-CR-673"), where);
  for (const XmlElement& e : scope.all()) {
    if (e.Attribute("name").has_value() &&
        !HasName(e, "cbc:PaymentMeansCode")) {
      sink.Report(Custom("UBL-DT-18"), where);
      break;
    }
  }
}

void CheckPayee(const SyntaxScope& scope, const XmlElement& payee,
                FindingSink& sink) {
  const std::vector<std::string> names =
      Texts(payee.FindAll("cac:PartyName/cbc:Name"));
  const std::vector<std::string> seller = Texts(scope.root().FindAll(
      "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/"
      "cbc:RegistrationName"));
  const bool differs = AnyDifferent(names, seller);
  if (!(names.size() <= 1 && differs)) {
    sink.Report(Custom("UBL-SR-19"), payee.path());
  }
  int ids = 0;
  for (const XmlElement& id : payee.FindAll("cac:PartyIdentification/cbc:ID")) {
    if (absl::AsciiStrToUpper(id.Attribute("schemeID").value_or("")) != "SEPA")
      ++ids;
  }
  if (!(ids <= 1 && differs)) sink.Report(Custom("UBL-SR-20"), payee.path());
  if (!(payee.FindAll("cac:PartyLegalEntity/cbc:CompanyID").size() <= 1 &&
        differs)) {
    sink.Report(Custom("UBL-SR-21"), payee.path());
  }
}

void CheckAllowanceCharge(const XmlElement& ac, FindingSink& sink) {
  bool allowance = false, charge = false;
  for (const XmlElement& indicator : ac.Children(kCbcNs, "ChargeIndicator")) {
    const int v = BooleanValue(indicator.Text());
    allowance = allowance || v == 0;
    charge = charge || v == 1;
  }
  const size_t reasons = ac.Children(kCbcNs, "AllowanceChargeReason").size();
  // The allowance context comes first in the pattern and takes the element.
  if (allowance && reasons > 1) {
    sink.Report(Custom("UBL-SR-30"), ac.path());
  } else if (!allowance && charge && reasons > 1) {
    sink.Report(Custom("UBL-SR-31"), ac.path());
  }
}

void CheckSupportingDocument(const XmlElement& doc, bool credit_note,
                             FindingSink& sink) {
  bool object = false, credit_object = false;
  const std::vector<XmlElement> codes =
      doc.Children(kCbcNs, "DocumentTypeCode");
  for (const XmlElement& code : codes) {
    object = object || code.Text() == "130";
    credit_object = credit_object || code.Text() == "50";
  }
  bool scheme = false;
  for (const XmlElement& id : doc.Children(kCbcNs, "ID")) {
    scheme = scheme || id.Attribute("scheme").has_value();
  }
  if (!(object || (credit_note && credit_object) ||
        (!scheme && codes.empty()))) {
    sink.Report(Custom("UBL-SR-43"), doc.path());
  }
}

// True if an ancestor of the element at `path` is one of `priced` (paths of
// cac:Price elements): every "/cac:Price[n]" step of the path is looked up.
bool UnderPricedPrice(const std::string& path,
                      const std::set<std::string>& priced) {
  constexpr char kStep[] = "/cac:Price[";
  for (size_t at = path.find(kStep); at != std::string::npos;
       at = path.find(kStep, at + 1)) {
    const size_t close = path.find(']', at);
    if (close == std::string::npos) break;
    if (priced.count(path.substr(0, close + 1)) != 0) return true;
  }
  return false;
}

// UBL-DT-01 on amounts not inside a cac:Price that carries an allowance;
// UBL-DT-06/07 on binary objects.
void CheckDataTypes(const SyntaxScope& scope, FindingSink& sink) {
  std::set<std::string> priced;
  for (const XmlElement& price : scope.Select(scope.root(), "//cac:Price")) {
    if (!price.Children(kCacNs, "AllowanceCharge").empty()) {
      priced.insert(price.path());
    }
  }
  for (const XmlElement& e : scope.all()) {
    const absl::string_view local = e.local_name();
    if (absl::EndsWith(local, "Amount") &&
        !absl::EndsWith(local, "PriceAmount")) {
      if (!UnderPricedPrice(e.path(), priced) &&
          LexicalDecimals(e.Text()) > 2) {
        sink.Report(Custom("UBL-DT-01"), e.path());
      }
    } else if (absl::EndsWith(local, "BinaryObject")) {
      if (!e.Attribute("mimeCode").has_value()) {
        sink.Report(Custom("UBL-DT-06"), e.path());
      }
      if (!e.Attribute("filename").has_value()) {
        sink.Report(Custom("UBL-DT-07"), e.path());
      }
    }
  }
}

void CheckUblSyntax(const RuleContext& c, FindingSink& sink) {
  if (!IsUbl(c.invoice)) return;
  const SyntaxScope scope(c.document);
  const XmlElement& root = scope.root();
  if (!root) return;
  const Definitions& defs = Defs();
  const absl::Span<const SectionTable> sections = UblSrSections();
  for (size_t i = 0; i < sections.size(); ++i) {
    for (const XmlElement& e : scope.Select(root, sections[i].context)) {
      scope.Check(e, sections[i].rules, defs.sections[i], sink);
    }
  }
  CheckDocument(scope, sink);
  scope.Check(root, UblCrRules(), defs.cr, sink);
  scope.Check(root, UblDtDocumentRules(), defs.dt, sink);
  for (const XmlElement& payee : scope.Select(root, "//cac:PayeeParty")) {
    CheckPayee(scope, payee, sink);
  }
  for (const XmlElement& ac : scope.Select(root, "//cac:AllowanceCharge")) {
    CheckAllowanceCharge(ac, sink);
  }
  const bool credit_note = c.invoice.syntax == Syntax::kUblCreditNote;
  for (const XmlElement& doc :
       scope.Select(root, "//cac:AdditionalDocumentReference")) {
    CheckSupportingDocument(doc, credit_note, sink);
  }
  for (const XmlElement& pts : scope.Select(root, "//cac:PartyTaxScheme")) {
    if (!pts.Find("cbc:CompanyID") || !pts.Find("cac:TaxScheme/cbc:ID")) {
      sink.Report(Custom("UBL-SR-53"), pts.path());
    }
  }
  CheckDataTypes(scope, sink);
}

}  // namespace

const RuleFamily& UblSyntaxFamily() {
  static const RuleFamily family{"UBL syntax", RuleSet::kEn16931, Defs().all,
                                 &CheckUblSyntax};
  return family;
}

}  // namespace docintake::einvoice::internal
