#include "signature/written_form.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;

std::string Name(const Validation& s) {
  const char* what = s.kind() == Validation::DOCUMENT_TIMESTAMP
                         ? "document timestamp"
                         : "signature";
  return s.field_name().empty() ? absl::StrCat(what, " ", s.index() + 1)
                                : absl::StrCat(what, " ", s.index() + 1, " (",
                                               s.field_name(), ")");
}

// Why `s` breaks the written form (empty: it does not).
std::vector<std::string> Breaks(const Validation& s) {
  std::vector<std::string> why;
  if (s.indication() == v1::TOTAL_FAILED) {
    why.push_back(absl::StrCat(
        Name(s), " failed: ", v1::SubIndication_Name(s.subindication())));
  }
  if (s.coverage() == Validation::PARTIAL ||
      s.coverage() == Validation::INVALID) {
    why.push_back(
        absl::StrCat(Name(s), ": its ByteRange does not cover its revision"));
  }
  if (s.later_changes() == Validation::DISALLOWED) {
    why.push_back(absl::StrCat(Name(s),
                               ": the document was changed after signing in "
                               "ways the signature does not permit"));
  }
  return why;
}

// Why `s` leaves a QES open (empty: it is a clean QES or a clean timestamp).
std::vector<std::string> Doubts(const Validation& s) {
  std::vector<std::string> why;
  // A document timestamp only adds proof of time: an indeterminate one
  // (e.g. its TSA certificate has expired since) takes nothing away.
  if (s.indication() != v1::TOTAL_PASSED &&
      s.kind() != Validation::DOCUMENT_TIMESTAMP) {
    why.push_back(absl::StrCat(
        Name(s), " is ", v1::Indication_Name(s.indication()),
        s.subindication() == v1::SUBINDICATION_UNSPECIFIED
            ? ""
            : absl::StrCat("/", v1::SubIndication_Name(s.subindication()))));
  }
  if (s.later_changes() == Validation::SUSPICIOUS) {
    why.push_back(absl::StrCat(
        Name(s), ": changes after signing could not be classified"));
  } else if (s.later_changes() == Validation::ALLOWED &&
             !s.later_changes_validation_data_only()) {
    why.push_back(
        absl::StrCat(Name(s),
                     ": permitted changes after signing (form filling, "
                     "annotations, further signatures); the displayed document "
                     "differs from the signed one"));
  }
  if (s.kind() == Validation::DOCUMENT_TIMESTAMP) return why;
  if (s.level() == Validation::PKCS7 || s.level() == Validation::PKCS7_T ||
      s.level() == Validation::PDF_NOT_ETSI) {
    why.push_back(absl::StrCat(Name(s),
                               " is a legacy PKCS#7 signature, "
                               "not PAdES"));
  }
  if (!s.trusted_list_anchored()) {
    why.push_back(
        absl::StrCat(Name(s),
                     " relies on a configured certificate (e.g. a test root), "
                     "not only on the EU trusted lists"));
  }
  if (s.qualification() != Validation::QESIG) {
    why.push_back(
        absl::StrCat(Name(s), " is not a qualified electronic signature (",
                     Validation::Qualification_Name(s.qualification()), ")"));
  }
  return why;
}

v1::WrittenForm Make(v1::WrittenForm::Decision decision,
                     v1::WrittenForm::SatisfiedBy by,
                     std::vector<std::string> reasons) {
  v1::WrittenForm form;
  form.set_decision(decision);
  form.set_satisfied_by(by);
  for (std::string& reason : reasons) form.add_reasons(std::move(reason));
  return form;
}

void Append(std::vector<std::string>& to, std::vector<std::string> more) {
  for (std::string& s : more) to.push_back(std::move(s));
}

}  // namespace

v1::WrittenForm DecideWrittenForm(
    const google::protobuf::RepeatedPtrField<Validation>& signatures,
    const v1::IntakeFacts& intake) {
  std::vector<std::string> broken;
  std::vector<std::string> doubts;
  bool any_signature = false;
  for (const Validation& s : signatures) {
    any_signature |= s.kind() != Validation::DOCUMENT_TIMESTAMP;
    Append(broken, Breaks(s));
    Append(doubts, Doubts(s));
  }
  // The channel's own substitutes do not depend on the PDF's signatures; a
  // broken signature still sends the document to review in the pipeline.
  std::vector<std::string> notes = broken;
  if (intake.channel() == v1::PORTAL && intake.assurance_level() == v1::HIGH) {
    notes.insert(notes.begin(),
                 "portal submission identified with eID at level HIGH");
    return Make(v1::WrittenForm::SATISFIED, v1::WrittenForm::EID_FORM,
                std::move(notes));
  }
  if (intake.de_mail_sender_confirmed()) {
    notes.insert(notes.begin(), "De-Mail with sender confirmation");
    return Make(v1::WrittenForm::SATISFIED, v1::WrittenForm::DE_MAIL,
                std::move(notes));
  }
  if (!broken.empty()) {
    return Make(v1::WrittenForm::NOT_SATISFIED, v1::WrittenForm::NONE,
                std::move(broken));
  }
  if (!any_signature) {
    std::vector<std::string> why = {
        "no signature, no eID identification at level HIGH and no "
        "confirmed De-Mail"};
    Append(why, std::move(doubts));
    return Make(v1::WrittenForm::NOT_SATISFIED, v1::WrittenForm::NONE,
                std::move(why));
  }
  if (!doubts.empty()) {
    return Make(v1::WrittenForm::NEEDS_REVIEW, v1::WrittenForm::NONE,
                std::move(doubts));
  }
  return Make(v1::WrittenForm::SATISFIED, v1::WrittenForm::QES,
              {"every signature is a valid qualified electronic signature "
               "over the document as received"});
}

}  // namespace docintake::signature
