#include "signature/objects/internal/facts_builder.h"

#include <set>

#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/dss_reader.h"
#include "signature/objects/internal/form_fields.h"
#include "signature/objects/internal/page_tree.h"
#include "signature/objects/internal/pdf_values.h"
#include "signature/objects/internal/signature_dictionary.h"

namespace docintake::signature::internal_objects {

using ::docintake::internal::PdfFacts;
using ::docintake::internal::SignatureField;

PdfFacts BuildPdfFacts(const PodofoDocument& doc,
                       const PdfObjectsLimits& limits) {
  PdfFacts facts;
  facts.set_parsed_length(doc.parsed_length());
  facts.set_object_count(static_cast<uint32_t>(doc.objects().size()));
  facts.set_incremental_updates(doc.incremental_updates());

  PageTree pages = WalkPageTree(doc, limits.max_objects);
  facts.set_page_count(static_cast<int32_t>(pages.pages.size()));
  for (std::string& warning : pages.warnings) {
    facts.add_warnings(std::move(warning));
  }

  const PoDoFo::PdfObject* perms = doc.Get(doc.Root(), "Perms");
  if (perms != nullptr && perms->IsDictionary()) {
    const PoDoFo::PdfObject* docmdp =
        perms->GetDictionary().GetKey(PoDoFo::PdfName("DocMDP"));
    facts.set_docmdp_object(ReferencedNumber(docmdp));
    if (docmdp != nullptr && facts.docmdp_object() == 0) {
      facts.add_warnings("/Perms /DocMDP is not an indirect reference");
    }
  }

  FormFields form = WalkFormFields(doc, limits.max_objects);
  for (std::string& warning : form.warnings) {
    facts.add_warnings(std::move(warning));
  }
  std::set<uint32_t> field_values;
  for (const FormField& field : form.fields) {
    if (field.type != "Sig") continue;
    const PoDoFo::PdfObject* v_entry =
        field.dict->GetDictionary().GetKey(PoDoFo::PdfName("V"));
    const PoDoFo::PdfObject* value = doc.Resolve(v_entry);
    if (value == nullptr || !value->IsDictionary()) continue;
    SignatureField* out = facts.add_signature_fields();
    out->set_name(field.name);
    out->set_field_object(field.object_number);
    const uint32_t value_number = ReferencedNumber(v_entry);
    field_values.insert(value_number);
    ReadSignatureDictionary(doc, *value, value_number, out->mutable_value());
    out->mutable_value()->set_certification(
        value_number != 0 && value_number == facts.docmdp_object());
    const PoDoFo::PdfObject* lock = doc.Get(field.dict, "Lock");
    if (lock != nullptr && lock->IsDictionary()) {
      ReadFieldLock(doc, *lock, out->mutable_lock());
    }
  }

  for (const auto& [number, object] : doc.objects()) {
    if (field_values.count(number) != 0) continue;
    if (!LooksLikeSignatureDictionary(doc, *object)) continue;
    auto* orphan = facts.add_orphaned_signatures();
    ReadSignatureDictionary(doc, *object, number, orphan);
    orphan->set_certification(number == facts.docmdp_object());
  }

  ReadDss(doc, limits.max_decoded_bytes, &facts);
  return facts;
}

}  // namespace docintake::signature::internal_objects
