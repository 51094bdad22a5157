// XRechnung Extension and CVD rules, UBL binding (XRechnung Schematron
// 2.5.0, patterns ubl-extension-pattern and ubl-cvd-pattern).
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/br_cl_checks.h"
#include "intake/einvoice/rules/internal/code_lists.h"
#include "intake/einvoice/rules/internal/extension_checks.h"
#include "intake/einvoice/rules/internal/peppol_checks.h"
#include "intake/einvoice/rules/internal/rule_helpers.h"
#include "intake/einvoice/rules/internal/xrechnung_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_text_rules.h"

namespace docintake::einvoice::internal {
namespace {

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(ExtensionRule(id), where);
}

// Visits every element below `e` with the local names of its ancestors
// (outermost first, `e` itself included).
template <typename Visit>
void Walk(const XmlElement& e, std::vector<std::string>& ancestors,
          const Visit& visit) {
  for (const XmlElement& child : e.Children()) {
    visit(child, ancestors);
    ancestors.emplace_back(child.local_name());
    Walk(child, ancestors, visit);
    ancestors.pop_back();
  }
}

bool Has(const std::vector<std::string>& ancestors, absl::string_view name) {
  for (const std::string& a : ancestors) {
    if (a == name) return true;
  }
  return false;
}

void CheckSchemes(const XmlElement& root, FindingSink& s) {
  std::vector<std::string> ancestors;
  Walk(root, ancestors,
       [&](const XmlElement& e, const std::vector<std::string>& up) {
         const absl::string_view parent =
             up.empty() ? absl::string_view() : absl::string_view(up.back());
         if (e.Is(kCbcNs, "EmbeddedDocumentBinaryObject")) {
           static constexpr absl::string_view kMime[] = {
               "application/pdf",
               "image/png",
               "image/jpeg",
               "text/csv",
               "application/vnd.openxmlformats-officedocument.spreadsheetml."
               "sheet",
               "application/vnd.oasis.opendocument.spreadsheet",
               "application/xml"};
           const std::optional<std::string> mime = e.Attribute("mimeCode");
           bool ok = false;
           for (absl::string_view m : kMime) ok |= mime && *mime == m;
           if (!ok) Fire(s, "BR-DEX-01", e.path());
         }
         const std::optional<std::string> scheme = e.Attribute("schemeID");
         if (!scheme) return;
         if (e.Is(kCbcNs, "ID") && parent == "PartyIdentification") {
           const bool sepa =
               XrNormalizeSpace(*scheme) == "SEPA" &&
               (Has(up, "AccountingSupplierParty") || Has(up, "PayeeParty"));
           if (!DexSchemeListed(*scheme, true) && !sepa) {
             Fire(s, "BR-DEX-04", e.path());
           }
         } else if (e.Is(kCbcNs, "CompanyID") && parent == "PartyLegalEntity") {
           if (!DexSchemeListed(*scheme, true)) Fire(s, "BR-DEX-05", e.path());
         } else if (e.Is(kCbcNs, "ID") &&
                    parent == "StandardItemIdentification") {
           if (!DexSchemeListed(*scheme, true)) Fire(s, "BR-DEX-06", e.path());
         } else if (e.Is(kCbcNs, "EndpointID")) {
           if (!DexSchemeListed(*scheme, false)) {
             Fire(s, "BR-DEX-07", e.path());
           }
         } else if (e.Is(kCbcNs, "ID") && parent == "DeliveryLocation") {
           if (!DexSchemeListed(*scheme, true)) Fire(s, "BR-DEX-08", e.path());
         }
       });
}

bool SubLineWithoutSingleVat(const XmlElement& e) {
  for (const XmlElement& sub : e.Children(kCacNs, "SubInvoiceLine")) {
    for (const XmlElement& item : sub.Children(kCacNs, "Item")) {
      if (item.Children(kCacNs, "ClassifiedTaxCategory").size() != 1) {
        return true;
      }
    }
    if (SubLineWithoutSingleVat(sub)) return true;
  }
  return false;
}

// BR-DEX-02 for one line or sub line with sub lines: its net amount equals
// the sum of theirs; recursively for every nested sub line. A value that is
// not a decimal counts as a mismatch.
bool SubLineSumsAgree(const XmlElement& line) {
  const std::vector<XmlElement> subs = line.Children(kCacNs, "SubInvoiceLine");
  if (subs.empty()) return true;
  std::optional<Decimal> sum = Decimal();
  for (const XmlElement& sub : subs) {
    const std::optional<Decimal> d =
        XrDecimalOf(sub.Child(kCbcNs, "LineExtensionAmount"));
    sum = sum && d ? Plus(*sum, *d) : std::nullopt;
    if (!SubLineSumsAgree(sub)) return false;
  }
  const std::optional<Decimal> own =
      XrDecimalOf(line.Child(kCbcNs, "LineExtensionAmount"));
  return sum && own && *sum == *own;
}

std::optional<Decimal> OrZero(const XmlElement& e) {
  if (!e.valid()) return Decimal();
  return XrDecimalOf(e);
}

void CheckTotals(const XmlElement& root, FindingSink& s) {
  for (const XmlElement& totals : root.Children(kCacNs, "LegalMonetaryTotal")) {
    const std::optional<Decimal> payable =
        XrDecimalOf(totals.Child(kCbcNs, "PayableAmount"));
    const std::optional<Decimal> inclusive =
        XrDecimalOf(totals.Child(kCbcNs, "TaxInclusiveAmount"));
    const std::optional<Decimal> prepaid =
        OrZero(totals.Child(kCbcNs, "PrepaidAmount"));
    const std::optional<Decimal> rounding =
        OrZero(totals.Child(kCbcNs, "PayableRoundingAmount"));
    std::optional<Decimal> third = Decimal();
    for (const XmlElement& paid :
         root.FindAll("cac:PrepaidPayment/cbc:PaidAmount")) {
      if (XrNormalizeSpace(paid.Text()).empty()) continue;
      const std::optional<Decimal> d = XrDecimalOf(paid);
      if (!d || !third) {
        third = std::nullopt;
        continue;
      }
      third = Plus(*third, *d);
    }
    bool ok = false;
    if (payable && inclusive && prepaid && rounding && third) {
      const std::optional<Decimal> left = Minus(*payable, *rounding);
      const std::optional<Decimal> mid = Minus(*inclusive, *prepaid);
      const std::optional<Decimal> right =
          mid ? Plus(*mid, *third) : std::nullopt;
      if (left && right) {
        const std::optional<Decimal> l = RoundCents(*left);
        const std::optional<Decimal> r = RoundCents(*right);
        ok = l && r && *l == *r;
      }
    }
    if (!ok) Fire(s, "BR-DEX-09", totals.path());
  }
}

void CheckThirdPartyPayments(const XmlElement& root, FindingSink& s) {
  const std::vector<XmlElement> currency =
      root.Children(kCbcNs, "DocumentCurrencyCode");
  for (const XmlElement& p : root.Children(kCacNs, "PrepaidPayment")) {
    if (!XrAnyNonBlank(p.Children(kCbcNs, "ID"))) {
      Fire(s, "BR-DEX-10", p.path());
    }
    const std::vector<XmlElement> amounts = p.Children(kCbcNs, "PaidAmount");
    if (!XrAnyNonBlank(amounts)) Fire(s, "BR-DEX-11", p.path());
    if (!XrAnyNonBlank(p.Children(kCbcNs, "InstructionID"))) {
      Fire(s, "BR-DEX-12", p.path());
    }
    if (!amounts.empty() && LexicalDecimals(amounts[0].Text()) > 2) {
      Fire(s, "BR-DEX-13", p.path());
    }
    bool same_currency = false;
    for (const XmlElement& a : amounts) {
      const std::optional<std::string> id = a.Attribute("currencyID");
      for (const XmlElement& c : currency) {
        same_currency |= id && *id == c.Text();
      }
    }
    if (!same_currency) Fire(s, "BR-DEX-14", p.path());
  }
}

}  // namespace

