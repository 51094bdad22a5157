#include "signature/objects/internal/change_findings.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace docintake::signature::internal_objects {
namespace {

using ::docintake::internal::ChangeVerdict;

constexpr size_t kMaxReasons = 100;

const char* ClassLabel(ChangeClass change_class) {
  switch (change_class) {
    case ChangeVerdict::DISALLOWED:
      return "disallowed";
    case ChangeVerdict::SUSPICIOUS:
      return "suspicious";
    case ChangeVerdict::ALLOWED:
      return "allowed";
    default:
      return "note";
  }
}

}  // namespace

void ChangeFindings::Add(ChangeClass change_class, std::string reason) {
  Add(Judgement{change_class, std::move(reason)});
}

void ChangeFindings::Add(Judgement judgement) {
  if (judgement.change_class == ChangeVerdict::CLASS_UNSPECIFIED) return;
  findings_.push_back(std::move(judgement));
}

ChangeVerdict ChangeFindings::Finish(uint32_t changed_objects) const {
  ChangeVerdict verdict;
  verdict.set_changed_objects(changed_objects);
  verdict.set_verdict(ChangeVerdict::ALLOWED);
  verdict.set_validation_data_only(
      std::all_of(findings_.begin(), findings_.end(),
                  [](const Judgement& j) { return j.display_unchanged; }));
  if (findings_.empty()) {
    verdict.add_reasons(
        "allowed: the later revisions change no object of the document");
    return verdict;
  }
  std::vector<Judgement> sorted = findings_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Judgement& a, const Judgement& b) {
                     return a.change_class > b.change_class;
                   });
  verdict.set_verdict(sorted.front().change_class);
  if (verdict.verdict() != ChangeVerdict::ALLOWED) {
    verdict.set_validation_data_only(false);
  }
  for (size_t i = 0; i < sorted.size() && i < kMaxReasons; ++i) {
    verdict.add_reasons(absl::StrCat(ClassLabel(sorted[i].change_class), ": ",
                                     sorted[i].reason));
  }
  if (sorted.size() > kMaxReasons) {
    verdict.add_reasons(absl::StrCat("... and ", sorted.size() - kMaxReasons,
                                     " more findings"));
  }
  return verdict;
}

}  // namespace docintake::signature::internal_objects
