// Rule family "BR-CO": the EN 16931 conditions and calculations BR-CO-03 ...
// BR-CO-26 (CEN artefacts 1.3.15). BR-CO-05 ... BR-CO-08 are tested with
// true() upstream and can never fire; they are listed for completeness. The
// calculations live in br_co_totals.cc.
#include <string>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_co_checks.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {
namespace {

constexpr Severity kF = Severity::kFatal;

constexpr RuleDefinition kRules[] = {
    {"BR-CO-03", kF,
     "VAT point date (BT-7) and VAT point date code (BT-8) exclude each "
     "other.",
     "Steuerdatum (BT-7) und Code des Steuerdatums (BT-8) schließen sich "
     "aus."},
    {"BR-CO-04", kF, "An invoice line has no VAT category code (BT-151).",
     "Einer Rechnungsposition fehlt der Umsatzsteuer-Kategoriecode "
     "(BT-151)."},
    {"BR-CO-05", kF, "Allowance reason and reason code disagree.",
     "Grund und Grundcode des Nachlasses widersprechen sich."},
    {"BR-CO-06", kF, "Charge reason and reason code disagree.",
     "Grund und Grundcode des Zuschlags widersprechen sich."},
    {"BR-CO-07", kF, "Line allowance reason and reason code disagree.",
     "Grund und Grundcode des Positionsnachlasses widersprechen sich."},
    {"BR-CO-08", kF, "Line charge reason and reason code disagree.",
     "Grund und Grundcode des Positionszuschlags widersprechen sich."},
    {"BR-CO-09", kF,
     "A VAT identifier (BT-31, BT-48, BT-63) does not start with an ISO "
     "3166-1 country prefix (or EL).",
     "Eine Umsatzsteuer-ID (BT-31, BT-48, BT-63) beginnt nicht mit einem "
     "Länderpräfix nach ISO 3166-1 (oder EL)."},
    {"BR-CO-10", kF,
     "The sum of line net amounts (BT-106) does not equal the total of the "
     "invoice line net amounts (BT-131).",
     "Die Summe der Positionsnettobeträge (BT-106) stimmt nicht mit den "
     "Nettobeträgen der Positionen (BT-131) überein."},
    {"BR-CO-11", kF,
     "The sum of document allowances (BT-107) does not equal the allowance "
     "amounts (BT-92).",
     "Die Summe der Nachlässe (BT-107) stimmt nicht mit den Nachlassbeträgen "
     "(BT-92) überein."},
    {"BR-CO-12", kF,
     "The sum of document charges (BT-108) does not equal the charge amounts "
     "(BT-99).",
     "Die Summe der Zuschläge (BT-108) stimmt nicht mit den Zuschlagsbeträgen "
     "(BT-99) überein."},
    {"BR-CO-13", kF,
     "The total without VAT (BT-109) is not line total (BT-106) minus "
     "allowances (BT-107) plus charges (BT-108).",
     "Der Gesamtbetrag ohne Umsatzsteuer (BT-109) ist nicht Positionssumme "
     "(BT-106) minus Nachlässe (BT-107) plus Zuschläge (BT-108)."},
    {"BR-CO-14", kF,
     "The VAT total (BT-110) does not equal the sum of the category tax "
     "amounts (BT-117).",
     "Der Umsatzsteuergesamtbetrag (BT-110) stimmt nicht mit der Summe der "
     "Steuerbeträge je Kategorie (BT-117) überein."},
    {"BR-CO-15", kF,
     "The total with VAT (BT-112) is not the total without VAT (BT-109) plus "
     "the VAT total (BT-110).",
     "Der Gesamtbetrag mit Umsatzsteuer (BT-112) ist nicht der Betrag ohne "
     "Umsatzsteuer (BT-109) plus Umsatzsteuer (BT-110)."},
    {"BR-CO-16", kF,
     "The amount due (BT-115) is not total with VAT (BT-112) minus paid "
     "amount (BT-113) plus rounding (BT-114).",
     "Der fällige Betrag (BT-115) ist nicht Gesamtbetrag (BT-112) minus "
     "gezahlter Betrag (BT-113) plus Rundung (BT-114)."},
    {"BR-CO-17", kF,
     "A category tax amount (BT-117) is not taxable amount (BT-116) times "
     "rate (BT-119) within the allowed rounding difference.",
     "Ein Steuerbetrag je Kategorie (BT-117) ist nicht Nettobetrag (BT-116) "
     "mal Steuersatz (BT-119) im zulässigen Rundungsrahmen."},
    {"BR-CO-18", kF, "The invoice has no VAT breakdown (BG-23).",
     "Die Rechnung enthält keine Umsatzsteueraufschlüsselung (BG-23)."},
    {"BR-CO-19", kF,
     "The invoicing period (BG-14) has neither start (BT-73) nor end "
     "(BT-74).",
     "Der Abrechnungszeitraum (BG-14) hat weder Beginn (BT-73) noch Ende "
     "(BT-74)."},
    {"BR-CO-20", kF,
     "An invoice line period (BG-26) has neither start (BT-134) nor end "
     "(BT-135).",
     "Ein Positionszeitraum (BG-26) hat weder Beginn (BT-134) noch Ende "
     "(BT-135)."},
    {"BR-CO-21", kF,
     "A document allowance needs a reason (BT-97) or a reason code (BT-98).",
     "Ein Nachlass braucht einen Grund (BT-97) oder Grundcode (BT-98)."},
    {"BR-CO-22", kF,
     "A document charge needs a reason (BT-104) or a reason code (BT-105).",
     "Ein Zuschlag braucht einen Grund (BT-104) oder Grundcode (BT-105)."},
    {"BR-CO-23", kF,
     "A line allowance needs a reason (BT-139) or a reason code (BT-140).",
     "Ein Positionsnachlass braucht einen Grund (BT-139) oder Grundcode "
     "(BT-140)."},
    {"BR-CO-24", kF,
     "A line charge needs a reason (BT-144) or a reason code (BT-145).",
     "Ein Positionszuschlag braucht einen Grund (BT-144) oder Grundcode "
     "(BT-145)."},
    {"BR-CO-25", kF,
     "A positive amount due (BT-115) needs a due date (BT-9) or payment "
     "terms (BT-20).",
     "Ein positiver fälliger Betrag (BT-115) braucht ein Fälligkeitsdatum "
     "(BT-9) oder Zahlungsbedingungen (BT-20)."},
    {"BR-CO-26", kF,
     "The seller needs an identifier (BT-29), legal registration id (BT-30) "
     "or VAT identifier (BT-31).",
     "Der Verkäufer braucht eine Kennung (BT-29), Registernummer (BT-30) "
     "oder Umsatzsteuer-ID (BT-31)."},
};

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(BrCoRule(id), where);
}

