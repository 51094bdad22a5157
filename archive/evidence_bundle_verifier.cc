// Evidence bundle: the offline verifier (layout and writer in
// evidence_bundle.cc).
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "archive/checkpoint.h"
#include "archive/evidence_bundle.h"
#include "archive/internal/bundle_members.h"
#include "archive/internal/public_key_der.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_proof.h"
#include "archive/signing_key.h"
#include "archive/timestamp.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"

namespace docintake::archive {
namespace {

std::string Hex(absl::string_view raw) { return absl::BytesToHexString(raw); }

class BundleVerifier {
 public:
  BundleVerifier(const TarSource& source, const BundleTrust& trust)
      : source_(source), trust_(trust) {}

  absl::StatusOr<v1::VerificationReport> Run() {
    if (trust_.expected_public_key_pem.has_value()) {
      absl::StatusOr<std::string> fingerprint =
          internal::PublicKeyFingerprint(*trust_.expected_public_key_pem);
      if (!fingerprint.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the expected public key: ", fingerprint.status().message()));
      }
      expected_fingerprint_ = *fingerprint;
    }
    ASSIGN_OR_RETURN(members_, internal::ReadBundleMembers(source_));
    folder_ = members_.folder;
    report_.set_document_id(folder_);
    report_.set_ok(true);
    CheckMemberSet();
    CheckRecord();
    RETURN_IF_ERROR(CheckContent());
    CheckLeaf();
    CheckInclusion();
    CheckSignature();
    CheckTimestamp();
    return report_;
  }

 private:
  void Add(absl::string_view name, bool ok, std::string detail) {
    v1::VerificationCheck* check = report_.add_checks();
    check->set_name(std::string(name));
    check->set_ok(ok);
    check->set_detail(std::move(detail));
    if (!ok) report_.set_ok(false);
  }
  void AddUnchecked(absl::string_view name, absl::string_view detail) {
    v1::VerificationCheck* check = report_.add_checks();
    check->set_name(std::string(name));
    check->set_ok(false);
    check->set_detail(absl::StrCat(kUncheckedPrefix, detail));
  }
  const std::string* Get(const char* rel) const { return members_.Get(rel); }
  std::string Missing(absl::string_view rel) const {
    return absl::StrCat(rel, " is missing from the bundle");
  }

  void CheckMemberSet() {
    std::vector<std::string> missing;
    for (const char* rel :
         {kBundleReadme, kBundleRecord, kBundleRecordJson, kBundleSalt,
          kBundleLeaf, kBundleProof, kBundleCheckpoint, kBundlePublicKey}) {
      if (Get(rel) == nullptr) missing.push_back(rel);
    }
    if (members_.original_name.empty()) missing.push_back("original[.ext]");
    std::string detail =
        absl::StrCat(members_.count(), " members in ", folder_, "/");
    if (!missing.empty()) {
      absl::StrAppend(&detail, "; missing: ", absl::StrJoin(missing, ", "));
    }
    if (!members_.unexpected.empty()) {
      absl::StrAppend(
          &detail, "; unexpected: ", absl::StrJoin(members_.unexpected, ", "));
    }
    if (!members_.additions.empty()) {
      absl::StrAppend(&detail, "; present but not checked by this verifier: ",
                      absl::StrJoin(members_.additions, ", "));
    }
    Add("bundle", missing.empty() && members_.unexpected.empty(),
        std::move(detail));
  }

  void CheckRecord() {
    const std::string* bytes = Get(kBundleRecord);
    if (bytes == nullptr) return Add("record", false, Missing(kBundleRecord));
    record_parsed_ = record_.ParseFromString(*bytes);
    if (!record_parsed_) {
      return Add("record", false,
                 absl::StrCat(kBundleRecord,
                              " does not parse as a docintake.v1.Record"));
    }
    Add("record", record_.document_id() == folder_,
        absl::StrCat(
            kBundleRecord, ": document ", record_.document_id(),
            " (bundle folder ", folder_, "), version ",
            record_.archive().version(), ", archived at ",
            absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                             absl::FromUnixSeconds(
                                 record_.archive().archived_at().seconds()),
                             absl::UTCTimeZone())));
    const std::string* json = Get(kBundleRecordJson);
    if (json == nullptr) {
      return Add("record-json", false, Missing(kBundleRecordJson));
    }
    v1::Record from_json;
    const auto parsed = google::protobuf::util::JsonStringToMessage(
        *json, &from_json, google::protobuf::util::JsonParseOptions());
    const bool same =
        parsed.ok() &&
        google::protobuf::util::MessageDifferencer::Equals(from_json, record_);
    Add("record-json", same,
        absl::StrCat(kBundleRecordJson,
                     same ? " says what " : " does not say what ",
                     kBundleRecord, " says"));
  }

