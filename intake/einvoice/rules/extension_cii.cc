// XRechnung Extension and CVD rules and BR-TMP-3, CII binding (XRechnung
// Schematron 2.5.0).
#include <string>
#include <vector>

#include "intake/einvoice/namespaces.h"
#include "intake/einvoice/rules/internal/extension_checks.h"
#include "intake/einvoice/rules/internal/xrechnung_checks.h"

namespace docintake::einvoice::internal {
namespace {

void Fire(FindingSink& s, absl::string_view id, const std::string& where) {
  s.Report(ExtensionRule(id), where);
}

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

bool AnyDescendant(const XmlElement& e, absl::string_view local) {
  for (const XmlElement& child : e.Children()) {
    if (child.Is(kRamNs, local) || AnyDescendant(child, local)) return true;
  }
  return false;
}

}  // namespace

void CheckExtensionCii(const XmlElement& root, FindingSink& sink) {
  std::vector<std::string> ancestors;
  Walk(root, ancestors,
       [&](const XmlElement& e, const std::vector<std::string>& up) {
         const std::optional<std::string> scheme = e.Attribute("schemeID");
         if (!scheme) return;
         const absl::string_view parent =
             up.empty() ? absl::string_view() : absl::string_view(up.back());
         if (e.Is(kRamNs, "GlobalID")) {
           if (parent == "SpecifiedTradeProduct") {
             if (!DexSchemeListed(*scheme, true)) {
               Fire(sink, "BR-DEX-06", e.path());
             }
           } else if (parent == "ShipToTradeParty" && up.size() >= 2 &&
                      up[up.size() - 2] == "ApplicableHeaderTradeDelivery") {
             if (!DexSchemeListed(*scheme, true)) {
               Fire(sink, "BR-DEX-08", e.path());
             }
           }
           if (!Has(up, "SpecifiedTradeProduct") &&
               !Has(up, "ShipToTradeParty") &&
               !DexSchemeListed(*scheme, true)) {
             Fire(sink, "BR-DEX-04", e.path());
           }
         } else if (e.Is(kRamNs, "ID")) {
           if (!Has(up, "SpecifiedTaxRegistration") &&
               !DexSchemeListed(*scheme, true)) {
             Fire(sink, "BR-DEX-05", e.path());
           }
         } else if (e.Is(kRamNs, "URIID") &&
                    parent == "URIUniversalCommunication") {
           if (!DexSchemeListed(*scheme, false)) {
             Fire(sink, "BR-DEX-07", e.path());
           }
         }
       });
  const bool parent_lines = AnyDescendant(root, "ParentLineID");
  if (!parent_lines) return;
  for (const XmlElement& doc :
       root.FindAll("rsm:SupplyChainTradeTransaction/"
                    "ram:IncludedSupplyChainTradeLineItem/"
                    "ram:AssociatedDocumentLineDocument")) {
    Fire(sink, "BR-DEX-15", doc.path());
  }
}

void CheckCvdCii(const XmlElement& root, FindingSink& sink) {
  const XmlElement tx = root.Child(kRsmNs, "SupplyChainTradeTransaction");
  const XmlElement agreement =
      tx.Child(kRamNs, "ApplicableHeaderTradeAgreement");
  if (!XrAnyNonBlank(agreement.FindAll(
          "ram:ContractReferencedDocument/ram:IssuerAssignedID"))) {
    Fire(sink, "BR-DE-CVD-01", root.path());
  }
  bool tender = false;
  for (const XmlElement& doc :
       agreement.Children(kRamNs, "AdditionalReferencedDocument")) {
    if (XrAnyTextEquals(doc.Children(kRamNs, "TypeCode"), "50")) {
      tender |= XrAnyNonBlank(doc.Children(kRamNs, "IssuerAssignedID"));
    }
  }
  if (!tender) Fire(sink, "BR-DE-CVD-02", root.path());
  bool any = false;
  for (const XmlElement& product : tx.FindAll(
           "ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct")) {
    int cvd = 0, cva = 0;
    for (const XmlElement& code :
         product.FindAll("ram:DesignatedProductClassification/ram:ClassCode")) {
      cvd += code.Attribute("listID") == std::optional<std::string>("CVD");
      CheckCvdClassification(code, sink);
    }
    for (const XmlElement& c :
         product.Children(kRamNs, "ApplicableProductCharacteristic")) {
      if (!XrAnyTextEquals(c.Children(kRamNs, "Description"), "cva")) continue;
      ++cva;
      CheckCvdAttributeValue(c.Child(kRamNs, "Value"), c.path(), sink);
    }
    any |= cvd > 0 && cva > 0;
    if (cvd > 0 && cva != 1) Fire(sink, "BR-DE-CVD-06-a", product.path());
    if (cva > 0 && cvd != 1) Fire(sink, "BR-DE-CVD-06-b", product.path());
  }
  if (!any) Fire(sink, "BR-DE-CVD-03", tx.path());
}

void CheckBasisQuantitiesCii(const XmlElement& root, FindingSink& sink) {
  for (const XmlElement& line :
       root.FindAll("rsm:SupplyChainTradeTransaction/"
                    "ram:IncludedSupplyChainTradeLineItem")) {
    const XmlElement gross = line.Find(
        "ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/"
        "ram:BasisQuantity");
    const XmlElement net = line.Find(
        "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/"
        "ram:BasisQuantity");
    if (!gross.valid() || !net.valid()) continue;
    const std::optional<std::string> gross_unit = gross.Attribute("unitCode");
    const std::optional<std::string> net_unit = net.Attribute("unitCode");
    if (gross.Text() != net.Text() ||
        (gross_unit && net_unit && *gross_unit != *net_unit)) {
      Fire(sink, "BR-TMP-3", line.path());
    }
  }
}

}  // namespace docintake::einvoice::internal
