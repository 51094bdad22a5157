#include "signature/objects/internal/form_fields.h"

#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "podofo/base/PdfArray.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {
namespace {

constexpr int kMaxFieldDepth = 32;

struct Pending {
  const PoDoFo::PdfObject* entry;  // as found in /Fields or /Kids
  uint32_t parent_number;
  std::string parent_name;
  std::string inherited_type;
  int depth;
};

bool IsWidgetOnly(const PodofoDocument& doc, const PoDoFo::PdfObject* dict) {
  return doc.Get(dict, "T") == nullptr && doc.Get(dict, "Kids") == nullptr &&
         NameOf(doc.Get(dict, "Subtype")) == "Widget";
}

}  // namespace

FormFields WalkFormFields(const PodofoDocument& doc, uint32_t max_nodes) {
  FormFields out;
  const PoDoFo::PdfObject* acroform = doc.Get(doc.Root(), "AcroForm");
  const PoDoFo::PdfObject* fields = doc.Get(acroform, "Fields");
  if (fields == nullptr || !fields->IsArray()) return out;

  std::vector<Pending> stack;
  const PoDoFo::PdfArray& top = fields->GetArray();
  for (size_t i = top.size(); i-- > 0;) {
    stack.push_back(Pending{&top[i], 0, "", "", 0});
  }
  std::set<uint32_t> seen;
  uint32_t nodes = 0;
  while (!stack.empty()) {
    Pending item = std::move(stack.back());
    stack.pop_back();
    if (++nodes > max_nodes) {
      out.warnings.push_back("form field tree larger than the limit");
      break;
    }
    const uint32_t number = ReferencedNumber(item.entry);
    if (number != 0 && !seen.insert(number).second) {
      out.warnings.push_back(
          absl::StrCat("form field object ", number, " is reached twice"));
      continue;
    }
    const PoDoFo::PdfObject* dict = doc.Resolve(item.entry);
    if (dict == nullptr || !dict->IsDictionary()) {
      out.warnings.push_back(
          absl::StrCat("form field entry ", number, " is not a dictionary"));
      continue;
    }
    FormField field;
    field.dict = dict;
    field.object_number = number;
    field.parent_number = item.parent_number;
    const std::string partial = TextOf(doc.Get(dict, "T"));
    field.name = item.parent_name.empty() || partial.empty()
                     ? item.parent_name + partial
                     : absl::StrCat(item.parent_name, ".", partial);
    const std::string own_type = NameOf(doc.Get(dict, "FT"));
    field.type = own_type.empty() ? item.inherited_type : own_type;
    if (NameOf(doc.Get(dict, "Subtype")) == "Widget" && number != 0) {
      field.widgets.push_back(number);
    }
    const PoDoFo::PdfObject* kids = doc.Get(dict, "Kids");
    std::vector<Pending> children;
    if (kids != nullptr && kids->IsArray()) {
      if (item.depth + 1 > kMaxFieldDepth) {
        out.warnings.push_back(
            absl::StrCat("form field ", field.name, " nested too deeply"));
      } else {
        const PoDoFo::PdfArray& list = kids->GetArray();
        for (size_t i = list.size(); i-- > 0;) {
          const PoDoFo::PdfObject* kid = doc.Resolve(&list[i]);
          if (kid != nullptr && IsWidgetOnly(doc, kid)) {
            const uint32_t widget = ReferencedNumber(&list[i]);
            if (widget != 0) field.widgets.push_back(widget);
            continue;
          }
          children.push_back(Pending{&list[i], number, field.name, field.type,
                                     item.depth + 1});
        }
      }
    }
    field.has_kids = !children.empty();
    for (Pending& child : children) stack.push_back(std::move(child));
    out.fields.push_back(std::move(field));
  }
  return out;
}

}  // namespace docintake::signature::internal_objects
