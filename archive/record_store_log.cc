// RecordStore: the log side — checkpoints, timestamps, proofs, verification.
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_proof.h"
#include "archive/record_store.h"
#include "base/random.h"
#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

std::string Hex(absl::string_view raw) { return absl::BytesToHexString(raw); }

v1::VerificationCheck* AddCheck(v1::VerificationReport& report,
                                absl::string_view name, bool ok,
                                std::string detail) {
  v1::VerificationCheck* check = report.add_checks();
  check->set_name(std::string(name));
  check->set_ok(ok);
  check->set_detail(std::move(detail));
  if (!ok) report.set_ok(false);
  return check;
}

// Hashes of a stored object, read once: SHA-256(content) and
// SHA-256(salt ‖ content).
struct ContentHashes {
  std::string plain;
  std::string salted;
};

absl::StatusOr<ContentHashes> HashContent(base::SequentialFile& file,
                                          absl::string_view salt) {
  base::Sha256 plain, salted;
  salted.Update(salt);
  while (true) {
    ASSIGN_OR_RETURN(std::string chunk, file.Read(1 << 20));
    if (chunk.empty()) break;
    plain.Update(chunk);
    salted.Update(chunk);
  }
  return ContentHashes{plain.Finish(), salted.Finish()};
}

// The content checks: the object re-hashed against its address, and the
// salted hash against the leaf's commitment.
void VerifyContent(ObjectStore& objects, const std::string& content_address,
                   const std::string& salt, uint64_t log_index,
                   bool leaf_parses, const v1::RecordVersionEntry& entry,
                   v1::VerificationReport& report) {
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> object =
      objects.Open(content_address);
  absl::StatusOr<ContentHashes> hashes =
      object.ok() ? HashContent(**object, salt)
                  : absl::StatusOr<ContentHashes>(object.status());
  if (!hashes.ok()) {
    AddCheck(report, "content", false,
             absl::StrCat("object ", content_address,
                          " cannot be read: ", hashes.status().ToString()));
  } else {
    const std::string actual = absl::StrCat("sha256:", Hex(hashes->plain));
    AddCheck(report, "content", actual == content_address,
             absl::StrCat("object ", content_address, ": expected ",
                          content_address, ", actual ", actual));
    AddCheck(report, "content-commitment",
             leaf_parses && hashes->salted == entry.content_commitment(),
             absl::StrCat("log leaf ", log_index, ": expected commitment ",
                          Hex(entry.content_commitment()), ", actual ",
                          Hex(hashes->salted)));
  }
}

}  // namespace

absl::StatusOr<std::optional<v1::SignedCheckpoint>>
RecordStore::CreateCheckpoint() {
  absl::MutexLock lock(&mu_);
  return log_->Checkpoint(*key_, options_.origin, clock_.Now());
}

absl::StatusOr<int> RecordStore::TimestampCheckpoints(
    TsaClient& tsa, const std::vector<std::string>& tsa_ca_pems) {
  std::vector<v1::SignedCheckpoint> pending;
  {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(std::vector<uint64_t> sizes,
                     metadata_->UntimestampedCheckpoints());
    for (uint64_t size : sizes) {
      ASSIGN_OR_RETURN(v1::SignedCheckpoint checkpoint,
                       log_->GetCheckpoint(size));
      pending.push_back(std::move(checkpoint));
    }
  }
  int done = 0;
  for (const v1::SignedCheckpoint& checkpoint : pending) {
    // The network round trip runs without the lock.
    base::Sha256 digest_hasher;
    digest_hasher.Update(checkpoint.note());
    const std::string digest = digest_hasher.Finish();
    const std::string nonce = base::RandomBytes(8);
    ASSIGN_OR_RETURN(std::string request, BuildTimestampRequest(digest, nonce));
    ASSIGN_OR_RETURN(std::string response, tsa.Request(request));
    ASSIGN_OR_RETURN(
        TimestampToken token,
        VerifyTimestampResponse(response, digest, nonce, tsa_ca_pems));
    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(
        metadata_->AddTimestamp(checkpoint.tree_size(), token.token_der));
    ++done;
  }
  return done;
}

absl::StatusOr<v1::SignedCheckpoint> RecordStore::GetCheckpoint(
    uint64_t tree_size) {
  absl::MutexLock lock(&mu_);
  return log_->GetCheckpoint(tree_size);
}

absl::StatusOr<v1::InclusionProof> RecordStore::GetInclusionProof(
    absl::string_view document_id, uint64_t version, uint64_t tree_size) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(VersionRow stored,
                   metadata_->ReadVersion(std::string(document_id), version));
  if (tree_size == 0) {
    ASSIGN_OR_RETURN(v1::SignedCheckpoint first,
                     log_->FirstCheckpointCovering(stored.log_index));
    tree_size = first.tree_size();
  }
  return log_->InclusionProof(stored.log_index, tree_size);
}

absl::StatusOr<v1::ConsistencyProof> RecordStore::GetConsistencyProof(
    uint64_t old_size, uint64_t new_size) {
  absl::MutexLock lock(&mu_);
  return log_->ConsistencyProof(old_size, new_size);
}

v1::ArchivePublicKey RecordStore::PublicKey() const {
  v1::ArchivePublicKey key;
  key.set_pem(key_->PublicKeyPem());
  key.set_algorithm(key_->algorithm() == KeyAlgorithm::kEd25519 ? "ed25519"
                                                                : "ecdsa-p256");
  key.set_origin(options_.origin);
  return key;
}

