// `docintake archive SUBCOMMAND`: the archive's log — checkpoints, inclusion
// and consistency proofs (verified here, with the same code the server and
// the offline verifier use), the public key, record verification, and the
// export of evidence bundles.
#include <filesystem>
#include <ostream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/evidence_bundle.h"
#include "archive/merkle_hash.h"
#include "archive/merkle_proof.h"
#include "archive/signing_key.h"
#include "base/json_escape.h"
#include "base/random.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "intake/cli/archive_lifecycle_command.h"
#include "intake/cli/client.h"
#include "intake/cli/command.h"
#include "intake/cli/errors.h"
#include "intake/cli/flags.h"
#include "intake/cli/output.h"
#include "intake/cli/record_format.h"
#include "intake/cli/time_flag.h"

namespace docintake::cli {
namespace {

constexpr char kCommand[] = "archive";

constexpr char kUsage[] =
    "docintake archive SUBCOMMAND [flags] [args]\n\n"
    "  get ID                       the archived record (latest version)\n"
    "  checkpoint [--size N]        the latest (or size N) signed checkpoint\n"
    "  key                          the archive's public key (PEM)\n"
    "  proof ID [--version N] [--size N]\n"
    "                               inclusion proof of a record version, "
    "verified\n"
    "  consistency OLD NEW          consistency proof between two "
    "checkpoints, verified\n"
    "  verify ID                    re-check a record on the server\n"
    "  versions ID                  every version of a record\n"
    "  hold ID --reason R           set a legal hold (role archivist/admin)\n"
    "  release ID --reason R        clear a legal hold (role archivist/admin)\n"
    "  dispose-propose ID --reason R  propose disposition after retention\n"
    "                               (role archivist/admin)\n"
    "  dispose-approve ID           approve it: a second person, role admin\n"
    "  export ID -o FILE            the record's evidence bundle (tar), "
    "checked\n"
    "                               offline before FILE appears\n"
    "  scrub                        re-check the whole archive on the server\n"
    "  audit [ID] [--since T] [--until T]\n"
    "                               the audit trail (of one document)";

// Runs a unary call with a deadline; the error as absl::Status.
template <typename Call>
absl::Status Unary(const Client& client, Call call) {
  grpc::ClientContext context;
  SetUnaryDeadline(context);
  client.Identify(context);
  return FromGrpcStatus(call(context));
}

absl::StatusOr<archive::VerifyingKey> FetchKey(Client& client) {
  v1::ArchivePublicKey key;
  RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
    return client.archive().GetPublicKey(&c, v1::GetPublicKeyRequest(), &key);
  }));
  return archive::VerifyingKey::FromPem(key.pem());
}

absl::StatusOr<v1::SignedCheckpoint> FetchCheckpoint(Client& client,
                                                     uint64_t size) {
  v1::GetCheckpointRequest request;
  request.set_tree_size(size);
  v1::SignedCheckpoint checkpoint;
  RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
    return client.archive().GetCheckpoint(&c, request, &checkpoint);
  }));
  return checkpoint;
}

// The checkpoint's note verifies with the key and says what the message says.
absl::Status CheckSigned(const v1::SignedCheckpoint& checkpoint,
                         const archive::VerifyingKey& key) {
  ASSIGN_OR_RETURN(archive::Checkpoint note,
                   archive::VerifyCheckpoint(checkpoint.note(), key));
  if (note.tree_size != checkpoint.tree_size() ||
      note.root_hash != checkpoint.root_hash()) {
    return absl::DataLossError(
        "the checkpoint's signed note disagrees with its size or root");
  }
  return absl::OkStatus();
}

absl::Status ProveInclusion(Client& client, const std::string& id,
                            int64_t version, int64_t size, CommandIo& io,
                            bool json) {
  v1::GetInclusionProofRequest request;
  request.set_document_id(id);
  request.set_version(static_cast<uint64_t>(version));
  request.set_tree_size(static_cast<uint64_t>(size));
  v1::InclusionProof proof;
  RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
    return client.archive().GetInclusionProof(&c, request, &proof);
  }));
  ASSIGN_OR_RETURN(archive::VerifyingKey key, FetchKey(client));
  RETURN_IF_ERROR(CheckSigned(proof.checkpoint(), key));
  RETURN_IF_ERROR(archive::VerifyInclusion(
      archive::LeafHash(proof.leaf_data()), proof.leaf_index(),
      proof.tree_size(), {proof.hashes().begin(), proof.hashes().end()},
      proof.checkpoint().root_hash()));
  if (json) {
    io.out << MessageJson(proof) << std::endl;
  } else {
    io.out << "document " << id << ": log leaf " << proof.leaf_index()
           << " is included in the signed checkpoint of size "
           << proof.tree_size() << " (root "
           << absl::BytesToHexString(proof.checkpoint().root_hash())
           << "); proof verified" << std::endl;
  }
  return absl::OkStatus();
}

