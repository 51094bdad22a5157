// Evidence bundle: everything a third party needs to check one archived record
// offline — no server, no database — in ONE POSIX ustar file that opens with
// `tar -xf` anywhere. Members, all under the folder `<document_id>/`:
//
//   README.txt             what each member is; how to check it by hand
//   original[.ext]         the original bytes (extension of the filename)
//   record.binpb           the archived v1.Record, bytes exactly as stored
//   record.json            the same record as protobuf JSON, for people
//   salt.bin               the content salt: leaf commitment = SHA-256(salt ‖
//                          original)
//   leaf.binpb             the v1.LogLeaf, bytes exactly as in the log
//   inclusion-proof.binpb  v1.InclusionProof (leaf and checkpoint omitted:
//                          they are members of their own)
//   checkpoint.txt         the signed checkpoint note the proof leads to
//   checkpoint.tsr         RFC 3161 token over SHA-256(checkpoint.txt), if any
//   public-key.pem         the archive's public key (SubjectPublicKeyInfo)
//   tsa-ca.pem             the TSA's CA certificates, if the server gives them
//   renditions/…, reports/…  reserved for later additions
//
// All functions are stateless and thread-safe.
#ifndef DOCINTAKE_ARCHIVE_EVIDENCE_BUNDLE_H_
#define DOCINTAKE_ARCHIVE_EVIDENCE_BUNDLE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "archive/record_store.h"
#include "archive/tar_reader.h"
#include "base/file_system.h"
#include "docintake/v1/log.pb.h"
#include "docintake/v1/record.pb.h"

namespace docintake::archive {

// Member names inside the bundle folder.
inline constexpr char kBundleReadme[] = "README.txt";
inline constexpr char kBundleOriginal[] = "original";  // + ".<ext>"
inline constexpr char kBundleRecord[] = "record.binpb";
inline constexpr char kBundleRecordJson[] = "record.json";
inline constexpr char kBundleSalt[] = "salt.bin";
inline constexpr char kBundleLeaf[] = "leaf.binpb";
inline constexpr char kBundleProof[] = "inclusion-proof.binpb";
inline constexpr char kBundleCheckpoint[] = "checkpoint.txt";
inline constexpr char kBundleTimestamp[] = "checkpoint.tsr";
inline constexpr char kBundlePublicKey[] = "public-key.pem";
inline constexpr char kBundleTsaCa[] = "tsa-ca.pem";
// Folders for later additions; the verifier lists their members as present
// but not checked.
inline constexpr char kBundleRenditions[] = "renditions";
inline constexpr char kBundleReports[] = "reports";

// "original" plus the lower-cased extension of the record's filename (1 to
// 10 letters or digits), else one derived from its media kind, else none.
std::string OriginalMemberName(const v1::Record& record);

// A member added besides the evidence: `name` lies under renditions/ or
// reports/ (e.g. "renditions/pdfa.pdf").
struct BundleAttachment {
  std::string name;
  std::string data;
};

struct EvidenceBundleOptions {
  std::string tsa_ca_pem;  // tsa-ca.pem, when not empty
  std::vector<BundleAttachment> attachments;
};

// Writes the bundle of `material` to `out`, streaming the original from
// `content` (which yields the archived bytes). The record's intake.size gives
// the original's member size. DATA_LOSS if the content has another size or
// does not hash to the material's content address — `out` then holds a
// partial bundle the caller must discard; INVALID_ARGUMENT for material that
// cannot make a bundle (record does not parse, unsafe document id, no
// checkpoint note, bad attachment names); errors of `out` as they come.
// Does not close `out`.
absl::Status WriteEvidenceBundle(const RecordStore::EvidenceMaterial& material,
                                 base::SequentialFile& content,
                                 const EvidenceBundleOptions& options,
                                 base::WritableFile& out);

// WriteEvidenceBundle into memory, for small content and tests.
absl::StatusOr<std::string> BuildEvidenceBundle(
    const RecordStore::EvidenceMaterial& material, absl::string_view content,
    const EvidenceBundleOptions& options = {});

// What the verifier may trust besides the bundle.
struct BundleTrust {
  // The archive's public key (PEM), obtained independently of the bundle.
  // Without it, public-key.pem is only self-attested by the bundle.
  std::optional<std::string> expected_public_key_pem;
  // Trust anchors for checkpoint.tsr. Without them, the token is checked
  // against the bundle's own tsa-ca.pem (self-attested) if there is one.
  std::vector<std::string> tsa_ca_pems;
};

// Detail prefix of a check that could not be done for want of a trust anchor
// (self-attested key, timestamp without a trusted CA): such a check has ok
// false, but does not make the report fail.
inline constexpr char kUncheckedPrefix[] = "UNCHECKED: ";
bool IsUnchecked(const v1::VerificationCheck& check);

// Checks a bundle offline: member set, content hash against the record,
// salted commitment and record hash against the leaf, leaf identity, the
// inclusion proof into the checkpoint, the checkpoint's signature (and the
// key against `trust`), the timestamp. Each failing check names the member
// and the expected and actual values; report.ok is true when no check failed
// (UNCHECKED ones aside). A non-OK status means the bytes are not a bundle at
// all: INVALID_ARGUMENT (not ustar, unsafe names, links, not one folder,
// members over the limits) or DATA_LOSS (truncated, bad header checksum).
absl::StatusOr<v1::VerificationReport> VerifyEvidenceBundle(
    const TarSource& bundle, const BundleTrust& trust);
// Over bytes in memory.
absl::StatusOr<v1::VerificationReport> VerifyEvidenceBundleBytes(
    absl::string_view bundle, const BundleTrust& trust);
// Over a file; its open errors as they come (e.g. NOT_FOUND).
absl::StatusOr<v1::VerificationReport> VerifyEvidenceBundleFile(
    const std::string& path, const BundleTrust& trust);

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_EVIDENCE_BUNDLE_H_
