// RecordStore: the embedded archive — the original bytes in an ObjectStore and
// the archived Record in SQLite (archive.db). Archive() is durability point 2:
// when it returns OK the content and the record survive any crash. Archived
// versions are immutable (SQLite triggers refuse UPDATE and DELETE).
// Thread-safe.
#ifndef DOCINTAKE_ARCHIVE_RECORD_STORE_H_
#define DOCINTAKE_ARCHIVE_RECORD_STORE_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "archive/object_store.h"
#include "base/clock.h"
#include "base/file_system.h"
#include "base/sqlite.h"
#include "docintake/v1/record.pb.h"

namespace docintake::archive {

class RecordStore {
 public:
  // Opens (creating) the archive under `dir` (objects/ and archive.db). `fs`
  // and `clock` must outlive the store.
  static absl::StatusOr<std::unique_ptr<RecordStore>> Open(
      base::FileSystem& fs, const base::Clock& clock, const std::string& dir);

  // Stores `content` and `record` (with its ArchiveFacts filled in) as version
  // 1 of the document. Idempotent: archiving an already archived document
  // returns the facts of the stored version and writes nothing.
  absl::StatusOr<v1::ArchiveFacts> Archive(const v1::Record& record,
                                           absl::string_view content);

  // The latest archived version; NOT_FOUND if the document is not archived.
  absl::StatusOr<v1::Record> GetRecord(absl::string_view document_id);

  // The archived original bytes of the document.
  absl::StatusOr<std::unique_ptr<base::SequentialFile>> OpenContent(
      absl::string_view document_id);

 private:
  RecordStore(const base::Clock& clock, std::unique_ptr<ObjectStore> objects,
              std::unique_ptr<base::Database> db)
      : clock_(clock), objects_(std::move(objects)), db_(std::move(db)) {}

  const base::Clock& clock_;
  const std::unique_ptr<ObjectStore> objects_;
  absl::Mutex mu_;
  const std::unique_ptr<base::Database> db_ ABSL_PT_GUARDED_BY(mu_);
};

}  // namespace docintake::archive

#endif  // DOCINTAKE_ARCHIVE_RECORD_STORE_H_
