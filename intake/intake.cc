#include "intake/intake.h"

#include "absl/strings/str_cat.h"
#include "base/document_id.h"
#include "base/status_macros.h"
#include "base/time_util.h"
#include "intake/media_sniffer.h"

namespace docintake::intake {
namespace {

constexpr size_t kMaxShortField = 256;
constexpr size_t kMaxFilename = 1024;
constexpr int kMaxMetadataEntries = 64;
constexpr size_t kMaxMetadataValue = 4096;

absl::Status CheckLength(absl::string_view field, absl::string_view value,
                         size_t max) {
  if (value.size() > max) {
    return absl::InvalidArgumentError(absl::StrCat(
        "header field ", field, " is longer than ", max, " bytes"));
  }
  return absl::OkStatus();
}

v1::SubmitReply ReplyFor(const v1::Record& record) {
  v1::SubmitReply reply;
  reply.set_document_id(record.document_id());
  reply.set_sha256(record.intake().sha256());
  reply.set_size(record.intake().size());
  reply.set_media_type(record.intake().media_type());
  reply.set_media_kind(record.intake().media_kind());
  reply.set_duplicate_of(record.intake().duplicate_of());
  return reply;
}

}  // namespace

absl::Status ValidateHeader(const v1::SubmitHeader& header) {
  if (!v1::Channel_IsValid(header.channel())) {
    return absl::InvalidArgumentError("header field channel is not a channel");
  }
  if (!v1::AssuranceLevel_IsValid(header.assurance_level())) {
    return absl::InvalidArgumentError(
        "header field assurance_level is not an assurance level");
  }
  RETURN_IF_ERROR(
      CheckLength("station_id", header.station_id(), kMaxShortField));
  RETURN_IF_ERROR(CheckLength("portal_id", header.portal_id(), kMaxShortField));
  RETURN_IF_ERROR(CheckLength("submitter.identifier",
                              header.submitter().identifier(), kMaxShortField));
  RETURN_IF_ERROR(CheckLength("submitter.display_name",
                              header.submitter().display_name(),
                              kMaxShortField));
  RETURN_IF_ERROR(CheckLength("declared_media_type",
                              header.declared_media_type(), kMaxShortField));
  RETURN_IF_ERROR(CheckLength("declared_document_type",
                              header.declared_document_type(), kMaxShortField));
  RETURN_IF_ERROR(CheckLength("filename", header.filename(), kMaxFilename));
  RETURN_IF_ERROR(
      CheckLength("idempotency_key", header.idempotency_key(), kMaxShortField));
  RETURN_IF_ERROR(CheckLength("batch_id", header.batch_id(), kMaxShortField));
  if (header.batch_position() != 0 && header.batch_id().empty()) {
    return absl::InvalidArgumentError(
        "header field batch_position is set without batch_id");
  }
  if (header.metadata_size() > kMaxMetadataEntries) {
    return absl::InvalidArgumentError(
        absl::StrCat("header field metadata has more than ",
                     kMaxMetadataEntries, " entries"));
  }
  for (const auto& [key, value] : header.metadata()) {
    RETURN_IF_ERROR(CheckLength("metadata key", key, kMaxShortField));
    RETURN_IF_ERROR(CheckLength("metadata value", value, kMaxMetadataValue));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::SubmitReply> Intake::Replay(const v1::Record& earlier,
                                               const std::string& sha256) {
  if (earlier.intake().sha256() != sha256) {
    return absl::AlreadyExistsError(
        absl::StrCat("idempotency key \"", earlier.intake().idempotency_key(),
                     "\" was already used for document ", earlier.document_id(),
                     " with different content"));
  }
  v1::SubmitReply reply = ReplyFor(earlier);
  reply.set_replayed(true);
  return reply;
}

absl::StatusOr<v1::SubmitReply> Intake::Submit(const v1::SubmitHeader& header,
                                               const ChunkSource& next_chunk,
                                               const v1::BatchOrigin* origin) {
  RETURN_IF_ERROR(ValidateHeader(header));
  ASSIGN_OR_RETURN(std::unique_ptr<Spool::Upload> upload,
                   spool_.BeginUpload(max_document_bytes_));
  bool sniffed = false;
  while (true) {
    ASSIGN_OR_RETURN(std::optional<std::string> chunk, next_chunk());
    if (!chunk.has_value()) break;
    RETURN_IF_ERROR(upload->Append(*chunk));
    // Reject what is not a document as soon as its head is known.
    if (!sniffed && upload->head().size() >= kSniffBytes) {
      RETURN_IF_ERROR(SniffMedia(upload->head()).status());
      sniffed = true;
    }
  }
  ASSIGN_OR_RETURN(const SniffedMedia media, SniffMedia(upload->head()));
  const std::string sha256 = upload->FinishHash();

  if (!header.idempotency_key().empty()) {
    ASSIGN_OR_RETURN(std::optional<v1::Record> earlier,
                     queue_.FindByIdempotencyKey(header.idempotency_key()));
    if (earlier.has_value()) return Replay(*earlier, sha256);
  }

  const absl::Time now = clock_.Now();
  v1::Record record;
  record.set_document_id(base::NewDocumentId(now));
  record.set_state(v1::QUEUED);
  *record.mutable_updated_at() = base::ToProtoTime(now);
  v1::IntakeFacts& facts = *record.mutable_intake();
  facts.set_channel(
      header.channel() == v1::CHANNEL_UNSPECIFIED ? v1::API : header.channel());
  facts.set_station_id(header.station_id());
  facts.set_portal_id(header.portal_id());
  *facts.mutable_submitter() = header.submitter();
  facts.set_assurance_level(header.assurance_level());
  facts.set_declared_media_type(header.declared_media_type());
  facts.set_declared_document_type(header.declared_document_type());
  facts.set_filename(header.filename());
  facts.set_idempotency_key(header.idempotency_key());
  facts.set_batch_id(header.batch_id());
  facts.set_batch_position(header.batch_position());
  if (origin != nullptr) *facts.mutable_batch_origin() = *origin;
  *facts.mutable_metadata() = header.metadata();
  facts.set_de_mail_sender_confirmed(header.de_mail_sender_confirmed());
  facts.set_sha256(sha256);
  facts.set_size(upload->size());
  facts.set_media_kind(media.kind);
  facts.set_media_type(media.media_type);
  *facts.mutable_received_at() = base::ToProtoTime(now);
  ASSIGN_OR_RETURN(std::optional<std::string> duplicate_of,
                   queue_.FindBySha256(sha256));
  if (duplicate_of.has_value()) facts.set_duplicate_of(*duplicate_of);
  if (!header.declared_media_type().empty() &&
      !DeclaredTypeMatches(header.declared_media_type(), media.kind)) {
    record.add_warnings(absl::StrCat(
        "declared media type \"", header.declared_media_type(),
        "\" disagrees with the content, which is ", media.media_type, " (",
        v1::MediaKind_Name(media.kind), ")"));
  }

  RETURN_IF_ERROR(upload->Commit(record.document_id()));
  absl::Status enqueued = queue_.Enqueue(record);
  if (!enqueued.ok()) {
    spool_.Remove(record.document_id()).IgnoreError();
    if (absl::IsAlreadyExists(enqueued) && !header.idempotency_key().empty()) {
      // A concurrent submission with the same key won the race.
      ASSIGN_OR_RETURN(std::optional<v1::Record> earlier,
                       queue_.FindByIdempotencyKey(header.idempotency_key()));
      if (earlier.has_value()) return Replay(*earlier, sha256);
    }
    return enqueued;
  }
  changes_.Notify();
  return ReplyFor(record);
}

}  // namespace docintake::intake
