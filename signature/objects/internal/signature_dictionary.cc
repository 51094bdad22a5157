#include "signature/objects/internal/signature_dictionary.h"

#include "podofo/base/PdfArray.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {
namespace {

using ::docintake::internal::FieldLock;
using ::docintake::internal::SignatureDictionary;
using ::docintake::internal::SignatureReference;

constexpr size_t kMaxReferences = 64;
constexpr size_t kMaxLockedFields = 4096;

FieldLock::Action ActionOf(const std::string& name) {
  if (name == "All") return FieldLock::ALL;
  if (name == "Include") return FieldLock::INCLUDE;
  if (name == "Exclude") return FieldLock::EXCLUDE;
  return FieldLock::ACTION_UNSPECIFIED;
}

}  // namespace

void ReadFieldLock(const PodofoDocument& doc, const PoDoFo::PdfObject& dict,
                   FieldLock* out) {
  out->set_action_name(NameOf(doc.Get(&dict, "Action")));
  out->set_action(ActionOf(out->action_name()));
  const PoDoFo::PdfObject* fields = doc.Get(&dict, "Fields");
  if (fields == nullptr || !fields->IsArray()) return;
  const PoDoFo::PdfArray& list = fields->GetArray();
  for (size_t i = 0; i < list.size() && i < kMaxLockedFields; ++i) {
    out->add_fields(TextOf(doc.Resolve(&list[i])));
  }
}

void ReadSignatureDictionary(const PodofoDocument& doc,
                             const PoDoFo::PdfObject& dict, uint32_t number,
                             SignatureDictionary* out) {
  out->set_object_number(number);
  out->set_type(NameOf(doc.Get(&dict, "Type")));
  out->set_sub_filter(NameOf(doc.Get(&dict, "SubFilter")));
  const PoDoFo::PdfObject* range = doc.Get(&dict, "ByteRange");
  if (range != nullptr && range->IsArray()) {
    const PoDoFo::PdfArray& values = range->GetArray();
    bool all_integers = true;
    for (size_t i = 0; i < values.size() && i < 16; ++i) {
      const std::optional<int64_t> value = IntegerOf(doc.Resolve(&values[i]));
      if (value.has_value()) {
        out->add_byte_range(*value);
      } else {
        all_integers = false;
      }
    }
    out->set_byte_range_well_formed(all_integers && values.size() == 4);
  }
  const PoDoFo::PdfObject* references = doc.Get(&dict, "Reference");
  if (references == nullptr || !references->IsArray()) return;
  const PoDoFo::PdfArray& list = references->GetArray();
  for (size_t i = 0; i < list.size() && i < kMaxReferences; ++i) {
    const PoDoFo::PdfObject* entry = doc.Resolve(&list[i]);
    if (entry == nullptr || !entry->IsDictionary()) continue;
    SignatureReference* reference = out->add_references();
    reference->set_transform_method(NameOf(doc.Get(entry, "TransformMethod")));
    const PoDoFo::PdfObject* params = doc.Get(entry, "TransformParams");
    if (reference->transform_method() == "DocMDP") {
      // Absent: 2; present but not 1..3: fail closed to 1.
      const PoDoFo::PdfObject* p = doc.Get(params, "P");
      const std::optional<int64_t> level = IntegerOf(p);
      if (p == nullptr) {
        reference->set_docmdp_p(2);
      } else if (level.has_value() && *level >= 1 && *level <= 3) {
        reference->set_docmdp_p(static_cast<int32_t>(*level));
      } else {
        reference->set_docmdp_p(1);
      }
    } else if (reference->transform_method() == "FieldMDP" &&
               params != nullptr && params->IsDictionary()) {
      ReadFieldLock(doc, *params, reference->mutable_field_lock());
    }
  }
}

bool LooksLikeSignatureDictionary(const PodofoDocument& doc,
                                  const PoDoFo::PdfObject& object) {
  if (!object.IsDictionary()) return false;
  const std::string type = NameOf(doc.Get(&object, "Type"));
  return type == "Sig" || type == "DocTimeStamp" ||
         object.GetDictionary().HasKey(PoDoFo::PdfName("ByteRange"));
}

}  // namespace docintake::signature::internal_objects
