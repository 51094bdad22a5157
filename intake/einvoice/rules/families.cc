// The registry of rule families, in reporting order. One line per family.
#include "intake/einvoice/rules/internal/families.h"

namespace docintake::einvoice::internal {

const std::vector<const RuleFamily*>& RegisteredFamilies() {
  static const std::vector<const RuleFamily*>* const families =
      new std::vector<const RuleFamily*>{
          &BrCoreFamily(),
          &BrCoFamily(),
          &BrDecFamily(),
          &VatCategoriesFamily(),
          &BrClFamily(),
          &BrBFamily(),
          &XRechnungFamily(),
          &XRechnungPeppolFamily(),
          &XRechnungExtensionFamily(),
          &DocintakeChecksFamily(),
          &UblSyntaxFamily(),
          &CiiSyntaxFamily(),
      };
  return *families;
}

}  // namespace docintake::einvoice::internal