  // Hashes the original once: plain, and salted for the commitment.
  absl::Status CheckContent() {
    if (members_.original_name.empty()) {
      Add("content", false, Missing("original[.ext]"));
      return absl::OkStatus();
    }
    const std::string* salt = Get(kBundleSalt);
    base::Sha256 plain, salted;
    if (salt != nullptr) salted.Update(*salt);
    RETURN_IF_ERROR(StreamTarMember(source_, members_.original,
                                    [&](absl::string_view piece) {
                                      plain.Update(piece);
                                      salted.Update(piece);
                                      return absl::OkStatus();
                                    }));
    const std::string actual = Hex(plain.Finish());
    if (salt != nullptr) salted_content_ = salted.Finish();
    if (!record_parsed_) {
      Add("content", false,
          absl::StrCat(members_.original_name, " has SHA-256 ", actual, "; ",
                       kBundleRecord, " to compare with is unusable"));
      return absl::OkStatus();
    }
    const std::string& expected = record_.intake().sha256();
    const std::string& address = record_.archive().content_address();
    const bool ok = actual == expected && address == "sha256:" + actual &&
                    members_.original.size == record_.intake().size();
    Add("content", ok,
        absl::StrCat(members_.original_name, ": expected SHA-256 ", expected,
                     " (record.binpb intake.sha256; content address ", address,
                     "), actual ", actual, "; ", members_.original.size,
                     " bytes, the record says ", record_.intake().size()));
    return absl::OkStatus();
  }

  void CheckLeaf() {
    const std::string* bytes = Get(kBundleLeaf);
    if (bytes == nullptr) return Add("leaf", false, Missing(kBundleLeaf));
    v1::LogLeaf leaf;
    const bool parsed =
        leaf.ParseFromString(*bytes) && leaf.has_record_version();
    entry_ = leaf.record_version();
    if (!parsed) {
      return Add("leaf", false,
                 absl::StrCat(kBundleLeaf,
                              " is not a docintake.v1.LogLeaf "
                              "of a record version"));
    }
    const bool same =
        record_parsed_ && entry_.document_id() == record_.document_id() &&
        entry_.version() == record_.archive().version() &&
        google::protobuf::util::MessageDifferencer::Equals(
            entry_.archived_at(), record_.archive().archived_at());
    Add("leaf", same,
        absl::StrCat(kBundleLeaf, ": document ", entry_.document_id(),
                     " version ", entry_.version(), "; ", kBundleRecord, ": ",
                     record_parsed_ ? record_.document_id() : "(unusable)",
                     " version ", record_.archive().version()));
    const std::string* salt = Get(kBundleSalt);
    if (salt == nullptr) {
      Add("content-commitment", false, Missing(kBundleSalt));
    } else if (!members_.original_name.empty()) {
      Add("content-commitment", salted_content_ == entry_.content_commitment(),
          absl::StrCat("SHA-256(", kBundleSalt, " + ", members_.original_name,
                       "): expected ", Hex(entry_.content_commitment()), " (",
                       kBundleLeaf, "), actual ", Hex(salted_content_)));
    }
    const std::string* record = Get(kBundleRecord);
    if (record != nullptr) {
      base::Sha256 hasher;
      hasher.Update(*record);
      const std::string actual = hasher.Finish();
      Add("record-hash", actual == entry_.record_hash(),
          absl::StrCat("SHA-256(", kBundleRecord, "): expected ",
                       Hex(entry_.record_hash()), " (", kBundleLeaf,
                       "), actual ", Hex(actual)));
    }
  }