// ISO 3166-1 alpha-2 codes plus EL, 1A (Kosovo) and XI (Northern
// Ireland), as the CEN 1.3.15 rules list them.
constexpr char kVatPrefixes[] =
    "1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG "
    "BH "
    "BI BL BJ BM BN BO BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
    "CO CR CU CV CX CY CZ DE DJ DK DM DO DZ EC EE EG EH EL ER ES ET FI FJ FK "
    "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
    "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RO RS RU RW SA "
    "SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST SV SY SZ TC TD TF TG TH TJ "
    "TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF "
    "WS XI XK YE YT ZA ZM ZW BQ CW SX SS RE";

// The first two characters (XPath substring(x, 1, 2)) of UTF-8 text.
std::string FirstTwoCharacters(const std::string& text) {
  size_t end = 0;
  int chars = 0;
  while (end < text.size() && chars < 2) {
    ++end;
    while (end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
    ++chars;
  }
  return text.substr(0, end);
}

void CheckVatPrefixes(const RuleContext& c, FindingSink& s) {
  const absl::string_view list(kVatPrefixes);
  if (IsUbl(c.invoice)) {
    // Every PartyTaxScheme with scheme VAT: contains(list, prefix), which a
    // prefix shorter than two characters also satisfies.
    const XmlElement root = c.document.Root();
    for (const char* party :
         {"cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme",
          "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme",
          "cac:TaxRepresentativeParty/cac:PartyTaxScheme"}) {
      for (const XmlElement& scheme : root.FindAll(party)) {
        if (scheme.Find("cac:TaxScheme/cbc:ID").Text() != "VAT") continue;
        const std::string prefix =
            FirstTwoCharacters(scheme.Find("cbc:CompanyID").Text());
        if (list.find(prefix) == absl::string_view::npos) {
          Fire(s, "BR-CO-09", scheme.path());
        }
      }
    }
    return;
  }
  for (const Party* p :
       {&c.invoice.seller, &c.invoice.buyer, &c.invoice.tax_representative}) {
    if (!p->vat_identifier.present) continue;
    const std::string token =
        " " + FirstTwoCharacters(p->vat_identifier.text) + " ";
    const std::string padded = " " + std::string(list) + " ";
    if (padded.find(token) == std::string::npos) {
      Fire(s, "BR-CO-09", p->vat_identifier.path);
    }
  }
}

bool HasReason(const AllowanceCharge& ac) {
  return ac.reason.present || ac.reason_code.present;
}

void CheckConditions(const RuleContext& c, FindingSink& s) {
  const Invoice& inv = c.invoice;
  if (IsUbl(inv)) {
    if (inv.tax_point_date.present && inv.tax_point_date_code.present) {
      Fire(s, "BR-CO-03", inv.root_path);
    }
    if (inv.vat_breakdown.empty()) Fire(s, "BR-CO-18", inv.root_path);
  } else {
    for (const VatBreakdown& b : inv.vat_breakdown) {
      if (b.tax_point_date.present && b.tax_point_date_code.present) {
        Fire(s, "BR-CO-03", b.path);
      }
    }
  }
  for (const InvoiceLine& l : inv.lines) {
    if (!l.vat_category_code.present) Fire(s, "BR-CO-04", l.path);
    if (!IsUbl(inv) && inv.vat_breakdown.empty()) Fire(s, "BR-CO-18", l.path);
    if (l.period.present && !l.period.start.present && !l.period.end.present) {
      Fire(s, "BR-CO-20", l.period.path);
    }
    for (const AllowanceCharge& a : l.allowances) {
      if (!HasReason(a)) Fire(s, "BR-CO-23", a.path);
    }
    for (const AllowanceCharge& ch : l.charges) {
      if (!HasReason(ch)) Fire(s, "BR-CO-24", ch.path);
    }
  }
  // UBL also accepts a period that only carries the VAT point date code.
  const Period& p = inv.invoicing_period;
  const bool code_only = IsUbl(inv) && inv.tax_point_date_code.present;
  if (p.present && !p.start.present && !p.end.present && !code_only) {
    Fire(s, "BR-CO-19", p.path);
  }
  for (const AllowanceCharge& a : inv.allowances) {
    if (!HasReason(a)) Fire(s, "BR-CO-21", a.path);
  }
  for (const AllowanceCharge& ch : inv.charges) {
    if (!HasReason(ch)) Fire(s, "BR-CO-22", ch.path);
  }
}

void CheckDueDateOrTerms(const Invoice& inv, FindingSink& s) {
  const DecimalValue& due = inv.totals.amount_due;
  if (!IsPositive(due)) return;
  const bool has_terms =
      !inv.all_due_dates.empty() || !inv.all_payment_terms.empty();
  if (has_terms) return;
  if (inv.syntax == Syntax::kUblInvoice) {
    Fire(s, "BR-CO-25", due.path);
  } else if (inv.syntax == Syntax::kCii) {
    Fire(s, "BR-CO-25", inv.root_path);
  }
}

void CheckSellerIdentification(const RuleContext& c, FindingSink& s) {
  const XmlElement root = c.document.Root();
  if (IsUbl(c.invoice)) {
    const XmlElement supplier = root.Child(kCacNs, "AccountingSupplierParty");
    if (!supplier) return;
    if (!supplier.Find("cac:Party/cac:PartyTaxScheme/cbc:CompanyID") &&
        !supplier.Find("cac:Party/cac:PartyIdentification/cbc:ID") &&
        !supplier.Find("cac:Party/cac:PartyLegalEntity/cbc:CompanyID")) {
      Fire(s, "BR-CO-26", supplier.path());
    }
    return;
  }
  const Party& seller = c.invoice.seller;
  if (!seller.present) return;
  if (seller.identifiers.empty() && !seller.legal_registration_id.present &&
      !seller.vat_identifier.present) {
    Fire(s, "BR-CO-26", seller.path);
  }
}

void CheckBrCo(const RuleContext& c, FindingSink& s) {
  CheckConditions(c, s);
  CheckVatPrefixes(c, s);
  CheckBrCoTotals(c, s);
  CheckDueDateOrTerms(c.invoice, s);
  CheckSellerIdentification(c, s);
}

}  // namespace

const RuleDefinition& BrCoRule(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];
}

const RuleFamily& BrCoFamily() {
  static const RuleFamily family{"BR-CO", RuleSet::kEn16931, kRules,
                                 &CheckBrCo};
  return family;
}

}  // namespace docintake::einvoice::internal
