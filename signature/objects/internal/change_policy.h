// ChangePolicy: what a signature's permissions allow to change after it —
// DocMDP /P (0: an approval signature's default rules, 1..3) and the
// FieldMDP locks. Plain value; worker only.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_POLICY_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_POLICY_H_

#include <string>
#include <vector>

#include "docintake/internal/pdf_facts.pb.h"
#include "signature/objects/change_permissions.h"

namespace docintake::signature::internal_objects {

class ChangePolicy {
 public:
  explicit ChangePolicy(const ChangePermissions& permissions)
      : p_(permissions.docmdp_p), locks_(permissions.locks) {}
  bool FormFilling() const { return p_ != 1; }
  bool Signing() const { return p_ != 1; }
  bool Annotations() const { return p_ == 0 || p_ == 3; }
  // "the approval signature" or "DocMDP P=n", for reasons.
  std::string Mdp() const;
  // Whether a lock covers the field (a lock on "a" covers "a.b"; an unknown
  // /Action fails closed).
  bool Locked(const std::string& name) const;

 private:
  int p_;
  std::vector<::docintake::internal::FieldLock> locks_;
};

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_POLICY_H_
