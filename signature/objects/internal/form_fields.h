// WalkFormFields: the interactive form of one revision as a flat list — every
// field node reachable from /Root /AcroForm /Fields through /Kids, with its
// fully qualified name, inherited /FT and widget annotations. Cycles, depth
// and node counts are bounded; oddities become warnings. Worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_FORM_FIELDS_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_FORM_FIELDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "signature/objects/internal/podofo_document.h"

namespace docintake::signature::internal_objects {

struct FormField {
  const PoDoFo::PdfObject* dict = nullptr;  // the field dictionary
  uint32_t object_number = 0;               // 0 for a direct dictionary
  uint32_t parent_number = 0;               // 0 for a top-level field
  std::string name;                         // partial names joined by '.'
  std::string type;                         // /FT, inherited: Sig, Tx, ...
  // Widget annotations: the field itself when merged, or its /Kids without
  // /T (object numbers; direct widgets are not listed).
  std::vector<uint32_t> widgets;
  bool has_kids = false;  // has child fields
};

struct FormFields {
  std::vector<FormField> fields;
  std::vector<std::string> warnings;
};

FormFields WalkFormFields(const PodofoDocument& doc, uint32_t max_nodes);

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_FORM_FIELDS_H_
