// Seeds of the archive targets: ustar files good and hostile, a whole
// evidence bundle from a real RecordStore (tar_reader); signed checkpoint
// notes and public keys (checkpoint); RFC 3161 responses and tokens of a
// test TSA (timestamp); raw and built Merkle proofs (merkle_proof).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "archive/checkpoint.h"
#include "archive/evidence_bundle.h"
#include "archive/internal/tar_header.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_tree.h"
#include "archive/record_store.h"
#include "archive/signing_key.h"
#include "archive/tar_reader.h"
#include "archive/tar_writer.h"
#include "archive/timestamp.h"
#include "base/clock.h"
#include "base/document_id.h"
#include "base/file_system.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "base/string_file.h"
#include "tests/fuzz/seed_generator.h"
#include "tests/fuzz/timestamp_fuzz_input.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_tsa.h"

namespace docintake::fuzz {
namespace {

using archive::internal::kTarBlockSize;

// ---- ustar ----

// `tar` without the zero padding after its end-of-archive marker.
absl::StatusOr<std::string> TrimTar(std::string tar) {
  ASSIGN_OR_RETURN(std::vector<archive::TarMember> members,
                   archive::ListTarMembers(*archive::TarSourceFromBytes(tar),
                                           archive::TarLimits()));
  uint64_t end = 0;
  if (!members.empty()) {
    end = members.back().data_offset +
          archive::internal::TarPaddedSize(members.back().size);
  }
  tar.resize(end + 2 * kTarBlockSize);
  return tar;
}

struct TarEntry {
  std::string name;  // ending in '/' for a folder
  std::string data;
};

absl::StatusOr<std::string> WriteTar(const std::vector<TarEntry>& entries) {
  std::string tar;
  base::StringWritableFile sink(tar);
  archive::TarWriter writer(sink, absl::FromUnixSeconds(1700000000));
  for (const TarEntry& e : entries) {
    if (!e.name.empty() && e.name.back() == '/') {
      RETURN_IF_ERROR(writer.AddDirectory(e.name.substr(0, e.name.size() - 1)));
    } else {
      RETURN_IF_ERROR(writer.AddFile(e.name, e.data));
    }
  }
  RETURN_IF_ERROR(writer.Finish());
  return TrimTar(std::move(tar));
}

// Header fields (offset, width) of POSIX ustar.
struct Field {
  size_t offset;
  size_t width;
};
constexpr Field kName{0, 100};
constexpr Field kSize{124, 12};
constexpr Field kChecksum{148, 8};
constexpr Field kTypeflag{156, 1};
constexpr Field kLinkname{157, 100};
constexpr Field kMagic{257, 6};

void SetField(std::string& header, Field field, absl::string_view value) {
  header.replace(field.offset, field.width, std::string(field.width, '\0'));
  header.replace(field.offset, value.size(), value.data(), value.size());
}

void FixChecksum(std::string& header) {
  SetField(header, kChecksum, "        ");
  unsigned sum = 0;
  for (char c : header) sum += static_cast<unsigned char>(c);
  char text[8];
  std::snprintf(text, sizeof(text), "%06o", sum & 0777777);
  SetField(header, kChecksum, std::string(text, 6) + std::string("\0 ", 2));
}

// One member "payload.txt" holding `data`, its header edited by `edit`,
// followed by the end-of-archive marker.
template <typename Edit>
absl::StatusOr<std::string> EditedTar(absl::string_view data, Edit edit) {
  archive::internal::TarHeader fields;
  fields.name = "payload.txt";
  fields.size = data.size();
  ASSIGN_OR_RETURN(std::string header,
                   archive::internal::EncodeTarHeader(fields));
  edit(header);
  std::string body(data);
  body.resize(archive::internal::TarPaddedSize(data.size()), '\0');
  return header + body + std::string(2 * kTarBlockSize, '\0');
}

absl::Status WritePlainTarSeeds(const SeedWriter& out) {
  ASSIGN_OR_RETURN(std::string one,
                   WriteTar({{"hallo.txt", "Hallo docintake\n"}}));
  RETURN_IF_ERROR(out.Write("tar_reader", "one-member.tar", one));
  ASSIGN_OR_RETURN(
      std::string nested,
      WriteTar({{"akte/", ""},
                {"akte/scan.pdf", MinimalPdf("Scan")},
                {"akte/leer.txt", ""},
                {"akte/unter/ordner/tief.txt", std::string(700, 'x')}}));
  RETURN_IF_ERROR(out.Write("tar_reader", "folders.tar", nested));
  RETURN_IF_ERROR(out.Write("tar_reader", "empty-archive.tar",
                            std::string(2 * kTarBlockSize, '\0')));
  RETURN_IF_ERROR(out.Write("tar_reader", "no-end-marker.tar",
                            one.substr(0, one.size() - 2 * kTarBlockSize)));
  RETURN_IF_ERROR(out.Write("tar_reader", "lone-zero-block.tar",
                            one.substr(0, one.size() - kTarBlockSize)));
  RETURN_IF_ERROR(out.Write("tar_reader", "data-after-end.tar",
                            one + "appended after the end\n"));
  ASSIGN_OR_RETURN(std::string twice, WriteTar({{"a.txt", "1"}}));
  twice = twice.substr(0, 2 * kTarBlockSize) + twice;
  RETURN_IF_ERROR(out.Write("tar_reader", "duplicate-name.tar", twice));
  ASSIGN_OR_RETURN(std::string file_then_child, WriteTar({{"a", "file"}}));
  ASSIGN_OR_RETURN(std::string child, WriteTar({{"a/b", "under a file"}}));
  file_then_child = file_then_child.substr(0, 2 * kTarBlockSize) + child;
  RETURN_IF_ERROR(
      out.Write("tar_reader", "member-under-file.tar", file_then_child));

  struct Hostile {
    const char* name;
    void (*edit)(std::string&);
  };
  const Hostile hostile[] = {
      {"dot-dot.tar",
       [](std::string& h) { SetField(h, kName, "../../etc/cron.d/x"); }},
      {"absolute.tar",
       [](std::string& h) { SetField(h, kName, "/etc/passwd"); }},
      {"symlink.tar",
       [](std::string& h) {
         SetField(h, kTypeflag, "2");
         SetField(h, kLinkname, "/etc/shadow");
       }},
      {"hard-link.tar",
       [](std::string& h) {
         SetField(h, kTypeflag, "1");
         SetField(h, kLinkname, "hallo.txt");
       }},
      {"pax-header.tar", [](std::string& h) { SetField(h, kTypeflag, "x"); }},
      {"gnu-long-name.tar",
       [](std::string& h) { SetField(h, kTypeflag, "L"); }},
      {"char-device.tar", [](std::string& h) { SetField(h, kTypeflag, "3"); }},
      {"old-gnu-magic.tar",
       [](std::string& h) { SetField(h, kMagic, "ustar "); }},
      {"size-past-end.tar",
       [](std::string& h) { SetField(h, kSize, "00000777777"); }},
      {"base256-size.tar",
       [](std::string& h) {
         SetField(h, kSize, std::string("\x80\0\0\0\0\0\0\0\0\0\0\x10", 12));
       }},
      {"size-not-octal.tar",
       [](std::string& h) { SetField(h, kSize, "0000000009x"); }},
  };
  for (const Hostile& h : hostile) {
    ASSIGN_OR_RETURN(std::string tar,
                     EditedTar("Inhalt\n", [&](std::string& header) {
                       h.edit(header);
                       FixChecksum(header);
                     }));
    RETURN_IF_ERROR(out.Write("tar_reader", h.name, tar));
  }
  ASSIGN_OR_RETURN(std::string bad_sum,
                   EditedTar("Inhalt\n", [](std::string& header) {
                     header[kChecksum.offset] = '7';
                   }));
  return out.Write("tar_reader", "bad-checksum.tar", bad_sum);
}

// ---- An evidence bundle ----

absl::StatusOr<std::string> ArchiveOne(archive::RecordStore& store,
                                       base::FakeClock& clock,
                                       const std::string& content,
                                       const std::string& filename) {
  clock.Advance(absl::Milliseconds(5));
  v1::Record record;
  record.set_document_id(base::NewDocumentId(clock.Now()));
  record.set_state(v1::PROCESSING);
  record.mutable_intake()->set_filename(filename);
  record.mutable_intake()->set_sha256(base::Sha256Hex(content));
  record.mutable_intake()->set_size(content.size());
  record.mutable_intake()->set_media_kind(v1::PDF);
  RETURN_IF_ERROR(store.Archive(record, content).status());
  return record.document_id();
}

// The bundle with a one-line README and no padding: the same evidence in
// fewer bytes.
absl::StatusOr<std::string> CompactBundle(const std::string& bundle) {
  const std::unique_ptr<archive::TarSource> source =
      archive::TarSourceFromBytes(bundle);
  ASSIGN_OR_RETURN(std::vector<archive::TarMember> members,
                   archive::ListTarMembers(*source, archive::TarLimits()));
  std::vector<TarEntry> entries;
  for (const archive::TarMember& m : members) {
    if (m.is_directory) {
      entries.push_back({m.name + "/", ""});
    } else if (absl::EndsWith(m.name,
                              absl::StrCat("/", archive::kBundleReadme))) {
      entries.push_back({m.name, "Evidence bundle (README shortened).\n"});
    } else {
      ASSIGN_OR_RETURN(std::string data,
                       archive::ReadTarMember(*source, m, 1 << 20));
      entries.push_back({m.name, std::move(data)});
    }
  }
  return WriteTar(entries);
}

absl::Status WriteBundleSeed(const SeedWriter& out) {
  base::FakeClock clock(
      absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now())));
  ASSIGN_OR_RETURN(std::unique_ptr<testing::TestTsa> tsa,
                   testing::TestTsa::Create(clock));
  testing::TempDir dir;
  archive::RecordStoreOptions options;
  options.dir = dir.Path("archive");
  ASSIGN_OR_RETURN(
      std::unique_ptr<archive::RecordStore> store,
      archive::RecordStore::Open(base::FileSystem::Default(), clock, options));
  // Neighbours on both sides, so that the proof has an audit path.
  for (int i = 0; i < 2; ++i) {
    RETURN_IF_ERROR(
        ArchiveOne(*store, clock, absl::StrCat("vorher ", i), "a.pdf")
            .status());
  }
  const std::string content = MinimalPdf("Bescheid 2024");
  ASSIGN_OR_RETURN(std::string id,
                   ArchiveOne(*store, clock, content, "Bescheid 2024.PDF"));
  RETURN_IF_ERROR(ArchiveOne(*store, clock, "nachher", "b.pdf").status());
  RETURN_IF_ERROR(store->CreateCheckpoint().status());
  testing::InProcessTsaClient client(*tsa);
  RETURN_IF_ERROR(
      store->TimestampCheckpoints(client, {tsa->ca_pem()}).status());
  ASSIGN_OR_RETURN(archive::RecordStore::EvidenceMaterial material,
                   store->GetEvidenceMaterial(id));
  archive::EvidenceBundleOptions bundle_options;
  bundle_options.tsa_ca_pem = tsa->ca_pem();
  bundle_options.attachments.push_back(
      {"renditions/text.txt", "Bescheid 2024\n"});
  ASSIGN_OR_RETURN(std::string bundle, archive::BuildEvidenceBundle(
                                           material, content, bundle_options));
  ASSIGN_OR_RETURN(std::string compact, CompactBundle(bundle));
  // The compact bundle must still verify (self-attested key and TSA CA).
  ASSIGN_OR_RETURN(v1::VerificationReport report,
                   archive::VerifyEvidenceBundleBytes(compact, {}));
  if (!report.ok()) {
    return absl::InternalError("the compacted bundle does not verify");
  }
  return out.Write("tar_reader", "evidence-bundle.tar", compact);
}