absl::Status ProveConsistency(Client& client, uint64_t old_size,
                              uint64_t new_size, CommandIo& io, bool json) {
  v1::GetConsistencyProofRequest request;
  request.set_old_size(old_size);
  request.set_new_size(new_size);
  v1::ConsistencyProof proof;
  RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
    return client.archive().GetConsistencyProof(&c, request, &proof);
  }));
  ASSIGN_OR_RETURN(archive::VerifyingKey key, FetchKey(client));
  ASSIGN_OR_RETURN(v1::SignedCheckpoint old_cp,
                   FetchCheckpoint(client, old_size));
  ASSIGN_OR_RETURN(v1::SignedCheckpoint new_cp,
                   FetchCheckpoint(client, new_size));
  RETURN_IF_ERROR(CheckSigned(old_cp, key));
  RETURN_IF_ERROR(CheckSigned(new_cp, key));
  RETURN_IF_ERROR(archive::VerifyConsistency(
      old_size, new_size, old_cp.root_hash(), new_cp.root_hash(),
      {proof.hashes().begin(), proof.hashes().end()}));
  if (json) {
    io.out << MessageJson(proof) << std::endl;
  } else {
    io.out << "the log of size " << new_size << " extends the log of size "
           << old_size << "; both checkpoints are signed; proof verified"
           << std::endl;
  }
  return absl::OkStatus();
}

absl::Status Verify(Client& client, const std::string& id, CommandIo& io,
                    bool json, bool& ok) {
  v1::VerifyRecordRequest request;
  request.set_document_id(id);
  v1::VerificationReport report;
  RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
    return client.archive().VerifyRecord(&c, request, &report);
  }));
  ok = report.ok();
  if (json) {
    io.out << MessageJson(report) << std::endl;
    return absl::OkStatus();
  }
  for (const v1::VerificationCheck& check : report.checks()) {
    io.out << (check.ok() ? "ok    " : "FAILED") << "  " << check.name() << ": "
           << check.detail() << "\n";
  }
  io.out << "document " << id << (ok ? ": verified" : ": VERIFICATION FAILED")
         << std::endl;
  return absl::OkStatus();
}

absl::Status Scrub(Client& client, CommandIo& io, bool json, bool& ok) {
  v1::ScrubReport report;
  // No deadline: a scrub reads the whole archive.
  grpc::ClientContext context;
  client.Identify(context);
  RETURN_IF_ERROR(FromGrpcStatus(
      client.archive().Scrub(&context, v1::ScrubRequest(), &report)));
  ok = report.ok();
  if (json) {
    io.out << MessageJson(report) << std::endl;
    return absl::OkStatus();
  }
  for (const v1::VerificationCheck& failure : report.failures()) {
    io.out << "FAILED  " << failure.name() << ": " << failure.detail() << "\n";
  }
  io.out << "scrubbed " << report.objects_checked() << " objects, "
         << report.versions_checked() << " record versions, "
         << report.leaves_checked() << " log leaves, "
         << report.checkpoints_checked()
         << " checkpoints: " << (ok ? "all verified" : "FAILURES FOUND")
         << std::endl;
  return absl::OkStatus();
}

absl::Status ListAudit(Client& client, v1::ListAuditEventsRequest request,
                       CommandIo& io, bool json) {
  do {
    v1::ListAuditEventsReply page;
    RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
      return client.archive().ListAuditEvents(&c, request, &page);
    }));
    for (const v1::AuditEvent& event : page.events()) {
      if (json) {
        io.out << MessageJson(event) << "\n";
        continue;
      }
      const v1::AuditEventEntry& e = event.event();
      io.out << absl::FormatTime(absl::RFC3339_sec,
                                 absl::FromUnixSeconds(e.at().seconds()),
                                 absl::UTCTimeZone())
             << "  " << v1::AuditEventEntry::Action_Name(e.action()) << "  "
             << (e.document_id().empty() ? "-" : e.document_id()) << "  "
             << e.actor() << "  " << e.peer() << "  leaf " << event.log_index()
             << "\n";
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  io.out << std::flush;
  return absl::OkStatus();
}

