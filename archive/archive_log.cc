#include "archive/archive_log.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "archive/checkpoint.h"
#include "archive/merkle_hash.h"
#include "base/sha256.h"
#include "base/status_macros.h"
#include "base/time_util.h"

namespace docintake::archive {
namespace {

constexpr absl::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS log_leaves (
  log_index INTEGER PRIMARY KEY,
  leaf_data BLOB    NOT NULL,
  leaf_hash BLOB    NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
  tree_size     INTEGER PRIMARY KEY,
  root_hash     BLOB    NOT NULL,
  created_at_us INTEGER NOT NULL,
  note          TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoint_timestamps (
  tree_size INTEGER PRIMARY KEY REFERENCES checkpoints (tree_size),
  token     BLOB    NOT NULL
);
CREATE TRIGGER IF NOT EXISTS log_leaves_immutable_u BEFORE UPDATE ON log_leaves
  BEGIN SELECT RAISE(ABORT, 'log leaves are immutable'); END;
CREATE TRIGGER IF NOT EXISTS log_leaves_immutable_d BEFORE DELETE ON log_leaves
  BEGIN SELECT RAISE(ABORT, 'log leaves are immutable'); END;
CREATE TRIGGER IF NOT EXISTS checkpoints_immutable_u BEFORE UPDATE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'checkpoints are immutable'); END;
CREATE TRIGGER IF NOT EXISTS checkpoints_immutable_d BEFORE DELETE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'checkpoints are immutable'); END;
CREATE TRIGGER IF NOT EXISTS timestamps_immutable_u
  BEFORE UPDATE ON checkpoint_timestamps
  BEGIN SELECT RAISE(ABORT, 'checkpoint timestamps are immutable'); END;
CREATE TRIGGER IF NOT EXISTS timestamps_immutable_d
  BEFORE DELETE ON checkpoint_timestamps
  BEGIN SELECT RAISE(ABORT, 'checkpoint timestamps are immutable'); END;
)sql";

constexpr absl::string_view kCheckpointColumns =
    "SELECT c.tree_size, c.root_hash, c.created_at_us, c.note, t.token "
    "FROM checkpoints c LEFT JOIN checkpoint_timestamps t "
    "ON t.tree_size = c.tree_size ";

}  // namespace

absl::StatusOr<std::unique_ptr<ArchiveLog>> ArchiveLog::Open(
    base::Database& db) {
  RETURN_IF_ERROR(db.Exec(kSchema));
  std::unique_ptr<ArchiveLog> log(new ArchiveLog(db));
  ASSIGN_OR_RETURN(
      base::Statement q,
      db.Prepare("SELECT log_index, leaf_hash FROM log_leaves ORDER BY "
                 "log_index"));
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    const std::string hash = q.ColumnText(1);
    if (static_cast<uint64_t>(q.ColumnInt(0)) != log->tree_.size() ||
        hash.size() != 32) {
      return absl::DataLossError(
          absl::StrCat("archive log: leaf ", q.ColumnInt(0),
                       " is missing or malformed "
                       "(expected leaf ",
                       log->tree_.size(), " with a 32-byte hash)"));
    }
    log->tree_.Append(hash);
  }
  return log;
}

absl::StatusOr<std::string> ArchiveLog::InsertLeaf(
    absl::string_view leaf_data) {
  std::string hash = LeafHash(leaf_data);
  ASSIGN_OR_RETURN(base::Statement insert,
                   db_.Prepare("INSERT INTO log_leaves (log_index, leaf_data, "
                               "leaf_hash) VALUES (?, ?, ?)"));
  insert.Bind(1, static_cast<int64_t>(tree_.size()))
      .BindBlob(2, leaf_data)
      .BindBlob(3, hash);
  RETURN_IF_ERROR(insert.Run());
  return hash;
}

absl::StatusOr<std::string> ArchiveLog::LeafData(uint64_t index) {
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_.Prepare("SELECT leaf_data FROM log_leaves WHERE log_index = ?"));
  q.Bind(1, static_cast<int64_t>(index));
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat("no log leaf ", index));
  }
  return q.ColumnText(0);
}

