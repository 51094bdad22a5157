#include "signature/objects/internal/dictionary_diff.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "podofo/base/PdfDictionary.h"
#include "signature/objects/internal/pdf_values.h"

namespace docintake::signature::internal_objects {

Keys KeyDiff(const PoDoFo::PdfObject* a, const PoDoFo::PdfObject* b) {
  if (a == nullptr || b == nullptr || !a->IsDictionary() ||
      !b->IsDictionary()) {
    return {"*"};
  }
  Keys keys;
  const auto& ka = a->GetDictionary().GetKeys();
  const auto& kb = b->GetDictionary().GetKeys();
  for (const auto& [name, value] : ka) {
    const auto other = kb.find(name);
    if (other == kb.end() || Serialize(*value) != Serialize(*other->second)) {
      keys.insert(name.GetName());
    }
  }
  for (const auto& [name, value] : kb) {
    if (ka.find(name) == ka.end()) keys.insert(name.GetName());
  }
  return keys;
}

bool Within(const Keys& keys, const Keys& allowed) {
  for (const std::string& key : keys) {
    if (allowed.count(key) == 0) return false;
  }
  return true;
}

std::string KeyList(const Keys& keys) {
  return absl::StrCat("/", absl::StrJoin(keys, " /"));
}

}  // namespace docintake::signature::internal_objects
