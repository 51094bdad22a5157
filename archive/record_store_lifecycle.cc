// RecordStore: versions after the original — legal holds and disposition.
#include "absl/strings/str_cat.h"
#include "archive/record_store.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

std::string TimeText(const google::protobuf::Timestamp& t) {
  return absl::FormatTime(absl::RFC3339_sec, base::FromProtoTime(t),
                          absl::UTCTimeZone());
}

absl::Status RefuseIfDisposed(const v1::Record& latest) {
  if (latest.archive().reason() != v1::ArchiveFacts::DISPOSED) {
    return absl::OkStatus();
  }
  const v1::Disposition& d = latest.archive().disposition();
  return absl::FailedPreconditionError(
      absl::StrCat("document ", latest.document_id(), " was disposed of on ",
                   TimeText(d.approved_at()), " (proposed by ", d.proposed_by(),
                   ", approved by ", d.approved_by(), ")"));
}

// Why the document may not be disposed of now, if it may not.
absl::Status RefuseIfRetained(const v1::Record& latest, absl::Time now) {
  RETURN_IF_ERROR(RefuseIfDisposed(latest));
  const v1::ArchiveFacts& facts = latest.archive();
  if (facts.has_legal_hold()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "document ", latest.document_id(), " is under legal hold since ",
        TimeText(facts.legal_hold().set_at()), " (set by ",
        facts.legal_hold().set_by(), ": ", facts.legal_hold().reason(), ")"));
  }
  if (now < base::FromProtoTime(facts.retain_until())) {
    return absl::FailedPreconditionError(
        absl::StrCat("document ", latest.document_id(),
                     " must be retained until ", TimeText(facts.retain_until()),
                     " (rule \"", facts.retention_rule(), "\")"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Record> RecordStore::AppendVersion(
    v1::Record next, v1::ArchiveFacts::VersionReason reason) {
  ASSIGN_OR_RETURN(VersionRow latest,
                   metadata_->ReadVersion(next.document_id(), 0));
  ASSIGN_OR_RETURN(std::string latest_leaf,
                   metadata_->LeafData(latest.log_index));
  v1::LogLeaf leaf;
  if (!leaf.ParseFromString(latest_leaf) || !leaf.has_record_version()) {
    return absl::DataLossError(absl::StrCat("log leaf ", latest.log_index,
                                            " of ", next.document_id(),
                                            " is not a record version"));
  }
  v1::ArchiveFacts& facts = *next.mutable_archive();
  facts.set_version(latest.version + 1);
  *facts.mutable_archived_at() = base::ToProtoTime(clock_.Now());
  facts.set_log_index(log_->size());
  facts.set_reason(reason);
  // A correction describes only the version that made it.
  if (reason != v1::ArchiveFacts::CORRECTED) facts.clear_correction();
  const VersionRow row = RowFor(next);
  const LeafRow new_leaf = LeafFor(next, row.record_bytes,
                                   leaf.record_version().content_commitment());
  RETURN_IF_ERROR(reason == v1::ArchiveFacts::DISPOSED
                      ? metadata_->AppendTombstone(row, new_leaf)
                      : metadata_->AppendVersion(row, /*salt=*/"", new_leaf));
  log_->Appended(new_leaf);
  return next;
}

absl::StatusOr<std::vector<v1::Record>> RecordStore::ListVersions(
    absl::string_view document_id) {
  ASSIGN_OR_RETURN(std::vector<VersionRow> rows,
                   metadata_->ListVersions(std::string(document_id)));
  if (rows.empty()) {
    return absl::NotFoundError(
        absl::StrCat("document ", document_id, " is not archived"));
  }
  std::vector<v1::Record> versions;
  for (const VersionRow& row : rows) {
    v1::Record& record = versions.emplace_back();
    if (!record.ParseFromString(row.record_bytes)) {
      return absl::DataLossError(
          absl::StrCat("archived record of ", document_id, " does not parse"));
    }
  }
  return versions;
}

absl::StatusOr<v1::Record> RecordStore::SetLegalHold(
    absl::string_view document_id, const std::string& reason,
    const std::string& actor) {
  if (reason.empty()) {
    return absl::InvalidArgumentError("a legal hold needs a reason");
  }
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(v1::Record next, LatestLocked(document_id));
  RETURN_IF_ERROR(RefuseIfDisposed(next));
  if (next.archive().has_legal_hold()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "document ", document_id, " is already under legal hold since ",
        TimeText(next.archive().legal_hold().set_at())));
  }
  v1::LegalHold& hold = *next.mutable_archive()->mutable_legal_hold();
  hold.set_reason(reason);
  hold.set_set_by(actor);
  *hold.mutable_set_at() = base::ToProtoTime(clock_.Now());
  return AppendVersion(std::move(next), v1::ArchiveFacts::LEGAL_HOLD_SET);
}

absl::StatusOr<v1::Record> RecordStore::ClearLegalHold(
    absl::string_view document_id) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(v1::Record next, LatestLocked(document_id));
  RETURN_IF_ERROR(RefuseIfDisposed(next));
  if (!next.archive().has_legal_hold()) {
    return absl::FailedPreconditionError(
        absl::StrCat("document ", document_id, " is not under legal hold"));
  }
  next.mutable_archive()->clear_legal_hold();
  return AppendVersion(std::move(next), v1::ArchiveFacts::LEGAL_HOLD_CLEARED);
}

