#include "signature/internal/common_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "signature/pdf/byte_range.h"

namespace docintake::signature {
namespace {

using Validation = v1::SignatureValidation;

Validation::Coverage ToProto(Coverage coverage) {
  switch (coverage) {
    case Coverage::kEntireFile:
      return Validation::ENTIRE_FILE;
    case Coverage::kEntireRevision:
      return Validation::ENTIRE_REVISION;
    case Coverage::kPartial:
      return Validation::PARTIAL;
    case Coverage::kInvalid:
      return Validation::INVALID;
  }
  return Validation::INVALID;
}

Validation::LaterChanges ToProto(internal::ChangeVerdict::Class verdict) {
  switch (verdict) {
    case internal::ChangeVerdict::NONE:
      return Validation::NONE;
    case internal::ChangeVerdict::ALLOWED:
      return Validation::ALLOWED;
    case internal::ChangeVerdict::DISALLOWED:
      return Validation::DISALLOWED;
    default:
      return Validation::SUSPICIOUS;
  }
}

// The pieces (offset, length) pairs of `byte_range` select, or none when
// one is negative or outside `pdf`.
std::vector<absl::string_view> Pieces(absl::string_view pdf,
                                      const std::vector<int64_t>& byte_range) {
  if (byte_range.empty() || byte_range.size() % 2 != 0) return {};
  std::vector<absl::string_view> out;
  for (size_t k = 0; k < byte_range.size(); k += 2) {
    const int64_t offset = byte_range[k];
    const int64_t length = byte_range[k + 1];
    if (offset < 0 || length < 0 ||
        static_cast<uint64_t>(offset) > pdf.size() ||
        static_cast<uint64_t>(length) >
            pdf.size() - static_cast<uint64_t>(offset)) {
      return {};
    }
    out.push_back(
        pdf.substr(static_cast<size_t>(offset), static_cast<size_t>(length)));
  }
  return out;
}

// The DocMDP /P the change rules enforce (the reader maps an absent /P to
// 2 and an invalid one to 1); a certification without a DocMDP transform is
// malformed and, as there, held to 1.
uint32_t DocMdpPermissions(const internal::SignatureDictionary& value) {
  for (const internal::SignatureReference& ref : value.references()) {
    if (ref.transform_method() == "DocMDP") {
      return static_cast<uint32_t>(ref.docmdp_p());
    }
  }
  return 1;
}

}  // namespace

void Fail(Validation& out, v1::Indication indication, v1::SubIndication sub,
          const std::string& reason) {
  if (out.indication() == v1::INDICATION_UNSPECIFIED) {
    out.set_indication(indication);
    out.set_subindication(sub);
  }
  out.add_errors(reason);
}

void Finish(Validation& out) {
  if (out.indication() == v1::INDICATION_UNSPECIFIED) {
    out.set_indication(v1::TOTAL_PASSED);
  }
}

SignedData DescribeSignature(Document& doc, size_t i, Validation& out) {
  const RawSignature& raw = doc.raw()[i];
  SignedData signed_data;
  out.set_index(static_cast<uint32_t>(i));
  out.set_subfilter(raw.sub_filter);
  if (raw.byte_range.has_value()) {
    for (int64_t v : *raw.byte_range) out.add_byte_range(v);
  }
  const internal::SignatureField* field = doc.FieldFor(i);
  bool certification = false;
  if (field != nullptr) {
    out.set_field_name(field->name());
    certification = field->value().certification();
  } else if (doc.facts_ok()) {
    out.add_warnings(
        "no signature field of the final revision uses this signature "
        "dictionary (orphaned: a manipulation indicator)");
  }
  if (raw.sub_filter == "ETSI.RFC3161") {
    out.set_kind(Validation::DOCUMENT_TIMESTAMP);
    if (raw.type != "DocTimeStamp") {
      out.add_warnings(absl::StrCat(
          "a time-stamp token in a dictionary of /Type /", raw.type,
          "; EN 319 142-1 requires /Type /DocTimeStamp"));
    }
  } else if (certification) {
    out.set_kind(Validation::CERTIFICATION);
    out.set_docmdp_permissions(DocMdpPermissions(field->value()));
  } else {
    out.set_kind(Validation::SIGNATURE);
  }

  const ByteRangeCoverage coverage =
      CheckByteRange(doc.pdf(), raw, doc.revision_ends());
  out.set_coverage(ToProto(coverage.coverage));
  signed_data.signed_end = coverage.signed_end;
  for (const std::string& problem : coverage.problems) {
    signed_data.format_failures.push_back(problem);
  }
  if (raw.byte_range.has_value()) {
    signed_data.ranges = Pieces(doc.pdf(), *raw.byte_range);
  }
  if (!raw.has_hex_contents) {
    signed_data.format_failures.push_back("/Contents is not a hex string");
  }
  if (!raw.redefinitions.empty()) {
    signed_data.format_failures.push_back(
        absl::StrCat("the signature dictionary (object ", raw.object_number,
                     ") is redefined by a later update"));
  }
  for (const std::string& key : raw.duplicate_keys) {
    out.add_warnings(
        absl::StrCat("the signature dictionary has /", key, " more than once"));
  }
  return signed_data;
}

ChangesPlan PlanLaterChanges(const Document& doc, size_t i) {
  const RawSignature& raw = doc.raw()[i];
  const ByteRangeCoverage coverage =
      CheckByteRange(doc.pdf(), raw, doc.revision_ends());
  ChangesPlan plan;
  plan.signature_object =
      static_cast<uint32_t>(std::max<int64_t>(raw.object_number, 0));
  uint64_t end = coverage.signed_end.value_or(0);
  switch (coverage.coverage) {
    case Coverage::kEntireFile:
      plan.fixed = Validation::NONE;
      return plan;
    case Coverage::kEntireRevision:
      plan.end = end;
      return plan;
    case Coverage::kPartial:
      plan.fixed = Validation::NOT_APPLICABLE;
      return plan;
    case Coverage::kInvalid:
      break;
  }
  // The ByteRange does not say what was signed. If it still ends where a
  // revision ends, judge the updates after the revision that holds the
  // signature dictionary; otherwise nothing can be said.
  const std::vector<size_t>& ends = doc.revision_ends();
  if (std::find(ends.begin(), ends.end(), end) == ends.end() &&
      end != doc.pdf().size()) {
    plan.fixed = Validation::NOT_APPLICABLE;
    return plan;
  }
  const size_t revision = doc.RevisionOf(raw.dictionary_begin);
  if (revision + 1 >= ends.size()) {
    plan.fixed = Validation::NONE;
    return plan;
  }
  plan.end = ends[revision];
  return plan;
}

void CheckLaterChanges(const Document& doc, size_t i, SignedData& signed_data,
                       Validation& out) {
  const ChangesPlan plan = PlanLaterChanges(doc, i);
  if (plan.fixed.has_value()) {
    out.set_later_changes(*plan.fixed);
    return;
  }
  absl::StatusOr<const internal::RevisionAnalysis*> revision =
      doc.Revision(plan.end, plan.signature_object);
  if (!revision.ok()) {
    out.set_later_changes(Validation::SUSPICIOUS);
    out.add_change_details(
        absl::StrCat("the changes after signing cannot be analysed: ",
                     revision.status().message()));
    return;
  }
  const internal::PdfFacts& signed_facts = (*revision)->facts();
  if (doc.facts_complete() &&
      signed_facts.page_count() != doc.facts().page_count()) {
    signed_data.format_failures.push_back(absl::StrCat(
        "the page count changed after signing, from ",
        signed_facts.page_count(), " to ", doc.facts().page_count()));
  }
  const internal::ChangeVerdict& verdict = (*revision)->verdict();
  out.set_later_changes(ToProto(verdict.verdict()));
  out.set_later_changes_validation_data_only(
      verdict.verdict() == internal::ChangeVerdict::ALLOWED &&
      verdict.validation_data_only());
  for (const std::string& reason : verdict.reasons()) {
    out.add_change_details(reason);
  }
}

}  // namespace docintake::signature
