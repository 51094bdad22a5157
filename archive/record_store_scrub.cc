// RecordStore::Scrub: re-checks the whole archive from what is stored —
// never trusting a stored hash — and recomputes the Merkle tree to compare it
// with every signed checkpoint.
#include <set>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_tree.h"
#include "archive/record_store.h"
#include "base/sha256.h"
#include "base/status_macros.h"

namespace docintake::archive {
namespace {

std::string Hex(absl::string_view raw) { return absl::BytesToHexString(raw); }

// "sha256:<hex>" of an object's bytes as stored.
absl::StatusOr<std::string> HashObject(ObjectStore& objects,
                                       const std::string& address) {
  ASSIGN_OR_RETURN(std::unique_ptr<base::SequentialFile> file,
                   objects.Open(address));
  base::Sha256 hash;
  while (true) {
    ASSIGN_OR_RETURN(std::string chunk, file->Read(1 << 20));
    if (chunk.empty()) break;
    hash.Update(chunk);
  }
  return absl::StrCat("sha256:", Hex(hash.Finish()));
}

void Fail(v1::ScrubReport& report, absl::string_view name, std::string detail) {
  report.set_ok(false);
  v1::VerificationCheck* check = report.add_failures();
  check->set_name(std::string(name));
  check->set_ok(false);
  check->set_detail(std::move(detail));
}

}  // namespace

absl::StatusOr<v1::ScrubReport> RecordStore::Scrub() {
  // Snapshot under the lock; hash without it, so archiving goes on.
  std::vector<VersionRow> versions;
  std::vector<LeafRow> leaves;
  std::vector<std::string> tree_hashes;
  std::vector<v1::SignedCheckpoint> checkpoints;
  {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(versions, metadata_->AllVersions());
    ASSIGN_OR_RETURN(leaves, metadata_->AllLeaves());
    for (uint64_t i = 0; i < log_->size(); ++i) {
      tree_hashes.push_back(log_->leaf_hash(i));
    }
    ASSIGN_OR_RETURN(checkpoints, metadata_->AllCheckpoints());
  }
  v1::ScrubReport report;
  report.set_ok(true);

  // Leaves: recomputed from their bytes, against the stored column and the
  // tree held in memory; the recomputed hashes build a fresh tree.
  if (leaves.size() != tree_hashes.size()) {
    Fail(report, "log",
         absl::StrCat("archive.db holds ", leaves.size(),
                      " leaves, the tree in memory ", tree_hashes.size()));
  }
  MerkleTree recomputed;
  for (size_t i = 0; i < leaves.size(); ++i) {
    std::string hash = LeafHash(leaves[i].data);
    if (hash != leaves[i].hash ||
        (i < tree_hashes.size() && hash != tree_hashes[i])) {
      Fail(report, "leaf",
           absl::StrCat(
               "log leaf ", i, ": expected ",
               Hex(i < tree_hashes.size() ? tree_hashes[i] : leaves[i].hash),
               ", actual ", Hex(hash), " (stored column ", Hex(leaves[i].hash),
               ")"));
    }
    recomputed.Append(std::move(hash));
  }
  report.set_leaves_checked(leaves.size());

  // Checkpoints: the recomputed tree must give every signed root, and every
  // note must verify with the archive key.
  ASSIGN_OR_RETURN(VerifyingKey key,
                   VerifyingKey::FromPem(key_->PublicKeyPem()));
  for (const v1::SignedCheckpoint& checkpoint : checkpoints) {
    const uint64_t size = checkpoint.tree_size();
    absl::StatusOr<std::string> root = recomputed.Root(size);
    if (!root.ok() || *root != checkpoint.root_hash()) {
      Fail(report, "checkpoint",
           absl::StrCat("checkpoint of size ", size, ": expected root ",
                        Hex(checkpoint.root_hash()), ", actual ",
                        root.ok() ? Hex(*root) : root.status().ToString()));
    }
    absl::StatusOr<Checkpoint> note = VerifyCheckpoint(checkpoint.note(), key);
    if (!note.ok() || note->tree_size != size ||
        note->root_hash != checkpoint.root_hash()) {
      Fail(report, "checkpoint-signature",
           absl::StrCat("checkpoint of size ", size, ": ",
                        note.ok() ? "its signed note disagrees with the row"
                                  : std::string(note.status().message())));
    }
  }
  report.set_checkpoints_checked(checkpoints.size());

  // Versions: record bytes and content re-hashed against their leaves.
  std::set<std::string> objects;
  for (const VersionRow& v : versions) {
    const std::string what =
        absl::StrCat("document ", v.document_id, " version ", v.version);
    v1::LogLeaf leaf;
    if (v.log_index >= leaves.size() ||
        !leaf.ParseFromString(leaves[v.log_index].data) ||
        !leaf.has_record_version() ||
        leaf.record_version().document_id() != v.document_id ||
        leaf.record_version().version() != v.version) {
      Fail(report, "record",
           absl::StrCat(what, ": log leaf ", v.log_index,
                        " is missing or is not this version's"));
      continue;
    }
    const v1::RecordVersionEntry& entry = leaf.record_version();
    const std::string record_hash = [&] {
      base::Sha256 h;
      h.Update(v.record_bytes);
      return h.Finish();
    }();
    if (record_hash != entry.record_hash()) {
      Fail(report, "record",
           absl::StrCat(what, ": expected record hash ",
                        Hex(entry.record_hash()), ", actual ",
                        Hex(record_hash)));
    }
    if (v.disposed) continue;
    objects.insert(v.content_address);
    absl::StatusOr<std::unique_ptr<base::SequentialFile>> file =
        objects_->Open(v.content_address);
    if (!file.ok()) {
      Fail(report, "content",
           absl::StrCat(what, ": object ", v.content_address,
                        " cannot be read: ", file.status().ToString()));
      continue;
    }
    base::Sha256 plain, salted;
    salted.Update(v.salt);
    absl::Status read = absl::OkStatus();
    while (true) {
      absl::StatusOr<std::string> chunk = (*file)->Read(1 << 20);
      if (!chunk.ok()) {
        read = chunk.status();
        break;
      }
      if (chunk->empty()) break;
      plain.Update(*chunk);
      salted.Update(*chunk);
    }
    const std::string actual = absl::StrCat("sha256:", Hex(plain.Finish()));
    if (!read.ok() || actual != v.content_address) {
      Fail(report, "content",
           absl::StrCat(what, ": object ", v.content_address, ": expected ",
                        v.content_address, ", actual ",
                        read.ok() ? actual : read.ToString()));
    }
    const std::string commitment = salted.Finish();
    if (commitment != entry.content_commitment()) {
      Fail(report, "content-commitment",
           absl::StrCat(
               what, ": log leaf ", v.log_index, ": expected commitment ",
               Hex(entry.content_commitment()), ", actual ", Hex(commitment)));
    }
    // A rendition is named (by its hash) in the record, which the leaf
    // commits to: re-hash its object too.
    v1::Record record;
    if (record.ParseFromString(v.record_bytes) && record.has_rendition()) {
      const std::string& address = record.rendition().content_address();
      objects.insert(address);
      absl::StatusOr<std::string> hashed = HashObject(*objects_, address);
      if (!hashed.ok() || *hashed != address) {
        Fail(report, "rendition",
             absl::StrCat(what, ": rendition object ", address, ": expected ",
                          address, ", actual ",
                          hashed.ok() ? *hashed : hashed.status().ToString()));
      }
    }
  }
  report.set_versions_checked(versions.size());
  report.set_objects_checked(objects.size());
  return report;
}

}  // namespace docintake::archive
