// Propagation helpers for absl::Status / absl::StatusOr (Debian's abseil ships
// none). Use inside functions returning absl::Status or absl::StatusOr<T>.
#ifndef DOCINTAKE_BASE_STATUS_MACROS_H_
#define DOCINTAKE_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define DOCINTAKE_CONCAT_INNER(a, b) a##b
#define DOCINTAKE_CONCAT(a, b) DOCINTAKE_CONCAT_INNER(a, b)

// Returns the status of `expr` from the current function unless it is OK.
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    absl::Status status_macro_ = (expr);           \
    if (!status_macro_.ok()) return status_macro_; \
  } while (0)

// Declares/assigns `lhs` from the StatusOr `rexpr`, or returns its error.
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  ASSIGN_OR_RETURN_IMPL(DOCINTAKE_CONCAT(statusor_, __LINE__), lhs, rexpr)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                          \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#endif  // DOCINTAKE_BASE_STATUS_MACROS_H_
