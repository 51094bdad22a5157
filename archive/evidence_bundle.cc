// Evidence bundle: the layout and the writer (the verifier is in
// evidence_bundle_verifier.cc).
#include "archive/evidence_bundle.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "archive/internal/bundle_readme.h"
#include "archive/internal/public_key_der.h"
#include "archive/internal/tar_header.h"
#include "archive/merkle_hash.h"
#include "archive/tar_writer.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "base/string_file.h"
#include "base/time_util.h"
#include "google/protobuf/util/json_util.h"

namespace docintake::archive {
namespace {

constexpr size_t kContentPieceBytes = 1 << 20;

std::string Hex(absl::string_view raw) { return absl::BytesToHexString(raw); }

const char* ExtensionOfKind(v1::MediaKind kind) {
  switch (kind) {
    case v1::PDF:
      return "pdf";
    case v1::TIFF:
      return "tif";
    case v1::PNG:
      return "png";
    case v1::JPEG:
      return "jpg";
    case v1::UBL_INVOICE:
    case v1::UBL_CREDIT_NOTE:
    case v1::CII_INVOICE:
      return "xml";
    default:
      return "";
  }
}

std::string RecordJson(const v1::Record& record) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(record, &json, options)
           .ok()) {
    return "{}\n";  // a Record always prints; never reached in practice
  }
  return json;
}

// Streams the original into the open member and checks what it streamed.
absl::Status WriteOriginal(base::SequentialFile& content,
                           const std::string& content_address, uint64_t size,
                           TarWriter& tar) {
  base::Sha256 hasher;
  uint64_t seen = 0;
  while (true) {
    ASSIGN_OR_RETURN(std::string piece, content.Read(kContentPieceBytes));
    if (piece.empty()) break;
    seen += piece.size();
    if (seen > size) {
      return absl::DataLossError(absl::StrCat(
          "the archived content ", content_address,
          " has more bytes than the record's intake.size of ", size));
    }
    hasher.Update(piece);
    RETURN_IF_ERROR(tar.Write(piece));
  }
  if (seen != size) {
    return absl::DataLossError(
        absl::StrCat("the archived content ", content_address, " has ", seen,
                     " bytes, the record's intake.size says ", size));
  }
  const std::string actual = absl::StrCat("sha256:", Hex(hasher.Finish()));
  if (actual != content_address) {
    return absl::DataLossError(absl::StrCat(
        "the archived content ", content_address, " hashes to ", actual));
  }
  return tar.EndFile();
}

absl::Status CheckAttachmentName(const std::string& name) {
  const bool under_folder =
      absl::StartsWith(name, absl::StrCat(kBundleRenditions, "/")) ||
      absl::StartsWith(name, absl::StrCat(kBundleReports, "/"));
  if (!under_folder) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bundle attachment ", name, " must lie under renditions/ or reports/"));
  }
  return internal::ValidateMemberName(name);
}

}  // namespace

std::string OriginalMemberName(const v1::Record& record) {
  const std::string& filename = record.intake().filename();
  const size_t dot = filename.rfind('.');
  if (dot != std::string::npos && dot > 0 &&
      filename.find_first_of("/\\", dot) == std::string::npos) {
    const std::string ext = absl::AsciiStrToLower(filename.substr(dot + 1));
    const bool plain = !ext.empty() && ext.size() <= 10 &&
                       std::all_of(ext.begin(), ext.end(), [](char c) {
                         return absl::ascii_isalnum(c);
                       });
    if (plain) return absl::StrCat(kBundleOriginal, ".", ext);
  }
  const std::string ext = ExtensionOfKind(record.intake().media_kind());
  return ext.empty() ? kBundleOriginal
                     : absl::StrCat(kBundleOriginal, ".", ext);
}

bool IsUnchecked(const v1::VerificationCheck& check) {
  return !check.ok() && absl::StartsWith(check.detail(), kUncheckedPrefix);
}

