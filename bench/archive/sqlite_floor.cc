#include "bench/archive/sqlite_floor.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/document_id.h"
#include "base/file_system.h"
#include "base/random.h"
#include "base/sqlite.h"
#include "base/status_macros.h"

namespace docintake::bench {
namespace {

// About the size of the archive's index row: an id and a digest.
constexpr size_t kDigestBytes = 32;

// One transaction of this many bytes grows the WAL past SQLite's automatic
// checkpoint (1000 pages); a RESTART checkpoint then makes the next writer
// start over at the WAL's beginning. The file keeps its size.
constexpr absl::string_view kGrowWal = R"sql(
CREATE TABLE wal_growth (filler BLOB NOT NULL);
INSERT INTO wal_growth VALUES (randomblob(8 * 1024 * 1024));
PRAGMA wal_checkpoint(RESTART);
)sql";

absl::Status CommitOne(base::Database& db, int64_t index,
                       const std::string& document_id,
                       const std::string& digest) {
  RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  absl::Status inserted = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(base::Statement insert,
                     db.Prepare("INSERT INTO commits (id, document_id, digest) "
                                "VALUES (?, ?, ?)"));
    insert.Bind(1, index).Bind(2, document_id).BindBlob(3, digest);
    RETURN_IF_ERROR(insert.Run());
    return db.Exec("COMMIT");
  }();
  if (!inserted.ok()) db.Exec("ROLLBACK").IgnoreError();
  return inserted;
}

}  // namespace

absl::StatusOr<Measurement> MeasureSqliteFloor(const std::string& path,
                                               int count) {
  if (base::FileSystem::Default().Exists(path)) {
    return absl::AlreadyExistsError(absl::StrCat(path, " exists"));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<base::Database> db,
                   base::Database::Open(path));
  RETURN_IF_ERROR(
      db->Exec("CREATE TABLE commits (id INTEGER PRIMARY KEY, "
               "document_id TEXT NOT NULL, digest BLOB NOT NULL)"));
  RETURN_IF_ERROR(db->Exec(kGrowWal));
  const std::string document_id = base::NewDocumentId(absl::Now());
  const std::string digest = base::RandomBytes(kDigestBytes);

  const Stopwatch stopwatch;
  for (int64_t i = 0; i < count; ++i) {
    RETURN_IF_ERROR(CommitOne(*db, i, document_id, digest));
  }
  const double seconds = stopwatch.Seconds();

  return Measurement{count, 0, seconds};
}

}  // namespace docintake::bench