absl::StatusOr<RecordStore::EvidenceMaterial> RecordStore::GetEvidenceMaterial(
    absl::string_view document_id) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(VersionRow stored,
                   metadata_->ReadVersion(std::string(document_id), 0));
  ASSIGN_OR_RETURN(v1::Record record, LatestLocked(document_id));
  if (record.archive().reason() == v1::ArchiveFacts::DISPOSED) {
    return absl::FailedPreconditionError(absl::StrCat(
        "document ", document_id,
        " was disposed of: its content is gone; its versions and audit "
        "trail remain in the log"));
  }
  absl::StatusOr<v1::SignedCheckpoint> latest = log_->GetCheckpoint(0);
  if (!latest.ok() && !absl::IsNotFound(latest.status())) {
    return latest.status();
  }
  if (!latest.ok() || latest->tree_size() <= stored.log_index) {
    return absl::FailedPreconditionError(absl::StrCat(
        "document ", document_id,
        " is not covered by a checkpoint yet; try again in a few seconds"));
  }
  EvidenceMaterial material;
  ASSIGN_OR_RETURN(material.proof,
                   log_->InclusionProof(stored.log_index, latest->tree_size()));
  material.record_bytes = std::move(stored.record_bytes);
  material.content_address = std::move(stored.content_address);
  material.salt = std::move(stored.salt);
  material.public_key = PublicKey();
  return material;
}

absl::StatusOr<v1::VerificationReport> RecordStore::VerifyRecord(
    absl::string_view document_id) {
  v1::VerificationReport report;
  report.set_document_id(std::string(document_id));
  report.set_ok(true);
  VersionRow stored;
  std::string leaf_data;
  {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(stored,
                     metadata_->ReadVersion(std::string(document_id), 0));
    ASSIGN_OR_RETURN(leaf_data, metadata_->LeafData(stored.log_index));
  }
  v1::Record record;
  const bool record_parses = record.ParseFromString(stored.record_bytes);
  v1::LogLeaf leaf;
  const bool leaf_parses =
      leaf.ParseFromString(leaf_data) && leaf.has_record_version();
  const v1::RecordVersionEntry& entry = leaf.record_version();

  // Content: re-hashed from the object file, never taken from a stored hash;
  // after a disposition there is none to hash, by design.
  if (record_parses &&
      record.archive().reason() == v1::ArchiveFacts::DISPOSED) {
    AddCheck(report, "content", true,
             absl::StrCat("content deleted by the disposition approved by ",
                          record.archive().disposition().approved_by(),
                          "; the log still commits to it"));
  } else {
    VerifyContent(*objects_, stored.content_address, stored.salt,
                  stored.log_index, leaf_parses, entry, report);
  }
  base::Sha256 record_hasher;
  record_hasher.Update(stored.record_bytes);
  const std::string record_hash = record_hasher.Finish();
  AddCheck(report, "record",
           record_parses && leaf_parses && record_hash == entry.record_hash() &&
               entry.document_id() == document_id,
           absl::StrCat("record version ", record.archive().version(),
                        ": expected hash ", Hex(entry.record_hash()),
                        ", actual ", Hex(record_hash)));

  absl::MutexLock lock(&mu_);
  const std::string leaf_hash = LeafHash(leaf_data);
  const std::string& tree_hash = log_->leaf_hash(stored.log_index);
  AddCheck(report, "leaf", leaf_hash == tree_hash,
           absl::StrCat("log leaf ", stored.log_index, ": expected ",
                        Hex(tree_hash), ", actual ", Hex(leaf_hash)));

  absl::StatusOr<v1::SignedCheckpoint> latest = log_->GetCheckpoint(0);
  if (!latest.ok() || latest->tree_size() <= stored.log_index) {
    AddCheck(report, "inclusion", false,
             absl::StrCat("log leaf ", stored.log_index,
                          " is not covered by a checkpoint yet"));
    return report;
  }
  ASSIGN_OR_RETURN(v1::InclusionProof proof,
                   log_->InclusionProof(stored.log_index, latest->tree_size()));
  absl::Status included = VerifyInclusion(
      leaf_hash, stored.log_index, latest->tree_size(),
      {proof.hashes().begin(), proof.hashes().end()}, latest->root_hash());
  AddCheck(report, "inclusion", included.ok(),
           included.ok() ? absl::StrCat("log leaf ", stored.log_index,
                                        " is in the checkpoint of size ",
                                        latest->tree_size())
                         : std::string(included.message()));
  absl::StatusOr<VerifyingKey> public_key =
      VerifyingKey::FromPem(key_->PublicKeyPem());
  absl::StatusOr<Checkpoint> signed_checkpoint =
      public_key.ok() ? VerifyCheckpoint(latest->note(), *public_key)
                      : absl::StatusOr<Checkpoint>(public_key.status());
  const bool matches = signed_checkpoint.ok() &&
                       signed_checkpoint->tree_size == latest->tree_size() &&
                       signed_checkpoint->root_hash == latest->root_hash();
  AddCheck(report, "checkpoint-signature", matches,
           signed_checkpoint.ok()
               ? absl::StrCat("checkpoint of size ", latest->tree_size(),
                              matches ? " is signed by the archive key"
                                      : " does not match its signed note")
               : std::string(signed_checkpoint.status().message()));
  return report;
}

}  // namespace docintake::archive