absl::Status WriteEvidenceBundle(const RecordStore::EvidenceMaterial& material,
                                 base::SequentialFile& content,
                                 const EvidenceBundleOptions& options,
                                 base::WritableFile& out) {
  v1::Record record;
  if (!record.ParseFromString(material.record_bytes)) {
    return absl::InvalidArgumentError("the archived record does not parse");
  }
  const std::string& id = record.document_id();
  if (id.empty() || absl::StrContains(id, '/') ||
      !internal::ValidateMemberName(id).ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "document id \"", absl::CEscape(id), "\" cannot name a bundle folder"));
  }
  const v1::SignedCheckpoint& checkpoint = material.proof.checkpoint();
  if (checkpoint.note().empty()) {
    return absl::InvalidArgumentError("the material holds no checkpoint note");
  }
  for (const BundleAttachment& attachment : options.attachments) {
    RETURN_IF_ERROR(CheckAttachmentName(attachment.name));
  }
  v1::LogLeaf leaf;
  if (!leaf.ParseFromString(material.proof.leaf_data())) {
    return absl::InvalidArgumentError("the log leaf does not parse");
  }
  // The proof without what has members of its own.
  v1::InclusionProof proof = material.proof;
  proof.clear_leaf_data();
  proof.clear_checkpoint();
  const std::string original = OriginalMemberName(record);
  const bool has_timestamp = !checkpoint.timestamp_token().empty();

  internal::ReadmeFacts facts;
  facts.document_id = id;
  facts.version = record.archive().version();
  facts.filename = record.intake().filename();
  facts.original_member = original;
  facts.archived_at = absl::FormatTime(
      "%Y-%m-%dT%H:%M:%SZ", base::FromProtoTime(record.archive().archived_at()),
      absl::UTCTimeZone());
  facts.size = record.intake().size();
  facts.sha256 = record.intake().sha256();
  facts.commitment = Hex(leaf.record_version().content_commitment());
  facts.record_hash = Hex(leaf.record_version().record_hash());
  facts.leaf_hash = Hex(LeafHash(material.proof.leaf_data()));
  facts.root_hash = Hex(checkpoint.root_hash());
  facts.leaf_index = proof.leaf_index();
  facts.tree_size = proof.tree_size();
  facts.origin = material.public_key.origin();
  facts.key_fingerprint =
      internal::PublicKeyFingerprint(material.public_key.pem())
          .value_or("(the key does not parse)");
  facts.has_timestamp = has_timestamp;
  facts.has_tsa_ca = !options.tsa_ca_pem.empty();
  for (const BundleAttachment& attachment : options.attachments) {
    facts.attachments.push_back(attachment.name);
  }

  TarWriter tar(out, base::FromProtoTime(record.archive().archived_at()));
  auto member = [&id](absl::string_view name) {
    return absl::StrCat(id, "/", name);
  };
  RETURN_IF_ERROR(tar.AddDirectory(id));
  RETURN_IF_ERROR(
      tar.AddFile(member(kBundleReadme), internal::BundleReadme(facts)));
  RETURN_IF_ERROR(tar.AddFile(member(kBundleRecordJson), RecordJson(record)));
  RETURN_IF_ERROR(tar.AddFile(member(kBundleRecord), material.record_bytes));
  RETURN_IF_ERROR(tar.AddFile(member(kBundleSalt), material.salt));
  RETURN_IF_ERROR(tar.AddFile(member(kBundleLeaf), material.proof.leaf_data()));
  RETURN_IF_ERROR(tar.AddFile(member(kBundleProof), proof.SerializeAsString()));
  RETURN_IF_ERROR(tar.AddFile(member(kBundleCheckpoint), checkpoint.note()));
  if (has_timestamp) {
    RETURN_IF_ERROR(
        tar.AddFile(member(kBundleTimestamp), checkpoint.timestamp_token()));
  }
  RETURN_IF_ERROR(
      tar.AddFile(member(kBundlePublicKey), material.public_key.pem()));
  if (!options.tsa_ca_pem.empty()) {
    RETURN_IF_ERROR(tar.AddFile(member(kBundleTsaCa), options.tsa_ca_pem));
  }
  RETURN_IF_ERROR(tar.BeginFile(member(original), record.intake().size()));
  RETURN_IF_ERROR(WriteOriginal(content, material.content_address,
                                record.intake().size(), tar));
  std::set<std::string> folders;
  for (const BundleAttachment& attachment : options.attachments) {
    const std::string folder =
        attachment.name.substr(0, attachment.name.find('/'));
    if (folders.insert(folder).second) {
      RETURN_IF_ERROR(tar.AddDirectory(member(folder)));
    }
    RETURN_IF_ERROR(tar.AddFile(member(attachment.name), attachment.data));
  }
  return tar.Finish();
}

absl::StatusOr<std::string> BuildEvidenceBundle(
    const RecordStore::EvidenceMaterial& material, absl::string_view content,
    const EvidenceBundleOptions& options) {
  std::string bundle;
  base::StringWritableFile out(bundle);
  base::StringSequentialFile in(content);
  RETURN_IF_ERROR(WriteEvidenceBundle(material, in, options, out));
  return bundle;
}

}  // namespace docintake::archive