absl::StatusOr<std::vector<ArchiveLog::StoredLeaf>> ArchiveLog::AllLeaves() {
  ASSIGN_OR_RETURN(base::Statement q,
                   db_.Prepare("SELECT leaf_data, leaf_hash FROM log_leaves "
                               "ORDER BY log_index"));
  std::vector<StoredLeaf> leaves;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return leaves;
    leaves.push_back({q.ColumnText(0), q.ColumnText(1)});
  }
}

absl::StatusOr<std::vector<v1::SignedCheckpoint>> ArchiveLog::AllCheckpoints() {
  ASSIGN_OR_RETURN(
      std::vector<uint64_t> sizes,
      [&]() -> absl::StatusOr<std::vector<uint64_t>> {
        ASSIGN_OR_RETURN(
            base::Statement q,
            db_.Prepare("SELECT tree_size FROM checkpoints ORDER BY "
                        "tree_size"));
        std::vector<uint64_t> out;
        while (true) {
          ASSIGN_OR_RETURN(bool row, q.Step());
          if (!row) return out;
          out.push_back(static_cast<uint64_t>(q.ColumnInt(0)));
        }
      }());
  std::vector<v1::SignedCheckpoint> checkpoints;
  for (uint64_t size : sizes) {
    ASSIGN_OR_RETURN(v1::SignedCheckpoint checkpoint, GetCheckpoint(size));
    checkpoints.push_back(std::move(checkpoint));
  }
  return checkpoints;
}

absl::StatusOr<std::optional<v1::SignedCheckpoint>> ArchiveLog::Checkpoint(
    const SigningKey& key, const std::string& origin, absl::Time now) {
  uint64_t from = 0;
  absl::StatusOr<v1::SignedCheckpoint> latest = GetCheckpoint(0);
  if (latest.ok()) {
    if (latest->tree_size() == tree_.size()) return std::nullopt;
    from = latest->tree_size();
  } else if (!absl::IsNotFound(latest.status())) {
    return latest.status();
  }
  if (tree_.size() == 0) return std::nullopt;
  // Recompute before signing: a bit flipped in memory or on disk must never
  // be signed into the log.
  for (uint64_t i = from; i < tree_.size(); ++i) {
    ASSIGN_OR_RETURN(std::string data, LeafData(i));
    const std::string recomputed = LeafHash(data);
    if (recomputed != tree_.leaf_hash(i)) {
      return absl::DataLossError(absl::StrCat(
          "archive log: leaf ", i, " hashes to ",
          absl::BytesToHexString(recomputed), " but the tree holds ",
          absl::BytesToHexString(tree_.leaf_hash(i)),
          "; no checkpoint was signed"));
    }
  }
  ASSIGN_OR_RETURN(std::string root, tree_.Root(tree_.size()));
  archive::Checkpoint checkpoint{origin, tree_.size(), root, now};
  const std::string note = SignCheckpoint(checkpoint, key);
  ASSIGN_OR_RETURN(base::Statement insert,
                   db_.Prepare("INSERT INTO checkpoints (tree_size, root_hash, "
                               "created_at_us, note) VALUES (?, ?, ?, ?)"));
  insert.Bind(1, static_cast<int64_t>(tree_.size()))
      .BindBlob(2, root)
      .Bind(3, absl::ToUnixMicros(now))
      .Bind(4, note);
  RETURN_IF_ERROR(insert.Run());
  v1::SignedCheckpoint out;
  out.set_tree_size(tree_.size());
  out.set_root_hash(root);
  *out.mutable_created_at() = base::ToProtoTime(now);
  out.set_note(note);
  return out;
}

absl::StatusOr<v1::SignedCheckpoint> ArchiveLog::QueryCheckpoint(
    absl::string_view sql, int64_t arg) {
  ASSIGN_OR_RETURN(base::Statement q, db_.Prepare(sql));
  q.Bind(1, arg);
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return absl::NotFoundError("no such checkpoint");
  v1::SignedCheckpoint out;
  out.set_tree_size(static_cast<uint64_t>(q.ColumnInt(0)));
  out.set_root_hash(q.ColumnText(1));
  *out.mutable_created_at() =
      base::ToProtoTime(absl::FromUnixMicros(q.ColumnInt(2)));
  out.set_note(q.ColumnText(3));
  out.set_timestamp_token(q.ColumnText(4));
  return out;
}