void CheckCvdClassification(const XmlElement& code, FindingSink& sink) {
  const std::string list =
      XrNormalizeSpace(code.Attribute("listID").value_or(std::string()));
  if (list != "CVD" && !IsListedCode(Untdid7143(), list)) {
    Fire(sink, "BR-TMP-CVD-01", code.path());
  }
  if (list == "CVD") {
    const std::string value = XrNormalizeSpace(code.Text());
    if (value != "M1" && value != "M2" && value != "M3" && value != "N1" &&
        value != "N2" && value != "N3") {
      Fire(sink, "BR-DE-CVD-04", code.path());
    }
  }
}

void CheckCvdAttributeValue(const XmlElement& value, const std::string& where,
                            FindingSink& sink) {
  const std::string v = XrNormalizeSpace(value.Text());
  if (v != "clean" && v != "zero-emission" && v != "other") {
    Fire(sink, "BR-DE-CVD-05", where);
  }
}

bool DexSchemeListed(absl::string_view scheme, bool icd) {
  const std::string norm = XrNormalizeSpace(scheme);
  if (norm == "XR01" || norm == "XR02" || norm == "XR03") return true;
  return IsListedCode(icd ? Iso6523Icd() : CefEas(), scheme);
}

void CheckExtensionUbl(const XmlElement& root, FindingSink& sink) {
  CheckSchemes(root, sink);
  if (root.Is(kUblInvoiceNs, "Invoice")) {
    bool bad = false, sums = true;
    for (const XmlElement& line : root.Children(kCacNs, "InvoiceLine")) {
      bad |= SubLineWithoutSingleVat(line);
      sums &= SubLineSumsAgree(line);
    }
    if (!sums) Fire(sink, "BR-DEX-02", root.path());
    if (bad) Fire(sink, "BR-DEX-03", root.path());
    CheckThirdPartyPayments(root, sink);
  }
  CheckTotals(root, sink);
}