  // The checkpoint's statement and the audit path from the leaf to its root.
  void CheckInclusion() {
    const std::string* note = Get(kBundleCheckpoint);
    const std::string* proof_bytes = Get(kBundleProof);
    if (note == nullptr)
      return Add("checkpoint", false, Missing(kBundleCheckpoint));
    absl::StatusOr<Checkpoint> parsed = ParseCheckpoint(*note);
    if (!parsed.ok()) {
      return Add(
          "checkpoint", false,
          absl::StrCat(kBundleCheckpoint, ": ", parsed.status().message()));
    }
    checkpoint_ = *parsed;
    v1::InclusionProof proof;
    if (proof_bytes == nullptr || !proof.ParseFromString(*proof_bytes)) {
      return Add("inclusion", false,
                 proof_bytes == nullptr
                     ? Missing(kBundleProof)
                     : absl::StrCat(kBundleProof,
                                    " does not parse as a "
                                    "docintake.v1.InclusionProof"));
    }
    const std::string* leaf = Get(kBundleLeaf);
    const bool repeats_agree =
        (proof.leaf_data().empty() ||
         (leaf != nullptr && proof.leaf_data() == *leaf)) &&
        (!proof.has_checkpoint() || proof.checkpoint().note() == *note);
    Add("checkpoint",
        checkpoint_.tree_size == proof.tree_size() && repeats_agree,
        absl::StrCat(kBundleCheckpoint, ": log ", checkpoint_.origin, ", ",
                     "tree size ", checkpoint_.tree_size, ", root ",
                     Hex(checkpoint_.root_hash), ", signed at ",
                     absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", checkpoint_.time,
                                      absl::UTCTimeZone()),
                     "; ", kBundleProof, " is for tree size ",
                     proof.tree_size(),
                     repeats_agree ? "" : " and repeats another leaf or note"));
    if (leaf == nullptr) return Add("inclusion", false, Missing(kBundleLeaf));
    const std::string where =
        absl::StrCat(kBundleLeaf, " at index ", proof.leaf_index(), " via ",
                     kBundleProof, " to the root of ", kBundleCheckpoint);
    if (record_parsed_ && proof.leaf_index() != record_.archive().log_index()) {
      return Add(
          "inclusion", false,
          absl::StrCat(kBundleProof, ": expected leaf index ",
                       record_.archive().log_index(), " (", kBundleRecord,
                       " archive.log_index), actual ", proof.leaf_index()));
    }
    const absl::Status included = VerifyInclusion(
        LeafHash(*leaf), proof.leaf_index(), checkpoint_.tree_size,
        {proof.hashes().begin(), proof.hashes().end()}, checkpoint_.root_hash);
    Add("inclusion", included.ok(),
        included.ok()
            ? absl::StrCat(where, ": included (leaf hash ",
                           Hex(LeafHash(*leaf)), ")")
            : absl::StrCat(where, ": ", included.message(), " (leaf hash ",
                           Hex(LeafHash(*leaf)), ")"));
  }

  // The note's signature, with the expected key if given; the bundled key
  // against it.
  void CheckSignature() {
    const std::string* pem = Get(kBundlePublicKey);
    absl::StatusOr<std::string> bundled_fp =
        pem == nullptr ? absl::NotFoundError(Missing(kBundlePublicKey))
                       : internal::PublicKeyFingerprint(*pem);
    if (bundled_fp.ok()) {
      // The archive wrote the canonical PEM; any other bytes were altered.
      absl::StatusOr<std::string> canonical =
          internal::CanonicalPublicKeyPem(*pem);
      if (!canonical.ok() || *canonical != *pem) {
        bundled_fp = absl::DataLossError(
            "not the PEM the archive writes for its key (altered?)");
      }
    }
    std::string key_pem;
    std::string key_desc;
    if (trust_.expected_public_key_pem.has_value()) {
      const std::string& expected_fp = expected_fingerprint_;
      key_pem = *trust_.expected_public_key_pem;
      key_desc = absl::StrCat("the expected archive key (fingerprint ",
                              expected_fp, ")");
      Add("public-key", bundled_fp.ok() && *bundled_fp == expected_fp,
          absl::StrCat(kBundlePublicKey, ": expected fingerprint ", expected_fp,
                       ", actual ",
                       bundled_fp.ok()
                           ? *bundled_fp
                           : std::string(bundled_fp.status().message())));
    } else if (bundled_fp.ok()) {
      key_pem = *pem;
      key_desc = absl::StrCat("the key in ", kBundlePublicKey, " (fingerprint ",
                              *bundled_fp, ")");
      AddUnchecked("public-key",
                   absl::StrCat(kBundlePublicKey, " (fingerprint ", *bundled_fp,
                                ") is only attested by the bundle itself; "
                                "compare it with the archive's published key "
                                "or pass that key (--key)"));
    } else {
      return Add(
          "public-key", false,
          absl::StrCat(kBundlePublicKey, ": ", bundled_fp.status().message()));
    }
    const std::string* note = Get(kBundleCheckpoint);
    if (note == nullptr) return;
    absl::StatusOr<VerifyingKey> key = VerifyingKey::FromPem(key_pem);
    absl::StatusOr<Checkpoint> signed_note =
        key.ok() ? VerifyCheckpoint(*note, *key)
                 : absl::StatusOr<Checkpoint>(key.status());
    Add("checkpoint-signature", signed_note.ok(),
        signed_note.ok()
            ? absl::StrCat(kBundleCheckpoint, " is signed by ", key_desc)
            : absl::StrCat(kBundleCheckpoint, " is not signed by ", key_desc,
                           ": ", signed_note.status().message()));
  }