absl::StatusOr<v1::Record> RecordStore::CorrectRecord(
    const v1::CorrectRecordRequest& request, const std::string& actor) {
  if (request.reason().empty()) {
    return absl::InvalidArgumentError("a correction needs a reason");
  }
  if (request.document_type().empty() && request.metadata().empty()) {
    return absl::InvalidArgumentError("the correction changes nothing");
  }
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(v1::Record next, LatestLocked(request.document_id()));
  RETURN_IF_ERROR(RefuseIfDisposed(next));
  v1::Correction& correction = *next.mutable_archive()->mutable_correction();
  correction.Clear();
  correction.set_corrected_by(actor);
  correction.set_reason(request.reason());
  *correction.mutable_corrected_at() = base::ToProtoTime(clock_.Now());
  v1::IntakeFacts& facts = *next.mutable_intake();
  if (!request.document_type().empty()) {
    correction.set_previous_document_type(facts.declared_document_type());
    facts.set_declared_document_type(request.document_type());
    const RetentionDecision retention = options_.retention.Decide(
        facts.declared_document_type(), v1::Channel_Name(facts.channel()),
        base::FromProtoTime(facts.received_at()));
    *next.mutable_archive()->mutable_retain_until() =
        base::ToProtoTime(retention.retain_until);
    next.mutable_archive()->set_retention_rule(retention.rule);
  }
  for (const auto& [key, value] : request.metadata()) {
    if (value.empty()) {
      facts.mutable_metadata()->erase(key);
    } else {
      (*facts.mutable_metadata())[key] = value;
    }
  }
  return AppendVersion(std::move(next), v1::ArchiveFacts::CORRECTED);
}

absl::StatusOr<v1::Disposition> RecordStore::ProposeDisposition(
    absl::string_view document_id, const std::string& reason,
    const std::string& actor) {
  if (reason.empty()) {
    return absl::InvalidArgumentError("a disposition needs a reason");
  }
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(v1::Record latest, LatestLocked(document_id));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(RefuseIfRetained(latest, now));
  v1::Disposition proposal;
  proposal.set_proposed_by(actor);
  proposal.set_reason(reason);
  *proposal.mutable_proposed_at() = base::ToProtoTime(now);
  RETURN_IF_ERROR(metadata_->PutProposal(std::string(document_id), proposal));
  return proposal;
}

absl::StatusOr<v1::Record> RecordStore::ApproveDisposition(
    absl::string_view document_id, const std::string& actor) {
  std::string content_address;
  std::string rendition_address;
  v1::Record tombstone;
  {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(v1::Record latest, LatestLocked(document_id));
    const absl::Time now = clock_.Now();
    // Re-checked: a hold may have been set since the proposal.
    RETURN_IF_ERROR(RefuseIfRetained(latest, now));
    ASSIGN_OR_RETURN(std::optional<v1::Disposition> proposed,
                     metadata_->GetProposal(std::string(document_id)));
    if (!proposed.has_value()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "no disposition of ", document_id, " has been proposed"));
    }
    v1::Disposition disposition = *std::move(proposed);
    if (disposition.proposed_by() == actor) {
      return absl::FailedPreconditionError(
          absl::StrCat("a disposition needs a second person: ", actor,
                       " proposed it and cannot also approve it"));
    }
    disposition.set_approved_by(actor);
    *disposition.mutable_approved_at() = base::ToProtoTime(now);
    content_address = latest.archive().content_address();
    rendition_address = latest.rendition().content_address();

    v1::Record next = latest;
    next.set_state(v1::DISPOSED);
    *next.mutable_archive()->mutable_disposition() = disposition;
    ASSIGN_OR_RETURN(
        tombstone, AppendVersion(std::move(next), v1::ArchiveFacts::DISPOSED));
    // Objects are shared by documents with the same bytes: delete only when
    // no document that still has its content refers to it.
    ASSIGN_OR_RETURN(bool still_needed,
                     metadata_->ContentStillNeeded(content_address,
                                                   std::string(document_id)));
    // A rendition is derived deterministically from the original, so a
    // document with the same original usually shares it; when in doubt keep
    // it (at worst an unneeded object stays).
    if (still_needed) {
      content_address.clear();
      rendition_address.clear();
    }
  }
  // After the commit: a crash here leaves an unreferenced object, never a
  // deleted content without its tombstone.
  for (const std::string& address : {content_address, rendition_address}) {
    if (!address.empty()) RETURN_IF_ERROR(objects_->Delete(address));
  }
  return tombstone;
}

}  // namespace docintake::archive
