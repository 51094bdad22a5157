// RunPuts: the timed archive load. `writers` threads take put numbers from a
// shared counter until `count` records are archived; every put is one
// RecordStore::Archive of a fresh document id with distinct content. With
// one writer that is the single-writer phase; with several, RecordStore
// writes their objects in parallel and serialises their SQLite commits.
#ifndef DOCINTAKE_BENCH_ARCHIVE_PUT_LOAD_H_
#define DOCINTAKE_BENCH_ARCHIVE_PUT_LOAD_H_

#include <string>

#include "absl/status/statusor.h"
#include "archive/record_store.h"
#include "bench/archive/measurement.h"

namespace docintake::bench {

struct PutLoad {
  int count = 0;
  int writers = 1;
  // Makes the payload tags, and so the contents, distinct from other phases'.
  int phase = 0;
};

// Archives `load.count` records made from `block` into `store` and times them
// from the first put's start to the last put's return. The first failed put
// stops the load and is returned.
absl::StatusOr<Measurement> RunPuts(archive::RecordStore& store,
                                    const std::string& block,
                                    const PutLoad& load);

}  // namespace docintake::bench

#endif  // DOCINTAKE_BENCH_ARCHIVE_PUT_LOAD_H_
