#include "archive/internal/bundle_readme.h"

#include "absl/strings/str_cat.h"

namespace docintake::archive::internal {
namespace {

// The submitted filename on one line: control characters become '?'.
std::string OneLine(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

}  // namespace

std::string BundleReadme(const ReadmeFacts& f) {
  const std::string& original = f.original_member;
  std::string out = absl::StrCat(
      "EVIDENCE BUNDLE - document ", f.document_id, ", record version ",
      f.version,
      "\n\n"
      "This folder shows, without any server, that the file ",
      original, " was archived\nunchanged by docintake (log \"", f.origin,
      "\"): the record describing it and a salted\n"
      "hash of the file are in a leaf of an append-only Merkle log (RFC "
      "6962), and\nthat leaf is included in a checkpoint of the log signed "
      "with the archive's key.\n\n"
      "  Document id:        ",
      f.document_id, "\n  Submitted as:       ",
      f.filename.empty() ? "(no filename)" : OneLine(f.filename),
      "\n  Archived at:        ", f.archived_at,
      "\n  Size:               ", f.size,
      " bytes\n  SHA-256:            ", f.sha256,
      "\n\nMEMBERS\n\n"
      "  README.txt             this guide. It is not evidence: the values it "
      "quotes are\n"
      "                         copies, and the verifier never reads it.\n"
      "  ",
      original,
      std::string(original.size() < 23 ? 23 - original.size() : 1, ' '),
      "the original bytes, as received.\n"
      "  record.binpb           the archived record (protobuf "
      "docintake.v1.Record),\n"
      "                         bytes exactly as stored.\n"
      "  record.json            the same record as JSON, for reading.\n"
      "  salt.bin               random bytes. The log commits to "
      "SHA-256(salt.bin + file),\n"
      "                         so once file and salt are lawfully deleted "
      "the log reveals\n"
      "                         nothing about the file and still verifies.\n"
      "  leaf.binpb             the log leaf (protobuf docintake.v1.LogLeaf), "
      "bytes exactly\n"
      "                         as in the log: document id, version, content "
      "commitment,\n"
      "                         record hash, time. To read it:\n"
      "                         protoc --decode_raw < leaf.binpb\n"
      "  inclusion-proof.binpb  the Merkle audit path "
      "(docintake.v1.InclusionProof) from the\n"
      "                         leaf (index ",
      f.leaf_index, ") to the root of the tree of size ", f.tree_size,
      ".\n"
      "  checkpoint.txt         the signed checkpoint (a signed note, "
      "c2sp.org/tlog-checkpoint):\n"
      "                         log name, tree size, root hash (base64), "
      "time, signature.\n");
  if (f.has_timestamp) {
    absl::StrAppend(&out,
                    "  checkpoint.tsr         RFC 3161 time-stamp token over "
                    "SHA-256(checkpoint.txt).\n");
  }
  absl::StrAppend(&out,
                  "  public-key.pem         the archive's public key. Its "
                  "SHA-256 fingerprint is\n                         ",
                  f.key_fingerprint,
                  "\n                         (openssl pkey -pubin -in "
                  "public-key.pem -outform DER | sha256sum);\n"
                  "                         compare it with the key the "
                  "archive publishes.\n");
  if (f.has_tsa_ca) {
    absl::StrAppend(&out,
                    "  tsa-ca.pem             the certificate(s) of the "
                    "time-stamping authority's CA.\n");
  }
  for (const std::string& name : f.attachments) {
    absl::StrAppend(&out, "  ", name,
                    "  (an addition; not covered by the checks below)\n");
  }
  absl::StrAppend(
      &out,
      "\nCHECKING EVERYTHING AT ONCE\n\n"
      "  docintake verify-bundle BUNDLE.tar --key ARCHIVE-PUBLIC-KEY.pem "
      "[--tsa-ca TSA-CA.pem]\n\n"
      "checks every step below and exits with 0 only if all hold. Without "
      "--key the key\nin public-key.pem is only attested by the bundle "
      "itself.\n\n"
      "CHECKING BY HAND (sha256sum, openssl; in this folder)\n\n"
      "1. The file:        sha256sum ",
      original, "\n   must print        ", f.sha256,
      "\n   which record.json states as intake.sha256 and "
      "archive.contentAddress.\n"
      "2. The commitment:  cat salt.bin ",
      original, " | sha256sum\n   must print        ", f.commitment,
      "\n   the leaf's content commitment (field 3).\n"
      "3. The record:      sha256sum record.binpb\n   must print        ",
      f.record_hash,
      "\n   the leaf's record hash (field 4).\n"
      "4. The leaf:        { printf '\\000'; cat leaf.binpb; } | sha256sum\n"
      "   gives             ",
      f.leaf_hash,
      "\n   Hashing it with the audit path of inclusion-proof.binpb as RFC "
      "6962 section\n   2.1.1 describes (node = SHA-256(0x01 + left + "
      "right)) must give the root in\n   checkpoint.txt: ",
      f.root_hash,
      " (hex).\n"
      "5. The signature:   the first four lines of checkpoint.txt are "
      "signed; the last\n   line holds the key id and the signature "
      "(c2sp.org/signed-note; Go's\n   golang.org/x/mod/sumdb/note verifies "
      "Ed25519 notes).\n");
  if (f.has_timestamp) {
    absl::StrAppend(
        &out,
        "6. The timestamp:   openssl ts -verify -in checkpoint.tsr -token_in "
        "\\\n       -digest $(sha256sum checkpoint.txt | cut -c1-64) -CAfile ",
        f.has_tsa_ca ? "tsa-ca.pem" : "TSA-CA.pem", "\n");
  }
  return out;
}

}  // namespace docintake::archive::internal
