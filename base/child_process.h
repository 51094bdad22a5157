// RunInChild: runs a piece of work on untrusted input in a forked child
// process with a CPU-time and memory limit and a wall-clock deadline, and
// returns the bytes it produced. A parser that loops, explodes or crashes on
// hostile input then costs one child, not the service: the child is killed
// and the caller gets a clear error. The work must touch only what it was
// given (no locks other threads may hold, no gRPC); the child ends with
// _exit, running no destructors or atexit handlers. Thread-safe.
#ifndef DOCINTAKE_BASE_CHILD_PROCESS_H_
#define DOCINTAKE_BASE_CHILD_PROCESS_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace docintake::base {

struct ChildLimits {
  // Wall clock until the child is killed (also its CPU-time limit).
  absl::Duration deadline = absl::Seconds(60);
  // Address-space limit of the child (0: none).
  uint64_t max_memory_bytes = 0;
  // Named in the error messages, e.g. "rendering page 3".
  std::string what = "the work";
};

// Runs `work` in a child. Its StatusOr travels back: an OK value as bytes,
// an error with its code and message. RESOURCE_EXHAUSTED naming the limit
// when the child runs out of time or memory; INTERNAL when it crashes or
// fork/pipe fail.
absl::StatusOr<std::string> RunInChild(
    const std::function<absl::StatusOr<std::string>()>& work,
    const ChildLimits& limits);

}  // namespace docintake::base

#endif  // DOCINTAKE_BASE_CHILD_PROCESS_H_
