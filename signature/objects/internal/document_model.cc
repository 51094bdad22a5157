#include "signature/objects/internal/document_model.h"

#include <initializer_list>
#include <set>
#include <string>

#include "podofo/base/PdfArray.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {
namespace {

using Keys = std::initializer_list<const char*>;

bool Contains(Keys keys, const std::string& key) {
  for (const char* k : keys) {
    if (key == k) return true;
  }
  return false;
}

// Assigns roles. Anchors (catalog, page tree, pages, fields, widgets,
// annotations, signature dictionaries) stop every subtree walk, so a walk
// from one part of the document never claims another part's objects.
class RoleWalker {
 public:
  RoleWalker(const PodofoDocument& doc, DocumentModel* model, uint64_t budget)
      : doc_(doc), model_(model), budget_(budget) {}

  void Add(uint32_t number, Role role, uint32_t owner) {
    if (number == 0) return;
    std::vector<RoleInfo>& roles = model_->roles[number];
    for (const RoleInfo& info : roles) {
      if (info.role == role) return;
    }
    roles.push_back(RoleInfo{role, owner});
  }
  void Anchor(uint32_t number, Role role, uint32_t owner) {
    if (number == 0) return;
    Add(number, role, owner);
    anchors_.insert(number);
  }
  bool IsAnchor(uint32_t number) const { return anchors_.count(number) != 0; }

  // Every indirect object reachable from `entry` (not through /Parent, /P,
  // /Data, and not into anchors) gets (role, owner).
  void Walk(const PoDoFo::PdfObject* entry, Role role, uint32_t owner,
            std::set<uint32_t>* visited) {
    std::vector<const PoDoFo::PdfObject*> stack;
    if (entry != nullptr) stack.push_back(entry);
    while (!stack.empty()) {
      if (budget_ == 0) {
        model_->truncated = true;
        return;
      }
      --budget_;
      const PoDoFo::PdfObject* value = stack.back();
      stack.pop_back();
      if (value->IsReference()) {
        const uint32_t number = value->GetReference().ObjectNumber();
        if (IsAnchor(number) || !visited->insert(number).second) continue;
        Add(number, role, owner);
        value = doc_.Resolve(value);
        if (value == nullptr) continue;
      }
      PushChildren(*value, {}, &stack);
    }
  }

  // Walks the values of `dict` except `skip` (and /Parent, /P, /Data).
  void WalkKeys(const PoDoFo::PdfObject* dict, Keys skip, Role role,
                uint32_t owner, std::set<uint32_t>* visited) {
    if (dict == nullptr || !dict->IsDictionary()) return;
    std::vector<const PoDoFo::PdfObject*> children;
    PushChildren(*dict, skip, &children);
    for (const PoDoFo::PdfObject* child : children) {
      Walk(child, role, owner, visited);
    }
  }

 private:
  static void PushChildren(const PoDoFo::PdfObject& value, Keys skip,
                           std::vector<const PoDoFo::PdfObject*>* stack) {
    if (value.IsDictionary()) {
      for (const auto& [name, child] : value.GetDictionary().GetKeys()) {
        const std::string& key = name.GetName();
        if (key == "Parent" || key == "P" || key == "Data" ||
            Contains(skip, key)) {
          continue;
        }
        stack->push_back(child);
      }
    } else if (value.IsArray()) {
      for (const PoDoFo::PdfObject& child : value.GetArray()) {
        stack->push_back(&child);
      }
    }
  }

