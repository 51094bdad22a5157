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
};

class ChangeFindings {
 public:
  void Add(ChangeClass change_class, std::string reason);
  void Add(Judgement judgement) {
    Add(judgement.change_class, std::move(judgement.reason));
  }
  // The verdict for a document with later revisions: the worst finding,
  // ALLOWED with a note when nothing was found.
  ::docintake::internal::ChangeVerdict Finish(uint32_t changed_objects) const;

 private:
  std::vector<Judgement> findings_;
};

}  // namespace docintake::signature::internal_objects

#endif  // DOCINTAKE_SIGNATURE_OBJECTS_INTERNAL_CHANGE_FINDINGS_H_