  void CheckTimestamp() {
    const std::string* token = Get(kBundleTimestamp);
    if (token == nullptr) return;
    const std::string* note = Get(kBundleCheckpoint);
    if (note == nullptr) {
      return Add("timestamp", false, Missing(kBundleCheckpoint));
    }
    const std::string* bundled_ca = Get(kBundleTsaCa);
    const bool own_trust = !trust_.tsa_ca_pems.empty();
    if (!own_trust && bundled_ca == nullptr) {
      return AddUnchecked("timestamp",
                          absl::StrCat(kBundleTimestamp,
                                       " is present but was not checked: no "
                                       "trusted TSA CA was given (--tsa-ca)"));
    }
    const std::vector<std::string> anchors =
        own_trust ? trust_.tsa_ca_pems : std::vector<std::string>{*bundled_ca};
    const std::string digest = [&] {
      base::Sha256 hasher;
      hasher.Update(*note);
      return hasher.Finish();
    }();
    absl::StatusOr<TimestampToken> verified =
        VerifyTimestampToken(*token, digest, anchors);
    if (!verified.ok()) {
      return Add(
          "timestamp", false,
          absl::StrCat(kBundleTimestamp, " over SHA-256(", kBundleCheckpoint,
                       ") = ", Hex(digest), ": ", verified.status().message()));
    }
    const std::string what = absl::StrCat(
        kBundleTimestamp, ": RFC 3161 token of ", verified->tsa_name, " at ",
        absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", verified->gen_time,
                         absl::UTCTimeZone()),
        " over SHA-256(", kBundleCheckpoint, ")");
    if (own_trust) return Add("timestamp", true, what);
    AddUnchecked("timestamp",
                 absl::StrCat(what, " verifies against ", kBundleTsaCa,
                              ", which is only attested by the bundle itself; "
                              "pass a trusted TSA CA (--tsa-ca)"));
  }

  const TarSource& source_;
  const BundleTrust& trust_;
  std::string expected_fingerprint_;
  v1::VerificationReport report_;
  std::string folder_;
  internal::BundleMembers members_;
  v1::Record record_;
  bool record_parsed_ = false;
  v1::RecordVersionEntry entry_;
  std::string salted_content_;
  Checkpoint checkpoint_;
};

}  // namespace

absl::StatusOr<v1::VerificationReport> VerifyEvidenceBundle(
    const TarSource& bundle, const BundleTrust& trust) {
  return BundleVerifier(bundle, trust).Run();
}

absl::StatusOr<v1::VerificationReport> VerifyEvidenceBundleBytes(
    absl::string_view bundle, const BundleTrust& trust) {
  return VerifyEvidenceBundle(*TarSourceFromBytes(bundle), trust);
}

absl::StatusOr<v1::VerificationReport> VerifyEvidenceBundleFile(
    const std::string& path, const BundleTrust& trust) {
  ASSIGN_OR_RETURN(std::unique_ptr<TarSource> source, OpenTarFile(path));
  return VerifyEvidenceBundle(*source, trust);
}

}  // namespace docintake::archive
