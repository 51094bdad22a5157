#include "signature/objects/change_permissions.h"

#include <algorithm>

namespace docintake::signature {
namespace {

using ::docintake::internal::PdfFacts;
using ::docintake::internal::SignatureDictionary;

// DocMDP /P of a certification dictionary; a certification without a DocMDP
// transform is malformed: fail closed to 1.
int DocMdpLevel(const SignatureDictionary& dict) {
  for (const auto& reference : dict.references()) {
    if (reference.transform_method() == "DocMDP") return reference.docmdp_p();
  }
  return 1;
}

}  // namespace

ChangePermissions PermissionsForSignature(const PdfFacts& facts,
                                          uint32_t signature_object) {
  ChangePermissions permissions;
  for (const auto& field : facts.signature_fields()) {
    const SignatureDictionary& dict = field.value();
    if (dict.certification()) {
      const int level = DocMdpLevel(dict);
      permissions.docmdp_p = permissions.docmdp_p == 0
                                 ? level
                                 : std::min(permissions.docmdp_p, level);
    }
    if (dict.object_number() != signature_object) continue;
    if (field.has_lock()) permissions.locks.push_back(field.lock());
    for (const auto& reference : dict.references()) {
      if (reference.transform_method() == "FieldMDP") {
        permissions.locks.push_back(reference.field_lock());
      }
    }
  }
  return permissions;
}

}  // namespace docintake::signature
