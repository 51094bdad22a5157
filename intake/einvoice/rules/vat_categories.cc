// Rule family "VAT categories": the EN 16931 rules per VAT category (CEN
// artefacts 1.3.15) — BR-S (standard rate), BR-Z (zero rated), BR-E
// (exempt), BR-AE (reverse charge), BR-IC (intra-community supply), BR-G
// (export), BR-O (not subject to VAT), BR-AF (IGIC) and BR-AG (IPSI). The
// checks follow the two bindings, whose contexts differ: UBL reports the
// -01 ... -04 rules at the document root, CII the -02 ... -07 rules at the
// line or allowance/charge tax element (vat_categories_ubl.cc / _cii.cc).
// This file holds the definitions and the shared helpers.
#include "intake/einvoice/rules/internal/vat_categories.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "intake/einvoice/rules/internal/families.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"

namespace docintake::einvoice::internal {

const VatCategory kVatCategories[9] = {
    {"S", "BR-S", VatKind::kStandard},   {"Z", "BR-Z", VatKind::kZero},
    {"E", "BR-E", VatKind::kZero},       {"AE", "BR-AE", VatKind::kZero},
    {"K", "BR-IC", VatKind::kZero},      {"G", "BR-G", VatKind::kZero},
    {"O", "BR-O", VatKind::kOutOfScope}, {"L", "BR-AF", VatKind::kIgic},
    {"M", "BR-AG", VatKind::kIpsi},
};

namespace {

constexpr Severity kF = Severity::kFatal;

// Rules -01 ... -10 of one category; the phrases differ by category.
#define VAT_RULES(P, NE, ND, ONE_E, ONE_D, WHO_E, WHO_D, RATE_E, RATE_D,        \
                  TAX_E, TAX_D, EX_E, EX_D)                                     \
  {P "-01", kF,                                                                 \
   "Lines, allowances or charges use VAT category " NE                          \
   "; the VAT breakdown (BG-23) needs " ONE_E " group of that category.",       \
   "Positionen, Nachlässe oder Zuschläge verwenden die "                      \
   "Umsatzsteuerkategorie " ND                                                  \
   "; die Umsatzsteueraufschlüsselung (BG-23) braucht " ONE_D                   \
   " Gruppe dieser Kategorie."},                                                \
      {P "-02", kF,                                                             \
       "An invoice line with VAT category " NE " requires " WHO_E ".",          \
       "Eine Rechnungsposition mit Umsatzsteuerkategorie " ND                   \
       " erfordert " WHO_D "."},                                                \
      {P "-03", kF,                                                             \
       "A document level allowance (BG-20) with VAT category " NE               \
       " requires " WHO_E ".",                                                  \
       "Ein Nachlass auf Dokumentebene (BG-20) mit Umsatzsteuerkategorie " ND   \
       " erfordert " WHO_D "."},                                                \
      {P "-04", kF,                                                             \
       "A document level charge (BG-21) with VAT category " NE                  \
       " requires " WHO_E ".",                                                  \
       "Ein Zuschlag auf Dokumentebene (BG-21) mit Umsatzsteuerkategorie " ND   \
       " erfordert " WHO_D "."},                                                \
      {P "-05", kF,                                                             \
       "An invoice line with VAT category " NE                                  \
       ": the VAT rate (BT-152) " RATE_E ".",                                   \
       "Rechnungsposition mit Umsatzsteuerkategorie " ND                        \
       ": der Umsatzsteuersatz (BT-152) " RATE_D "."},                          \
      {P "-06", kF,                                                             \
       "A document level allowance with VAT category " NE                       \
       ": the VAT rate (BT-96) " RATE_E ".",                                    \
       "Nachlass mit Umsatzsteuerkategorie " ND                                 \
       ": der Umsatzsteuersatz (BT-96) " RATE_D "."},                           \
      {P "-07", kF,                                                             \
       "A document level charge with VAT category " NE                          \
       ": the VAT rate (BT-103) " RATE_E ".",                                   \
       "Zuschlag mit Umsatzsteuerkategorie " ND                                 \
       ": der Umsatzsteuersatz (BT-103) " RATE_D "."},                          \
      {P "-08", kF,                                                             \
       "The taxable amount (BT-116) of VAT category " NE                        \
       " is not the line net amounts plus charges minus allowances of that "    \
       "category (and rate).",                                                  \
       "Der Nettobetrag (BT-116) der Umsatzsteuerkategorie " ND                 \
       " ist nicht die Summe der Positionsnettobeträge plus Zuschläge minus " \
       "Nachlässe dieser Kategorie (und dieses Satzes)."},                      \
      {P "-09", kF,                                                             \
       "The tax amount (BT-117) of VAT category " NE " " TAX_E ".",             \
       "Der Steuerbetrag (BT-117) der Umsatzsteuerkategorie " ND " " TAX_D      \
       "."},                                                                    \
  {                                                                             \
    P "-10", kF, "The VAT breakdown of category " NE " " EX_E ".",              \
        "Die Aufschlüsselung der Umsatzsteuerkategorie " ND " " EX_D "."        \
  }

#define WHO_STD_E                                                           \
  "the seller VAT identifier (BT-31), tax registration identifier (BT-32) " \
  "or tax representative VAT identifier (BT-63)"
#define WHO_STD_D                                                          \
  "die Umsatzsteuer-ID (BT-31) oder Steuernummer (BT-32) des Verkäufers " \
  "oder die Umsatzsteuer-ID des Steuervertreters (BT-63)"
#define WHO_VAT_E                                                           \
  "the seller VAT identifier (BT-31) or tax representative VAT identifier " \
  "(BT-63)"
#define WHO_VAT_D                                                          \
  "die Umsatzsteuer-ID des Verkäufers (BT-31) oder des Steuervertreters " \
  "(BT-63)"
#define RATE_POS_E "must be greater than zero"
#define RATE_POS_D "muss größer als null sein"
#define RATE_ZERO_E "must be 0"
#define RATE_ZERO_D "muss 0 sein"
#define RATE_NONNEG_E "must not be negative"
#define RATE_NONNEG_D "darf nicht negativ sein"
#define TAX_CALC_E \
  "is not taxable amount (BT-116) times rate (BT-119) within the tolerance"
#define TAX_CALC_D \
  "ist nicht Nettobetrag (BT-116) mal Steuersatz (BT-119) im Rundungsrahmen"
#define EX_NEED_E "needs an exemption reason (BT-120) or reason code (BT-121)"
#define EX_NEED_D \
  "braucht einen Befreiungsgrund (BT-120) oder Befreiungsgrund-Code (BT-121)"
#define EX_NONE_E \
  "must not have an exemption reason (BT-120) or reason code (BT-121)"
#define EX_NONE_D                                                            \
  "darf keinen Befreiungsgrund (BT-120) oder Befreiungsgrund-Code (BT-121) " \
  "haben"

constexpr RuleDefinition kRules[] = {
    VAT_RULES("BR-S", "\"Standard rated\" (S)", "Normalsatz (S)",
              "at least one", "mindestens eine", WHO_STD_E, WHO_STD_D,
              RATE_POS_E, RATE_POS_D, TAX_CALC_E, TAX_CALC_D, EX_NONE_E,
              EX_NONE_D),
    VAT_RULES("BR-Z", "\"Zero rated\" (Z)", "Nullsatz (Z)", "exactly one",
              "genau eine", WHO_STD_E, WHO_STD_D, RATE_ZERO_E, RATE_ZERO_D,
              RATE_ZERO_E, RATE_ZERO_D, EX_NONE_E, EX_NONE_D),
    VAT_RULES("BR-E", "\"Exempt from VAT\" (E)", "steuerbefreit (E)",
              "exactly one", "genau eine", WHO_STD_E, WHO_STD_D, RATE_ZERO_E,
              RATE_ZERO_D, RATE_ZERO_E, RATE_ZERO_D, EX_NEED_E, EX_NEED_D),
    VAT_RULES("BR-AE", "\"Reverse charge\" (AE)",
              "Umkehr der Steuerschuldnerschaft (AE)", "exactly one",
              "genau eine",
              WHO_STD_E " and the buyer VAT identifier (BT-48) or legal "
                        "registration identifier (BT-47)",
              WHO_STD_D " sowie die Umsatzsteuer-ID (BT-48) oder "
                        "Registernummer (BT-47) des Käufers",
              RATE_ZERO_E, RATE_ZERO_D, RATE_ZERO_E, RATE_ZERO_D, EX_NEED_E,
              EX_NEED_D),
    VAT_RULES("BR-IC", "\"Intra-community supply\" (K)",
              "innergemeinschaftliche Lieferung (K)", "exactly one",
              "genau eine", WHO_VAT_E " and the buyer VAT identifier (BT-48)",
              WHO_VAT_D " sowie die Umsatzsteuer-ID des Käufers (BT-48)",
              RATE_ZERO_E, RATE_ZERO_D, RATE_ZERO_E, RATE_ZERO_D, EX_NEED_E,
              EX_NEED_D),
    {"BR-IC-11", kF,
     "An intra-community supply needs the actual delivery date (BT-72) or "
     "the invoicing period (BG-14).",
     "Eine innergemeinschaftliche Lieferung braucht das Lieferdatum (BT-72) "
     "oder den Abrechnungszeitraum (BG-14)."},
    {"BR-IC-12", kF,
     "An intra-community supply needs the deliver-to country code (BT-80).",
     "Eine innergemeinschaftliche Lieferung braucht den Ländercode der "
     "Lieferanschrift (BT-80)."},
    VAT_RULES("BR-G", "\"Export outside the EU\" (G)", "Ausfuhr aus der EU (G)",
              "exactly one", "genau eine", WHO_VAT_E, WHO_VAT_D, RATE_ZERO_E,
              RATE_ZERO_D, RATE_ZERO_E, RATE_ZERO_D, EX_NEED_E, EX_NEED_D),
    VAT_RULES("BR-O", "\"Not subject to VAT\" (O)", "nicht steuerbar (O)",
              "exactly one", "genau eine",
              "that no seller, tax representative or buyer VAT identifier "
              "(BT-31, BT-63, BT-48) is given",
              "dass keine Umsatzsteuer-ID von Verkäufer, Steuervertreter oder "
              "Käufer (BT-31, BT-63, BT-48) angegeben ist",
              "must be absent", "darf nicht angegeben sein", RATE_ZERO_E,
              RATE_ZERO_D, EX_NEED_E, EX_NEED_D),
    {"BR-O-11", kF,
     "With a VAT breakdown of category \"Not subject to VAT\" (O) no other "
     "VAT breakdown group may appear.",
     "Neben einer Aufschlüsselung der Kategorie nicht steuerbar (O) darf "
     "keine andere Aufschlüsselungsgruppe vorkommen."},
    {"BR-O-12", kF,
     "With a VAT breakdown of category \"Not subject to VAT\" (O) every "
     "invoice line must have category O.",
     "Neben einer Aufschlüsselung der Kategorie nicht steuerbar (O) müssen "
     "alle Positionen die Kategorie O haben."},
    {"BR-O-13", kF,
     "With a VAT breakdown of category \"Not subject to VAT\" (O) every "
     "document level allowance must have category O.",
     "Neben einer Aufschlüsselung der Kategorie nicht steuerbar (O) müssen "
     "alle Nachlässe die Kategorie O haben."},
    {"BR-O-14", kF,
     "With a VAT breakdown of category \"Not subject to VAT\" (O) every "
     "document level charge must have category O.",
     "Neben einer Aufschlüsselung der Kategorie nicht steuerbar (O) müssen "
     "alle Zuschläge die Kategorie O haben."},
    VAT_RULES("BR-AF", "\"IGIC\" (L)", "IGIC (L)", "at least one",
              "mindestens eine", WHO_STD_E, WHO_STD_D, RATE_NONNEG_E,
              RATE_NONNEG_D, TAX_CALC_E, TAX_CALC_D, EX_NONE_E, EX_NONE_D),
    VAT_RULES("BR-AG", "\"IPSI\" (M)", "IPSI (M)", "at least one",
              "mindestens eine", WHO_STD_E, WHO_STD_D, RATE_NONNEG_E,
              RATE_NONNEG_D, TAX_CALC_E, TAX_CALC_D, EX_NONE_E, EX_NONE_D),
};

#undef VAT_RULES

void CheckVatCategories(const RuleContext& c, FindingSink& s) {
  if (IsUbl(c.invoice)) {
    CheckVatCategoriesUbl(c, s);
  } else if (c.invoice.syntax == Syntax::kCii) {
    CheckVatCategoriesCii(c, s);
  }
}

bool IsXmlSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

}  // namespace