// ---- Checkpoints ----

std::string Replace(std::string text, const std::string& from,
                    const std::string& to) {
  const size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

absl::Status WriteCheckpointSeeds(const SeedWriter& out) {
  const std::unique_ptr<archive::SigningKey> ed25519 =
      archive::SigningKey::Generate(archive::KeyAlgorithm::kEd25519);
  const std::unique_ptr<archive::SigningKey> p256 =
      archive::SigningKey::Generate(archive::KeyAlgorithm::kEcdsaP256);
  archive::Checkpoint checkpoint;
  checkpoint.origin = "docintake/archive";
  checkpoint.tree_size = 5;
  checkpoint.root_hash = archive::LeafHash("root of five");
  checkpoint.time = absl::FromUnixSeconds(1700000000);
  const std::string note = archive::SignCheckpoint(checkpoint, *ed25519);
  RETURN_IF_ERROR(out.Write("checkpoint", "ed25519.note", note));
  checkpoint.origin = "example.org/log";
  checkpoint.tree_size = 18446744073709551615ULL;
  RETURN_IF_ERROR(out.Write("checkpoint", "p256-max-size.note",
                            archive::SignCheckpoint(checkpoint, *p256)));
  RETURN_IF_ERROR(
      out.Write("checkpoint", "ed25519-key.pem", ed25519->PublicKeyPem()));
  RETURN_IF_ERROR(
      out.Write("checkpoint", "p256-key.pem", p256->PublicKeyPem()));
  RETURN_IF_ERROR(out.Write("checkpoint", "garbage-key.pem",
                            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAAAAA\n"
                            "-----END PUBLIC KEY-----\n"));

  const std::string time = "2023-11-14T22:13:20Z";
  struct Variant {
    const char* name;
    std::string note;
  };
  const Variant variants[] = {
      {"february-30.note", Replace(note, time, "2023-02-30T22:13:20Z")},
      {"leap-second.note", Replace(note, time, "2016-12-31T23:59:60Z")},
      {"leading-zero-size.note", Replace(note, "\n5\n", "\n05\n")},
      {"size-2-64.note", Replace(note, "\n5\n", "\n18446744073709551616\n")},
      {"no-blank-line.note", Replace(note, "Z\n\n", "Z\n")},
      {"two-signatures.note", note + note.substr(note.find("\xE2\x80\x94"))},
      {"other-key-name.note", Replace(note, "\xE2\x80\x94 docintake/archive",
                                      "\xE2\x80\x94 someone/else")},
      {"five-lines.note", Replace(note, "Z\n\n", "Z\nextra\n\n")},
      {"space-in-origin.note",
       Replace(note, "docintake/archive\n", "docintake archive\n")},
  };
  for (const Variant& v : variants) {
    RETURN_IF_ERROR(out.Write("checkpoint", v.name, v.note));
  }
  return absl::OkStatus();
}

// ---- Timestamps ----

absl::Status WriteTimestampSeeds(const SeedWriter& out) {
  ASSIGN_OR_RETURN(std::unique_ptr<testing::TestTsa> tsa,
                   testing::TestTsa::Create());
  const std::string& ca = tsa->ca_pem();
  const std::string digest = TimestampDigest();
  ASSIGN_OR_RETURN(std::string request,
                   archive::BuildTimestampRequest(digest, kTimestampNonce));
  ASSIGN_OR_RETURN(std::string response, tsa->Respond(request));
  ASSIGN_OR_RETURN(archive::TimestampToken token,
                   archive::VerifyTimestampResponse(response, digest,
                                                    kTimestampNonce, {ca}));
  RETURN_IF_ERROR(
      out.Write("timestamp", "response.bin", JoinTimestampInput(ca, response)));
  RETURN_IF_ERROR(out.Write("timestamp", "token.bin",
                            JoinTimestampInput(ca, token.token_der)));
  RETURN_IF_ERROR(out.Write("timestamp", "token-without-ca.bin",
                            JoinTimestampInput("", token.token_der)));
  RETURN_IF_ERROR(out.Write("timestamp", "response-tsa-cert-as-ca.bin",
                            JoinTimestampInput(tsa->tsa_cert_pem(), response)));

  ASSIGN_OR_RETURN(std::string other_nonce,
                   archive::BuildTimestampRequest(digest, "\x42"));
  ASSIGN_OR_RETURN(std::string other_nonce_response, tsa->Respond(other_nonce));
  RETURN_IF_ERROR(out.Write("timestamp", "response-other-nonce.bin",
                            JoinTimestampInput(ca, other_nonce_response)));
  ASSIGN_OR_RETURN(
      std::string other_digest,
      archive::BuildTimestampRequest(archive::LeafHash("other"), "\x42"));
  ASSIGN_OR_RETURN(std::string other_digest_response,
                   tsa->Respond(other_digest));
  RETURN_IF_ERROR(out.Write("timestamp", "response-other-digest.bin",
                            JoinTimestampInput(ca, other_digest_response)));

  tsa->set_mode(testing::TestTsa::Mode::kReject);
  ASSIGN_OR_RETURN(std::string rejection, tsa->Respond(request));
  RETURN_IF_ERROR(out.Write("timestamp", "rejection.bin",
                            JoinTimestampInput(ca, rejection)));
  RETURN_IF_ERROR(
      out.Write("timestamp", "ca-only.bin", JoinTimestampInput(ca + ca, "")));
  return out.Write("timestamp", "indefinite-length.bin",
                   JoinTimestampInput("", std::string("\x30\x80\x00\x00", 4)));
}

// ---- Merkle proofs ----

std::string U64(uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
  return out;
}

absl::Status WriteMerkleSeeds(const SeedWriter& out) {
  archive::MerkleTree tree;
  for (int i = 0; i < 7; ++i) {
    tree.Append(archive::LeafHash(absl::StrCat("leaf ", i)));
  }
  ASSIGN_OR_RETURN(std::string root, tree.Root(7));
  ASSIGN_OR_RETURN(std::string old_root, tree.Root(3));
  ASSIGN_OR_RETURN(std::vector<std::string> path, tree.InclusionProof(3, 7));
  ASSIGN_OR_RETURN(std::vector<std::string> proof, tree.ConsistencyProof(3, 7));
  std::string inclusion =
      std::string(1, '\0') + U64(3) + U64(7) + tree.leaf_hash(3) + root;
  for (const std::string& h : path) inclusion += h;
  RETURN_IF_ERROR(out.Write("merkle_proof", "inclusion-3-of-7.bin", inclusion));
  std::string consistency =
      std::string(1, '\0') + U64(3) + U64(7) + old_root + root;
  for (const std::string& h : proof) consistency += h;
  RETURN_IF_ERROR(
      out.Write("merkle_proof", "consistency-3-to-7.bin", consistency));
  RETURN_IF_ERROR(out.Write("merkle_proof", "short-hash.bin",
                            inclusion.substr(0, inclusion.size() - 5)));
  RETURN_IF_ERROR(out.Write("merkle_proof", "huge-sizes.bin",
                            std::string(1, '\0') + U64(~uint64_t{0} - 1) +
                                U64(~uint64_t{0}) +
                                std::string(64 * 32, '\x5a')));
  RETURN_IF_ERROR(out.Write("merkle_proof", "empty-tree.bin",
                            std::string(1, '\0') + U64(0) + U64(0) +
                                archive::EmptyTreeHash() +
                                archive::EmptyTreeHash()));
  // Built mode: sizes, leaf and old size, then the bits to flip.
  RETURN_IF_ERROR(out.Write("merkle_proof", "built-1.bin",
                            "\x01" + U64(0) + U64(0) + U64(0) + U64(1)));
  RETURN_IF_ERROR(out.Write("merkle_proof", "built-300.bin",
                            "\x01" + U64(299) + U64(150) + U64(127) + U64(5) +
                                U64(77) + U64(2) + U64(255)));
  return out.Write("merkle_proof", "built-64.bin",
                   "\x01" + U64(63) + U64(63) + U64(31) + U64(3) + U64(3));
}

}  // namespace

absl::Status WriteArchiveSeeds(const SeedWriter& out) {
  RETURN_IF_ERROR(WritePlainTarSeeds(out));
  RETURN_IF_ERROR(WriteBundleSeed(out));
  RETURN_IF_ERROR(WriteCheckpointSeeds(out));
  RETURN_IF_ERROR(WriteTimestampSeeds(out));
  return WriteMerkleSeeds(out);
}

}  // namespace docintake::fuzz
