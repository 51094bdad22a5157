#include "signature/objects/internal/page_tree.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "podofo/base/PdfArray.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {

PageTree WalkPageTree(const PodofoDocument& doc, uint32_t max_nodes) {
  PageTree tree;
  const PoDoFo::PdfObject* root = doc.Root();
  if (root == nullptr) {
    tree.warnings.push_back("the trailer has no /Root catalog");
    return tree;
  }
  const PoDoFo::PdfObject* pages_entry =
      root->GetDictionary().GetKey(PoDoFo::PdfName("Pages"));
  std::vector<const PoDoFo::PdfObject*> stack{pages_entry};
  std::set<uint32_t> seen;
  while (!stack.empty()) {
    const PoDoFo::PdfObject* entry = stack.back();
    stack.pop_back();
    const uint32_t number = ReferencedNumber(entry);
    if (number == 0) {
      tree.warnings.push_back("page tree entry is not an indirect reference");
      continue;
    }
    if (!seen.insert(number).second) {
      tree.warnings.push_back(
          absl::StrCat("page tree object ", number, " is reached twice"));
      continue;
    }
    if (seen.size() > max_nodes) {
      tree.warnings.push_back("page tree larger than the limit");
      break;
    }
    const PoDoFo::PdfObject* node = doc.Resolve(entry);
    if (node == nullptr || !node->IsDictionary()) {
      tree.warnings.push_back(
          absl::StrCat("page tree object ", number, " is missing"));
      continue;
    }
    const PoDoFo::PdfObject* kids = doc.Get(node, "Kids");
    const std::string type = NameOf(doc.Get(node, "Type"));
    if (type == "Page" || (type != "Pages" && kids == nullptr)) {
      tree.pages.push_back(number);
      continue;
    }
    tree.nodes.push_back(number);
    if (kids == nullptr || !kids->IsArray()) continue;
    const PoDoFo::PdfArray& list = kids->GetArray();
    for (size_t i = list.size(); i-- > 0;) stack.push_back(&list[i]);
  }
  return tree;
}

}  // namespace docintake::signature::internal_objects