  const PodofoDocument& doc_;
  DocumentModel* model_;
  uint64_t budget_;
  std::set<uint32_t> anchors_;
};

const PoDoFo::PdfObject* RawKey(const PoDoFo::PdfObject* dict,
                                const char* key) {
  if (dict == nullptr || !dict->IsDictionary()) return nullptr;
  return dict->GetDictionary().GetKey(PoDoFo::PdfName(key));
}

void AssignAnchors(const PodofoDocument& doc, DocumentModel& model,
                   RoleWalker& walker) {
  walker.Anchor(model.root_number, Role::kCatalog, 0);
  for (uint32_t node : model.pages.nodes) {
    walker.Anchor(node, Role::kPageTree, node);
  }
  for (uint32_t page : model.pages.pages) {
    walker.Anchor(page, Role::kPage, page);
  }
  for (size_t i = 0; i < model.form.fields.size(); ++i) {
    const FormField& field = model.form.fields[i];
    if (field.object_number == 0) continue;
    model.field_by_number[field.object_number] = i;
    walker.Anchor(field.object_number, Role::kField, field.object_number);
    for (uint32_t widget : field.widgets) {
      model.widget_field[widget] = field.object_number;
      if (widget != field.object_number) {
        walker.Anchor(widget, Role::kWidget, field.object_number);
      }
    }
    if (field.type == "Sig") {
      walker.Anchor(ReferencedNumber(RawKey(field.dict, "V")),
                    Role::kSignatureDict, field.object_number);
    }
  }
  for (uint32_t page : model.pages.pages) {
    const PoDoFo::PdfObject* annots = RawKey(doc.Object(page), "Annots");
    if (annots != nullptr && annots->IsReference()) {
      walker.Add(ReferencedNumber(annots), Role::kAnnotsArray, page);
    }
    for (const PoDoFo::PdfObject* entry : model.AnnotsOf(page)) {
      const uint32_t number = ReferencedNumber(entry);
      if (number == 0 || walker.IsAnchor(number)) continue;
      walker.Anchor(number, Role::kAnnotation, number);
    }
  }
}

void AssignSubtrees(const PodofoDocument& doc, DocumentModel& model,
                    RoleWalker& walker) {
  const PoDoFo::PdfObject* root = doc.Root();
  // One visited set per role: a walk stops where it was before, not where
  // another role's walk was.
  std::set<uint32_t> resources, appearances, annotations, fields, signatures,
      others, acroform, dss, metadata;
  for (uint32_t node : model.pages.nodes) {
    walker.WalkKeys(doc.Object(node), {"Kids"}, Role::kPageResource, node,
                    &resources);
  }
  for (uint32_t page : model.pages.pages) {
    const PoDoFo::PdfObject* dict = doc.Object(page);
    const PoDoFo::PdfObject* contents = RawKey(dict, "Contents");
    walker.Walk(contents, Role::kPageContent, page, &resources);
    walker.WalkKeys(dict, {"Annots", "Contents"}, Role::kPageResource, page,
                    &resources);
    for (const PoDoFo::PdfObject* entry : model.AnnotsOf(page)) {
      const uint32_t number = ReferencedNumber(entry);
      const PoDoFo::PdfObject* annot = doc.Resolve(entry);
      if (model.widget_field.count(number) != 0) continue;  // below
      walker.Walk(RawKey(annot, "AP"), Role::kAppearance, number, &appearances);
      walker.WalkKeys(annot, {"AP"}, Role::kAnnotation, number, &annotations);
    }
  }
  for (const FormField& field : model.form.fields) {
    const uint32_t owner = field.object_number;
    if (field.type == "Sig") {
      walker.WalkKeys(doc.Resolve(RawKey(field.dict, "V")), {},
                      Role::kSignatureDict, owner, &signatures);
    }
    walker.WalkKeys(field.dict, {"Kids", "AP", "V"}, Role::kField, owner,
                    &fields);
    const PoDoFo::PdfObject* kids = RawKey(field.dict, "Kids");
    if (kids != nullptr && kids->IsReference()) {
      walker.Add(ReferencedNumber(kids), Role::kField, owner);
    }
    if (field.type != "Sig") {
      walker.Walk(RawKey(field.dict, "V"), Role::kField, owner, &fields);
    }
    for (uint32_t widget : field.widgets) {
      const PoDoFo::PdfObject* dict = doc.Object(widget);
      walker.Walk(RawKey(dict, "AP"), Role::kAppearance, widget, &appearances);
      if (widget != owner) {
        walker.WalkKeys(dict, {"AP"}, Role::kWidget, owner, &fields);
      }
    }
  }
  const PoDoFo::PdfObject* form_entry = RawKey(root, "AcroForm");
  walker.Add(ReferencedNumber(form_entry), Role::kAcroForm, 0);
  const PoDoFo::PdfObject* form = doc.Resolve(form_entry);
  walker.Add(ReferencedNumber(RawKey(form, "Fields")), Role::kAcroForm, 0);
  walker.Walk(RawKey(form, "DR"), Role::kAcroForm, 0, &acroform);
  walker.WalkKeys(form, {"Fields", "DR"}, Role::kOther, 0, &others);
  walker.Walk(RawKey(root, "DSS"), Role::kDss, 0, &dss);
  walker.Walk(RawKey(root, "Metadata"), Role::kMetadata, 0, &metadata);
  walker.Walk(RawKey(doc.Trailer(), "Info"), Role::kMetadata, 0, &metadata);
  walker.WalkKeys(root, {"Pages", "AcroForm", "DSS", "Metadata"}, Role::kOther,
                  0, &others);
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kCatalog:
      return "document catalog";
    case Role::kPageTree:
      return "page tree node";
    case Role::kPage:
      return "page";
    case Role::kPageContent:
      return "page content stream";
    case Role::kPageResource:
      return "page resource";
    case Role::kAnnotsArray:
      return "page annotation array";
    case Role::kAnnotation:
      return "annotation";
    case Role::kField:
      return "form field";
    case Role::kWidget:
      return "widget annotation";
    case Role::kSignatureDict:
      return "signature dictionary";
    case Role::kAppearance:
      return "appearance stream";
    case Role::kAcroForm:
      return "interactive form dictionary";
    case Role::kDss:
      return "DSS validation data";
    case Role::kMetadata:
      return "document metadata";
    case Role::kOther:
      return "other object";
  }
  return "object";
}

const std::vector<RoleInfo>& DocumentModel::RolesOf(uint32_t number) const {
  static const std::vector<RoleInfo>* const kNone = new std::vector<RoleInfo>;
  const auto it = roles.find(number);
  return it == roles.end() ? *kNone : it->second;
}

const FormField* DocumentModel::FieldOf(uint32_t number) const {
  const auto widget = widget_field.find(number);
  if (widget != widget_field.end()) number = widget->second;
  const auto it = field_by_number.find(number);
  return it == field_by_number.end() ? nullptr : &form.fields[it->second];
}

std::vector<const PoDoFo::PdfObject*> DocumentModel::AnnotsOf(
    uint32_t page) const {
  std::vector<const PoDoFo::PdfObject*> out;
  const PoDoFo::PdfObject* annots = doc->Get(doc->Object(page), "Annots");
  if (annots == nullptr || !annots->IsArray()) return out;
  for (const PoDoFo::PdfObject& entry : annots->GetArray()) {
    out.push_back(&entry);
  }
  return out;
}

DocumentModel BuildDocumentModel(const PodofoDocument& doc,
                                 uint32_t max_objects) {
  DocumentModel model;
  model.doc = &doc;
  model.root_number = ReferencedNumber(RawKey(doc.Trailer(), "Root"));
  model.pages = WalkPageTree(doc, max_objects);
  model.form = WalkFormFields(doc, max_objects);
  RoleWalker walker(doc, &model, uint64_t{16} * max_objects + 1000000);
  AssignAnchors(doc, model, walker);
  AssignSubtrees(doc, model, walker);
  return model;
}

}  // namespace docintake::signature::internal_objects