// Streams the evidence bundle into a temporary file beside `path`, checks it
// offline against the server's public key and only then renames it to
// `path`; on any failure no file remains.
absl::Status Export(Client& client, base::FileSystem& fs, const std::string& id,
                    const std::string& path, CommandIo& io, bool json) {
  v1::ArchivePublicKey key;
  RETURN_IF_ERROR(Unary(client, [&](grpc::ClientContext& c) {
    return client.archive().GetPublicKey(&c, v1::GetPublicKeyRequest(), &key);
  }));
  const std::filesystem::path target(path);
  std::string dir = target.parent_path().string();
  if (dir.empty()) dir = ".";
  const std::string tmp = absl::StrCat(dir, "/.", target.filename().string(),
                                       ".", base::RandomHex(6), ".part");
  ASSIGN_OR_RETURN(std::unique_ptr<base::WritableFile> file,
                   fs.NewWritableFile(tmp));
  uint64_t size = 0;
  base::Sha256 hasher;
  absl::Status done = [&]() -> absl::Status {
    grpc::ClientContext context;
    client.Identify(context);
    v1::ExportEvidenceRequest request;
    request.set_document_id(id);
    auto reader = client.archive().ExportEvidence(&context, request);
    v1::ContentChunk chunk;
    while (reader->Read(&chunk)) {
      absl::Status written = file->Append(chunk.data());
      if (!written.ok()) {
        context.TryCancel();
        (void)reader->Finish();
        return written;
      }
      hasher.Update(chunk.data());
      size += chunk.data().size();
    }
    RETURN_IF_ERROR(FromGrpcStatus(reader->Finish()));
    RETURN_IF_ERROR(file->Sync());
    RETURN_IF_ERROR(file->Close());
    archive::BundleTrust trust;
    trust.expected_public_key_pem = key.pem();
    ASSIGN_OR_RETURN(v1::VerificationReport report,
                     archive::VerifyEvidenceBundleFile(tmp, trust));
    for (const v1::VerificationCheck& check : report.checks()) {
      if (!check.ok() && !archive::IsUnchecked(check)) {
        return absl::DataLossError(
            absl::StrCat("the exported bundle does not verify: ", check.name(),
                         ": ", check.detail()));
      }
    }
    RETURN_IF_ERROR(fs.Rename(tmp, path));
    return fs.SyncDir(dir);
  }();
  if (!done.ok()) {
    file.reset();
    if (fs.Exists(tmp)) fs.Remove(tmp).IgnoreError();
    return done;
  }
  const std::string sha256 = absl::BytesToHexString(hasher.Finish());
  if (json) {
    io.out << "{\"documentId\":" << base::JsonQuote(id)
           << ",\"path\":" << base::JsonQuote(path) << ",\"size\":\"" << size
           << "\",\"sha256\":" << base::JsonQuote(sha256) << "}" << std::endl;
  } else {
    io.out << "document " << id << ": evidence bundle " << path << " ("
           << FormatBytes(size) << ", SHA-256 " << sha256
           << "), verified offline" << std::endl;
  }
  return absl::OkStatus();
}

}  // namespace