absl::StatusOr<v1::SignedCheckpoint> ArchiveLog::GetCheckpoint(
    uint64_t tree_size) {
  absl::StatusOr<v1::SignedCheckpoint> checkpoint =
      tree_size == 0
          ? QueryCheckpoint(absl::StrCat(kCheckpointColumns,
                                         "WHERE ?1 = 0 ORDER BY c.tree_size "
                                         "DESC LIMIT 1"),
                            0)
          : QueryCheckpoint(
                absl::StrCat(kCheckpointColumns, "WHERE c.tree_size = ?1"),
                static_cast<int64_t>(tree_size));
  if (absl::IsNotFound(checkpoint.status())) {
    return absl::NotFoundError(
        tree_size == 0
            ? std::string("the archive has no checkpoint yet")
            : absl::StrCat("no checkpoint of tree size ", tree_size));
  }
  return checkpoint;
}

absl::StatusOr<v1::SignedCheckpoint> ArchiveLog::FirstCheckpointCovering(
    uint64_t index) {
  absl::StatusOr<v1::SignedCheckpoint> checkpoint = QueryCheckpoint(
      absl::StrCat(kCheckpointColumns,
                   "WHERE c.tree_size > ?1 ORDER BY c.tree_size LIMIT 1"),
      static_cast<int64_t>(index));
  if (absl::IsNotFound(checkpoint.status())) {
    return absl::FailedPreconditionError(
        absl::StrCat("log leaf ", index,
                     " is not covered by a checkpoint yet; "
                     "checkpoints are signed every few seconds"));
  }
  return checkpoint;
}

absl::Status ArchiveLog::AddTimestamp(uint64_t tree_size,
                                      absl::string_view token_der) {
  ASSIGN_OR_RETURN(base::Statement insert,
                   db_.Prepare("INSERT INTO checkpoint_timestamps (tree_size, "
                               "token) VALUES (?, ?)"));
  insert.Bind(1, static_cast<int64_t>(tree_size)).BindBlob(2, token_der);
  return insert.Run();
}

absl::StatusOr<std::vector<uint64_t>> ArchiveLog::UntimestampedCheckpoints() {
  ASSIGN_OR_RETURN(
      base::Statement q,
      db_.Prepare("SELECT c.tree_size FROM checkpoints c LEFT JOIN "
                  "checkpoint_timestamps t ON t.tree_size = c.tree_size "
                  "WHERE t.tree_size IS NULL ORDER BY c.tree_size"));
  std::vector<uint64_t> sizes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return sizes;
    sizes.push_back(static_cast<uint64_t>(q.ColumnInt(0)));
  }
}

absl::StatusOr<v1::InclusionProof> ArchiveLog::InclusionProof(
    uint64_t index, uint64_t tree_size) {
  ASSIGN_OR_RETURN(v1::SignedCheckpoint checkpoint, GetCheckpoint(tree_size));
  if (index >= checkpoint.tree_size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf ", index, " is not in the tree of size ",
                     checkpoint.tree_size()));
  }
  ASSIGN_OR_RETURN(std::vector<std::string> path,
                   tree_.InclusionProof(index, checkpoint.tree_size()));
  v1::InclusionProof proof;
  ASSIGN_OR_RETURN(*proof.mutable_leaf_data(), LeafData(index));
  proof.set_leaf_index(index);
  proof.set_tree_size(checkpoint.tree_size());
  for (std::string& hash : path) proof.add_hashes(std::move(hash));
  *proof.mutable_checkpoint() = std::move(checkpoint);
  return proof;
}

absl::StatusOr<v1::ConsistencyProof> ArchiveLog::ConsistencyProof(
    uint64_t old_size, uint64_t new_size) {
  if (old_size == 0 || old_size > new_size) {
    return absl::InvalidArgumentError(
        "a consistency proof needs 0 < old_size <= new_size");
  }
  // Only between signed sizes: proofs are about what the archive committed to.
  RETURN_IF_ERROR(GetCheckpoint(old_size).status());
  RETURN_IF_ERROR(GetCheckpoint(new_size).status());
  ASSIGN_OR_RETURN(std::vector<std::string> path,
                   tree_.ConsistencyProof(old_size, new_size));
  v1::ConsistencyProof proof;
  proof.set_old_size(old_size);
  proof.set_new_size(new_size);
  for (std::string& hash : path) proof.add_hashes(std::move(hash));
  return proof;
}

}  // namespace docintake::archive
