#include "intake/stages/signature_stage.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/time_util.h"
#include "signature/written_form.h"

namespace docintake::intake {
namespace {

using Validation = v1::SignatureValidation;

// Why `s` makes the document need a person (empty: it does not).
std::string Failure(const Validation& s) {
  const std::string name = absl::StrCat(
      s.kind() == Validation::DOCUMENT_TIMESTAMP ? "document timestamp "
                                                 : "signature ",
      s.index() + 1);
  if (s.indication() == v1::TOTAL_FAILED) {
    return absl::StrCat(name, " failed (",
                        v1::SubIndication_Name(s.subindication()), ")");
  }
  if (s.coverage() == Validation::PARTIAL ||
      s.coverage() == Validation::INVALID) {
    return absl::StrCat(name, " does not cover its revision");
  }
  if (s.later_changes() == Validation::DISALLOWED ||
      s.later_changes() == Validation::SUSPICIOUS) {
    return absl::StrCat(name, ": ",
                        Validation::LaterChanges_Name(s.later_changes()),
                        " changes after signing");
  }
  return "";
}

}  // namespace

bool SignatureStage::AppliesTo(const v1::Record& record) const {
  return !record.has_batch_split();
}

absl::StatusOr<internal::StageOutput> SignatureStage::Run(
    const v1::Record& record, absl::string_view content) {
  internal::StageOutput out;
  v1::SignatureReport& report = *out.mutable_delta()->mutable_signatures();
  if (record.intake().media_kind() == v1::PDF) {
    absl::StatusOr<v1::SignatureReport> validated = validator_.Validate(
        content, base::FromProtoTime(record.intake().received_at()));
    if (!validated.ok()) {
      // Not a PDF after all, or unreadable: a person has to look.
      out.set_result(v1::StageOutcome::ERROR);
      out.set_disposition(internal::StageOutput::REVIEW);
      out.set_message(absl::StrCat("signatures could not be checked: ",
                                   validated.status().message()));
      *report.mutable_written_form() =
          signature::DecideWrittenForm({}, record.intake());
      return out;
    }
    report = std::move(*validated);
  }
  *report.mutable_written_form() =
      signature::DecideWrittenForm(report.signatures(), record.intake());

  std::vector<std::string> failures;
  for (const Validation& s : report.signatures()) {
    if (std::string f = Failure(s); !f.empty()) failures.push_back(f);
  }
  const v1::WrittenForm& form = report.written_form();
  const std::string decision = absl::StrCat(
      "written form: ", v1::WrittenForm::Decision_Name(form.decision()),
      form.decision() == v1::WrittenForm::SATISFIED
          ? absl::StrCat(" by ",
                         v1::WrittenForm::SatisfiedBy_Name(form.satisfied_by()))
          : "");
  if (!failures.empty()) {
    out.set_result(v1::StageOutcome::ERROR);
    out.set_disposition(internal::StageOutput::REVIEW);
    out.set_message(
        absl::StrCat(absl::StrJoin(failures, "; "), "; ", decision));
  } else if (form.decision() == v1::WrittenForm::NEEDS_REVIEW) {
    out.set_result(v1::StageOutcome::WARNING);
    out.set_disposition(internal::StageOutput::REVIEW);
    out.set_message(
        absl::StrCat(decision, ": ", absl::StrJoin(form.reasons(), "; ")));
  } else {
    out.set_result(v1::StageOutcome::OK);
    out.set_message(decision);
  }
  return out;
}

}  // namespace docintake::intake
