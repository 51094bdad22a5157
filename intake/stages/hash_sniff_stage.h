// HashSniffStage ("hash-sniff"): re-hashes and re-sniffs the spooled bytes and
// fails the document if they are not what was acknowledged at intake (the
// spool was corrupted). Thread-safe.
#ifndef DOCINTAKE_INTAKE_STAGES_HASH_SNIFF_STAGE_H_
#define DOCINTAKE_INTAKE_STAGES_HASH_SNIFF_STAGE_H_

#include "intake/stage.h"

namespace docintake::intake {

class HashSniffStage final : public Stage {
 public:
  absl::string_view name() const override { return "hash-sniff"; }
  bool AppliesTo(const v1::Record&) const override { return true; }
  absl::StatusOr<internal::StageOutput> Run(const v1::Record& record,
                                            absl::string_view content) override;
};

}  // namespace docintake::intake

#endif  // DOCINTAKE_INTAKE_STAGES_HASH_SNIFF_STAGE_H_