void CheckCvdUbl(const XmlElement& root, FindingSink& sink) {
  if (!XrAnyNonBlank(root.FindAll("cac:OriginatorDocumentReference/cbc:ID"))) {
    Fire(sink, "BR-DE-CVD-02", root.path());
  }
  if (!XrAnyNonBlank(root.FindAll("cac:ContractDocumentReference/cbc:ID"))) {
    Fire(sink, "BR-DE-CVD-01", root.path());
  }
  bool any = false;
  for (absl::string_view name :
       {"cac:InvoiceLine/cac:Item", "cac:CreditNoteLine/cac:Item"}) {
    for (const XmlElement& item : root.FindAll(name)) {
      int cvd = 0, cva = 0;
      for (const XmlElement& code : item.FindAll(
               "cac:CommodityClassification/cbc:ItemClassificationCode")) {
        cvd += code.Attribute("listID") == std::optional<std::string>("CVD");
        CheckCvdClassification(code, sink);
      }
      for (const XmlElement& prop :
           item.Children(kCacNs, "AdditionalItemProperty")) {
        if (!XrAnyTextEquals(prop.Children(kCbcNs, "Name"), "cva")) continue;
        ++cva;
        CheckCvdAttributeValue(prop.Child(kCbcNs, "Value"), prop.path(), sink);
      }
      any |= cvd > 0 && cva > 0;
      if (cvd > 0 && cva != 1) Fire(sink, "BR-DE-CVD-06-a", item.path());
      if (cva > 0 && cvd != 1) Fire(sink, "BR-DE-CVD-06-b", item.path());
    }
  }
  if (!any) Fire(sink, "BR-DE-CVD-03", root.path());
}

}  // namespace docintake::einvoice::internal
