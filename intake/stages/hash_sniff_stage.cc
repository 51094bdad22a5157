#include "intake/stages/hash_sniff_stage.h"

#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "intake/media_sniffer.h"

namespace docintake::intake {

absl::StatusOr<internal::StageOutput> HashSniffStage::Run(
    const v1::Record& record, absl::string_view content) {
  internal::StageOutput out;
  const v1::IntakeFacts& facts = record.intake();
  const std::string sha256 = base::Sha256Hex(content);
  if (content.size() != facts.size() || sha256 != facts.sha256()) {
    out.set_result(v1::StageOutcome::ERROR);
    out.set_disposition(internal::StageOutput::FAIL);
    out.set_message(absl::StrCat(
        "spooled bytes differ from what was acknowledged: expected ",
        facts.size(), " bytes with SHA-256 ", facts.sha256(), ", found ",
        content.size(), " bytes with SHA-256 ", sha256));
    return out;
  }
  absl::StatusOr<SniffedMedia> media = SniffMedia(content);
  if (!media.ok() || media->kind != facts.media_kind()) {
    out.set_result(v1::StageOutcome::ERROR);
    out.set_disposition(internal::StageOutput::FAIL);
    out.set_message(
        "the spooled bytes no longer sniff as the media type "
        "recorded at intake");
    return out;
  }
  out.set_result(v1::StageOutcome::OK);
  return out;
}

}  // namespace docintake::intake