int RunArchive(const std::vector<std::string>& args, CommandIo& io) {
  CommonFlags common;
  int64_t version = 0;
  int64_t size = 0;
  std::string since, until, output, actor, role, reason;
  FlagSet flags(kUsage, "The archive's verifiable log.");
  flags.AddString("actor", &actor,
                  "who you are, for the audit trail (default: $USER)", "NAME");
  flags.AddString("role", &role, "archivist or admin (holds, disposition)",
                  "ROLE");
  flags.AddString("reason", &reason, "why (holds, disposition)", "TEXT");
  flags.AddString("since", &since, "audit events at or after this time",
                  "RFC3339");
  flags.AddString("until", &until, "audit events before this time", "RFC3339");
  common.Register(flags);
  flags.AddInt("version", &version, "record version (default: latest)");
  flags.AddInt("size", &size, "tree size of the checkpoint (default: latest)");
  flags.AddString("output", &output, "export: where to write the bundle",
                  "FILE");
  flags.AddAlias('o', "output");
  std::vector<std::string> positional;
  if (std::optional<int> done =
          ParseCommandLine(flags, kCommand, args, io, positional)) {
    return *done;
  }
  if (positional.empty()) return UsageError(io, kCommand, "needs a subcommand");
  if (std::optional<int> done = RunArchiveLifecycle(
          positional[0], {positional.begin() + 1, positional.end()},
          common.server, common.json, actor, role, reason, io)) {
    return *done;
  }
  if (version < 0 || size < 0) {
    return UsageError(io, kCommand,
                      "--version and --size must not be negative");
  }
  const std::string sub = positional[0];
  const std::vector<std::string> rest(positional.begin() + 1, positional.end());
  Client client(common.server);
  client.set_identity(DefaultActor(actor), role);
  absl::Status status;
  bool verified = true;
  if (sub == "get" && rest.size() == 1) {
    v1::GetRecordRequest request;
    request.set_document_id(rest[0]);
    v1::Record record;
    status = Unary(client, [&](grpc::ClientContext& c) {
      return client.archive().GetRecord(&c, request, &record);
    });
    if (status.ok()) {
      io.out << (common.json ? MessageJson(record) + "\n"
                             : RecordSummary(record))
             << std::flush;
    }
  } else if (sub == "checkpoint" && rest.empty()) {
    absl::StatusOr<v1::SignedCheckpoint> checkpoint =
        FetchCheckpoint(client, static_cast<uint64_t>(size));
    status = checkpoint.status();
    if (checkpoint.ok()) {
      if (common.json) {
        io.out << MessageJson(*checkpoint) << std::endl;
      } else {
        io.out << checkpoint->note()
               << (checkpoint->timestamp_token().empty()
                       ? "(no RFC 3161 timestamp yet)\n"
                       : "(RFC 3161 timestamped)\n")
               << std::flush;
      }
    }
  } else if (sub == "key" && rest.empty()) {
    v1::ArchivePublicKey key;
    status = Unary(client, [&](grpc::ClientContext& c) {
      return client.archive().GetPublicKey(&c, v1::GetPublicKeyRequest(), &key);
    });
    if (status.ok()) {
      io.out << (common.json ? MessageJson(key) + "\n" : key.pem())
             << std::flush;
    }
  } else if (sub == "proof" && rest.size() == 1) {
    status = ProveInclusion(client, rest[0], version, size, io, common.json);
  } else if (sub == "consistency" && rest.size() == 2) {
    uint64_t old_size = 0, new_size = 0;
    if (!absl::SimpleAtoi(rest[0], &old_size) ||
        !absl::SimpleAtoi(rest[1], &new_size)) {
      return UsageError(io, kCommand, "consistency wants two tree sizes");
    }
    status = ProveConsistency(client, old_size, new_size, io, common.json);
  } else if (sub == "audit" && rest.size() <= 1) {
    v1::ListAuditEventsRequest request;
    if (!rest.empty()) request.set_document_id(rest[0]);
    request.set_page_size(1000);
    absl::Status times = absl::OkStatus();
    if (!since.empty()) {
      times.Update(ParseTimeFlag("since", since, request.mutable_after()));
    }
    if (!until.empty()) {
      times.Update(ParseTimeFlag("until", until, request.mutable_before()));
    }
    if (!times.ok()) return UsageError(io, kCommand, times.message());
    status = ListAudit(client, std::move(request), io, common.json);
  } else if (sub == "scrub" && rest.empty()) {
    status = Scrub(client, io, common.json, verified);
  } else if (sub == "export" && rest.size() == 1) {
    if (output.empty()) return UsageError(io, kCommand, "-o FILE is required");
    status = Export(client, io.fs, rest[0], output, io, common.json);
  } else if (sub == "verify" && rest.size() == 1) {
    status = Verify(client, rest[0], io, common.json, verified);
  } else {
    return UsageError(
        io, kCommand,
        absl::StrCat("unknown subcommand or wrong arguments: ", sub));
  }
  if (!status.ok()) {
    io.err << ErrorLine(kCommand, sub, status) << std::endl;
    return kExitFailure;
  }
  return verified ? kExitOk : kExitFailure;
}

}  // namespace docintake::cli
