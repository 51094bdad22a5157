// RAII adapter over SQLite: a Database owns a connection, a Statement a
// prepared statement; errors come back as absl::Status (constraint violations
// as ALREADY_EXISTS, corruption as DATA_LOSS, busy as UNAVAILABLE). A Database
// is used by one thread at a time (callers hold a mutex); a Statement must not
// outlive its Database.
#ifndef DOCINTAKE_BASE_SQLITE_H_
#define DOCINTAKE_BASE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct sqlite3;
struct sqlite3_stmt;

namespace docintake::base {

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, absl::string_view text);
  Statement& BindBlob(int index, absl::string_view bytes);
  Statement& BindNull(int index);

  // Runs one step: true when a row is ready, false when done.
  absl::StatusOr<bool> Step();
  // Steps until done; for statements that return no rows.
  absl::Status Run();

  // Columns are 0-based, as in SQLite.
  int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  // Opens (creating) `path` in WAL mode with synchronous=FULL and foreign keys.
  static absl::StatusOr<std::unique_ptr<Database>> Open(
      const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without parameters.
  absl::Status Exec(absl::string_view sql);
  absl::StatusOr<Statement> Prepare(absl::string_view sql);
  // Rows changed by the last INSERT/UPDATE/DELETE.
  int Changes() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Converts a SQLite result code plus the connection's message to a Status.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_SQLITE_H_
