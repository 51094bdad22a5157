// MeasureSqliteFloor: SQLite's durable commit rate as docintake opens its
// databases (base::Database: WAL, synchronous=FULL). One writer runs `count`
// transactions one after the other, each a single small INSERT. The WAL is
// grown first (untimed), so that commits overwrite allocated space as in a
// database that has run a while: the best case, and so the stricter floor.
#ifndef DOCINTAKE_BENCH_ARCHIVE_SQLITE_FLOOR_H_
#define DOCINTAKE_BENCH_ARCHIVE_SQLITE_FLOOR_H_

#include <string>

#include "absl/status/statusor.h"
#include "bench/archive/measurement.h"

namespace docintake::bench {

// Creates a database at `path` (which must not exist) and times `count`
// committed transactions. The measurement's operations are the commits and
// its bytes zero: the rows are tiny and their size is not the point.
absl::StatusOr<Measurement> MeasureSqliteFloor(const std::string& path,
                                               int count);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_SQLITE_FLOOR_H_
