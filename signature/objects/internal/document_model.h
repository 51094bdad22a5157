// DocumentModel: the object graph of one revision annotated with roles —
// for every indirect object the parts of the document that reach it (page
// tree, page content and resources, form fields and widgets, annotations
// and their appearances, signature dictionaries, the DSS, metadata, other).
// An object reached by several paths has several roles; change rules judge
// each. Walks are iterative and bounded. Worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DOCUMENT_MODEL_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DOCUMENT_MODEL_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "signature/objects/internal/form_fields.h"
#include "signature/objects/internal/page_tree.h"
#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature::internal_objects {

enum class Role {
  kCatalog,
  kPageTree,
  kPage,
  kPageContent,    // owner: page
  kPageResource,   // owner: page
  kAnnotsArray,    // an indirect /Annots array; owner: page
  kAnnotation,     // a non-widget annotation; owner: itself
  kField,          // a field dictionary or its /Kids, /Lock; owner: field
  kWidget,         // a widget that is not itself a field; owner: field
  kSignatureDict,  // /V of a signature field and below; owner: field
  kAppearance,     // below an annotation's /AP; owner: the annotation
  kAcroForm,       // the AcroForm dictionary, /Fields, /DR; owner: 0
  kDss,            // below /Root /DSS
  kMetadata,       // trailer /Info, /Root /Metadata
  kOther,          // reached by any other path
};

const char* RoleName(Role role);

struct RoleInfo {
  Role role;
  uint32_t owner;
};

struct DocumentModel {
  const PodofoDocument* doc = nullptr;
  uint32_t root_number = 0;
  PageTree pages;
  FormFields form;
  std::map<uint32_t, size_t> field_by_number;  // into form.fields
  std::map<uint32_t, uint32_t> widget_field;   // widget -> field number
  std::map<uint32_t, std::vector<RoleInfo>> roles;
  bool truncated = false;  // a walk hit its step budget

  const std::vector<RoleInfo>& RolesOf(uint32_t number) const;
  // The field (by object number) owning widget or field `number`, or null.
  const FormField* FieldOf(uint32_t number) const;
  // The /Annots entries of a page (resolved through an indirect array).
  std::vector<const PoDoFo::PdfObject*> AnnotsOf(uint32_t page) const;
};

DocumentModel BuildDocumentModel(const PodofoDocument& doc,
                                 uint32_t max_objects);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_DOCUMENT_MODEL_H_
