// ChangeFindings: collects (class, reason) findings of the change rules and
// folds them into a ChangeVerdict — the worst class wins; reasons are kept
// in order, worst classes first, capped. Not thread-safe.
#ifndef DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_FINDINGS_H_
#define DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_FINDINGS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "docintake/internal/pdf_facts.pb.h"

namespace docintake::signature::internal_objects {

using ChangeClass = ::docintake::internal::ChangeVerdict::Class;

struct Judgement {
  ChangeClass change_class =
      ::docintake::internal::ChangeVerdict::CLASS_UNSPECIFIED;  // = no finding
  std::string reason;
  // An allowed change that only adds validation data or document
  // timestamps (or updates bookkeeping): what is displayed stays the same.
  bool display_unchanged = false;
};

// An allowed change that leaves what is displayed as it was signed.
inline Judgement Bookkeeping(std::string reason) {
  return {::docintake::internal::ChangeVerdict::ALLOWED, std::move(reason),
          true};
}

class ChangeFindings {
 public:
  void Add(ChangeClass change_class, std::string reason);
  void Add(Judgement judgement);
  // The verdict for a document with later revisions: the worst finding,
  // ALLOWED with a note when nothing was found.
  ::docintake::internal::ChangeVerdict Finish(uint32_t changed_objects) const;

 private:
  std::vector<Judgement> findings_;
};

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_FINDINGS_H_