const RuleDefinition& VatRule(absl::string_view id) {
  for (const RuleDefinition& r : kRules) {
    if (id == r.id) return r;
  }
  return kRules[0];
}

void FireVat(FindingSink& sink, const VatCategory& category, int n,
             const std::string& where) {
  const std::string id = absl::StrCat(category.prefix, n < 10 ? "-0" : "-", n);
  sink.Report(VatRule(id), where);
}

std::string VatNormalizeSpace(absl::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char ch : text) {
    if (IsXmlSpace(ch)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(ch);
  }
  return out;
}

std::string NormalizedText(const XmlElement& e) {
  return e ? VatNormalizeSpace(e.Text()) : std::string();
}

std::optional<Decimal> DecimalOf(const XmlElement& e) {
  if (!e) return std::nullopt;
  absl::StatusOr<Decimal> d = Decimal::Parse(e.Text());
  if (!d.ok()) return std::nullopt;
  return *d;
}

std::optional<bool> BooleanOf(const XmlElement& e) {
  if (!e) return std::nullopt;
  const std::string t = VatNormalizeSpace(e.Text());
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  return std::nullopt;
}

bool WithinOne(const Decimal& a, const Decimal& b) {
  const std::optional<Decimal> diff = Minus(a, b);
  return diff && diff->Abs() < Decimal::FromInt(1);
}

std::optional<Decimal> ExpectedTax(const Decimal& taxable,
                                   const Decimal& rate) {
  const std::optional<Decimal> product = Times(taxable.Abs(), rate);
  if (!product) return std::nullopt;
  absl::StatusOr<Decimal> q = product->Divide(
      Decimal::FromInt(100), 2, RoundingMode::kHalfTowardsPositiveInfinity);
  if (!q.ok()) return std::nullopt;
  return *q;
}

void WalkElements(const XmlElement& root,
                  const std::function<void(const XmlElement&)>& visit) {
  visit(root);
  for (const XmlElement& child : root.Children()) WalkElements(child, visit);
}

const RuleFamily& VatCategoriesFamily() {
  static const RuleFamily family{"VAT categories", RuleSet::kEn16931, kRules,
                                 &CheckVatCategories};
  return family;
}

}  // namespace docintake::einvoice::internal
