#include "signature/objects/internal/change_policy.h"

#include "absl/strings/str_cat.h"

namespace docintake::signature::internal_objects {

using ::docintake::internal::FieldLock;

std::string ChangePolicy::Mdp() const {
  return p_ == 0 ? "the approval signature" : absl::StrCat("DocMDP P=", p_);
}

bool ChangePolicy::Locked(const std::string& name) const {
  for (const FieldLock& lock : locks_) {
    bool listed = false;
    for (const std::string& field : lock.fields()) {
      if (name == field || name.rfind(field + ".", 0) == 0) listed = true;
    }
    switch (lock.action()) {
      case FieldLock::ALL:
        return true;
      case FieldLock::INCLUDE:
        if (listed) return true;
        break;
      case FieldLock::EXCLUDE:
        if (!listed) return true;
        break;
      default:
        return true;  // unknown /Action: fail closed
    }
  }
  return false;
}

}  // namespace docintake::signature::internal_objects
